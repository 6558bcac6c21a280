// Playback over the filtered events' days: stops, gaps jumped in one step, and the histogram stacked by type.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventFeature } from '../../src/lib/domain/event';
import { toDay } from '../../src/lib/domain/time';
import { advanceWindow, anyKeptIn, dayIndex, histogram, keptDays, nextKeptStart, prevKeptStart, skipWindow, stackPaths, stackedHistogram } from '../../src/lib/state/timeline';

const D = toDay;

function event(start: string, end = start): EventFeature {
	return { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { date_start: start, date_end: end } } as unknown as EventFeature;
}

// A month-dated event, two days in March, then nothing until July 2023; the last one is filtered out.
const events = [event('2022-02-01', '2022-02-28'), event('2022-03-05'), event('2022-03-06'), event('2023-07-18'), event('2023-12-01')];
const idx = dayIndex(events);
const kept = keptDays(idx, (i) => i !== 4);

describe('keptDays', () => {
	it('knows the filtered extent, the next and previous start and whether a window holds an event', () => {
		expect(kept.extent).toEqual({ start: D('2022-02-01'), end: D('2023-07-18') });
		expect(nextKeptStart(kept, D('2022-03-05'))).toBe(D('2022-03-06'));
		expect(nextKeptStart(kept, D('2023-07-18'))).toBeNull(); // the filtered-out December event is no stop
		expect(prevKeptStart(kept, D('2022-03-06'))).toBe(D('2022-03-05'));
		expect(prevKeptStart(kept, D('2022-02-01'))).toBeNull();
		expect(anyKeptIn(kept, D('2022-02-20'), D('2022-02-21'))).toBe(true); // inside the month-long event
		expect(anyKeptIn(kept, D('2022-03-07'), D('2023-07-17'))).toBe(false);
	});

	it('agrees with a plain scan on random events', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 40 })), { maxLength: 30 }), fc.integer({ min: -10, max: 350 }), fc.integer({ min: 0, max: 60 }), (spans, from, len) => {
				const start = Float64Array.from(spans, ([s]) => s);
				const order = Uint32Array.from(spans.keys()).sort((a, b) => start[a]! - start[b]! || a - b);
				const ix = { start, end: Float64Array.from(spans, ([s, l]) => s + l), stops: [], extent: null, order, interval: new Int32Array(spans.length).fill(-1), intervals: [] };
				const k = keptDays(ix);
				expect(anyKeptIn(k, from, from + len)).toBe(spans.some(([s, l]) => s <= from + len && s + l >= from));
				const after = spans.map(([s]) => s).filter((s) => s > from);
				expect(nextKeptStart(k, from)).toBe(after.length ? Math.min(...after) : null);
			})
		);
	});
});

describe('skipWindow', () => {
	const end = kept.extent!.end;

	it('a moving window that would be empty goes straight to the next event, keeping its width', () => {
		const win = { start: D('2022-03-07'), end: D('2022-04-05') };
		expect(skipWindow(win, 1, 'moving', end, kept)).toEqual({ start: D('2023-07-18') - 29, end: D('2023-07-18') });
		// Plain advancing would take ~470 steps of a day to get there.
		expect(advanceWindow(win, 1, 'moving', end)).toEqual({ start: D('2022-03-08'), end: D('2022-04-06') });
	});

	it('a moving window with an event still in it slides as usual', () => {
		const win = { start: D('2022-02-10'), end: D('2022-03-11') };
		expect(skipWindow(win, 2, 'moving', end, kept)).toEqual(advanceWindow(win, 2, 'moving', end));
	});

	it('a cumulative window that would gain no event grows to the next one; one that gains an event grows as usual', () => {
		expect(skipWindow({ start: D('2022-02-01'), end: D('2022-03-10') }, 3, 'cumulative', end, kept)).toEqual({ start: D('2022-02-01'), end: D('2023-07-18') });
		expect(skipWindow({ start: D('2022-02-01'), end: D('2022-03-03') }, 3, 'cumulative', end, kept)).toEqual({ start: D('2022-02-01'), end: D('2022-03-06') });
	});

	it('stops at the end of the filtered events', () => {
		expect(skipWindow({ start: D('2023-06-20'), end: D('2023-07-18') }, 1, 'moving', end, kept)).toBeNull();
		expect(skipWindow({ start: D('2023-06-01'), end: D('2023-06-30') }, 1, 'moving', D('2023-12-31'), keptDays(idx, (i) => i !== 3 && i !== 4))).toBeNull();
	});
});

describe('stackedHistogram', () => {
	it('splits each bin of the plain histogram by group, and the groups add up to it', () => {
		const group = [0, 1, 1, 2, 0];
		const ext = idx.extent!;
		const stacked = stackedHistogram(idx, group, 3, ext.start, ext.end, 20);
		const plain = histogram(idx, ext.start, ext.end, 20);
		expect(stacked.map((b) => b.reduce((a, n) => a + n, 0))).toEqual(plain);
		expect(stacked.reduce((a, b) => a + b[1]!, 0)).toBe(2); // the two March days, group 1
		expect(stacked[19]![0]).toBe(1); // December, group 0
	});
});

/** The pieces of a stackPaths path: x, y, width and height of each `M x y h w v h h -w z`. */
function piecesOf(d: string): { x: number; y: number; w: number; h: number }[] {
	return [...d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }));
}

describe('stackPaths', () => {
	const counts = [
		[2, 0, 1],
		[0, 0, 0],
		[1, 3, 0]
	];

	it('draws one path per group present, and none for a group with no events', () => {
		expect(stackPaths(counts, 40, 2).map((p) => p.group)).toEqual([0, 1, 2]);
		expect(stackPaths([[0, 4, 0]], 40, 2).map((p) => p.group)).toEqual([1]);
		expect(stackPaths([], 40, 2)).toEqual([]);
	});

	it('stacks a bin\'s groups bottom-up in group order, each piece starting exactly where the one below ends', () => {
		const paths = stackPaths(counts, 40, 2);
		const inBin = (x: number) => paths.flatMap((p) => piecesOf(p.d).filter((q) => Math.floor(q.x) === x).map((q) => ({ group: p.group, ...q })));
		const bin2 = inBin(2);
		expect(bin2.map((q) => q.group)).toEqual([0, 1]);
		expect(bin2[0]!.y + bin2[0]!.h).toBe(40); // the first group stands on the baseline
		expect(bin2[1]!.y + bin2[1]!.h).toBeCloseTo(bin2[0]!.y, 9);
		expect(inBin(1)).toEqual([]); // an empty bin draws nothing
	});

	it('scales the tallest bin to the height less the top margin, and heights follow the counts', () => {
		const pieces = stackPaths(counts, 40, 2).flatMap((p) => piecesOf(p.d));
		expect(Math.min(...pieces.map((q) => q.y))).toBe(2); // bin 2 (4 events) reaches the top margin
		const bin0 = pieces.filter((q) => Math.floor(q.x) === 0);
		expect(bin0.reduce((a, q) => a + q.h, 0)).toBeCloseTo((3 / 4) * 38, 2);
		for (const q of pieces) expect(q).toMatchObject({ w: 0.8 });
	});
});
