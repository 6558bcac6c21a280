import { describe, expect, it } from 'vitest';
import { Dashboard } from '$lib/state/dashboard.svelte';
import { parseViewParams } from '$lib/state/url';
import { fromDay } from '$lib/domain/time';
import type { EventFeature } from '$lib/domain/event';

function event(id: string, date: string): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [27, 53] },
		properties: { id, date, date_start: date, date_end: date, date_precision: 'day', event_type: 'PROTEST', place_kind: 'city', geo_precision: 1, country_codes: ['BLR'], actors: [], place_id: 'minsk', source_id: 's1', language: 'en' } as unknown as EventFeature['properties']
	};
}

const events = [event('a', '2021-01-05'), event('b', '2021-03-01'), event('c', '2021-06-30')];

describe('the dashboard state', () => {
	it('keeps the listed events (picks) through a data refresh by id, dropping those that are gone', () => {
		const dash = new Dashboard();
		dash.load(events);
		dash.picks = [1, 2];
		// The refresh reorders the events and drops "c": the list must still show "b", and nothing else.
		dash.load([event('x', '2021-01-01'), events[1]!, events[0]!]);
		expect(dash.picks.map((i) => dash.events[i]!.properties.id)).toEqual(['b']);
	});

	it('a URL window with one open end, applied before the data arrive, is completed by the data when they do', () => {
		const dash = new Dashboard();
		dash.apply(parseViewParams(new URLSearchParams('from=2021-02-01')).view);
		dash.load(events);
		expect([fromDay(dash.time.start), fromDay(dash.time.end)]).toEqual(['2021-02-01', '2021-06-30']);
		expect(dash.visible.map((i) => dash.events[i]!.properties.id)).toEqual(['b', 'c']);

		const late = new Dashboard();
		late.apply(parseViewParams(new URLSearchParams('to=2021-03-31')).view);
		late.load(events);
		expect([fromDay(late.time.start), fromDay(late.time.end)]).toEqual(['2021-01-05', '2021-03-31']);
	});

	it('a later refresh keeps the window the analyst has, rather than re-opening it to the data', () => {
		const dash = new Dashboard();
		dash.apply(parseViewParams(new URLSearchParams('from=2021-02-01')).view);
		dash.load(events);
		dash.load([...events, event('d', '2022-01-01')]);
		expect(fromDay(dash.time.end)).toBe('2021-06-30');
	});
});

describe('the spatial filter in the dashboard state', () => {
	const spread = [event('w', '2021-01-05'), event('e', '2021-01-06')];
	spread[1]!.geometry.coordinates = [31, 50];

	it('"only events in view" makes the filter\'s box follow the map\'s view, and off takes the box away', () => {
		const dash = new Dashboard();
		dash.load(spread);
		dash.setViewBox([20, 45, 35, 60]);
		expect(dash.filter.bbox).toBeUndefined();
		dash.setFollowView(true);
		expect(dash.filter.bbox).toEqual([20, 45, 35, 60]);
		expect(dash.query).toBe('bbox=20%2C45%2C35%2C60&area=view');
		dash.setViewBox([29, 45, 35, 55]);
		expect(dash.visible.map((i) => dash.events[i]!.properties.id)).toEqual(['e']);
		dash.setFollowView(false);
		expect('bbox' in dash.filter).toBe(false);
		expect(dash.visible).toHaveLength(2);
	});

	it('a drawn box stays put while the map moves, ends "only events in view", and can be removed', () => {
		const dash = new Dashboard();
		dash.load(spread);
		dash.setFollowView(true);
		dash.setViewBox([0, 0, 50, 70]);
		dash.drawing = true;
		dash.setBBox([25, 50, 30, 55]);
		expect(dash.followView).toBe(false);
		expect(dash.drawing).toBe(false);
		dash.setViewBox([0, 0, 10, 10]);
		expect(dash.filter.bbox).toEqual([25, 50, 30, 55]);
		expect(dash.visible.map((i) => dash.events[i]!.properties.id)).toEqual(['w']);
		expect(dash.query).toBe('bbox=25%2C50%2C30%2C55');
		dash.setBBox(null);
		expect(dash.filter).toEqual({});
	});

	it('a URL with area=view keeps its box until the map reports its view, then follows that', () => {
		const dash = new Dashboard();
		dash.apply(parseViewParams(new URLSearchParams('bbox=29,45,35,55&area=view')).view);
		dash.load(spread);
		expect(dash.followView).toBe(true);
		expect(dash.visible.map((i) => dash.events[i]!.properties.id)).toEqual(['e']);
		dash.setViewBox([20, 45, 35, 60]);
		expect(dash.visible).toHaveLength(2);
	});
});
