// The world gazetteer: one lazily built instance shared by the pipeline, the CLI and the server.
import { countryFeatures, sharedBorder } from '../geo/countries';
import along from '@turf/along';
import length from '@turf/length';
import { lineString } from '@turf/helpers';
import type { Geometry, LineString, MultiLineString } from 'geojson';
import type { Place, PlaceMention } from '../../domain/place';
import type { GazetteerData } from './build';
import { loadGazetteerData } from './cache';
import { geoparse, townPart, type GeoparseOptions } from './geoparse';
import { nameKey } from '../text/normalize';

export type { GeoparseOptions } from './geoparse';

export interface Gazetteer {
	/** Place mentions in a text, non-overlapping, sorted by start, UTF-16 offsets into `text`. */
	geoparseDocument(text: string, opts: GeoparseOptions): PlaceMention[];
	/** A place by id (`gn:…`, `country:ISO3`, `admin:…`, `border:ISO3-ISO3`, `region:…`, `site:…`, and a site at a
	 * town `site:gn-<geonameid>-<label>`, or its district `admin:gn-<geonameid>-district`), or null. */
	byId(id: string): Place | null;
	/** The place's shape: country (Multi)Polygon, border (Multi)LineString; null for points. */
	shapeOf(id: string): Geometry | null;
	/** Places whose name or alias starts with `query`, exact names first, then by population/size. */
	search(query: string, limit: number): Place[];
	/** The border shared by two countries (ISO3, any order), or null when they share none. */
	border(a: string, b: string): Place | null;
	/** Milliseconds it took to build. */
	readonly loadMs: number;
}

class WorldGazetteer implements Gazetteer {
	readonly loadMs: number;
	private borders = new Map<string, { place: Place; line: LineString | MultiLineString } | null>();

	constructor(private data: GazetteerData, loadMs: number) {
		this.loadMs = loadMs;
	}

	geoparseDocument(text: string, opts: GeoparseOptions): PlaceMention[] {
		return geoparse(text, opts, this.data, (a, b) => this.border(a, b));
	}

	byId(id: string): Place | null {
		const m = /^border:([A-Z]{3})-([A-Z]{3})$/.exec(id);
		if (m) return this.border(m[1]!, m[2]!);
		// A site or district the geoparser made at a town's point ("Kramatorsk railway station", "Bakhmut district").
		const t = /^(site|admin):gn-(\d+)-([a-z-]+)$/.exec(id);
		if (t) {
			const town = this.data.store.place(`gn:${t[2]}`);
			return town?.kind === 'city' ? townPart(town, t[3]!.replace(/-/g, ' '), t[1] as 'site' | 'admin') : null;
		}
		return this.data.store.place(id) ?? null;
	}

	border(a: string, b: string): Place | null {
		const [x, y] = [a, b].sort() as [string, string];
		const id = `border:${x}-${y}`;
		if (this.borders.has(id)) return this.borders.get(id)?.place ?? null;
		const ix = this.data.atlasIds.get(x);
		const iy = this.data.atlasIds.get(y);
		let result: { place: Place; line: LineString | MultiLineString } | null = null;
		if (ix && iy && x !== y) {
			// The same Crimea-corrected topology the basemap draws (UN GA res. 68/262), so borders match the map.
			const line = sharedBorder(x, y)?.geometry;
			const parts = (line?.coordinates ?? []).filter((c) => c.length >= 2);
			if (parts.length > 0) {
				const geom: LineString | MultiLineString = parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts };
				// Midpoint along the shared line (over all its parts in order).
				const lengths = parts.map((p) => length(lineString(p)));
				let half = lengths.reduce((s, l) => s + l, 0) / 2;
				let k = 0;
				while (k < parts.length - 1 && half > lengths[k]!) half -= lengths[k++]!;
				const [lon, lat] = along(lineString(parts[k]!), half).geometry.coordinates as [number, number];
				const nx = this.data.store.place(`country:${x}`)?.name ?? x;
				const ny = this.data.store.place(`country:${y}`)?.name ?? y;
				result = {
					place: Object.freeze({
						id,
						name: `${nx}–${ny} border`,
						kind: 'border',
						lat: Math.round(lat * 1e5) / 1e5,
						lon: Math.round(lon * 1e5) / 1e5,
						country_codes: Object.freeze([x, y]) as string[],
						geonames_id: null,
						population: null,
						geo_precision: 2
					} satisfies Place),
					line: geom
				};
			}
		}
		this.borders.set(id, result);
		return result?.place ?? null;
	}

	shapeOf(id: string): Geometry | null {
		if (id.startsWith('border:')) {
			if (!this.byId(id)) return null;
			return this.borders.get(id)?.line ?? null;
		}
		const m = /^country:([A-Z]{3})$/.exec(id);
		if (!m) return null;
		if (!this.data.atlasIds.has(m[1]!)) return null;
		return countryFeatures().features.find((f) => f.properties.iso_a3 === m[1])?.geometry ?? null;
	}

	search(query: string, limit: number): Place[] {
		const q = nameKey(query);
		if (!q || limit <= 0) return [];
		const found = new Map<string, { place: Place; rank: number }>();
		for (const { key, entries } of this.data.store.prefixed(q)) {
			const exact = key === q;
			for (const e of entries) {
				if (e.nameKind === 'demonym') continue;
				const rank = e.prior + (exact ? 100 : 0);
				const prev = found.get(e.place.id);
				if (!prev || prev.rank < rank) found.set(e.place.id, { place: e.place, rank });
			}
		}
		return [...found.values()]
			.sort((a, b) => b.rank - a.rank || a.place.name.localeCompare(b.place.name))
			.slice(0, limit)
			.map((x) => x.place);
	}
}

let instance: Gazetteer | null = null;

/** The shared gazetteer, built on first use (≈ 1 s) from the data packages and geodata/gazetteer/curated.json. */
export function loadGazetteer(): Gazetteer {
	if (!instance) {
		const t0 = performance.now();
		const data = loadGazetteerData();
		data.store.maxWordsFrom(''); // build the word-count index now, so 'ready' means ready
		instance = new WorldGazetteer(data, performance.now() - t0);
	}
	return instance;
}

/** Convenience: geoparse with the shared gazetteer. */
export function geoparseDocument(text: string, opts: GeoparseOptions): PlaceMention[] {
	return loadGazetteer().geoparseDocument(text, opts);
}
