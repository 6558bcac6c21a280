// The timeline's visible range: ticks that adapt to it (years → months → weeks → days), zooming and panning it.
import { scaleUtc } from 'd3-scale';
import type { DayRange } from '$lib/domain/time';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar unit the ticks step by. */
export type TickUnit = 'year' | 'month' | 'week' | 'day';

export interface AxisTick {
	day: number; // UTC day number of the tick
	label: string; // "2021", "Mar 2021" / "Mar", "6 Mar 2021" / "6 Mar"
}

export interface Axis {
	unit: TickUnit;
	ticks: AxisTick[];
}

/** The smallest range the timeline zooms to: a week, so day ticks are the finest. */
export const MIN_VIEW_DAYS = 7;

function unitOf(stepDays: number): TickUnit {
	if (stepDays >= 360) return 'year';
	if (stepDays >= 28) return 'month';
	if (stepDays >= 7) return 'week';
	return 'day';
}

/**
 * Ticks for the closed day range `view`, about `count` of them, at calendar boundaries chosen by d3-scale's UTC
 * time scale (1, 2, 5, 10… years; 1, 3 months; Sunday weeks; 1, 2 days). Labels carry the year on the first
 * tick and wherever the year changes, so every label reads on its own.
 */
export function axisTicks(view: DayRange, count: number): Axis {
	const days = view.end - view.start + 1;
	const n = Math.max(1, Math.min(Math.round(count), days)); // never finer than a day
	const scale = scaleUtc().domain([new Date(view.start * DAY_MS), new Date((view.end + 1) * DAY_MS)]);
	const dates = scale
		.ticks(n)
		.map((d) => d.getTime() / DAY_MS)
		.filter((d) => Number.isInteger(d) && d >= view.start && d <= view.end);
	const step = dates.length > 1 ? dates[1]! - dates[0]! : days;
	const unit = unitOf(step);
	let lastYear = NaN;
	const ticks = dates.map((day) => {
		const date = new Date(day * DAY_MS);
		const y = date.getUTCFullYear();
		const m = date.getUTCMonth();
		const newYear = y !== lastYear;
		lastYear = y;
		let label: string;
		if (unit === 'year') label = String(y);
		else if (unit === 'month') label = newYear ? `${MONTHS[m]} ${y}` : MONTHS[m]!;
		else label = `${date.getUTCDate()} ${MONTHS[m]}${newYear ? ` ${y}` : ''}`;
		return { day, label };
	});
	return { unit, ticks };
}

function clampInto(start: number, days: number, bounds: DayRange): DayRange {
	const boundDays = bounds.end - bounds.start + 1;
	if (days >= boundDays) return { start: bounds.start, end: bounds.end };
	const s = Math.min(bounds.end - days + 1, Math.max(bounds.start, start));
	return { start: s, end: s + days - 1 };
}

/**
 * The range zoomed by `factor` (< 1 in, > 1 out) about the day `anchor`, which stays where it is on screen;
 * at least MIN_VIEW_DAYS wide, never wider than `bounds` and shifted to lie inside them.
 */
export function zoomRange(view: DayRange, factor: number, anchor: number, bounds: DayRange): DayRange {
	const days = view.end - view.start + 1;
	const boundDays = bounds.end - bounds.start + 1;
	const next = Math.round(Math.min(boundDays, Math.max(Math.min(MIN_VIEW_DAYS, boundDays), days * factor)));
	const at = Math.min(view.end + 1, Math.max(view.start, anchor));
	const start = Math.round(at - ((at - view.start) * next) / days);
	return clampInto(start, next, bounds);
}

/** The range moved by `days` (negative: earlier), keeping its width, stopped at the edges of `bounds`. */
export function panRange(view: DayRange, days: number, bounds: DayRange): DayRange {
	return clampInto(view.start + Math.round(days), view.end - view.start + 1, bounds);
}

/**
 * The range widened by `fraction` of its length on each side (at least a day): the fitted timeline, so bars
 * at the first and last day stand clear of the handles drawn on its edges.
 */
export function padRange(range: DayRange, fraction = 0.02): DayRange {
	const pad = Math.max(1, Math.ceil((range.end - range.start + 1) * fraction));
	return { start: range.start - pad, end: range.end + pad };
}

/** The smallest range holding both (the axis's bounds: the data's extent and the window, wherever it is). */
export function unionRange(a: DayRange, b: DayRange | null): DayRange {
	return b ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } : a;
}
