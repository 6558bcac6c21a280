// Publication dates as pages and feeds write them → the `YYYY-MM-DD` day the publisher printed (its own UTC offset).
import { isIsoDate } from '../../domain/time';

const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/i;
// RFC 822/1123 as RSS writes it: "Tue, 09 Nov 2021 14:05:00 +0100" (weekday and time optional).
const RFC822 = /^\s*(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\b/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The calendar day of an ISO 8601 date or date-time, or an RFC 822 date, as written: "2021-11-09T23:30:00-05:00"
 * is 9 November (the day the publisher's readers saw), not 10 November in UTC. Null when it is neither.
 */
export function publishedDay(value: string): string | null {
	const iso = ISO.exec(value);
	if (iso) {
		const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
		return isIsoDate(day) ? day : null;
	}
	const rfc = RFC822.exec(value);
	if (rfc) {
		const month = MONTHS.indexOf(rfc[2]!.toLowerCase());
		if (month < 0) return null;
		const year = rfc[3]!.length === 2 ? `20${rfc[3]}` : rfc[3]!;
		const day = `${year}-${String(month + 1).padStart(2, '0')}-${rfc[1]!.padStart(2, '0')}`;
		return isIsoDate(day) ? day : null;
	}
	return null;
}
