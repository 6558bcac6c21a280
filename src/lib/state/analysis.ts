// The analysis view's figures for the filtered events: totals, the range its chart covers, top values per facet,
// and the filters a click on a bar or row leads to. The events are those THE filter (domain/filter.ts) kept.
import type { EventFeature } from '$lib/domain/event';
import type { EventFilter } from '$lib/domain/filter';
import { eventDays, fromDay, toDay, type DayRange } from '$lib/domain/time';
import { countFacets, facetRows, type FacetCounts, type FacetRows } from './facets';

/** The headline figures of a set of events. */
export interface Totals {
	events: number;
	/** Distinct articles (source_id) the events come from. */
	sources: number;
	/** First and last day any dated event covers, or null when none is dated. */
	span: DayRange | null;
	undated: number;
}

export function totals(events: readonly EventFeature[]): Totals {
	const sources = new Set<string>();
	let lo = Infinity;
	let hi = -Infinity;
	let undated = 0;
	for (const e of events) {
		sources.add(e.properties.source_id);
		const d = eventDays(e.properties);
		if (!d) undated++;
		else {
			if (d.start < lo) lo = d.start;
			if (d.end > hi) hi = d.end;
		}
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
	return countFacets(events, new Uint8Array(events.length));
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
