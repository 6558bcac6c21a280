// Framing maths: boxes around events and footprints (antimeridian included) and padding that fits small maps.
import { describe, expect, it } from 'vitest';
import { boxInside, fitPadding, geometryBox, pointsBox } from '../../src/lib/map/framing';

describe('pointsBox', () => {
	it('holds every point, and is null for no points', () => {
		expect(pointsBox([[27.56, 53.9], [35.2, 31.8], [51.4, 35.7]])).toEqual([27.56, 31.8, 51.4, 53.9]);
		expect(pointsBox([])).toBeNull();
	});

	it('crosses the antimeridian when that is the narrower box (Moscow and Chukotka), and does not otherwise', () => {
		expect(pointsBox([[37.6, 55.7], [-175, 65]])).toEqual([37.6, 55.7, 185, 65]);
		expect(pointsBox([[-74, 40.7], [37.6, 55.7]])).toEqual([-74, 40.7, 37.6, 55.7]);
	});
});

describe('geometryBox', () => {
	it('frames Russia as one box from the Baltic eastwards past 180°, not the whole world', () => {
		const russia = {
			type: 'MultiPolygon' as const,
			coordinates: [
				[[[20, 54], [180, 60], [180, 70], [20, 55], [20, 54]]],
				[[[-180, 65], [-170, 66], [-180, 68], [-180, 65]]]
			]
		};
		const box = geometryBox(russia)!;
		expect(box[0]).toBe(20);
		expect(box[2]).toBe(190);
		expect(box[2] - box[0]).toBeLessThan(180);
	});
});

describe('boxInside', () => {
	it('compares longitudes modulo 360 and latitudes plainly', () => {
		expect(boxInside([20, 50, 30, 55], [10, 40, 40, 60])).toBe(true);
		expect(boxInside([20, 50, 30, 65], [10, 40, 40, 60])).toBe(false);
		expect(boxInside([-170, 60, -160, 65], [150, 50, 210, 70])).toBe(true);
		expect(boxInside([20, 54, 190, 70], [10, 40, 40, 60])).toBe(false);
	});
});

describe('fitPadding', () => {
	it('keeps the wanted margins on a big map and shrinks them to leave half of a small one', () => {
		const want = { top: 48, bottom: 40, left: 40, right: 48 };
		expect(fitPadding(1000, 800, want)).toEqual(want);
		const small = fitPadding(120, 100, want);
		expect(small.left + small.right).toBeLessThanOrEqual(60);
		expect(small.top + small.bottom).toBeLessThanOrEqual(50);
	});
});
