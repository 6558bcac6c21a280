// The time axis: day extents, interval-aware histogram bins, the window index, stepping between events.
import type { EventFeature } from '$lib/domain/event';
import { eventDays } from '$lib/domain/time';

/** Start and end day of every event (NaN when undated), in the events' order, as typed arrays. */
export interface DayIndex {
	start: Float64Array;
	end: Float64Array;
	/** Distinct start days, ascending: the stops for "previous/next event". */
	stops: number[];
	/** First and last day covered by any event, or null when none is dated. */
	extent: { start: number; end: number } | null;
}

export function dayIndex(events: readonly EventFeature[]): DayIndex {
	const start = new Float64Array(events.length);
	const end = new Float64Array(events.length);
	const stopSet = new Set<number>();
	let lo = Infinity;
	let hi = -Infinity;
	events.forEach((e, i) => {
		const d = eventDays(e.properties);
		start[i] = d ? d.start : NaN;
		end[i] = d ? d.end : NaN;
		if (d) {
			stopSet.add(d.start);
			if (d.start < lo) lo = d.start;
			if (d.end > hi) hi = d.end;
		}
	});
	return { start, end, stops: [...stopSet].sort((a, b) => a - b), extent: lo <= hi ? { start: lo, end: hi } : null };
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
	const counts = new Array<number>(bins).fill(0);
	const width = (end - start + 1) / bins;
	for (let i = 0; i < index.start.length; i++) {
		const s = index.start[i]!;
		if (Number.isNaN(s) || !keep(i)) continue;
		const e = index.end[i]!;
		if (e < start || s > end) continue;
		const b0 = Math.max(0, Math.floor((s - start) / width));
		const b1 = Math.min(bins - 1, Math.floor((e - start) / width));
		for (let b = b0; b <= b1; b++) counts[b]!++;
	}
	return counts;
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
