// The one event model: what an event is, shared by the pipeline, the server and the pages.
import type { Feature, FeatureCollection, Point } from 'geojson';

/** PLOVER's 16 event types (Halterman et al., "PLOVER and POLECAT", 2023), in ontology order. */
export const EVENT_TYPES = [
	'AGREE',
	'CONSULT',
	'SUPPORT',
	'CONCEDE',
	'COOPERATE',
	'AID',
	'RETREAT',
	'REQUEST',
	'ACCUSE',
	'REJECT',
	'THREATEN',
	'PROTEST',
	'SANCTION',
	'MOBILIZE',
	'COERCE',
	'ASSAULT'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const PLACE_KINDS = ['city', 'admin', 'country', 'border', 'region', 'site'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** ACLED geo-precision: 1 = the exact town, 2 = near it / a part of a region, 3 = a region or country. */
export type GeoPrecision = 1 | 2 | 3;

/**
 * Flat properties of one event, so GDAL/QGIS read each as a column.
 * Dates are ISO `YYYY-MM-DD` strings (UTC days); `null` when the text gives no anchor.
 * Offsets are UTF-16 code units into the article body: `body.slice(evidence_start, evidence_end) === evidence`.
 */
export interface EventProperties {
	id: string;
	date: string | null;
	date_start: string | null;
	date_end: string | null;
	date_precision: DatePrecision;
	date_text: string | null;
	event_type: EventType;
	summary: string;
	actors: string[];
	place_id: string;
	place_name: string;
	place_text: string;
	place_kind: PlaceKind;
	country_codes: string[];
	geo_precision: GeoPrecision;
	geonames_id: number | null;
	evidence: string;
	evidence_start: number;
	evidence_end: number;
	language: string;
	source_id: string;
	source_title: string;
	source_publisher: string | null;
	source_url: string | null;
	source_published: string | null;
	confidence: number;
}

export type EventFeature = Feature<Point, EventProperties> & { id?: string };
export type EventCollection = FeatureCollection<Point, EventProperties>;

/**
 * How this project lays out a FeatureCollection on disk and on the wire (events.geojson, places.geojson, /api/data):
 * this header line, then one feature a line, each but the last followed by a comma, then the footer. Readers on
 * both sides parse it a line at a time, so a collection larger than one string can hold still goes through.
 */
export const FEATURE_LINES = {
	header: '{"type":"FeatureCollection","features":[\n',
	footer: '\n]}\n',
	empty: '{"type":"FeatureCollection","features":[]}\n'
} as const;

export function isEventType(value: string): value is EventType {
	return (EVENT_TYPES as readonly string[]).includes(value);
}

export function isDatePrecision(value: string): value is DatePrecision {
	return (DATE_PRECISIONS as readonly string[]).includes(value);
}

/**
 * True when the event is known to the day. A week, a month, a year or a range of unknown precision is not: the map
 * draws those as rings, never as the solid dot that reads as "this day".
 */
export function isDayDated(p: Pick<EventProperties, 'date_start' | 'date_precision'>): boolean {
	return p.date_precision === 'day' && p.date_start !== null;
}

export function isPlaceKind(value: string): value is PlaceKind {
	return (PLACE_KINDS as readonly string[]).includes(value);
}

/** The order events are written and listed in: by start date (undated last), then source, then offset. */
export function compareEvents(a: EventProperties, b: EventProperties): number {
	const da = a.date_start ?? '9999-99-99';
	const db = b.date_start ?? '9999-99-99';
	if (da !== db) return da < db ? -1 : 1;
	if (a.source_id !== b.source_id) return a.source_id < b.source_id ? -1 : 1;
	if (a.evidence_start !== b.evidence_start) return a.evidence_start - b.evidence_start;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
