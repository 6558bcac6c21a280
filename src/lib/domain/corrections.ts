// Analyst corrections: an append-only log applied on top of the pipeline's output at every run.
import type { EventFeature, EventProperties } from './event';
import { eventSummary } from './summary';

/** Fields an analyst may change on an event. */
export const EDITABLE_FIELDS = [
	'date',
	'date_start',
	'date_end',
	'date_precision',
	'date_text',
	'event_type',
	'summary',
	'actors',
	'place_id',
	'place_name',
	'place_kind',
	'country_codes',
	'geo_precision',
	'geonames_id',
	'confidence'
] as const satisfies readonly (keyof EventProperties)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type EventPatch = Partial<Pick<EventProperties, EditableField>> & {
	/** New point, [lon, lat]. */
	coordinates?: [number, number];
};

interface CorrectionBase {
	/** Unique id of this log entry. */
	id: string;
	/** ISO 8601 timestamp (UTC) of when it was made. */
	at: string;
	/** The name the analyst set. */
	author: string;
	event_id: string;
	note?: string;
	/** The client's id of the request that made it (Idempotency-Key), shared by every entry of that request. */
	request?: string;
}

export type Correction =
	| (CorrectionBase & { op: 'patch'; set: EventPatch; before?: EventPatch })
	| (CorrectionBase & { op: 'drop'; before?: EventFeature })
	| (CorrectionBase & { op: 'add'; feature: EventFeature })
	| (CorrectionBase & { op: 'undo'; undoes: string });

/** The file geodata/corrections.json. */
export interface CorrectionLog {
	version: 1;
	corrections: Correction[];
}

export interface AppliedCorrections {
	features: EventFeature[];
	/** Entries that name an event the pipeline no longer produces (kept in the log, reported, never lost). */
	orphans: Correction[];
}

/** Ids of entries still in force: an undo cancels its target, and an undo can itself be undone. */
export function activeCorrections(log: readonly Correction[]): Correction[] {
	const cancelled = new Set<string>();
	for (let i = log.length - 1; i >= 0; i--) {
		const c = log[i]!;
		if (cancelled.has(c.id)) continue;
		if (c.op === 'undo') cancelled.add(c.undoes);
	}
	return log.filter((c) => c.op !== 'undo' && !cancelled.has(c.id));
}

/** The fields that say when an event happened. */
const DATED = ['date', 'date_start', 'date_end', 'date_precision'] as const satisfies readonly EditableField[];

/** The fields the generated summary describes. */
const DESCRIBED = ['event_type', 'place_name', 'place_kind', 'country_codes', 'actors'] as const satisfies readonly EditableField[];

/**
 * Applies a patch to one feature, returning a new feature. A patch that changes what the summary describes (type,
 * place, actors) writes the summary again (summary.ts), unless an analyst wrote it: the patch sets one, or the
 * current summary is not the one the event's fields give (an earlier correction, an import, an added event).
 */
export function patchFeature(feature: EventFeature, set: EventPatch): EventFeature {
	const { coordinates, ...props } = set;
	const properties = { ...feature.properties, ...props };
	if (set.summary === undefined && DESCRIBED.some((k) => k in props) && feature.properties.summary === eventSummary(feature.properties)) {
		properties.summary = eventSummary(properties);
	}
	// A corrected date was not read from the article's words: they no longer state it (see dateCorrection).
	if (set.date_text === undefined && DATED.some((k) => k in props && props[k] !== feature.properties[k])) properties.date_text = null;
	return {
		...feature,
		geometry: coordinates ? { type: 'Point', coordinates: [coordinates[0], coordinates[1]] } : feature.geometry,
		properties
	};
}

/**
 * Applies the log on top of extracted features, in log order. Does not mutate its inputs.
 * Adds replace an extracted event with the same id (an analyst's version wins).
 */
export function applyCorrections(features: readonly EventFeature[], log: readonly Correction[]): AppliedCorrections {
	const byId = new Map<string, EventFeature>();
	for (const f of features) byId.set(f.properties.id, f);
	const orphans: Correction[] = [];
	for (const c of activeCorrections(log)) {
		if (c.op === 'add') {
			byId.set(c.event_id, c.feature);
			continue;
		}
		const current = byId.get(c.event_id);
		if (!current) {
			orphans.push(c);
			continue;
		}
		if (c.op === 'drop') byId.delete(c.event_id);
		else if (c.op === 'patch') byId.set(c.event_id, patchFeature(current, c.set));
	}
	return { features: [...byId.values()], orphans };
}

/** Who corrected an event's date and when: the latest patch in force that changed it, or null (the pipeline's date). */
export function dateCorrection(history: readonly Correction[]): { author: string; at: string } | null {
	const active = activeCorrections(history);
	for (let i = active.length - 1; i >= 0; i--) {
		const c = active[i]!;
		if (c.op === 'patch' && DATED.some((k) => k in c.set)) return { author: c.author, at: c.at };
		if (c.op === 'add') return { author: c.author, at: c.at };
	}
	return null;
}

/** The log entries that concern one event, oldest first (its history). */
export function historyOf(log: readonly Correction[], eventId: string): Correction[] {
	const ids = new Set(log.filter((c) => c.event_id === eventId).map((c) => c.id));
	return log.filter((c) => ids.has(c.id) || (c.op === 'undo' && ids.has(c.undoes)));
}
