import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { areaData, bboxFeature, bboxLabel, cornersBBox, spanBBox } from '$lib/map/area';
import { dashboardStyle } from '$lib/map/layers';
import { LAYER, SOURCE } from '$lib/map/ids';
import { lightTheme } from '$lib/map/theme';
import { filterToParams, inBBox, parseFilterParams, type BBox } from '$lib/domain/filter';

describe('the map view as a filter box', () => {
	it('keeps a view inside one world as it is, rounded to the URL\'s 5 decimals', () => {
		expect(spanBBox(23.123456789, 51.000004, 32.5, 56.2)).toEqual([23.12346, 51, 32.5, 56.2]);
	});

	it('clamps latitudes to ±90 and makes a view of 360° or more the whole world', () => {
		expect(spanBBox(-400, -95, 400, 120)).toEqual([-180, -90, 180, 90]);
		expect(spanBBox(-190, -85.05, 170, 85.05)).toEqual([-180, -85.05, 180, 85.05]);
	});

	it('wraps a view across the antimeridian into west > east, which the filter reads as crossing 180°', () => {
		const box = spanBBox(170, 60, 190, 70);
		expect(box).toEqual([170, 60, -170, 70]);
		expect(inBBox(179, 65, box)).toBe(true);
		expect(inBBox(-175, 65, box)).toBe(true);
		expect(inBBox(0, 65, box)).toBe(false);
		expect(spanBBox(-200, 0, -170, 10)).toEqual([160, 0, -170, 10]);
	});

	it('keeps a view that ends on the next world copy\'s 180° line at 180, not -180', () => {
		expect(spanBBox(150, 0, 180, 10)).toEqual([150, 0, 180, 10]);
		expect(spanBBox(-200, 0, -180, 10)).toEqual([160, 0, 180, 10]);
		expect(spanBBox(180, 0, 200, 10)).toEqual([-180, 0, -160, 10]);
	});

	it('takes the corners of a drag in either order', () => {
		expect(cornersBBox([30, 50], [24, 55])).toEqual([24, 50, 30, 55]);
		expect(cornersBBox([24, 55], [30, 50])).toEqual([24, 50, 30, 55]);
	});

	it('always gives a box the filter accepts and that survives the URL unchanged', () => {
		const lon = fc.double({ min: -1000, max: 1000, noNaN: true });
		const lat = fc.double({ min: -100, max: 100, noNaN: true });
		fc.assert(
			fc.property(lon, lat, lon, lat, (w, s, e, n) => {
				const box = spanBBox(w, s, e, n);
				const back = parseFilterParams(filterToParams({ bbox: box })).bbox;
				expect(back).toEqual(box);
			}),
			{ numRuns: 500 }
		);
	});

	it('keeps every point of a span that is narrower than the world', () => {
		fc.assert(
			fc.property(fc.double({ min: -540, max: 540, noNaN: true }), fc.double({ min: 0.001, max: 359, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (west, width, t) => {
				const box = spanBBox(west, -10, west + width, 10);
				const x = west + t * width;
				const wrapped = ((((x + 180) % 360) + 360) % 360) - 180;
				// Rounding to 1e-5 may move an edge by half of that: test points a little inside.
				if (t * width < 1e-4 || (1 - t) * width < 1e-4) return;
				expect(inBBox(wrapped, 0, box)).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('does not mutate the corners it is given', () => {
		const a: [number, number] = [30, 50];
		const b: [number, number] = [24, 55];
		cornersBBox(a, b);
		expect([a, b]).toEqual([[30, 50], [24, 55]]);
	});
});

describe('the box on the map', () => {
	it('is a closed rectangle; one across 180° is drawn eastward past it', () => {
		expect(bboxFeature([24, 50, 30, 55]).geometry.coordinates).toEqual([[[24, 50], [30, 50], [30, 55], [24, 55], [24, 50]]]);
		expect(bboxFeature([170, 60, -170, 70]).geometry.coordinates[0]![1]).toEqual([190, 60]);
		expect(areaData(null).features).toEqual([]);
		expect(areaData([1, 2, 3, 4] as BBox).features).toHaveLength(1);
	});

	it('has its outline layers in the dashboard style, which still validates', () => {
		const style = dashboardStyle(lightTheme, { origin: 'http://localhost:3000' });
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.sources[SOURCE.area]).toBeDefined();
		const ids = style.layers.map((l) => l.id);
		expect(ids).toContain(LAYER.areaFill);
		expect(ids.at(-1)).toBe(LAYER.areaLine);
	});

	it('is named in words for its chip', () => {
		expect(bboxLabel([23.5, 51, 32.25, 56])).toBe('23.5°E – 32.25°E, 51°N – 56°N');
		expect(bboxLabel([-10.123, -5, 3, 2])).toBe('10.12°W – 3°E, 5°S – 2°N');
	});
});
