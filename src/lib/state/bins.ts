// The analysis chart's time bins: calendar days, ISO weeks, months or years chosen to fit the range, each event
// counted once by type, and the stacked segments of one bar.
import { EVENT_TYPES, type EventFeature, type EventType } from '$lib/domain/event';
import { fromDay, toDay, type DayRange } from '$lib/domain/time';

/** The calendar unit of one bar, finest first. */
export const BIN_UNITS = ['day', 'week', 'month', 'year'] as const;
export type BinUnit = (typeof BIN_UNITS)[number];

/** At most this many bars unless the caller asks otherwise: each stays a few pixels wide and clickable. */
export const MAX_BINS = 60;

/** The first day of the unit holding `day`: weeks start on Monday (ISO 8601). */
function unitStart(day: number, unit: BinUnit): number {
	if (unit === 'day') return day;
	if (unit === 'week') return day - ((((day + 3) % 7) + 7) % 7); // day 0, 1970-01-01, was a Thursday
	const iso = fromDay(day);
	return toDay(unit === 'month' ? `${iso.slice(0, 7)}-01` : `${iso.slice(0, 4)}-01-01`);
}

/** The first day of the next unit after the one starting on `start`. */
function nextStart(start: number, unit: BinUnit): number {
	if (unit === 'day') return start + 1;
	if (unit === 'week') return start + 7;
	return unitStart(start + (unit === 'month' ? 31 : 366), unit);
}

/**
 * The bins of `unit` covering the closed range, aligned to the calendar (the first starts on or before
 * `range.start`, the last ends on or after `range.end`), in order, each a closed day range.
 */
export function timeBins(range: DayRange, unit: BinUnit): DayRange[] {
	const out: DayRange[] = [];
	for (let s = unitStart(range.start, unit); s <= range.end; ) {
		const next = nextStart(s, unit);
		out.push({ start: s, end: next - 1 });
		s = next;
	}
	return out;
}

/** The finest unit that covers `range` in at most `maxBins` bins (years when even months are too many). */
export function binUnit(range: DayRange, maxBins = MAX_BINS): BinUnit {
	const days = range.end - range.start + 1;
	// A week or month holds at most 7 or 31 days: skip units whose bins cannot fit before counting them.
	for (const unit of BIN_UNITS.slice(0, -1)) {
		const atLeast = Math.ceil(days / { day: 1, week: 7, month: 31, year: 366 }[unit]);
		if (atLeast <= maxBins && timeBins(range, unit).length <= maxBins) return unit;
	}
	return 'year';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayText(day: number): string {
	const iso = fromDay(day);
	return `${+iso.slice(8, 10)} ${MONTHS[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;
}

/** What one bin stands for: "6 March 2023", "week of 6 March 2023", "March 2023", "2023". */
export function binLabel(bin: DayRange, unit: BinUnit): string {
	const iso = fromDay(bin.start);
	if (unit === 'year') return iso.slice(0, 4);
	if (unit === 'month') return `${MONTHS[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;
	return unit === 'week' ? `week of ${dayText(bin.start)}` : dayText(bin.start);
}

/**
 * Each event's day range (as eventDays gives it; null when undated), parsing each distinct date once: 100k events
 * carry a few thousand dates, and parsing is most of the cost of counting them.
 */
export function daysOf(events: readonly EventFeature[]): (DayRange | null)[] {
	const memo = new Map<string, number>();
	const day = (iso: string): number => {
		let d = memo.get(iso);
		if (d === undefined) memo.set(iso, (d = toDay(iso)));
		return d;
	};
	return events.map(({ properties: p }) => {
		if (!p.date_start) return null;
		const start = day(p.date_start);
		return { start, end: p.date_end ? day(p.date_end) : start };
	});
}

/** Events per bin and type, and the events the bars cannot place exactly. */
export interface BinCounts {
	/** counts[bin][k]: events of type EVENT_TYPES[k] counted in that bin. */
	counts: number[][];
	/** Dated events whose date is an interval reaching past the bin they are counted in (a week, month, year). */
	coarse: number;
	/** Events without a date: in no bar. */
	undated: number;
}

/**
 * Counts each dated event once, in the bin holding the first day of its date (or the first bin, when its date
 * began before them), so the bars add up to the number of dated events overlapping the bins (those outside them are
 * left out). `bins` are in order and contiguous; `days` are the events' day ranges (daysOf), when already at hand.
 */
export function countByBin(events: readonly EventFeature[], bins: readonly DayRange[], days = daysOf(events)): BinCounts {
	const typeAt = new Map<EventType, number>(EVENT_TYPES.map((t, k) => [t, k]));
	const counts = bins.map(() => new Array<number>(EVENT_TYPES.length).fill(0));
	let coarse = 0;
	let undated = 0;
	events.forEach((e, i) => {
		const d = days[i];
		if (!d) {
			undated++;
			return;
		}
		const b = binAt(bins, d.start);
		if (b < 0 || d.end < bins[0]!.start) return; // outside the bins: the caller's range leaves it out
		counts[b]![typeAt.get(e.properties.event_type)!]!++;
		if (d.start < bins[b]!.start || d.end > bins[b]!.end) coarse++;
	});
	return { counts, coarse, undated };
}

/** Index of the bin holding `day` (0 for a day before the first bin, -1 after the last), by binary search. */
function binAt(bins: readonly DayRange[], day: number): number {
	if (!bins.length || day > bins[bins.length - 1]!.end) return -1;
	let lo = 0;
	let hi = bins.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (bins[mid]!.end < day) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** One coloured piece of a stacked bar: the type's events between y0 and y1 (counts from the baseline). */
export interface Segment {
	type: EventType;
	y0: number;
	y1: number;
}

/** A bar's segments, bottom to top in EVENT_TYPES order (the legend's), leaving out types with no event. */
export function stackBin(counts: readonly number[]): Segment[] {
	const out: Segment[] = [];
	let y = 0;
	counts.forEach((n, k) => {
		if (n <= 0) return;
		out.push({ type: EVENT_TYPES[k]!, y0: y, y1: y + n });
		y += n;
	});
	return out;
}
