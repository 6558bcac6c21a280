// The analysis view's pure parts: bins that adapt to the range, each event counted once and stacked by type in
// the legend's order, top values from the facet counts, totals, and the filters a click leads to.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventFeature, type EventProperties } from '../../src/lib/domain/event';
import { filterEvents } from '../../src/lib/domain/filter';
import { fromDay, toDay } from '../../src/lib/domain/time';
import { binLabel, binUnit, countByBin, daysOf, stackBin, timeBins } from '../../src/lib/state/bins';
import { eventDays } from '../../src/lib/domain/time';
import { analyse, chartRange, filterParts, narrowWindow, toggleValue, topValues, totals, valueCounts } from '../../src/lib/state/analysis';

const range = (from: string, to: string) => ({ start: toDay(from), end: toDay(to) });
const iso = (bins: { start: number; end: number }[]) => bins.map((b) => `${fromDay(b.start)}..${fromDay(b.end)}`);

let n = 0;
/** An event with the given date interval (null: undated) and properties; everything else plain. */
function ev(start: string | null, end: string | null = start, props: Partial<EventProperties> = {}): EventFeature {
	const p = { id: `e${n++}`, date: start, date_start: start, date_end: end, date_precision: start === end ? 'day' : 'month', event_type: 'PROTEST' };
	const rest = { actors: [], place_id: 'p1', place_name: 'Minsk', country_codes: ['BLR'], language: 'en', source_id: 's1', summary: '' };
	return { type: 'Feature', geometry: { type: 'Point', coordinates: [27.5, 53.9] }, properties: { ...p, ...rest, ...props } as EventProperties };
}

describe('timeBins', () => {
	it('cuts a range into calendar days, Monday weeks, months or years that cover it exactly once', () => {
		expect(iso(timeBins(range('2023-03-30', '2023-04-01'), 'day'))).toEqual(['2023-03-30..2023-03-30', '2023-03-31..2023-03-31', '2023-04-01..2023-04-01']);
		// 2023-03-01 was a Wednesday: the first week starts on Monday 27 February.
		expect(iso(timeBins(range('2023-03-01', '2023-03-13'), 'week'))).toEqual(['2023-02-27..2023-03-05', '2023-03-06..2023-03-12', '2023-03-13..2023-03-19']);
		expect(iso(timeBins(range('2023-12-15', '2024-02-29'), 'month'))).toEqual(['2023-12-01..2023-12-31', '2024-01-01..2024-01-31', '2024-02-01..2024-02-29']);
		expect(iso(timeBins(range('2019-06-01', '2020-01-01'), 'year'))).toEqual(['2019-01-01..2019-12-31', '2020-01-01..2020-12-31']);
	});

	it('leaves no gap and no overlap between bins, over a long range with leap years', () => {
		for (const unit of ['day', 'week', 'month', 'year'] as const) {
			const bins = timeBins(range('1999-11-17', '2004-03-02'), unit);
			for (let k = 1; k < bins.length; k++) expect(bins[k]!.start).toBe(bins[k - 1]!.end + 1);
			expect(bins[0]!.start).toBeLessThanOrEqual(toDay('1999-11-17'));
			expect(bins.at(-1)!.end).toBeGreaterThanOrEqual(toDay('2004-03-02'));
		}
	});
});

describe('binUnit', () => {
	it('picks days for a few weeks, weeks for a year, months for a few years and years beyond, never more than the limit', () => {
		expect(binUnit(range('2023-03-01', '2023-03-31'))).toBe('day');
		expect(binUnit(range('2023-01-01', '2023-12-31'))).toBe('week');
		expect(binUnit(range('2020-01-01', '2023-07-23'))).toBe('month');
		expect(binUnit(range('2000-01-01', '2023-07-23'))).toBe('year');
		expect(binUnit(range('2023-01-01', '2023-03-31'), 10)).toBe('month');
		for (const [from, to] of [['2023-01-01', '2023-03-01'], ['2021-02-10', '2023-11-30'], ['2023-05-05', '2023-05-05']] as const) {
			const unit = binUnit(range(from, to));
			expect(timeBins(range(from, to), unit).length).toBeLessThanOrEqual(60);
		}
	});
});

describe('binLabel', () => {
	it('names a bin by its unit so a month bar is never read as a day', () => {
		const bin = { start: toDay('2023-03-06'), end: toDay('2023-03-12') };
		expect(binLabel(bin, 'week')).toBe('week of 6 March 2023');
		expect(binLabel(bin, 'day')).toBe('6 March 2023');
		expect(binLabel({ start: toDay('2023-03-01'), end: toDay('2023-03-31') }, 'month')).toBe('March 2023');
		expect(binLabel({ start: toDay('2023-01-01'), end: toDay('2023-12-31') }, 'year')).toBe('2023');
	});
});

describe('countByBin', () => {
	const bins = timeBins(range('2023-01-01', '2023-03-31'), 'month');

	it('counts each dated event once, by type, in the bin of its first day, so the bars add up to the dated events', () => {
		const events = [ev('2023-01-05'), ev('2023-01-31', '2023-01-31', { event_type: 'ASSAULT' }), ev('2023-02-01'), ev('2023-02-20', '2023-03-10'), ev('2023-03-01', '2023-03-31'), ev(null)];
		const { counts, coarse, undated } = countByBin(events, bins);
		const P = EVENT_TYPES.indexOf('PROTEST');
		const A = EVENT_TYPES.indexOf('ASSAULT');
		expect(counts.map((c) => c[P])).toEqual([1, 2, 1]);
		expect(counts.map((c) => c[A])).toEqual([1, 0, 0]);
		expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(5);
		expect(coarse).toBe(1); // 20 Feb – 10 Mar reaches past February; 1–31 March fits its bin
		expect(undated).toBe(1);
	});

	it('puts an event that began before the first bin (a window cutting a month-dated event) into the first bin', () => {
		const { counts, coarse } = countByBin([ev('2022-12-01', '2022-12-31'), ev('2022-11-20', '2023-01-10')], bins);
		expect(counts[0]!.reduce((a, b) => a + b, 0)).toBe(1);
		expect(coarse).toBe(1);
		expect(countByBin([ev('2023-04-02')], bins).counts.flat().every((c) => c === 0)).toBe(true);
	});
});

describe('daysOf', () => {
	it('gives every event the day range eventDays gives it, a date repeated or not', () => {
		const events = [ev('2023-01-05'), ev('2023-01-05', '2023-01-31'), ev(null), ev('2024-02-29', null)];
		expect(daysOf(events)).toEqual(events.map((e) => eventDays(e.properties)));
	});
});

describe('stackBin', () => {
	it('stacks the non-zero types bottom to top in EVENT_TYPES order, each segment starting where the last ended', () => {
		const counts = new Array<number>(EVENT_TYPES.length).fill(0);
		counts[EVENT_TYPES.indexOf('ASSAULT')] = 3;
		counts[EVENT_TYPES.indexOf('AGREE')] = 2;
		counts[EVENT_TYPES.indexOf('PROTEST')] = 1;
		expect(stackBin(counts)).toEqual([
			{ type: 'AGREE', y0: 0, y1: 2 },
			{ type: 'PROTEST', y0: 2, y1: 3 },
			{ type: 'ASSAULT', y0: 3, y1: 6 }
		]);
		expect(stackBin(new Array(EVENT_TYPES.length).fill(0))).toEqual([]);
	});
});

describe('totals and top values', () => {
	const events = [
		ev('2021-05-01', '2021-05-01', { actors: ['Lukashenko', 'Protesters'], country_codes: ['BLR', 'POL'], source_id: 'a' }),
		ev('2021-05-03', '2021-05-03', { actors: ['Lukashenko', 'Lukashenko'], place_id: 'p2', country_codes: ['BLR'], source_id: 'a' }),
		ev('2021-04-01', '2021-06-30', { actors: ['بوتين'], country_codes: ['RUS'], source_id: 'b' }),
		ev(null, null, { source_id: 'c' })
	];

	it('counts events, distinct sources, undated events and the days the dated ones cover', () => {
		expect(totals(events)).toEqual({ events: 4, sources: 3, span: range('2021-04-01', '2021-06-30'), undated: 1 });
		expect(totals([])).toEqual({ events: 0, sources: 0, span: null, undated: 0 });
		// Inside a window the span is cut to it: the event dated April–June begins before a window from 1 May.
		expect(totals(events, range('2021-05-01', '2021-12-31')).span).toEqual(range('2021-05-01', '2021-06-30'));
	});

	it('ranks actors, places and countries among exactly these events, an event counted once per value', () => {
		const counts = valueCounts(events);
		expect(topValues(counts.actors, 2)).toEqual({ rows: [['Lukashenko', 2], ['Protesters', 1]], hidden: 1 });
		expect(topValues(counts.countries, 10).rows).toEqual([['BLR', 3], ['POL', 1], ['RUS', 1]]);
		expect(topValues(counts.places, 1, true).rows).toEqual([['p1', 3], ['p2', 1]]);
	});

	it('does not widen a facet past its own filter, unlike the filter panel (the view shows only what is selected)', () => {
		const kept = filterEvents(events, { countries: ['RUS'] });
		expect([...valueCounts(kept).countries.keys()]).toEqual(['RUS']);
	});
});

describe('chartRange, narrowWindow and toggleValue', () => {
	it('charts the filter window, an open end or no window taken from the events', () => {
		const span = range('2021-04-01', '2021-06-30');
		expect(chartRange({}, span)).toEqual(span);
		expect(chartRange({ from: '2021-05-01' }, span)).toEqual(range('2021-05-01', '2021-06-30'));
		expect(chartRange({ from: '2021-01-01', to: '2021-12-31' }, null)).toEqual(range('2021-01-01', '2021-12-31'));
		expect(chartRange({}, null)).toBeNull();
	});

	it('narrows the window to a clicked bin without reaching past the window already set', () => {
		const month = range('2021-05-01', '2021-05-31');
		expect(narrowWindow({ countries: ['BLR'] }, month)).toEqual({ countries: ['BLR'], from: '2021-05-01', to: '2021-05-31' });
		expect(narrowWindow({ from: '2021-05-10', to: '2021-07-01' }, month)).toEqual({ from: '2021-05-10', to: '2021-05-31' });
	});

	it('adds a clicked value to its filter list, and a second click on it takes it out again', () => {
		const once = toggleValue({ actors: ['Putin'] }, 'actors', 'Lukashenko');
		expect(once).toEqual({ actors: ['Lukashenko', 'Putin'] });
		expect(toggleValue(toggleValue({}, 'countries', 'POL'), 'countries', 'POL')).toEqual({ countries: undefined });
	});
});

describe('analyse', () => {
	const events = [ev('2021-05-01', '2021-05-01', { event_type: 'ASSAULT', country_codes: ['UKR'] }), ev('2021-05-20'), ev('2021-07-02'), ev('2021-01-01', '2021-12-31')];

	it('charts the window in bars whose heights add up to the events, with the types present in legend order', () => {
		const filter = { from: '2021-05-01', to: '2021-07-31' };
		const a = analyse(filterEvents(events, filter), filter);
		expect(a.totals.events).toBe(4);
		expect(a.chart!.unit).toBe('week');
		expect(a.chart!.bars.reduce((s, b) => s + b.total, 0)).toBe(4);
		expect(a.chart!.bars[0]!.total).toBe(2); // 1 May and the year-dated event, which began before the window
		expect(a.chart!.max).toBe(2);
		expect(a.chart!.coarse).toBe(1);
		expect(a.types).toEqual([['PROTEST', 3], ['ASSAULT', 1]]);
		expect(a.lists.countries).toEqual({ rows: [{ value: 'BLR', label: 'Belarus', count: 3 }, { value: 'UKR', label: 'Ukraine', count: 1 }], distinct: 2 });
	});

	it('draws no chart when no event is dated and no window is set', () => {
		expect(analyse([ev(null)], {}).chart).toBeNull();
	});
});

describe('filterParts', () => {
	it('names each part of a filter and links to the filter without it', () => {
		const parts = filterParts({ from: '2021-05-01', countries: ['BLR', 'POL'], places: ['p9'], q: 'minsk' }, (_, id) => `place ${id}`);
		expect(parts.map((p) => p.label)).toEqual(['2021-05-01 – …', 'Country: Belarus', 'Country: Poland', 'Place: place p9', 'Search: minsk']);
		expect(parts[1]!.without.countries).toEqual(['POL']);
		expect(parts[3]!.without.places).toBeUndefined();
		expect(parts[0]!.without.from).toBeUndefined();
	});
});
