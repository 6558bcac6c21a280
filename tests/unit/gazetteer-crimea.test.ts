// The gazetteer's shapes follow the project's Crimea choice (UN GA res. 68/262), the same as the basemap.
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { loadGazetteer } from '../../src/lib/server/gazetteer';

const SIMFEROPOL: [number, number] = [34.1, 44.95];

describe('Crimea in the gazetteer', () => {
	const gaz = loadGazetteer();
	it("puts Simferopol inside Ukraine's outline and outside Russia's", () => {
		const ukr = gaz.shapeOf('country:UKR') as Polygon | MultiPolygon;
		const rus = gaz.shapeOf('country:RUS') as Polygon | MultiPolygon;
		expect(booleanPointInPolygon(SIMFEROPOL, ukr)).toBe(true);
		expect(booleanPointInPolygon(SIMFEROPOL, rus)).toBe(false);
	});
	it('draws no Russia–Ukraine border across the Perekop isthmus (about 33.7°E, 46.1°N)', () => {
		const border = gaz.shapeOf('border:RUS-UKR');
		expect(border).not.toBeNull();
		const coords = border!.type === 'LineString' ? border!.coordinates : (border as { coordinates: number[][][] }).coordinates.flat();
		const nearPerekop = coords.filter(([lon, lat]) => Math.abs(lon! - 33.7) < 0.4 && Math.abs(lat! - 46.1) < 0.3);
		expect(nearPerekop).toEqual([]);
	});
});
