// The wall's clock: where the time window is on each tick, how each event looks then, and which events are "current".
import { compareEvents, type EventFeature, type EventProperties } from './event';
import { filterDays, type EventFilter } from './filter';
import { eventDays, fromDay } from './time';
import type { EndMode, PlayMode } from './wallconfig';

/** Days as fractional UTC day numbers; `end` is exclusive (the day after the last day). */
export interface Span {
	start: number;
	end: number;
}

export interface PlaybackOptions {
	speed: number; // days per second
	window: number; // days
	mode: PlayMode;
	end: EndMode;
	hold?: number; // seconds to rest on the last frame before looping (default 4)
	pulse?: number; // seconds an event pulses after it appears (default 1.6)
}

/** Where the playback is. `t` is the leading edge of the window (fractional day). */
export interface Clock {
	t: number;
	cycle: number; // completed loops
	held: number; // seconds spent resting at the end
	done: boolean; // stopped at the end (end = stop)
}

/** An event on the timeline: `i` is its index in the sorted list, `t0`/`t1` its first day and the day after its last. */
export interface TimedEvent {
	i: number;
	t0: number;
	t1: number;
	props: EventProperties;
	coordinates: [number, number];
}

/** Dated events sorted by start (then the shared event order); undated ones cannot be placed in time and are left out. */
export function timeline(features: readonly EventFeature[]): TimedEvent[] {
	const dated: { f: EventFeature; t0: number; t1: number }[] = [];
	for (const f of features) {
		const d = eventDays(f.properties);
		if (d) dated.push({ f, t0: d.start, t1: d.end + 1 });
	}
	dated.sort((a, b) => a.t0 - b.t0 || compareEvents(a.f.properties, b.f.properties));
	return dated.map(({ f, t0, t1 }, i) => ({ i, t0, t1, props: f.properties, coordinates: f.geometry.coordinates as [number, number] }));
}

/** The span the wall plays through: the filter's from/to where given, else the events' extent; null when there is nothing. */
export function playSpan(events: readonly TimedEvent[], filter: EventFilter): Span | null {
	const days = filterDays(filter);
	let start = days && Number.isFinite(days.start) ? days.start : Number.POSITIVE_INFINITY;
	let end = days && Number.isFinite(days.end) ? days.end + 1 : Number.NEGATIVE_INFINITY;
	if (!Number.isFinite(start)) for (const e of events) start = Math.min(start, e.t0);
	if (!Number.isFinite(end)) for (const e of events) end = Math.max(end, e.t1);
	if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
	return { start, end };
}

export function startClock(span: Span): Clock {
	return { t: span.start, cycle: 0, held: 0, done: false };
}

/**
 * The clock `dt` seconds later. At the end it stops (`end: stop`) or rests `hold` seconds and starts
 * again (`end: loop`). A long gap (a hidden tab) is clamped to one second so the wall never leaps.
 * `factor` multiplies the speed (see gapFactor).
 */
export function advanceClock(clock: Clock, span: Span, opts: PlaybackOptions, dt: number, factor = 1): Clock {
	const step = Math.min(Math.max(dt, 0), 1);
	if (clock.done) return clock;
	if (clock.t >= span.end) {
		if (opts.end === 'stop') return { ...clock, t: span.end, done: true };
		const held = clock.held + step;
		if (held >= (opts.hold ?? 4)) return { t: span.start, cycle: clock.cycle + 1, held: 0, done: false };
		return { ...clock, held };
	}
	const t = Math.min(clock.t + step * opts.speed * factor, span.end);
	if (t >= span.end && opts.end === 'stop') return { ...clock, t, done: true };
	return { ...clock, t };
}

/** Keeps a clock inside a span that changed under it (new data), without restarting the loop. */
export function clampClock(clock: Clock, span: Span): Clock {
	const t = Math.min(Math.max(clock.t, span.start), span.end);
	return t === clock.t ? clock : { ...clock, t, done: clock.done && t >= span.end };
}

/** The days on screen at time `t`: the last `window` days (moving) or everything so far (cumulative). */
export function windowAt(t: number, span: Span, opts: Pick<PlaybackOptions, 'window' | 'mode'>): Span {
	const start = opts.mode === 'cumulative' ? span.start : Math.max(span.start, t - opts.window);
	return { start, end: t };
}

/** Fraction of the span played, 0..1, for a progress bar. */
export function progress(clock: Clock, span: Span): number {
	return span.end > span.start ? Math.min(1, Math.max(0, (clock.t - span.start) / (span.end - span.start))) : 1;
}

export interface EventLook {
	opacity: number; // 0 = not shown
	pulse: number; // 1 just appeared … 0 settled
}

const HIDDEN: EventLook = { opacity: 0, pulse: 0 };

/**
 * How one event looks at time `t`: not yet (hidden), pulsing as it appears, fading as it ages
 * (to nothing at the back of a moving window; to a floor in cumulative mode).
 */
export function eventLook(e: Pick<TimedEvent, 't0' | 't1'>, t: number, opts: PlaybackOptions): EventLook {
	if (e.t0 > t) return HIDDEN;
	const age = Math.max(0, t - e.t1); // 0 while the event is still going on
	const a = Math.min(1, age / opts.window);
	let opacity: number;
	if (opts.mode === 'moving') {
		if (a >= 1) return HIDDEN;
		opacity = Math.pow(1 - a, 0.6);
	} else {
		opacity = 1 - 0.6 * a;
	}
	const pulseDays = opts.speed * (opts.pulse ?? 1.6);
	const since = t - e.t0;
	const pulse = since < pulseDays ? 1 - since / pulseDays : 0;
	return { opacity, pulse };
}

/**
 * The events to caption at time `t`: the `limit` most recently started ones that are on screen
 * (started by `t`, not yet out of the back of the window), newest first. `events` must be sorted by `t0`.
 */
export function currentEvents(events: readonly TimedEvent[], t: number, opts: Pick<PlaybackOptions, 'window' | 'mode'>, limit = 3): TimedEvent[] {
	// Binary search: the first event starting after t.
	let lo = 0;
	let hi = events.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (events[mid]!.t0 <= t) lo = mid + 1;
		else hi = mid;
	}
	const back = t - opts.window; // captions follow the moving window in both modes: "current" means recent
	const out: TimedEvent[] = [];
	for (let k = lo - 1; k >= 0 && out.length < limit; k--) {
		const e = events[k]!;
		if (e.t1 > back) out.push(e);
		else if (e.t0 < back - 400) break; // nothing older can still be on screen (intervals last at most a year)
	}
	return out;
}

/**
 * How much faster to play at `t`: 1 while anything is on screen or about to appear, `fast` through an empty
 * stretch (a sparse dataset would otherwise leave the wall blank for minutes). `events` must be sorted by `t0`.
 */
export function gapFactor(events: readonly TimedEvent[], t: number, opts: Pick<PlaybackOptions, 'window' | 'mode' | 'speed'>, fast = 8): number {
	if (currentEvents(events, t, opts, 1).length) return 1;
	let lo = 0;
	let hi = events.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (events[mid]!.t0 <= t) lo = mid + 1;
		else hi = mid;
	}
	const next = events[lo];
	// Slow down again a second of normal playback before the next event appears.
	if (next && next.t0 - t <= opts.speed) return 1;
	return fast;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayParts(day: number): { y: number; m: number; d: number } {
	const [y, m, d] = fromDay(Math.floor(day)).split('-').map(Number) as [number, number, number];
	return { y, m, d };
}

/** "3 March 2025". */
export function formatDay(day: number): string {
	const { y, m, d } = dayParts(day);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * The period indicator's text for a window of days (end exclusive): "3 March 2025",
 * "3 – 17 March 2025", "28 February – 3 March 2025", "28 December 2024 – 3 January 2025".
 */
export function formatPeriod(win: Span): string {
	const last = Math.max(Math.floor(win.start), Math.ceil(win.end) - 1);
	const first = Math.floor(win.start);
	if (last <= first) return formatDay(first);
	const a = dayParts(first);
	const b = dayParts(last);
	if (a.y !== b.y) return `${formatDay(first)} – ${formatDay(last)}`;
	if (a.m !== b.m) return `${a.d} ${MONTHS[a.m - 1]} – ${formatDay(last)}`;
	return `${a.d} – ${formatDay(last)}`;
}

/** An event's own date, as precise as it is known: "3 March 2025", "week of 3 March 2025", "March 2025", "2025". */
export function formatEventDate(p: Pick<EventProperties, 'date_start' | 'date_end' | 'date_precision'>): string {
	const d = eventDays(p);
	if (!d) return 'date unknown';
	const { y, m } = dayParts(d.start);
	switch (p.date_precision) {
		case 'year':
			return String(y);
		case 'month':
			return `${MONTHS[m - 1]} ${y}`;
		case 'week':
			return `week of ${formatDay(d.start)}`;
		default:
			return d.end > d.start ? formatPeriod({ start: d.start, end: d.end + 1 }) : formatDay(d.start);
	}
}
