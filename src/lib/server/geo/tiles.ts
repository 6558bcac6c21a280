// The basemap's countries, borders, Crimea, country names and inland water as Mapbox Vector Tiles, cut on the server
// once per process and kept: each page then decodes only the ~10 small tiles it shows, where every page used to fetch
// 2.8 MB of GeoJSON and tile it in MapLibre's workers (the 1:50m countries alone were ~0.55 s of a first load).
import { GeoJSONVT, type GeoJSONVTOptions } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_LAYER, BASEMAP_MAXZOOM, WATER_TOLERANCE } from '../../map/basemap';
import { borderLines, countryFeatures, countryLabels, crimeaFeature } from './countries';
// Rivers and lakes of the region: generated once from GSHHG/WDBII by scripts/basemap-water.ts.
import water from './water.json' with { type: 'json' };

/** Tile coordinates per side, the MVT convention; a 512-px MapLibre tile is then 8 units a pixel. */
export const TILE_EXTENT = 4096;
const UNITS_PER_PX = TILE_EXTENT / 512;

/**
 * Each layer's data and how it is cut: Douglas–Peucker `tolerance` in screen pixels (0.6 as the GeoJSON sources
 * had; water 2, see WATER_TOLERANCE) and an 8-px buffer round each tile, wider than any line drawn (a label's point
 * is only laid out by the tile its anchor lies in, so points need none).
 */
const LAYERS: { name: string; data: () => FeatureCollection; tolerance: number; buffer: number }[] = [
	{ name: BASEMAP_LAYER.countries, data: () => countryFeatures(), tolerance: 0.6, buffer: 8 },
	{ name: BASEMAP_LAYER.borders, data: () => ({ type: 'FeatureCollection', features: [borderLines()] }), tolerance: 0.6, buffer: 8 },
	{ name: BASEMAP_LAYER.crimea, data: () => ({ type: 'FeatureCollection', features: [crimeaFeature()] }), tolerance: 0.6, buffer: 8 },
	{ name: BASEMAP_LAYER.water, data: () => water as FeatureCollection, tolerance: WATER_TOLERANCE, buffer: 8 },
	{ name: BASEMAP_LAYER.labels, data: () => countryLabels(), tolerance: 0.6, buffer: 0 }
];

let indexes: { name: string; index: GeoJSONVT }[] | null = null;

/** Cuts the layers' tile indexes now (~0.3 s, once per process), so that the first page after a start need not wait. */
export function warmBasemapTiles(): void {
	layerIndexes();
}

function layerIndexes(): { name: string; index: GeoJSONVT }[] {
	indexes ??= LAYERS.map(({ name, data, tolerance, buffer }) => {
		const options: GeoJSONVTOptions = { maxZoom: BASEMAP_MAXZOOM, extent: TILE_EXTENT, tolerance: tolerance * UNITS_PER_PX, buffer: buffer * UNITS_PER_PX };
		return { name, index: new GeoJSONVT(data(), options) };
	});
	return indexes;
}

/** Cut tiles kept (by bytes): the region's tiles to zoom 10 are a few MB; a crawl of the whole world stops here. */
const CACHE_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, Uint8Array<ArrayBuffer>>();
let cachedBytes = 0;

/** Whether z/x/y names a tile of the basemap: integers, zoom 0 to BASEMAP_MAXZOOM, x and y inside the zoom's grid. */
export function isBasemapTile(z: number, x: number, y: number): boolean {
	return [z, x, y].every(Number.isInteger) && z >= 0 && z <= BASEMAP_MAXZOOM && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z;
}

/**
 * The tile z/x/y as an uncompressed MVT (version 2), with a layer for each basemap layer that has something in it
 * (an empty array for a tile of open sea). Throws a RangeError for a tile outside the pyramid (see `isBasemapTile`).
 */
export function basemapTile(z: number, x: number, y: number): Uint8Array<ArrayBuffer> {
	if (!isBasemapTile(z, x, y)) throw new RangeError(`no basemap tile ${z}/${x}/${y} (zoom 0–${BASEMAP_MAXZOOM})`);
	const key = `${z}/${x}/${y}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const layers: Parameters<typeof fromGeojsonVt>[0] = {};
	for (const { name, index } of layerIndexes()) {
		const tile = index.getTile(z, x, y);
		if (tile && tile.features.length) layers[name] = tile;
	}
	// pbf writes into a plain ArrayBuffer (the type says ArrayBufferLike).
	const bytes = (Object.keys(layers).length ? fromGeojsonVt(layers, { version: 2, extent: TILE_EXTENT }) : new Uint8Array(0)) as Uint8Array<ArrayBuffer>;
	for (const [old, b] of cache) {
		if (cachedBytes + bytes.length <= CACHE_BYTES) break;
		cache.delete(old);
		cachedBytes -= b.length;
	}
	cache.set(key, bytes);
	cachedBytes += bytes.length;
	return bytes;
}
