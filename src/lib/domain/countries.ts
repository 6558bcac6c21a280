// English short names of countries by ISO 3166-1 alpha-3 code, for labels and generated summaries.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en); // the browser build of i18n-iso-countries ships no locale: the UI's is English

/**
 * Where ISO's English name is a formal one ("Moldova, Republic of") or missing (Kosovo's user-assigned XKX), the
 * common short name, as world-countries (the gazetteer's country names) gives it.
 */
const SHORT: Record<string, string> = {
	XKX: 'Kosovo', UNK: 'Kosovo', MDA: 'Moldova', SYR: 'Syria', KOR: 'South Korea', PRK: 'North Korea', LAO: 'Laos',
	COD: 'DR Congo', COG: 'Republic of the Congo', CIV: 'Ivory Coast', BRN: 'Brunei', MAC: 'Macau', GMB: 'Gambia',
	NLD: 'Netherlands', TUR: 'Türkiye', FSM: 'Micronesia'
};

/**
 * The English short name of an ISO 3166-1 alpha-3 code: "Russia", "United States", "United Kingdom" (the common
 * short form where one exists, never an abbreviation like "UK"); the code itself when unknown.
 */
export function countryName(iso3: string): string {
	const short = SHORT[iso3];
	if (short) return short;
	const alias = countries.getName(iso3, 'en', { select: 'alias' });
	if (alias && !/^[A-Z.]{2,5}$/.test(alias)) return alias;
	return countries.getName(iso3, 'en') ?? iso3;
}
