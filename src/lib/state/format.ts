// Short human labels: event dates (the precision shows, so a month is never read as a day) and country names.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import type { EventProperties } from '$lib/domain/event';

countries.registerLocale(en); // the browser build of i18n-iso-countries ships no locale: the UI's is English

/** Codes in the data that ISO 3166 has not assigned (Kosovo's XKX is a common user-assigned one). */
const UNASSIGNED: Record<string, string> = { XKX: 'Kosovo' };

/**
 * The English short name of an ISO 3166-1 alpha-3 code: "Russia", "United States", "United Kingdom" (its common
 * short form where one exists, never an abbreviation like "UK"); the code itself when unknown.
 */
export function countryName(iso3: string): string {
	const alias = countries.getName(iso3, 'en', { select: 'alias' });
	if (alias && !/^[A-Z.]{2,5}$/.test(alias)) return alias;
	return countries.getName(iso3, 'en') ?? UNASSIGNED[iso3] ?? iso3;
}

/** `2022-03-05`, `week of 2022-03-07`, `2022-03`, `2022`, or `undated`. */
export function dateLabel(p: Pick<EventProperties, 'date_start' | 'date_end' | 'date_precision'>): string {
	const s = p.date_start;
	if (!s) return 'undated';
	switch (p.date_precision) {
		case 'day':
			return s;
		case 'week':
			return `week of ${s}`;
		case 'month':
			return s.slice(0, 7);
		case 'year':
			return s.slice(0, 4);
		default:
			return p.date_end && p.date_end !== s ? `${s} – ${p.date_end}` : s;
	}
}
