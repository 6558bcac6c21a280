import { describe, expect, it } from 'vitest';
import { exportFeature, exportFileName, toGeoJSON, EXPORT_COLUMNS } from '$lib/state/export';
import { queryEvents } from '$lib/state/query';
import { synthDataset } from '../../scripts/synth-events';
import { filterEvents } from '$lib/domain/filter';

const events = synthDataset(300, 5).events.features;

describe('GeoJSON export', () => {
	it('writes a FeatureCollection with every provenance property, in the event model order', () => {
		const fc = JSON.parse(toGeoJSON(events.slice(0, 20)));
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features).toHaveLength(20);
		for (const [i, f] of fc.features.entries()) {
			expect(Object.keys(f.properties)).toEqual(EXPORT_COLUMNS);
			expect(f.properties).toEqual(events[i]!.properties);
			expect(f.id).toBe(events[i]!.properties.id);
		}
	});

	it('rounds coordinates to 1e-6 degrees and does not mutate its input', () => {
		const f = structuredClone(events[0]!);
		f.geometry.coordinates = [23.123456789, 53.987654321];
		const before = JSON.stringify(f);
		expect(exportFeature(f).geometry.coordinates).toEqual([23.123457, 53.987654]);
		expect(JSON.stringify(f)).toBe(before);
	});

	it('an empty selection is still a valid, empty FeatureCollection', () => {
		expect(JSON.parse(toGeoJSON([]))).toEqual({ type: 'FeatureCollection', features: [] });
	});

	it('names the file after the view', () => {
		expect(exportFileName({ from: '2022-01-01', to: '2022-02-01', types: ['PROTEST', 'ASSAULT'], countries: ['BLR'] }, 'geojson')).toBe('events_2022-01-01_2022-02-01_ASSAULT-PROTEST_BLR.geojson');
		expect(exportFileName({}, 'csv')).toBe('events.csv');
		expect(exportFileName({ q: 'a/../b "c"' }, 'csv')).toBe('events_q-a-..-b-c-.csv');
		expect(exportFileName({ types: ['AID'], bbox: [22.12345, 52.45, -170.5, 54.161] }, 'geojson')).toBe('events_AID_box-22.12_52.45_-170.5_54.16.geojson');
	});
});

describe('export query', () => {
	it('keeps exactly what the one filter keeps', () => {
		const res = queryEvents(new URLSearchParams('from=2022-01-01&to=2022-12-31&type=ASSAULT&country=BLR'), events);
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(res.features).toEqual(filterEvents(events, { from: '2022-01-01', to: '2022-12-31', types: ['ASSAULT'], countries: ['BLR'] }));
		expect(res.features.length).toBeGreaterThan(0);
	});

	it('refuses bad and unknown parameters with a message naming them', () => {
		for (const [q, name] of [['from=yesterday', 'from'], ['type=BOMB', 'type'], ['bbox=a,b,c,d', 'bbox'], ['contry=BLR', 'contry']]) {
			const res = queryEvents(new URLSearchParams(q), events);
			expect(res.ok).toBe(false);
			if (!res.ok) expect(res.message).toContain(`"${name}"`);
		}
	});
});
