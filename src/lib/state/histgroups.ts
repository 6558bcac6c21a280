// The timeline histogram's stacks by country or actor: the few values that count the most filtered events, plus "other".
import type { EventFeature } from '$lib/domain/event';
import { valuesOf } from './facets';

/** What the histogram's stacks stand for; `type` (the default) is the map's colours, one stack per event type. */
export const HIST_BY = ['type', 'country', 'actor'] as const;
export type HistBy = (typeof HIST_BY)[number];

/** How many countries or actors get a stack (and a colour) of their own; the rest are "other". */
export const TOP_GROUPS = 7;

/** One stack of the histogram: a country's or actor's events, the others', or those naming none. */
export interface HistGroup {
	kind: 'top' | 'other' | 'none';
	/** The ISO3 code or the actor's name (top groups only). */
	value: string | null;
	/** Filtered events counted in this group (each event in exactly one). */
	count: number;
}

export interface Grouping {
	/** Bottom-up: the top groups by count, then "other" and "none" when any event falls there. */
	groups: HistGroup[];
	/** Each event's group, an index into `groups` (events not kept: 0, and never counted). */
	of: Uint8Array;
}

/**
 * Groups the kept events by country (`country_codes`) or actor (`actors`), each event in exactly one group, so a
 * stacked bar still adds up to the events of its bin as the by-type histogram does.
 *
 * An event may name several countries (a border: both) or actors (usually two or more). Counting it under each would
 * make the stacks add up to more events than there are, and the bar heights would change with the grouping; counting
 * it under its first value only would be arbitrary (border countries are listed in code order). So the groups are
 * chosen greedily: the first is the value named by the most events, and those events are counted there; the next is
 * the value named by the most events not yet counted, and so on. Each event lands under the highest-ranked value it
 * names, the counts go down from the bottom stack up, and a group's count says how many events it adds. Events naming
 * none of the top values are "other"; events naming no country or actor at all are "none". Ties go to the value
 * first in code-unit order, so the result never depends on the events' order.
 */
export function topGroups(events: readonly EventFeature[], by: Exclude<HistBy, 'type'>, keep: (i: number) => boolean = () => true, n = TOP_GROUPS): Grouping {
	const facet = by === 'country' ? 'countries' : 'actors';
	const of = new Uint8Array(events.length);
	const vals: (readonly string[] | null)[] = new Array(events.length).fill(null); // distinct values of open events
	const tally = new Map<string, number>(); // open events naming each value
	const byValue = new Map<string, number[]>(); // the events naming each value
	let none = 0;
	let open = 0;
	for (let i = 0; i < events.length; i++) {
		if (!keep(i)) continue;
		const v = [...new Set(valuesOf(events[i]!, facet))];
		if (!v.length) {
			none++;
			continue;
		}
		vals[i] = v;
		open++;
		for (const x of v) {
			tally.set(x, (tally.get(x) ?? 0) + 1);
			const list = byValue.get(x);
			if (list) list.push(i);
			else byValue.set(x, [i]);
		}
	}
	const groups: HistGroup[] = [];
	while (groups.length < n && open > 0) {
		let best: string | null = null;
		let most = 0;
		for (const [x, c] of tally) if (c > most || (c === most && best !== null && x < best)) [best, most] = [x, c];
		if (best === null || most === 0) break;
		const g = groups.length;
		groups.push({ kind: 'top', value: best, count: most });
		// Count its open events here, and take them out of every other value's tally.
		for (const i of byValue.get(best)!) {
			const v = vals[i];
			if (!v) continue;
			of[i] = g;
			vals[i] = null;
			open--;
			for (const x of v) tally.set(x, tally.get(x)! - 1);
		}
		tally.delete(best);
	}
	const other = groups.length;
	if (open > 0) groups.push({ kind: 'other', value: null, count: open });
	const noneAt = groups.length;
	if (none > 0) groups.push({ kind: 'none', value: null, count: none });
	for (let i = 0; i < events.length; i++) {
		if (!keep(i)) continue;
		if (vals[i]) of[i] = other;
		else if (!valuesOf(events[i]!, facet).length) of[i] = noneAt;
	}
	return { groups, of };
}
