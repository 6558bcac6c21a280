// The timeline's axis: ticks that follow the zoom from years to days, zooming about a day and panning inside bounds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toDay, fromDay } from '../../src/lib/domain/time';
import { axisTicks, MIN_VIEW_DAYS, padRange, panRange, zoomRange } from '../../src/lib/state/axis';

const D = toDay;

describe('axisTicks', () => {
	it('steps by years over several years, with the year as the label', () => {
		const axis = axisTicks({ start: D('2020-01-01'), end: D('2023-07-23') }, 4);
		expect(axis.unit).toBe('year');
		expect(axis.ticks.map((t) => fromDay(t.day))).toEqual(['2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01']);
		expect(axis.ticks.map((t) => t.label)).toEqual(['2020', '2021', '2022', '2023']);
	});

	it('steps by months over a year, naming the year on the first tick and at January', () => {
		const axis = axisTicks({ start: D('2021-03-10'), end: D('2022-02-20') }, 12);
		expect(axis.unit).toBe('month');
		expect(axis.ticks[0]).toEqual({ day: D('2021-04-01'), label: 'Apr 2021' });
		expect(axis.ticks.find((t) => fromDay(t.day) === '2022-01-01')!.label).toBe('Jan 2022');
		expect(axis.ticks.find((t) => fromDay(t.day) === '2021-07-01')!.label).toBe('Jul');
		for (const t of axis.ticks) expect(fromDay(t.day).endsWith('-01')).toBe(true);
	});

	it('steps by (Sunday) weeks over two months and by days over a week', () => {
		const weeks = axisTicks({ start: D('2021-11-01'), end: D('2021-12-31') }, 9);
		expect(weeks.unit).toBe('week');
		for (const t of weeks.ticks) expect(new Date(t.day * 86_400_000).getUTCDay()).toBe(0);
		expect(weeks.ticks[0]!.label).toBe('7 Nov 2021');
		expect(weeks.ticks[1]!.label).toBe('14 Nov');
		const days = axisTicks({ start: D('2021-11-05'), end: D('2021-11-11') }, 10);
		expect(days.unit).toBe('day');
		expect(days.ticks.map((t) => t.label)).toEqual(['5 Nov 2021', '6 Nov', '7 Nov', '8 Nov', '9 Nov', '10 Nov', '11 Nov']);
	});

	it('never ticks finer than a day and keeps every tick inside the range', () => {
		fc.assert(
			fc.property(fc.integer({ min: 15_000, max: 20_000 }), fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 30 }), (start, len, count) => {
				const axis = axisTicks({ start, end: start + len }, count);
				for (const t of axis.ticks) {
					expect(Number.isInteger(t.day)).toBe(true);
					expect(t.day).toBeGreaterThanOrEqual(start);
					expect(t.day).toBeLessThanOrEqual(start + len);
				}
			})
		);
	});
});

describe('zoomRange and panRange', () => {
	const bounds = { start: D('2020-01-01'), end: D('2023-12-31') };

	it('zooming in about a day keeps that day at the same place on screen', () => {
		const view = { start: D('2021-01-01'), end: D('2021-12-31') };
		const anchor = D('2021-04-01');
		const at = (v: { start: number; end: number }) => (anchor - v.start) / (v.end - v.start + 1);
		const zoomed = zoomRange(view, 0.5, anchor, bounds);
		expect(zoomed.end - zoomed.start + 1).toBe(Math.round(365 * 0.5));
		expect(Math.abs(at(zoomed) - at(view))).toBeLessThan(0.01);
	});

	it('stops at a week wide and at the bounds, and a pan keeps the width and stays inside the bounds', () => {
		const week = zoomRange({ start: D('2021-01-01'), end: D('2021-01-20') }, 0.01, D('2021-01-10'), bounds);
		expect(week.end - week.start + 1).toBe(MIN_VIEW_DAYS);
		expect(zoomRange({ start: D('2021-01-01'), end: D('2022-12-31') }, 10, D('2021-06-01'), bounds)).toEqual(bounds);
		const view = { start: D('2023-10-01'), end: D('2023-11-30') };
		const panned = panRange(view, 90, bounds);
		expect(panned).toEqual({ start: D('2023-11-01'), end: D('2023-12-31') });
		expect(panRange(panned, -30, bounds)).toEqual({ start: D('2023-10-02'), end: D('2023-12-01') });
	});
});

describe('padRange', () => {
	it('widens a range by a share of its length on each side, and a single day by a day', () => {
		expect(padRange({ start: 1000, end: 1099 }, 0.02)).toEqual({ start: 998, end: 1101 });
		expect(padRange({ start: 1000, end: 1000 })).toEqual({ start: 999, end: 1001 });
	});
});
