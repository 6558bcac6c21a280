import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DatePrecision, EventFeature, EventProperties } from '../../src/lib/domain/event';
import { toDay } from '../../src/lib/domain/time';
import { bandLabel, dayIndex, groupIntervals, intervalBands, packLanes, type IntervalBand } from '../../src/lib/state/timeline';

function event(id: string, start: string | null, end: string | null, precision: DatePrecision, over: Partial<EventProperties> = {}): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [23.7, 52.1] },
		properties: {
			id, date: start, date_start: start, date_end: end, date_precision: precision, date_text: null,
			event_type: 'PROTEST', summary: `Event ${id}`, actors: [], place_id: 'gn:629634', place_name: 'Brest', place_text: 'Brest',
			place_kind: 'city', country_codes: ['BLR'], geo_precision: 1, geonames_id: 629634, evidence: 'x', evidence_start: 0,
			evidence_end: 1, language: 'en', source_id: 's', source_title: 'T', source_publisher: 'P', source_url: null,
			source_published: null, confidence: 0.9, ...over
		}
	};
}

const D = toDay;

const sample = [
	event('d1', '2021-03-05', '2021-03-05', 'day'),
	event('m1', '2021-03-01', '2021-03-31', 'month'),
	event('w1', '2021-03-08', '2021-03-14', 'week'),
	event('m2', '2021-03-01', '2021-03-31', 'month'),
	event('u', null, null, 'unknown'),
	event('y1', '2021-01-01', '2021-12-31', 'year'),
	event('m3', '2021-03-01', '2021-03-31', 'month', { event_type: 'ASSAULT' }),
	event('r', '2021-03-02', '2021-03-04', 'day') // a day-precision range is still a day event
];

/** True when no two bands in one lane share a day (or come within `gap` days). */
function lanesDisjoint(bands: IntervalBand[], gap = 0): boolean {
	for (const a of bands) for (const b of bands) if (a !== b && a.lane === b.lane && a.start <= b.end + gap && b.start <= a.end + gap) return false;
	return true;
}

describe('groupIntervals', () => {
	it('groups coarse-dated events by their distinct interval and counts the events in each', () => {
		const groups = groupIntervals(dayIndex(sample));
		expect(groups).toEqual([
			{ start: D('2021-01-01'), end: D('2021-12-31'), precision: 'year', count: 1 },
			{ start: D('2021-03-01'), end: D('2021-03-31'), precision: 'month', count: 3 },
			{ start: D('2021-03-08'), end: D('2021-03-14'), precision: 'week', count: 1 }
		]);
	});

	it('leaves out day-precision events, even those with a range, and undated events', () => {
		const only = [sample[0]!, sample[4]!, sample[7]!];
		expect(groupIntervals(dayIndex(only))).toEqual([]);
	});

	it('leaves out events the filter drops and counts only those it keeps', () => {
		const keep = (i: number) => sample[i]!.properties.event_type !== 'ASSAULT' && sample[i]!.properties.id !== 'y1';
		const groups = groupIntervals(dayIndex(sample), keep);
		expect(groups.map((g) => [g.precision, g.count])).toEqual([
			['month', 2],
			['week', 1]
		]);
	});

	it('makes one group per distinct interval however many events share it', () => {
		const many: EventFeature[] = [];
		for (let i = 0; i < 100_000; i++) {
			const m = String((i % 12) + 1).padStart(2, '0');
			const last = new Date(Date.UTC(2022, i % 12 + 1, 0)).getUTCDate();
			many.push(event(`e${i}`, `2022-${m}-01`, `2022-${m}-${last}`, 'month'));
		}
		const bands = intervalBands(dayIndex(many));
		expect(bands.bands).toHaveLength(12);
		expect(bands.bands.reduce((n, b) => n + b.count, 0)).toBe(100_000);
		expect(bands.maxCount).toBe(Math.ceil(100_000 / 12));
	});
});

describe('packLanes', () => {
	it('puts overlapping intervals in different lanes and disjoint ones in the same lane', () => {
		const { bands, lanes } = intervalBands(dayIndex(sample));
		const byPrecision = Object.fromEntries(bands.map((b) => [b.precision, b.lane]));
		expect(lanes).toBe(3); // the year holds the month, which holds the week
		expect(new Set(Object.values(byPrecision)).size).toBe(3);
		expect(lanesDisjoint(bands)).toBe(true);

		const apart = [event('a', '2021-01-01', '2021-01-07', 'week'), event('b', '2021-02-01', '2021-02-07', 'week')];
		const two = intervalBands(dayIndex(apart));
		expect(two.bands.map((b) => b.lane)).toEqual([0, 0]);
		expect(two.lanes).toBe(1);
	});

	it('keeps `gap` days free between bars in one lane, so adjacent weeks alternate lanes', () => {
		const weeks = [event('a', '2021-01-01', '2021-01-07', 'week'), event('b', '2021-01-08', '2021-01-14', 'week'), event('c', '2021-01-15', '2021-01-21', 'week')];
		expect(intervalBands(dayIndex(weeks), undefined, { gap: 0 }).bands.map((b) => b.lane)).toEqual([0, 0, 0]);
		expect(intervalBands(dayIndex(weeks), undefined, { gap: 2 }).bands.map((b) => b.lane)).toEqual([0, 1, 0]);
	});

	it('caps the lanes and counts the intervals and events that did not fit as overflow', () => {
		const stacked = [
			event('y', '2021-01-01', '2021-12-31', 'year'),
			event('m', '2021-03-01', '2021-03-31', 'month'),
			event('w', '2021-03-08', '2021-03-14', 'week'),
			event('w2', '2021-03-08', '2021-03-14', 'week')
		];
		const capped = intervalBands(dayIndex(stacked), undefined, { maxLanes: 2 });
		expect(capped.lanes).toBe(2);
		expect(capped.bands.map((b) => b.precision)).toEqual(['year', 'month']);
		expect(capped.overflow).toEqual({ intervals: 1, events: 2 });
	});

	it('never puts two overlapping intervals in one lane, never exceeds the cap, and loses no event', () => {
		const interval = fc.record({ start: fc.integer({ min: 0, max: 400 }), len: fc.integer({ min: 1, max: 60 }), count: fc.integer({ min: 1, max: 9 }) });
		fc.assert(
			fc.property(fc.array(interval, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }), (raw, maxLanes, gap) => {
				const groups = raw.map((r) => ({ start: r.start, end: r.start + r.len, precision: 'week' as const, count: r.count }));
				const out = packLanes(groups, { maxLanes, gap });
				expect(lanesDisjoint(out.bands, gap)).toBe(true);
				expect(out.lanes).toBeLessThanOrEqual(maxLanes);
				expect(out.bands.every((b) => b.lane >= 0 && b.lane < out.lanes)).toBe(true);
				const drawn = out.bands.reduce((n, b) => n + b.count, 0);
				expect(drawn + out.overflow.events).toBe(groups.reduce((n, g) => n + g.count, 0));
				expect(out.bands.length + out.overflow.intervals).toBe(groups.length);
			})
		);
	});

	it('does not mutate the groups it is given', () => {
		const groups = [
			{ start: 10, end: 20, precision: 'month' as const, count: 2 },
			{ start: 0, end: 30, precision: 'year' as const, count: 1 }
		];
		const copy = structuredClone(groups);
		packLanes(groups);
		expect(groups).toEqual(copy);
	});
});

describe('bandLabel', () => {
	it('words a band by its precision: week of, month name, year', () => {
		expect(bandLabel({ start: D('2021-03-01'), end: D('2021-03-31'), precision: 'month', count: 14 })).toBe('14 events dated only to March 2021');
		expect(bandLabel({ start: D('2020-02-01'), end: D('2020-02-29'), precision: 'month', count: 1 })).toBe('1 event dated only to February 2020');
		expect(bandLabel({ start: D('2020-01-01'), end: D('2020-12-31'), precision: 'year', count: 2 })).toBe('2 events dated only to 2020');
		expect(bandLabel({ start: D('2021-11-06'), end: D('2021-11-12'), precision: 'week', count: 3 })).toBe('3 events dated only to the week of 6–12 November 2021');
		expect(bandLabel({ start: D('2021-11-29'), end: D('2021-12-05'), precision: 'week', count: 1 })).toBe('1 event dated only to the week of 29 November – 5 December 2021');
		expect(bandLabel({ start: D('2021-12-29'), end: D('2022-01-04'), precision: 'week', count: 1 })).toBe('1 event dated only to the week of 29 December 2021 – 4 January 2022');
	});

	it('gives first and last day when the interval is not the whole month or year its precision names', () => {
		expect(bandLabel({ start: D('2021-03-01'), end: D('2021-03-20'), precision: 'month', count: 2 })).toBe('2 events dated only to 1–20 March 2021');
		expect(bandLabel({ start: D('2020-03-01'), end: D('2020-12-31'), precision: 'year', count: 2 })).toBe('2 events dated only to 1 March – 31 December 2020');
	});
});
