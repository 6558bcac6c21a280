// Calendar days as plain numbers: ISO dates <-> UTC day numbers, intervals and their overlap.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A closed interval of UTC days, `start <= end`, both inclusive. */
export interface DayRange {
	start: number;
	end: number;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
	const m = ISO_DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
	return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** Days since 1970-01-01 for an ISO date; throws on anything else. */
export function toDay(iso: string): number {
	if (!isIsoDate(iso)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
	return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The ISO date of a day number. */
export function fromDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date of a JS Date, read in UTC. */
export function isoOfDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return fromDay(toDay(iso) + days);
}

/** True when two closed day ranges share at least one day. */
export function overlaps(a: DayRange, b: DayRange): boolean {
	return a.start <= b.end && b.start <= a.end;
}

/** The day range of an event's `date_start`/`date_end`, or null when it is undated. */
export function eventDays(p: { date_start: string | null; date_end: string | null }): DayRange | null {
	if (!p.date_start) return null;
	const start = toDay(p.date_start);
	return { start, end: p.date_end ? toDay(p.date_end) : start };
}
