import { describe, expect, it } from 'vitest';
import { Dashboard } from '$lib/state/dashboard.svelte';
import { parseViewParams } from '$lib/state/url';
import { fromDay } from '$lib/domain/time';
import type { EventFeature } from '$lib/domain/event';

function event(id: string, date: string): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [27, 53] },
		properties: { id, date, date_start: date, date_end: date, date_precision: 'day', event_type: 'PROTEST', place_kind: 'city', geo_precision: 1, country_codes: ['BLR'] } as unknown as EventFeature['properties']
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
