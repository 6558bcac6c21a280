// Parses geodata/gazetteer/curated.json: the aliases, landmarks, regions and demonyms the data packages lack.
import { isPlaceKind, type PlaceKind } from '../../domain/event';

export interface CuratedPlace {
	id: string;
	name: string;
	kind: PlaceKind;
	lat: number;
	lon: number;
	country_codes: string[];
	aliases?: string[];
	/** log10-scale prior (a city of 10⁶ people is 6); default 7. */
	prior?: number;
}

export interface CuratedFile {
	places: CuratedPlace[];
	aliases: { target: string; names: string[]; prior?: number }[];
	demonyms: { target: string; names: string[] }[];
	/** Words for "border" (English and Arabic) and the joiners that build border phrases. */
	border_words: string[];
	common_words: string[];
	/** Arabic names that are also everyday words (كيف "how" / Kyiv, مالي "financial" / Mali): places only after a
	 * place preposition or with a ب/ل proclitic. */
	arabic_common_words: string[];
	arabic_place_prepositions: string[];
	person_titles: string[];
	/** News-style abbreviations of regions (AP style "W.Va.", "Calif."): places with their full stop, a one-word one
	 * only after a comma ("Charleston, W.Va."). */
	postal_abbreviations: { target: string; names: string[] }[];
	/** Names of institutions that share a place's name ("Duma" is the parliament, not Douma in Syria): never places. */
	not_places: string[];
}

function fail(file: string, field: string, why: string): never {
	throw new Error(`${file}: ${field}: ${why}`);
}

function strings(v: unknown, file: string, field: string): string[] {
	if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(file, field, 'expected an array of strings');
	return v as string[];
}

/** Validates the curated gazetteer file; errors name the file and the field. */
export function parseCurated(json: string, file: string): CuratedFile {
	let raw: Record<string, unknown>;
	try {
		raw = JSON.parse(json) as Record<string, unknown>;
	} catch (e) {
		fail(file, '(root)', `invalid JSON: ${(e as Error).message}`);
	}
	const places = (Array.isArray(raw.places) ? raw.places : fail(file, 'places', 'expected an array')).map(
		(p: Record<string, unknown>, i: number): CuratedPlace => {
			const f = `places[${i}]`;
			if (typeof p.id !== 'string' || !/^(site|region|admin|country):/.test(p.id)) fail(file, `${f}.id`, 'expected site:/region:/admin: id');
			if (typeof p.name !== 'string') fail(file, `${f}.name`, 'expected a string');
			if (typeof p.kind !== 'string' || !isPlaceKind(p.kind)) fail(file, `${f}.kind`, 'expected a place kind');
			if (typeof p.lat !== 'number' || Math.abs(p.lat) > 90) fail(file, `${f}.lat`, 'expected a latitude');
			if (typeof p.lon !== 'number' || Math.abs(p.lon) > 180) fail(file, `${f}.lon`, 'expected a longitude');
			const cc = strings(p.country_codes, file, `${f}.country_codes`);
			if (cc.some((c) => !/^[A-Z]{3}$/.test(c))) fail(file, `${f}.country_codes`, 'expected ISO3 codes');
			return {
				id: p.id,
				name: p.name,
				kind: p.kind,
				lat: p.lat,
				lon: p.lon,
				country_codes: cc,
				aliases: p.aliases === undefined ? [] : strings(p.aliases, file, `${f}.aliases`),
				prior: typeof p.prior === 'number' ? p.prior : undefined
			};
		}
	);
	const targets = (key: 'aliases' | 'demonyms' | 'postal_abbreviations') =>
		(Array.isArray(raw[key]) ? (raw[key] as Record<string, unknown>[]) : fail(file, key, 'expected an array')).map((a, i) => {
			if (typeof a.target !== 'string') fail(file, `${key}[${i}].target`, 'expected a place id');
			return {
				target: a.target,
				names: strings(a.names, file, `${key}[${i}].names`),
				prior: typeof a.prior === 'number' ? a.prior : undefined
			};
		});
	return {
		places,
		postal_abbreviations: raw.postal_abbreviations === undefined ? [] : targets('postal_abbreviations').map(({ target, names }) => ({ target, names })),
		aliases: targets('aliases'),
		demonyms: targets('demonyms').map(({ target, names }) => ({ target, names })),
		border_words: strings(raw.border_words, file, 'border_words'),
		common_words: strings(raw.common_words, file, 'common_words'),
		arabic_common_words: raw.arabic_common_words === undefined ? [] : strings(raw.arabic_common_words, file, 'arabic_common_words'),
		arabic_place_prepositions: raw.arabic_place_prepositions === undefined ? [] : strings(raw.arabic_place_prepositions, file, 'arabic_place_prepositions'),
		person_titles: strings(raw.person_titles, file, 'person_titles'),
		not_places: raw.not_places === undefined ? [] : strings(raw.not_places, file, 'not_places')
	};
}
