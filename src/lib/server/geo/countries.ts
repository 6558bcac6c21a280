// Natural Earth countries (world-atlas 50m) as GeoJSON, with Crimea drawn as Ukraine and longitudes unwrapped at 180°.
//
// Crimea: Natural Earth draws Crimea inside Russia at every resolution. This project follows UN General Assembly
// resolution 68/262 (27 March 2014, "Territorial integrity of Ukraine"), which affirms Ukraine's territorial
// integrity within its internationally recognised borders and calls on states not to recognise any alteration
// of the status of Crimea. So Crimea's polygon is moved from Russia to Ukraine in the topology (the Ukraine–Crimea
// arc then becomes internal and no border is drawn there), and `crimeaFeature()` gives the peninsula on its own,
// marked `status: "occupied"`, so the map can show it as occupied since 2014 (Russian-controlled, disputed).
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import countries from 'i18n-iso-countries';
import worldCountries from 'world-countries';
import topoJson from 'world-atlas/countries-50m.json' with { type: 'json' };

/** Natural Earth ISO numeric codes of the countries this module treats specially. */
const RUSSIA = '643';
const UKRAINE = '804';
/** A point inside Crimea (Simferopol), used to find the peninsula's polygon among Russia's. */
const CRIMEA_POINT: [number, number] = [34.1, 44.95];

export type CountryStatus = 'recognised' | 'occupied';

export interface CountryProperties {
	/** ISO 3166-1 alpha-3 (matches `country_codes` of events), or `N<numeric>` / `X-<name>` when Natural Earth has none. */
	iso_a3: string;
	iso_n3: string | null;
	name: string;
	/** Arabic short name from `world-countries`, or null. */
	name_ar: string | null;
	status: CountryStatus;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;

type CountryGeometry = (TopoPolygon | TopoMultiPolygon) & { id?: string; properties?: { name: string } };
type CountryTopology = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

function cloneTopology(): CountryTopology {
	return structuredClone(topoJson) as unknown as CountryTopology;
}

function decodeRing(topo: CountryTopology, ring: number[]): Position[] {
	// Only used to locate Crimea: a cheap decode through topojson-client on a one-polygon geometry.
	const f = feature(topo, { type: 'Polygon', arcs: [ring] } as TopoPolygon) as Feature<Polygon>;
	return f.geometry.coordinates[0] ?? [];
}

function ringContains(ring: Position[], [x, y]: [number, number]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as [number, number];
		const [xj, yj] = ring[j] as [number, number];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** The topology with Crimea's polygon moved from Russia to Ukraine; returns it and Crimea's arcs. */
let corrected: { topo: CountryTopology; crimea: number[][] } | null = null;

/** Built once and shared (callers only read it): the gazetteer asks for many borders. */
function topologyWithCrimeaInUkraine(): { topo: CountryTopology; crimea: number[][] } {
	corrected ??= buildTopologyWithCrimeaInUkraine();
	return corrected;
}

function buildTopologyWithCrimeaInUkraine(): { topo: CountryTopology; crimea: number[][] } {
	const topo = cloneTopology();
	const geoms = topo.objects.countries.geometries as CountryGeometry[];
	const russia = geoms.find((g) => g.id === RUSSIA);
	const ukraine = geoms.find((g) => g.id === UKRAINE);
	if (!russia || russia.type !== 'MultiPolygon' || !ukraine) throw new Error('world-atlas: Russia or Ukraine missing from countries-50m');
	const index = russia.arcs.findIndex((poly) => ringContains(decodeRing(topo, poly[0]!), CRIMEA_POINT));
	if (index < 0) throw new Error('world-atlas: no Russian polygon contains Crimea; the data changed, review the Crimea choice');
	const [crimea] = russia.arcs.splice(index, 1) as [number[][]];
	const ukrPolys = ukraine.type === 'Polygon' ? [ukraine.arcs] : ukraine.arcs;
	const merged: CountryGeometry = { type: 'MultiPolygon', id: ukraine.id, properties: ukraine.properties, arcs: [...ukrPolys, crimea] };
	geoms[geoms.indexOf(ukraine)] = merged;
	return { topo, crimea };
}

/** Shifts longitudes by ±360 so that no step along a line is longer than 180°: rings crossing 180° stay whole. */
export function unwrapRing(ring: Position[]): Position[] {
	const out: Position[] = [];
	let prev: number | null = null;
	let offset = 0;
	for (const [lon, lat] of ring as [number, number][]) {
		if (prev !== null) {
			const d = lon - prev;
			if (d > 180) offset -= 360;
			else if (d < -180) offset += 360;
		}
		prev = lon;
		out.push([round(lon + offset), round(lat)]);
	}
	return out;
}

function round(n: number): number {
	return Math.round(n * 1e4) / 1e4;
}

function unwrapGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(unwrapRing) };
	return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
}

const arabicNames = new Map(worldCountries.map((c) => [c.ccn3, c.translations?.ara?.common ?? null]));

function isoA3(id: string | undefined, name: string): string {
	if (id) return countries.numericToAlpha3(id) ?? `N${id}`;
	if (name === 'Kosovo') return 'XKX';
	return `X-${name.replace(/\W+/g, '')}`;
}

let cached: FeatureCollection<Polygon | MultiPolygon, CountryProperties> | null = null;

/**
 * Every country of Natural Earth 1:50m as a Polygon/MultiPolygon feature (feature id = ISO alpha-3),
 * Crimea inside Ukraine (see the header), coordinates unwrapped across 180° and rounded to 1e-4°.
 * The result is cached and shared: do not mutate it.
 */
export function countryFeatures(): FeatureCollection<Polygon | MultiPolygon, CountryProperties> {
	if (cached) return cached;
	const { topo } = topologyWithCrimeaInUkraine();
	const features: CountryFeature[] = [];
	const used = new Set<string>();
	for (const g of topo.objects.countries.geometries as CountryGeometry[]) {
		const f = feature(topo, g as TopoPolygon) as Feature<Polygon | MultiPolygon>;
		const name = g.properties?.name ?? 'unknown';
		// Natural Earth gives a few dependencies their sovereign's code (Ashmore and Cartier Is. = 036): keep ids unique.
		let iso = isoA3(g.id, name);
		if (used.has(iso)) iso = `${iso}-${name.replace(/\W+/g, '')}`;
		used.add(iso);
		features.push({
			type: 'Feature',
			id: iso,
			properties: { iso_a3: iso, iso_n3: g.id ?? null, name, name_ar: (g.id && arabicNames.get(g.id)) || null, status: 'recognised' },
			geometry: unwrapGeometry(f.geometry)
		});
	}
	cached = { type: 'FeatureCollection', features };
	return cached;
}

/** Crimea on its own, `status: "occupied"` (Ukraine under UN GA resolution 68/262, Russian-occupied since 2014). */
export function crimeaFeature(): CountryFeature {
	const { topo, crimea } = topologyWithCrimeaInUkraine();
	const f = feature(topo, { type: 'Polygon', arcs: crimea } as TopoPolygon) as Feature<Polygon>;
	return {
		type: 'Feature',
		id: 'UKR-CRIMEA',
		properties: { iso_a3: 'UKR', iso_n3: UKRAINE, name: 'Crimea', name_ar: 'القرم', status: 'occupied' },
		geometry: unwrapGeometry(f.geometry)
	};
}

/** Land borders between two countries (Crimea's Perekop line is internal to Ukraine) as one MultiLineString. */
export function borderLines(): Feature<MultiLineString, { kind: 'border' }> {
	const { topo } = topologyWithCrimeaInUkraine();
	const m = mesh(topo, topo.objects.countries, (a, b) => a !== b);
	return { type: 'Feature', properties: { kind: 'border' }, geometry: { type: 'MultiLineString', coordinates: m.coordinates.map(unwrapRing) } };
}

/** The shared border of two countries (ISO alpha-3), e.g. `sharedBorder('BLR', 'POL')`, or null when they touch nowhere. */
export function sharedBorder(a3: string, b3: string): Feature<MultiLineString> | null {
	const { topo } = topologyWithCrimeaInUkraine();
	const a = countries.alpha3ToNumeric(a3);
	const b = countries.alpha3ToNumeric(b3);
	const m = mesh(topo, topo.objects.countries, (x, y) => {
		const ids = [(x as CountryGeometry).id, (y as CountryGeometry).id];
		return x !== y && ids.includes(a) && ids.includes(b);
	});
	if (!m.coordinates.length) return null;
	return { type: 'Feature', properties: { a: a3, b: b3 }, geometry: { type: 'MultiLineString', coordinates: m.coordinates.map(unwrapRing) } };
}

function polygonArea(ring: Position[]): number {
	let s = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
	return Math.abs(s / 2);
}

/** Where to write a country's name: the centroid of its largest polygon's outer ring (nudged to a vertex mean). */
export function countryLabels(): FeatureCollection<Point, CountryProperties> {
	const out: Feature<Point, CountryProperties>[] = [];
	for (const f of countryFeatures().features) {
		const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		let best = polys[0]![0]!;
		for (const p of polys) if (polygonArea(p[0]!) > polygonArea(best)) best = p[0]!;
		if (polygonArea(best) < 0.5) continue; // islands and micro-states: no room for a label at country zooms
		let cx = 0;
		let cy = 0;
		let a = 0;
		for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
			const [x0, y0] = best[j] as [number, number];
			const [x1, y1] = best[i] as [number, number];
			const k = x0 * y1 - x1 * y0;
			a += k;
			cx += (x0 + x1) * k;
			cy += (y0 + y1) * k;
		}
		let point: [number, number] = [cx / (3 * a), cy / (3 * a)];
		if (!ringContains(best, point)) point = best[Math.floor(best.length / 2)] as [number, number];
		out.push({ type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates: [round(point[0]), round(point[1])] } });
	}
	return { type: 'FeatureCollection', features: out };
}
