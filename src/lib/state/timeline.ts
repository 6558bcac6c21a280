// The time axis: day extents, interval-aware histogram bins, interval bands, the window index, stepping between events.
import type { DatePrecision, EventFeature } from '$lib/domain/event';
import { eventDays, fromDay } from '$lib/domain/time';

/** Start and end day of every event (NaN when undated), in the events' order, as typed arrays. */
export interface DayIndex {
	start: Float64Array;
	end: Float64Array;
	/** Distinct start days, ascending: the stops for "previous/next event". */
	stops: number[];
	/** First and last day covered by any event, or null when none is dated. */
	extent: { start: number; end: number } | null;
	/** The dated events' indices by start day (ties in file order), so a filter change need not sort. */
	order: Uint32Array;
	/** Each event's coarse date (a week, month or year) as an index into `intervals`; -1 for a day or no date. */
	interval: Int32Array;
	/** The distinct coarse dates, in order of first appearance. */
	intervals: { start: number; end: number; precision: DatePrecision }[];
}

export function dayIndex(events: readonly EventFeature[]): DayIndex {
	const start = new Float64Array(events.length);
	const end = new Float64Array(events.length);
	const interval = new Int32Array(events.length).fill(-1);
	const intervals: DayIndex['intervals'] = [];
	const intervalAt = new Map<string, number>();
	const stopSet = new Set<number>();
	const dated: number[] = [];
	let lo = Infinity;
	let hi = -Infinity;
	events.forEach((e, i) => {
		const d = eventDays(e.properties);
		start[i] = d ? d.start : NaN;
		end[i] = d ? d.end : NaN;
		if (!d) return;
		dated.push(i);
		stopSet.add(d.start);
		if (d.start < lo) lo = d.start;
		if (d.end > hi) hi = d.end;
		const precision = e.properties.date_precision;
		if (d.end > d.start && precision !== 'day') {
			const key = `${d.start}|${d.end}|${precision}`;
			let k = intervalAt.get(key);
			if (k === undefined) {
				intervalAt.set(key, (k = intervals.length));
				intervals.push({ start: d.start, end: d.end, precision });
			}
			interval[i] = k;
		}
	});
	const order = Uint32Array.from(dated).sort((a, b) => start[a]! - start[b]! || a - b);
	return { start, end, stops: [...stopSet].sort((a, b) => a - b), extent: lo <= hi ? { start: lo, end: hi } : null, order, interval, intervals };
}

/** True when event `i` overlaps the closed day window (undated events never do). */
export function inWindow(index: DayIndex, i: number, from: number, to: number): boolean {
	return index.start[i]! <= to && index.end[i]! >= from;
}

/**
 * Counts events per bin over [start, end] split into `bins` equal bins; an event with a week/month/year
 * interval counts once in every bin its interval overlaps. `keep(i)` restricts to filtered events.
 */
export function histogram(index: DayIndex, start: number, end: number, bins: number, keep: (i: number) => boolean = () => true): number[] {
	return stackedHistogram(index, null, 1, start, end, bins, keep).map((b) => b[0]!);
}

/** The first event start day strictly after `day`, or null. */
export function nextStop(index: DayIndex, day: number): number | null {
	for (const s of index.stops) if (s > day) return s;
	return null;
}

/** The last event start day strictly before `day`, or null. */
export function prevStop(index: DayIndex, day: number): number | null {
	let found: number | null = null;
	for (const s of index.stops) {
		if (s >= day) break;
		found = s;
	}
	return found;
}

/**
 * One playback tick: a moving window slides by `days`; a cumulative one grows its end. Returns null at the
 * end of the extent (playback stops there).
 */
export function advanceWindow(win: { start: number; end: number }, days: number, mode: 'moving' | 'cumulative', extentEnd: number): { start: number; end: number } | null {
	if (win.end >= extentEnd) return null;
	const step = Math.max(1, Math.round(days));
	const end = Math.min(extentEnd, win.end + step);
	return mode === 'moving' ? { start: win.start + (end - win.end), end } : { start: win.start, end };
}

/**
 * Counts like `histogram`, split by a group per event (`group[i]`, 0 ≤ group < `groups`, e.g. its event type's
 * index; null: all in group 0): `counts[bin][group]`. The bars of a stacked histogram.
 */
export function stackedHistogram(
	index: DayIndex,
	group: ArrayLike<number> | null,
	groups: number,
	start: number,
	end: number,
	bins: number,
	keep: (i: number) => boolean = () => true
): number[][] {
	const flat = new Uint32Array(bins * groups); // bin b, group g at b * groups + g
	const width = (end - start + 1) / bins;
	for (let i = 0; i < index.start.length; i++) {
		const s = index.start[i]!;
		if (Number.isNaN(s) || !keep(i)) continue;
		const e = index.end[i]!;
		if (e < start || s > end) continue;
		const g = group ? group[i]! : 0;
		const b0 = Math.max(0, Math.floor((s - start) / width));
		const b1 = Math.min(bins - 1, Math.floor((e - start) / width));
		for (let b = b0; b <= b1; b++) flat[b * groups + g]!++;
	}
	return Array.from({ length: bins }, (_, b) => Array.from(flat.subarray(b * groups, (b + 1) * groups)));
}

/** One event type's pieces of a stacked histogram, as one SVG path (`group` as in `stackedHistogram`). */
export interface StackPath {
	group: number;
	d: string;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A stacked histogram (`counts[bin][group]`) as one SVG path per group present, in a viewBox `bins` wide and
 * `height` high: bin b spans x b+0.1 … b+0.9, its groups stacked bottom-up in group order, the tallest bin
 * `height − top` high. One path per event type instead of one rect per piece: ~1,800 rects at 10,000 events were
 * half the page's elements, made again on every filter change. A piece's top is where the next one's bottom is,
 * exactly (both from one rounded value).
 */
export function stackPaths(counts: readonly (readonly number[])[], height: number, top: number): StackPath[] {
	const max = Math.max(1, ...counts.map((b) => b.reduce((a, n) => a + n, 0)));
	const parts: string[][] = [];
	counts.forEach((bin, b) => {
		let y = height;
		let sum = 0;
		bin.forEach((n, g) => {
			if (n === 0) return;
			sum += n;
			const next = r3(height - (sum / max) * (height - top));
			(parts[g] ??= []).push(`M${r3(b + 0.1)} ${next}h0.8v${r3(y - next)}h-0.8z`);
			y = next;
		});
	});
	const out: StackPath[] = [];
	parts.forEach((p, group) => p && out.push({ group, d: p.join('') }));
	return out;
}

/** The kept (filtered) dated events sorted by start day, with the running maximum of their end days. */
export interface KeptDays {
	starts: Float64Array; // ascending
	maxEnd: Float64Array; // maxEnd[k]: the latest end among starts[0..k]
	/** First and last day covered by a kept event, or null when none is dated. */
	extent: { start: number; end: number } | null;
}

export function keptDays(index: DayIndex, keep: (i: number) => boolean = () => true): KeptDays {
	const { order, start, end } = index;
	const kept = new Uint32Array(order.length);
	let n = 0;
	for (let k = 0; k < order.length; k++) if (keep(order[k]!)) kept[n++] = order[k]!;
	const starts = new Float64Array(n);
	const maxEnd = new Float64Array(n);
	let hi = -Infinity;
	for (let k = 0; k < n; k++) {
		const i = kept[k]!;
		starts[k] = start[i]!;
		if (end[i]! > hi) hi = end[i]!;
		maxEnd[k] = hi;
	}
	return { starts, maxEnd, extent: n ? { start: starts[0]!, end: hi } : null };
}

/** How many kept events start on or before `day` (binary search). */
function countStartingBy(kept: KeptDays, day: number): number {
	let lo = 0;
	let hi = kept.starts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (kept.starts[mid]! <= day) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The first kept event start day strictly after `day`, or null. */
export function nextKeptStart(kept: KeptDays, day: number): number | null {
	const k = countStartingBy(kept, day);
	return k < kept.starts.length ? kept.starts[k]! : null;
}

/** The last kept event start day strictly before `day`, or null. */
export function prevKeptStart(kept: KeptDays, day: number): number | null {
	const k = countStartingBy(kept, day - 1);
	return k > 0 ? kept.starts[k - 1]! : null;
}

/** True when a kept event overlaps the closed day window [from, to]. */
export function anyKeptIn(kept: KeptDays, from: number, to: number): boolean {
	const k = countStartingBy(kept, to);
	return k > 0 && kept.maxEnd[k - 1]! >= from;
}

/**
 * One playback tick that jumps over empty stretches: like `advanceWindow`, but when the step would leave a
 * moving window with no kept event in it, or bring a cumulative window no new event, the window's end goes
 * straight to the next kept event's start instead (a moving window keeps its width). Null at the end of the
 * extent, or when no kept event is left ahead (playback stops).
 */
export function skipWindow(win: { start: number; end: number }, days: number, mode: 'moving' | 'cumulative', extentEnd: number, kept: KeptDays): { start: number; end: number } | null {
	const next = advanceWindow(win, days, mode, extentEnd);
	if (!next) return null;
	const empty = mode === 'moving' ? !anyKeptIn(kept, next.start, next.end) : countStartingBy(kept, next.end) === countStartingBy(kept, win.end);
	if (!empty) return next;
	const stop = nextKeptStart(kept, next.end);
	if (stop === null) return null;
	return mode === 'moving' ? { start: stop - (win.end - win.start), end: stop } : { start: win.start, end: stop };
}

/** Events that share one coarse date (a week, month or year): drawn as one bar under the histogram. */
export interface IntervalBand {
	start: number; // first day, inclusive
	end: number; // last day, inclusive
	precision: DatePrecision;
	count: number; // filtered events dated to exactly this interval
	lane: number; // row in the band, 0 at the top
}

/** Bands laid out in lanes, plus what did not fit. */
export interface IntervalBands {
	bands: IntervalBand[];
	lanes: number; // lanes used (0 when there are no bands)
	maxCount: number; // the largest band count (0 when none), for scaling opacity/thickness
	/** Distinct intervals and their events left out because every lane was taken there. */
	overflow: { intervals: number; events: number };
}

/**
 * Groups the kept events whose date is coarser than a day (precision other than `day`, end after start) by
 * their distinct interval and precision (`DayIndex.intervals`), counting events per group. Day-precision and
 * undated events are left out. The result has one entry per distinct interval, not per event. Sorted by start,
 * then longer first.
 */
export function groupIntervals(index: DayIndex, keep: (i: number) => boolean = () => true): Omit<IntervalBand, 'lane'>[] {
	const counts = new Uint32Array(index.intervals.length);
	for (let i = 0; i < index.interval.length; i++) {
		const k = index.interval[i]!;
		if (k >= 0 && keep(i)) counts[k]!++;
	}
	const groups: Omit<IntervalBand, 'lane'>[] = [];
	index.intervals.forEach((iv, k) => counts[k]! > 0 && groups.push({ ...iv, count: counts[k]! }));
	return groups.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Greedy lane packing: each interval, in start order, takes the first lane whose last interval ended more
 * than `gap` days before it starts, so bars in one lane never overlap or touch. Intervals that find no
 * lane among `maxLanes` are counted in `overflow`.
 */
export function packLanes(groups: readonly Omit<IntervalBand, 'lane'>[], opts: { maxLanes?: number; gap?: number } = {}): IntervalBands {
	const maxLanes = opts.maxLanes ?? 3; // a thin band: a few rows at most
	const gap = opts.gap ?? 0; // days kept free between bars in a lane (the component passes a few pixels' worth)
	const sorted = [...groups].sort((a, b) => a.start - b.start || b.end - a.end);
	const laneEnd: number[] = [];
	const bands: IntervalBand[] = [];
	const overflow = { intervals: 0, events: 0 };
	let maxCount = 0;
	for (const g of sorted) {
		let lane = laneEnd.findIndex((end) => end + gap < g.start);
		if (lane < 0 && laneEnd.length < maxLanes) lane = laneEnd.length;
		if (lane < 0) {
			overflow.intervals++;
			overflow.events += g.count;
			continue;
		}
		laneEnd[lane] = g.end;
		bands.push({ ...g, lane });
		if (g.count > maxCount) maxCount = g.count;
	}
	return { bands, lanes: laneEnd.length, maxCount, overflow };
}

/** The kept coarse-dated events as distinct interval bands in non-overlapping lanes (groupIntervals + packLanes). */
export function intervalBands(index: DayIndex, keep: (i: number) => boolean = () => true, opts: { maxLanes?: number; gap?: number } = {}): IntervalBands {
	return packLanes(groupIntervals(index, keep), opts);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(day: number): { y: number; m: number; d: number } {
	const iso = fromDay(day);
	return { y: +iso.slice(0, 4), m: +iso.slice(5, 7) - 1, d: +iso.slice(8, 10) };
}

/** "6–12 November 2021", "29 November – 5 December 2021", "29 December 2021 – 4 January 2022". */
function spanText(start: number, end: number): string {
	const a = parts(start);
	const b = parts(end);
	if (a.y !== b.y) return `${a.d} ${MONTHS[a.m]} ${a.y} – ${b.d} ${MONTHS[b.m]} ${b.y}`;
	if (a.m !== b.m) return `${a.d} ${MONTHS[a.m]} – ${b.d} ${MONTHS[b.m]} ${b.y}`;
	return `${a.d}–${b.d} ${MONTHS[b.m]} ${b.y}`;
}

/**
 * What one band stands for, worded by its precision: "14 events dated only to March 2021",
 * "3 events dated only to the week of 6–12 November 2021", "1 event dated only to 2020". An interval that
 * is not the whole month/year its precision names is given as its first and last day.
 */
export function bandLabel(band: Pick<IntervalBand, 'start' | 'end' | 'precision' | 'count'>): string {
	const a = parts(band.start);
	const b = parts(band.end);
	const after = parts(band.end + 1);
	let when = spanText(band.start, band.end);
	if (band.precision === 'week') when = `the week of ${when}`;
	else if (band.precision === 'month' && a.d === 1 && a.y === b.y && a.m === b.m && after.d === 1) when = `${MONTHS[a.m]} ${a.y}`;
	else if (band.precision === 'year' && a.d === 1 && a.m === 0 && b.m === 11 && b.d === 31 && a.y === b.y) when = String(a.y);
	return `${band.count} ${band.count === 1 ? 'event' : 'events'} dated only to ${when}`;
}
