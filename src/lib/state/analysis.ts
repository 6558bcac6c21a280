// The analysis view's figures for the filtered events: totals, the range its chart covers, top values per facet,
// and the filters a click on a bar or row leads to. The events are those THE filter (domain/filter.ts) kept.
import { countryName } from '$lib/domain/countries';
import { EVENT_TYPES, type EventFeature, type EventType } from '$lib/domain/event';
import { filterDays, type EventFilter } from '$lib/domain/filter';
import { fromDay, toDay, type DayRange } from '$lib/domain/time';
import { binLabel, binUnit, countByBin, daysOf, stackBin, timeBins, type BinUnit, type Segment } from './bins';
import { countFacets, facetIndex, facetRows, type FacetCounts, type FacetRows } from './facets';
import { languageLabel } from './format';

/** The analysis load's dependency: the page invalidates it when its poll of /api/data sees a new version. */
export const ANALYSIS_DATA = 'conflictmap:analysis-data';

/** The headline figures of a set of events. */
export interface Totals {
	events: number;
	/** Distinct articles (source_id) the events come from. */
	sources: number;
	/** First and last day any dated event covers (inside the window, when one is given), or null when none is dated. */
	span: DayRange | null;
	undated: number;
}

/**
 * Totals of `events`; `within` (a filter's window, filterDays) clips the span, as an event dated to a year may begin
 * before it. `days`: the events' day ranges (daysOf), when already at hand.
 */
export function totals(events: readonly EventFeature[], within: DayRange | null = null, days = daysOf(events)): Totals {
	const sources = new Set<string>();
	let lo = Infinity;
	let hi = -Infinity;
	let undated = 0;
	events.forEach((e, i) => {
		sources.add(e.properties.source_id);
		const d = days[i];
		if (!d) undated++;
		else {
			if (d.start < lo) lo = d.start;
			if (d.end > hi) hi = d.end;
		}
	});
	if (within) {
		lo = Math.max(lo, within.start);
		hi = Math.min(hi, within.end);
	}
	return { events: events.length, sources: sources.size, span: lo <= hi ? { start: lo, end: hi } : null, undated };
}

/**
 * The days the chart covers: the filter's time window, an open end (or no window) taken from the events' own
 * span; null when there is nothing to draw.
 */
export function chartRange(filter: EventFilter, span: DayRange | null): DayRange | null {
	const start = filter.from ? toDay(filter.from) : span?.start;
	const end = filter.to ? toDay(filter.to) : span?.end;
	return start === undefined || end === undefined || start > end ? null : { start, end };
}

/**
 * How many of exactly these events carry each value of every facet: facets.ts's counting with nothing masked,
 * so no facet is widened to the values its own filter left out.
 */
export function valueCounts(events: readonly EventFeature[]): FacetCounts {
	return countFacets(facetIndex(events), new Uint8Array(events.length));
}

/** The `limit` largest values of a count (most events first, ties by value), or all of them. */
export function topValues(counts: ReadonlyMap<string, number>, limit: number, all = false): FacetRows {
	return facetRows(counts, [], { limit, all });
}

/** The filter lists a row of the analysis view adds its value to. */
export type RowFacet = 'types' | 'actors' | 'places' | 'countries';

/** The filter with `value` added to its `facet` list, or taken out when it is already there (a second click undoes the first). */
export function toggleValue(filter: EventFilter, facet: RowFacet, value: string): EventFilter {
	const cur = new Set<string>(filter[facet] ?? []);
	if (cur.has(value)) cur.delete(value);
	else cur.add(value);
	return { ...filter, [facet]: cur.size ? [...cur].sort() : undefined };
}

/** The filter with its time window narrowed to `bin`, never beyond the window it had. */
export function narrowWindow(filter: EventFilter, bin: DayRange): EventFilter {
	const start = filter.from ? Math.max(bin.start, toDay(filter.from)) : bin.start;
	const end = filter.to ? Math.min(bin.end, toDay(filter.to)) : bin.end;
	return { ...filter, from: fromDay(start), to: fromDay(Math.max(start, end)) };
}

/** One bar of the time chart. */
export interface ChartBar {
	bin: DayRange;
	label: string; // binLabel: "March 2023", "week of 6 March 2023"
	total: number;
	segments: Segment[];
}

/** The time chart: counts per calendar bin, stacked by type. */
export interface Chart {
	range: DayRange;
	unit: BinUnit;
	bars: ChartBar[];
	/** The tallest bar's count. */
	max: number;
	/** Dated events whose date reaches past their bar (see countByBin). */
	coarse: number;
}

/** A top-values list: its rows, named for people, and how many distinct values there are in all. */
export interface RankedList {
	rows: { value: string; label: string; count: number }[];
	/** Distinct values in all. */
	distinct: number;
}

export const RANKED = ['actors', 'places', 'countries'] as const;
export type Ranked = (typeof RANKED)[number];

/** Everything the analysis view shows for the events a filter kept. */
export interface Analysis {
	totals: Totals;
	chart: Chart | null;
	/** Event types present, in EVENT_TYPES (the legend's) order, with their counts. */
	types: [EventType, number][];
	lists: Record<Ranked, RankedList>;
}

/**
 * The analysis of `events` (those `filter` kept, window included): totals, the chart over the window (or the
 * events' span) in bins of the finest unit that fits `maxBins`, and the `limit` largest actors, places and countries.
 */
export function analyse(events: readonly EventFeature[], filter: EventFilter, opts: { limit?: number; maxBins?: number } = {}): Analysis {
	const limit = opts.limit ?? 50; // rows sent per list; the view shows the first ten until asked for more
	const days = daysOf(events);
	const sum = totals(events, filterDays(filter), days);
	const range = chartRange(filter, sum.span);
	let chart: Chart | null = null;
	if (range) {
		const unit = binUnit(range, opts.maxBins);
		const bins = timeBins(range, unit);
		const { counts, coarse } = countByBin(events, bins, days);
		const bars = bins.map((bin, k) => {
			const segments = stackBin(counts[k]!);
			return { bin, label: binLabel(bin, unit), total: segments.at(-1)?.y1 ?? 0, segments };
		});
		chart = { range, unit, bars, max: Math.max(0, ...bars.map((b) => b.total)), coarse };
	}
	const counts = valueCounts(events);
	const placeNames = new Map(events.map((e) => [e.properties.place_id, e.properties.place_name]));
	const name: Record<Ranked, (v: string) => string> = { actors: (v) => v, places: (v) => placeNames.get(v) ?? v, countries: countryName };
	const lists = Object.fromEntries(
		RANKED.map((facet) => {
			const { rows } = topValues(counts[facet], limit);
			return [facet, { rows: rows.map(([value, count]) => ({ value, label: name[facet](value), count })), distinct: counts[facet].size }];
		})
	) as Record<Ranked, RankedList>;
	const types = EVENT_TYPES.filter((t) => counts.types.has(t)).map((t): [EventType, number] => [t, counts.types.get(t)!]);
	return { totals: sum, chart, types, lists };
}

/** One part of a filter as the view names it, and the filter without it (the part's "remove" link). */
export interface FilterPart {
	label: string;
	without: EventFilter;
}

/**
 * The parts of a filter, each named for people ("Country: Belarus", "2021-05-01 – 2021-05-31"), a list filter one
 * part per value. `name` names places and sources (ids in the filter).
 */
export function filterParts(filter: EventFilter, name: (facet: 'places' | 'sources', id: string) => string): FilterPart[] {
	const parts: FilterPart[] = [];
	if (filter.from || filter.to) parts.push({ label: `${filter.from ?? '…'} – ${filter.to ?? '…'}`, without: { ...filter, from: undefined, to: undefined } });
	const lists = [
		['types', 'Type', (v: string) => v.toLowerCase()],
		['actors', 'Actor', (v: string) => v],
		['countries', 'Country', countryName],
		['places', 'Place', (v: string) => name('places', v)],
		['sources', 'Source', (v: string) => name('sources', v)],
		['languages', 'Language', languageLabel]
	] as const;
	for (const [facet, title, label] of lists) {
		for (const v of filter[facet] ?? []) {
			const rest = (filter[facet] as string[]).filter((x) => x !== v);
			parts.push({ label: `${title}: ${label(v)}`, without: { ...filter, [facet]: rest.length ? rest : undefined } });
		}
	}
	if (filter.q) parts.push({ label: `Search: ${filter.q}`, without: { ...filter, q: undefined } });
	if (filter.bbox) parts.push({ label: `Area: ${filter.bbox.join(', ')}`, without: { ...filter, bbox: undefined } });
	if (filter.undated !== undefined) parts.push({ label: filter.undated ? 'Undated kept' : 'Undated left out', without: { ...filter, undated: undefined } });
	return parts;
}
