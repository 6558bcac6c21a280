// Basemap places: towns ranked into the zoom they appear at, and first-level region labels.
import { describe, expect, it } from 'vitest';
import { regionLabels, townFeatures, townMinZoom, WORLD_MIN_POPULATION } from '../../src/lib/server/geo/towns';
import type { GeonamesCity } from '../../src/lib/server/gazetteer/geonames';

const city = (name: string, country: string, population: number, featureCode = 'PPL'): GeonamesCity => ({ id: population + name.length, name, alternates: '', lat: 53.9, lon: 27.56, featureCode, country, population });

describe('townMinZoom', () => {
	it('shows bigger towns from lower zooms, never later for more people, and capitals from zoom 3', () => {
		const pops = [200, 900, 2_000, 8_000, 20_000, 60_000, 200_000, 600_000, 2_000_000];
		const zooms = pops.map((p) => townMinZoom(p, false));
		for (let i = 1; i < zooms.length; i++) expect(zooms[i]).toBeLessThanOrEqual(zooms[i - 1]!);
		expect(zooms[0]).toBe(10);
		expect(zooms.at(-1)).toBe(3);
		expect(townMinZoom(40_000, true)).toBe(3);
	});
});

describe('townFeatures', () => {
	it('keeps every village of the region (Russia west of the Urals), only big towns and capitals abroad, no city districts, biggest first', () => {
		const fc = townFeatures([
			city('Vilyeyka', 'BY', 26_000),
			city('Kraśnik Village', 'PL', 600),
			city('Smalltown', 'FR', WORLD_MIN_POPULATION - 1),
			city('Lyon', 'FR', 500_000),
			city('Vaduz', 'LI', 5_000, 'PPLC'),
			city('Minsk Frunzyenski', 'BY', 300_000, 'PPLX'),
			{ ...city('Siberian village', 'RU', 700), lon: 90 }
		]);
		expect(fc.features.map((f) => f.properties.n)).toEqual(['Lyon', 'Vilyeyka', 'Vaduz', 'Kraśnik Village']);
		expect(fc.features.find((f) => f.properties.n === 'Vaduz')!.properties.z).toBe(3);
	});
});

describe('regionLabels', () => {
	const row = (city: string, admin_name: string, lat: number, lng: number, population: number) => ({ city, admin_name, lat: String(lat), lng: String(lng), iso3: 'BLR', population: String(population) });
	it('labels a region in the middle of its towns, and leaves a city-region to its city', () => {
		const fc = regionLabels([
			row('Barysaw', 'Minskaya Voblasts’', 54.2, 28.5, 140_000),
			row('Slutsk', 'Minskaya Voblasts’', 53.0, 27.55, 60_000),
			row('Maladzyechna', 'Minskaya Voblasts’', 54.3, 26.85, 90_000),
			row('Minsk', 'Minsk', 53.9, 27.56, 2_000_000),
			row('Minsk-2', 'Minsk', 53.95, 27.6, 1_000)
		]);
		expect(fc.features).toHaveLength(1);
		expect(fc.features[0]!.properties).toEqual({ n: 'Minskaya Voblasts’', z: 5, r: 1 });
		expect(fc.features[0]!.geometry.coordinates).toEqual([27.675, 53.65]);
	});
});
