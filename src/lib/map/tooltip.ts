// What the map's hover tooltip says (one event, or a group by type) and where it sits inside the map.
import { EVENT_TYPES, isDayDated, type EventProperties, type EventType } from '$lib/domain/event';
import { neutraliseBidi } from '$lib/domain/safetext';
import { TYPE_LABEL } from '$lib/domain/summary';
import { dateLabel } from '$lib/state/format';

/** One event under the pointer. Texts are plain strings (article data): show them escaped, inside `dir="auto"`. */
export interface EventTip {
	kind: 'event';
	type: EventType;
	/** The type for people: "Attack", "Protest". */
	label: string;
	/** The date as precise as it is known: "2022-03-05", "week of 2022-03-07", "2022-03", "2022", "undated". */
	date: string;
	dayDated: boolean;
	place: string;
	summary: string;
}

/** A cluster, or events stacked at one spot: how many of each type. */
export interface GroupTip {
	kind: 'group';
	total: number;
	/** The most frequent types, most first (ties in the ontology's order). */
	rows: { type: EventType; label: string; count: number }[];
	/** Events of the types not listed in `rows`. */
	others: number;
	/** What a click on it does. */
	hint: string;
}

export type Tip = EventTip | GroupTip;

export const SUMMARY_MAX = 120; // characters of the summary shown; the event panel has all of it
export const TYPE_ROWS_MAX = 5; // type rows in a group's tooltip; the rest are counted as "other types"

/** `text` cut to at most `max` characters (code points, so no pair is split), at a space when one is near, with "…". */
export function truncate(text: string, max: number): string {
	const chars = Array.from(text.trim());
	if (chars.length <= max) return chars.join('');
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	return `${(space >= cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The tooltip of one event: type, date with its precision, place and the start of its summary. */
export function eventTip(p: Pick<EventProperties, 'event_type' | 'date_start' | 'date_end' | 'date_precision' | 'place_name' | 'summary'>): EventTip {
	return {
		kind: 'event',
		type: p.event_type,
		label: TYPE_LABEL[p.event_type] ?? p.event_type,
		date: dateLabel(p),
		dayDated: isDayDated(p),
		place: neutraliseBidi(p.place_name),
		summary: truncate(neutraliseBidi(p.summary), SUMMARY_MAX)
	};
}

/**
 * The tooltip of a group of events (their types, in any order): count per type. `lists`: a click lists the events
 * (a stack at one spot, or a cluster that no deeper zoom splits) rather than zooming in.
 */
export function groupTip(types: Iterable<EventType>, lists: boolean): GroupTip {
	const counts = new Map<EventType, number>();
	let total = 0;
	for (const t of types) {
		counts.set(t, (counts.get(t) ?? 0) + 1);
		total++;
	}
	const order = (t: EventType) => EVENT_TYPES.indexOf(t);
	const all = [...counts].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
	const rows = all.slice(0, TYPE_ROWS_MAX).map(([type, count]) => ({ type, label: TYPE_LABEL[type] ?? type, count }));
	const others = all.slice(TYPE_ROWS_MAX).reduce((n, [, c]) => n + c, 0);
	return { kind: 'group', total, rows, others, hint: lists ? 'Click to list them' : 'Click to zoom in' };
}

/**
 * Where the tooltip's top-left corner goes for a pointer at `at`: below and after the pointer by `gap`, flipped to
 * the other side where it would leave the map, and finally pushed inside the map (all in CSS px of the map).
 */
export function placeTip(at: { x: number; y: number }, tip: { width: number; height: number }, map: { width: number; height: number }, gap = 14): { left: number; top: number } {
	const clamp = (v: number, max: number) => Math.max(0, Math.min(v, Math.max(0, max)));
	let left = at.x + gap;
	if (left + tip.width > map.width) left = at.x - gap - tip.width;
	let top = at.y + gap;
	if (top + tip.height > map.height) top = at.y - gap - tip.height;
	return { left: clamp(left, map.width - tip.width), top: clamp(top, map.height - tip.height) };
}
