// The basemap's vector tiles, decoded as MapLibre decodes them (@mapbox/vector-tile): what a page draws comes out of them.
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { BASEMAP_LAYER, BASEMAP_MAXZOOM } from '$lib/map/basemap';
import { basemapTile, isBasemapTile, TILE_EXTENT } from '$lib/server/geo/tiles';

const decode = (z: number, x: number, y: number) => new VectorTile(new PbfReader(basemapTile(z, x, y)));

/** The tile holding lon/lat at zoom z, and the point's position in it (tile units). */
function tileOf(lon: number, lat: number, z: number) {
	const n = 2 ** z;
	const fx = ((lon + 180) / 360) * n;
	const s = Math.sin((lat * Math.PI) / 180);
	const fy = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n;
	const [x, y] = [Math.floor(fx), Math.floor(fy)];
	return { x, y, px: (fx - x) * TILE_EXTENT, py: (fy - y) * TILE_EXTENT };
}

/** Whether the point lies inside the feature's polygons (even–odd over all rings: holes count out). */
function contains(f: VectorTileFeature, px: number, py: number): boolean {
	let inside = false;
	for (const ring of f.loadGeometry())
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [a, b] = [ring[i]!, ring[j]!];
			if (a.y > py !== b.y > py && px < ((b.x - a.x) * (py - a.y)) / (b.y - a.y) + a.x) inside = !inside;
		}
	return inside;
}

function features(tile: VectorTile, layer: string): VectorTileFeature[] {
	const l = tile.layers[layer];
	return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

describe('basemap vector tiles', () => {
	it('cut the countries so that a city lies inside its own country in the tile that holds it, at every zoom', () => {
		for (const [lon, lat, iso] of [
			[27.56, 53.9, 'BLR'], // Minsk
			[21.01, 52.23, 'POL'], // Warsaw
			[39.72, 43.6, 'RUS'], // Sochi
			[-3.7, 40.42, 'ESP'] // Madrid: the world, not only the region
		] as const)
			for (const z of [0, 3, 5, 8, BASEMAP_MAXZOOM]) {
				const t = tileOf(lon, lat, z);
				const around = features(decode(z, t.x, t.y), BASEMAP_LAYER.countries).filter((f) => contains(f, t.px, t.py));
				expect(around.map((f) => f.properties.iso_a3), `${iso} at zoom ${z}`).toEqual([iso]);
			}
	});

	it('carry what the style reads: country names in English and Arabic, Crimea as occupied Ukraine, borders, rivers and lakes', () => {
		const belarus = tileOf(27.56, 53.9, 5);
		const tile = decode(5, belarus.x, belarus.y);
		expect(tile.layers[BASEMAP_LAYER.countries]!.extent).toBe(TILE_EXTENT);
		const label = features(tile, BASEMAP_LAYER.labels).find((f) => f.properties.iso_a3 === 'BLR');
		expect(label?.properties).toMatchObject({ name: 'Belarus', name_ar: 'بيلاروسيا' });
		expect(features(tile, BASEMAP_LAYER.borders).length).toBeGreaterThan(0);
		const kinds = new Set(features(tile, BASEMAP_LAYER.water).map((f) => f.properties.kind));
		expect([...kinds].sort()).toEqual(expect.arrayContaining(['lake', 'river']));

		const simferopol = tileOf(34.1, 44.95, 6);
		const crimea = features(decode(6, simferopol.x, simferopol.y), BASEMAP_LAYER.crimea);
		expect(crimea.map((f) => [f.properties.iso_a3, f.properties.status])).toEqual([['UKR', 'occupied']]);
		expect(crimea.some((f) => contains(f, simferopol.px, simferopol.py))).toBe(true);
	});

	it('answer a tile of open sea with no layers at all, and refuse coordinates outside the pyramid', () => {
		const southPacific = tileOf(-150, -45, 5);
		expect(basemapTile(5, southPacific.x, southPacific.y).length).toBe(0);
		const outside: [number, number, number][] = [
			[BASEMAP_MAXZOOM + 1, 0, 0],
			[-1, 0, 0],
			[3, 8, 0],
			[3, 0, -1],
			[2.5, 0, 0],
			[NaN, 0, 0]
		];
		for (const [z, x, y] of outside)
			expect(isBasemapTile(z, x, y), `${z}/${x}/${y}`).toBe(false);
		expect(() => basemapTile(3, 8, 0)).toThrow(/no basemap tile 3\/8\/0/);
		expect(isBasemapTile(BASEMAP_MAXZOOM, 2 ** BASEMAP_MAXZOOM - 1, 0)).toBe(true);
	});
});
