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
 * Every event's values of every facet as small integers, made once per load: facet k's distinct values in
 * `values[k]`, and event i's codes (each value once) at `codes[k][offsets[k][i] … offsets[k][i + 1]]`. A filter
 * change then tests and counts codes in typed arrays instead of reading strings off a hundred thousand objects.
 */
export interface FacetIndex {
	readonly size: number;
	readonly values: readonly (readonly string[])[];
	readonly codes: readonly Uint32Array[];
	readonly offsets: readonly Uint32Array[];
}

export function facetIndex(events: readonly EventFeature[]): FacetIndex {
	const values: string[][] = [];
	const codes: Uint32Array[] = [];
	const offsets: Uint32Array[] = [];
	for (const facet of FACETS) {
		const dict = new Map<string, number>();
		const off = new Uint32Array(events.length + 1);
		let flat = new Uint32Array(Math.max(16, events.length));
		let n = 0;
		for (let i = 0; i < events.length; i++) {
			off[i] = n;
			const vs = valuesOf(events[i]!, facet);
			for (let j = 0; j < vs.length; j++) {
				const v = vs[j]!;
				if (j > 0 && vs.indexOf(v) < j) continue; // each value once per event
				let c = dict.get(v);
				if (c === undefined) dict.set(v, (c = dict.size));
				if (n === flat.length) {
					const grown = new Uint32Array(flat.length * 2);
					grown.set(flat);
					flat = grown;
				}
				flat[n++] = c;
			}
		}
		off[events.length] = n;
		values.push([...dict.keys()]);
		codes.push(flat.subarray(0, n));
		offsets.push(off);
	}
	return { size: events.length, values, codes, offsets };
}

/**
 * One byte per event: bit k set when the event fails facet k of the filter, bit 6 when it fails the rest.
 * Computed once per filter change; the time window is left out (the caller applies it per step). An event
 * passes the filter (all but its window) exactly when its byte is 0.
 */
export function facetMask(index: FacetIndex, events: readonly EventFeature[], filter: EventFilter): Uint8Array {
	const { from: _f, to: _t, ...rest } = filter;
	const mask = new Uint8Array(index.size);
	FACETS.forEach((facet, k) => {
		const chosen = rest[facet];
		if (!chosen?.length) return;
		const wanted = new Set<string>(chosen);
		const ok = Uint8Array.from(index.values[k]!, (v) => (wanted.has(v) ? 1 : 0));
		const codes = index.codes[k]!;
		const off = index.offsets[k]!;
		const bit = 1 << k;
		for (let i = 0; i < index.size; i++) {
			let hit = false;
			for (let j = off[i]!; j < off[i + 1]! && !hit; j++) hit = ok[codes[j]!] === 1;
			if (!hit) mask[i]! |= bit;
		}
	});
	if (rest.q || rest.bbox) {
		const others = eventPredicate({ q: rest.q, bbox: rest.bbox });
		for (let i = 0; i < index.size; i++) if (!others(events[i]!)) mask[i]! |= REST;
	}
	return mask;
}

/**
 * Counts per facet value among the events passing every other part of the filter (a facet does not
 * narrow its own counts, so unticked values still show what ticking them would add). `inWindow(i)`
 * applies the time window. Values no counted event has are left out.
 */
export function countFacets(index: FacetIndex, mask: Uint8Array, inWindow: (i: number) => boolean = () => true): FacetCounts {
	const tallies = index.values.map((vs) => new Uint32Array(vs.length));
	for (let i = 0; i < index.size; i++) {
		const m = mask[i]!;
		if (m & REST) continue;
		if (m !== 0 && (m & (m - 1)) !== 0) continue; // fails two facets: counts for none
		if (!inWindow(i)) continue;
		for (let k = 0; k < FACETS.length; k++) {
			if (m !== 0 && m !== 1 << k) continue; // fails one facet: counts for that one only
			const codes = index.codes[k]!;
			const tally = tallies[k]!;
			const off = index.offsets[k]!;
			for (let j = off[i]!; j < off[i + 1]!; j++) tally[codes[j]!]!++;
		}
	}
	const out = {} as FacetCounts;
	FACETS.forEach((facet, k) => {
		const counts = new Map<string, number>();
		const tally = tallies[k]!;
		index.values[k]!.forEach((v, c) => tally[c]! > 0 && counts.set(v, tally[c]!));
		out[facet] = counts;
	});
	return out;
}

/** Facet counts for a filter, time window included (convenience for tests and small data). */
export function facetCounts(events: readonly EventFeature[], filter: EventFilter): FacetCounts {
	const index = facetIndex(events);
	const mask = facetMask(index, events, filter);
	if (!filter.from && !filter.to) return countFacets(index, mask);
	const inWin = eventPredicate({ from: filter.from, to: filter.to });
	return countFacets(index, mask, (i) => inWin(events[i]!));
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
