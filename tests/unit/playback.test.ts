import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventFeature, EventProperties } from '../../src/lib/domain/event';
import {
	advanceClock,
	clampClock,
	currentEvents,
	eventLook,
	formatEventDate,
	formatPeriod,
	gapFactor,
	playSpan,
	startClock,
	timeline,
	windowAt,
	type PlaybackOptions
} from '../../src/lib/domain/playback';
import { toDay } from '../../src/lib/domain/time';

function event(id: string, start: string | null, over: Partial<EventProperties> = {}): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [23.7, 52.1] },
		properties: {
			id, date: start, date_start: start, date_end: start, date_precision: start ? 'day' : 'unknown', date_text: null,
			event_type: 'PROTEST', summary: `Event ${id}`, actors: [], place_id: 'gn:629634', place_name: 'Brest', place_text: 'Brest',
			place_kind: 'city', country_codes: ['BLR'], geo_precision: 1, geonames_id: 629634, evidence: 'x', evidence_start: 0,
			evidence_end: 1, language: 'en', source_id: 's', source_title: 'T', source_publisher: 'P', source_url: null,
			source_published: null, confidence: 0.9, ...over
		}
	};
}

const D = toDay;
const moving: PlaybackOptions = { speed: 10, window: 7, mode: 'moving', end: 'loop', hold: 2 };

describe('timeline', () => {
	it('sorts dated events by start, leaves out undated ones, and makes end days exclusive', () => {
		const tl = timeline([event('b', '2021-11-09'), event('u', null), event('a', '2021-11-08', { date_end: '2021-11-10', date_precision: 'week' })]);
		expect(tl.map((e) => e.props.id)).toEqual(['a', 'b']);
		expect(tl.map((e) => e.i)).toEqual([0, 1]);
		expect(tl[0]).toMatchObject({ t0: D('2021-11-08'), t1: D('2021-11-11') });
	});
	it('does not mutate its input', () => {
		const input = [event('b', '2021-11-09'), event('a', '2021-11-08')];
		const before = structuredClone(input);
		timeline(input);
		expect(input).toEqual(before);
	});
});

describe('playSpan', () => {
	const tl = timeline([event('a', '2021-11-08'), event('b', '2021-11-20')]);
	it("spans the events' extent when the filter has no dates", () => {
		expect(playSpan(tl, {})).toEqual({ start: D('2021-11-08'), end: D('2021-11-21') });
	});
	it("uses the filter's from and to (inclusive) where given", () => {
		expect(playSpan(tl, { from: '2021-11-01', to: '2021-11-30' })).toEqual({ start: D('2021-11-01'), end: D('2021-12-01') });
		expect(playSpan(tl, { from: '2021-11-01' })).toEqual({ start: D('2021-11-01'), end: D('2021-11-21') });
	});
	it('is null when there is nothing to play', () => {
		expect(playSpan([], {})).toBeNull();
	});
});

describe('advanceClock', () => {
	const span = { start: 100, end: 130 };
	it('moves speed days per second', () => {
		expect(advanceClock(startClock(span), span, moving, 0.5).t).toBe(105);
	});
	it('clamps a long gap (a hidden tab) to one second', () => {
		expect(advanceClock(startClock(span), span, moving, 60).t).toBe(110);
	});
	it('rests on the last frame for `hold` seconds, then loops back to the start and counts the cycle', () => {
		let c = startClock(span);
		for (let k = 0; k < 3; k++) c = advanceClock(c, span, moving, 1); // 100 → 130
		expect(c).toMatchObject({ t: 130, cycle: 0 });
		c = advanceClock(c, span, moving, 1);
		expect(c).toMatchObject({ t: 130, cycle: 0, held: 1 });
		c = advanceClock(c, span, moving, 1);
		expect(c).toMatchObject({ t: 100, cycle: 1, held: 0, done: false });
	});
	it('stops at the end when end = stop, and stays there', () => {
		let c = startClock(span);
		for (let k = 0; k < 10; k++) c = advanceClock(c, span, { ...moving, end: 'stop' }, 1);
		expect(c).toMatchObject({ t: 130, cycle: 0, done: true });
	});
	it('never leaves the span and never goes backwards within a cycle', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: -1, max: 3, noNaN: true }), { maxLength: 60 }), (steps) => {
				let c = startClock(span);
				for (const dt of steps) {
					const next = advanceClock(c, span, moving, dt);
					expect(next.t).toBeGreaterThanOrEqual(span.start);
					expect(next.t).toBeLessThanOrEqual(span.end);
					if (next.cycle === c.cycle) expect(next.t).toBeGreaterThanOrEqual(c.t);
					c = next;
				}
			})
		);
	});
});

describe('clampClock', () => {
	it('keeps the position and the cycle when the span grows (new data), only clamps when it shrinks', () => {
		const c = { t: 120, cycle: 3, held: 0, done: false };
		expect(clampClock(c, { start: 90, end: 200 })).toBe(c);
		expect(clampClock(c, { start: 90, end: 110 })).toEqual({ ...c, t: 110 });
	});
});

describe('windowAt and eventLook', () => {
	const span = { start: 100, end: 200 };
	it('shows the last `window` days in moving mode and everything so far in cumulative mode', () => {
		expect(windowAt(150, span, moving)).toEqual({ start: 143, end: 150 });
		expect(windowAt(103, span, moving)).toEqual({ start: 100, end: 103 });
		expect(windowAt(150, span, { ...moving, mode: 'cumulative' })).toEqual({ start: 100, end: 150 });
	});
	it('hides events that have not happened yet', () => {
		expect(eventLook({ t0: 151, t1: 152 }, 150, moving)).toEqual({ opacity: 0, pulse: 0 });
	});
	it('pulses an event as it appears and settles after `pulse` seconds of wall time', () => {
		const e = { t0: 150, t1: 180 };
		expect(eventLook(e, 150, moving).pulse).toBe(1);
		expect(eventLook(e, 150 + 0.8 * moving.speed, { ...moving, pulse: 1.6 }).pulse).toBeCloseTo(0.5);
		expect(eventLook(e, 150 + 2 * moving.speed, moving).pulse).toBe(0);
	});
	it('fades an event as it ages and drops it out of the back of a moving window', () => {
		const e = { t0: 150, t1: 151 };
		const looks = [151, 153, 155, 157].map((t) => eventLook(e, t, moving).opacity);
		expect(looks[0]).toBe(1);
		for (let k = 1; k < looks.length; k++) expect(looks[k]!).toBeLessThan(looks[k - 1]!);
		expect(eventLook(e, 158, moving).opacity).toBe(0);
	});
	it('keeps old events visible but dimmer in cumulative mode', () => {
		expect(eventLook({ t0: 110, t1: 111 }, 190, { ...moving, mode: 'cumulative' }).opacity).toBeCloseTo(0.4);
	});
	it('keeps a month-long event at full strength for the whole month', () => {
		expect(eventLook({ t0: 100, t1: 130 }, 129, moving).opacity).toBe(1);
	});
});

describe('currentEvents', () => {
	const tl = timeline([
		event('a', '2021-11-01'),
		event('b', '2021-11-05'),
		event('c', '2021-11-08'),
		event('d', '2021-11-09'),
		event('m', '2021-10-01', { date_end: '2021-10-31', date_precision: 'month' }),
		event('z', '2021-11-20')
	]);
	const ids = (t: string) => currentEvents(tl, D(t) + 0.5, moving, 3).map((e) => e.props.id);
	it('picks the most recently started events on screen, newest first, at most `limit`', () => {
		expect(ids('2021-11-09')).toEqual(['d', 'c', 'b']);
	});
	it('changes as time advances', () => {
		expect(ids('2021-11-05')).toEqual(['b', 'a', 'm']);
		expect(ids('2021-11-14')).toEqual(['d', 'c']);
		expect(ids('2021-11-18')).toEqual([]);
		expect(ids('2021-11-21')).toEqual(['z']);
	});
	it('keeps a long event current while it lasts', () => {
		expect(ids('2021-10-20')).toEqual(['m']);
	});
	it('agrees with a plain scan of every event', () => {
		fc.assert(
			fc.property(fc.double({ min: D('2021-09-01'), max: D('2021-12-01'), noNaN: true }), (t) => {
				const slow = [...tl]
					.filter((e) => e.t0 <= t && e.t1 > t - moving.window)
					.reverse()
					.slice(0, 3);
				expect(currentEvents(tl, t, moving, 3)).toEqual(slow);
			})
		);
	});
});

describe('dates for the wall', () => {
	it('writes periods compactly, naming the month and year once where shared', () => {
		expect(formatPeriod({ start: D('2021-11-03'), end: D('2021-11-04') })).toBe('3 November 2021');
		expect(formatPeriod({ start: D('2021-11-03'), end: D('2021-11-18') })).toBe('3 – 17 November 2021');
		expect(formatPeriod({ start: D('2021-10-28'), end: D('2021-11-04') })).toBe('28 October – 3 November 2021');
		expect(formatPeriod({ start: D('2021-12-28'), end: D('2022-01-04') })).toBe('28 December 2021 – 3 January 2022');
	});
	it("writes an event's date only as precisely as it is known", () => {
		expect(formatEventDate({ date_start: '2021-11-08', date_end: '2021-11-08', date_precision: 'day' })).toBe('8 November 2021');
		expect(formatEventDate({ date_start: '2021-11-08', date_end: '2021-11-14', date_precision: 'week' })).toBe('week of 8 November 2021');
		expect(formatEventDate({ date_start: '2021-11-01', date_end: '2021-11-30', date_precision: 'month' })).toBe('November 2021');
		expect(formatEventDate({ date_start: '2021-01-01', date_end: '2021-12-31', date_precision: 'year' })).toBe('2021');
		expect(formatEventDate({ date_start: null, date_end: null, date_precision: 'unknown' })).toBe('date unknown');
	});
});

describe('gapFactor', () => {
	const tl = timeline([event('a', '2021-01-01'), event('b', '2021-06-01')]);
	const opts = { speed: 5, window: 10, mode: 'moving' as const };
	it('plays at normal speed while events are on screen', () => {
		expect(gapFactor(tl, D('2021-01-03'), opts)).toBe(1);
	});
	it('speeds through an empty stretch and slows again just before the next event', () => {
		expect(gapFactor(tl, D('2021-03-01'), opts)).toBeGreaterThan(1);
		expect(gapFactor(tl, D('2021-06-01') - 3, opts)).toBe(1);
	});
	it('moves the clock faster by that factor', () => {
		const span = { start: 0, end: 1000 };
		expect(advanceClock(startClock(span), span, { ...moving, speed: 5 }, 0.5, 8).t).toBe(20);
	});
});
