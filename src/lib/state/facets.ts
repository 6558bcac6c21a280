// Live counts for the filter panel: for each facet, how many events each value would keep.
import type { EventFeature } from '$lib/domain/event';
import { eventPredicate, type EventFilter } from '$lib/domain/filter';

export const FACETS = ['types', 'actors', 'countries', 'places', 'sources', 'languages'] as const;
export type Facet = (typeof FACETS)[number];

export type FacetCounts = Record<Facet, Map<string, number>>;

/** The values an event has for a facet (the histogram's country and actor stacks read them too). */
export function valuesOf(f: EventFeature, facet: Facet): string[] {
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

const REST = 1 << FACETS.length; // the parts of the filter that are no facet (text, bbox, undated)

/**
 * One byte per event: bit k set when the event fails facet k of the filter, bit 6 when it fails the rest.
 * Computed once per filter change; the time window is left out (the caller applies it per step).
 */
export function facetMask(events: readonly EventFeature[], filter: EventFilter): Uint8Array {
	const { from: _f, to: _t, ...rest } = filter;
	const checks = FACETS.map((facet) => (rest[facet]?.length ? eventPredicate({ [facet]: rest[facet] }) : null));
	const others = rest.q || rest.bbox ? eventPredicate({ q: rest.q, bbox: rest.bbox }) : null;
	const mask = new Uint8Array(events.length);
	for (let i = 0; i < events.length; i++) {
		const e = events[i]!;
		let m = 0;
		for (let k = 0; k < checks.length; k++) if (checks[k] && !checks[k]!(e)) m |= 1 << k;
		if (others && !others(e)) m |= REST;
		mask[i] = m;
	}
	return mask;
}

/**
 * Counts per facet value among the events passing every other part of the filter (a facet does not
 * narrow its own counts, so unticked values still show what ticking them would add). `inWindow(i)`
 * applies the time window.
 */
export function countFacets(events: readonly EventFeature[], mask: Uint8Array, inWindow: (i: number) => boolean = () => true): FacetCounts {
	const out = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
	const add = (facet: Facet, e: EventFeature) => {
		const counts = out[facet];
		const values = valuesOf(e, facet);
		for (let j = 0; j < values.length; j++) {
			const v = values[j]!;
			if (j > 0 && values.indexOf(v) < j) continue; // count an event once per value
			counts.set(v, (counts.get(v) ?? 0) + 1);
		}
	};
	for (let i = 0; i < events.length; i++) {
		const m = mask[i]!;
		if (m & REST) continue;
		if (m !== 0 && (m & (m - 1)) !== 0) continue; // fails two facets: counts for none
		if (!inWindow(i)) continue;
		if (m === 0) for (const facet of FACETS) add(facet, events[i]!);
		else add(FACETS[31 - Math.clz32(m)]!, events[i]!);
	}
	return out;
}

/** Facet counts for a filter, time window included (convenience for tests and small data). */
export function facetCounts(events: readonly EventFeature[], filter: EventFilter): FacetCounts {
	const mask = facetMask(events, filter);
	if (!filter.from && !filter.to) return countFacets(events, mask);
	const inWin = eventPredicate({ from: filter.from, to: filter.to });
	return countFacets(events, mask, (i) => inWin(events[i]!));
}

/** The rows a facet shows, and how many it keeps back. */
export interface FacetRows {
	rows: [value: string, count: number][];
	/** Values not shown because of the limit (0 when all are shown or the search narrows them). */
	hidden: number;
}

/**
 * A facet's rows, most events first (ties by value): the first `limit` unless `all`, or every value whose label
 * `matches` a search inside the facet; values the filter has chosen are always shown, so they can be unticked.
 */
export function facetRows(counts: ReadonlyMap<string, number>, chosen: readonly string[], opts: { limit: number; all?: boolean; matches?: (value: string) => boolean }): FacetRows {
	const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const pool = opts.matches ? sorted.filter(([v]) => opts.matches!(v)) : sorted;
	const rows = opts.all || opts.matches ? pool : pool.slice(0, opts.limit);
	const hidden = pool.length - rows.length;
	for (const v of chosen) if (!rows.some(([x]) => x === v)) rows.push([v, counts.get(v) ?? 0]);
	return { rows, hidden };
}
