// Live counts for the filter panel: for each facet, how many events each value would keep.
import type { EventFeature } from '$lib/domain/event';
import { eventPredicate, type EventFilter } from '$lib/domain/filter';

export const FACETS = ['types', 'actors', 'countries', 'places', 'sources', 'languages'] as const;
export type Facet = (typeof FACETS)[number];

export type FacetCounts = Record<Facet, Map<string, number>>;

function valuesOf(f: EventFeature, facet: Facet): string[] {
	const p = f.properties;
	switch (facet) {
		case 'types':
			return [p.event_type];
		case 'actors':
			return p.actors;
		case 'countries':
			return p.country_codes;
		case 'places':
			return [p.place_id];
		case 'sources':
			return [p.source_id];
		case 'languages':
			return [p.language.toLowerCase().split('-')[0]!];
	}
}

/**
 * Counts per facet value among the events passing every other part of the filter (a facet does not
 * narrow its own counts, so unticked values still show what ticking them would add).
 */
export function facetCounts(events: readonly EventFeature[], filter: EventFilter): FacetCounts {
	const out = {} as FacetCounts;
	for (const facet of FACETS) {
		const keep = eventPredicate({ ...filter, [facet]: undefined });
		const counts = new Map<string, number>();
		for (const e of events) {
			if (!keep(e)) continue;
			for (const v of new Set(valuesOf(e, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
		}
		out[facet] = counts;
	}
	return out;
}
