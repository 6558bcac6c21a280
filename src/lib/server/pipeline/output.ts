// Serialises events and places as deterministic GeoJSON: stable key order, 5-decimal coordinates, one feature a line.
import type { Geometry, Position } from 'geojson';
import { compareEvents, type EventFeature, type EventProperties } from '../../domain/event';
import type { PlaceFeature, PlaceProperties } from '../../domain/place';
import type { Gazetteer } from './types';
import { docText, FEATURE_COLLECTION, joinLines, knownLine, remember, type LineDoc } from '../lines';

/** Property order of events.geojson (the order of `EventProperties`, which the README documents). */
export const EVENT_KEYS = [
	'id', 'date', 'date_start', 'date_end', 'date_precision', 'date_text', 'event_type', 'summary', 'actors',
	'place_id', 'place_name', 'place_text', 'place_kind', 'country_codes', 'geo_precision', 'geonames_id',
	'evidence', 'evidence_start', 'evidence_end', 'language', 'source_id', 'source_title', 'source_publisher',
	'source_url', 'source_published', 'confidence'
] as const satisfies readonly (keyof EventProperties)[];

const PLACE_KEYS = ['place_id', 'name', 'kind', 'country_codes', 'geonames_id', 'lat', 'lon', 'event_count'] as const satisfies readonly (keyof PlaceProperties)[];

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5 + 0; // + 0 turns -0 into 0

function roundPositions(coords: unknown): unknown {
	if (typeof coords === 'number') return round5(coords);
	return (coords as unknown[]).map(roundPositions);
}

/** A copy of `geometry` with every coordinate rounded to 5 decimals (≈ 1 m). */
export function roundGeometry(geometry: Geometry): Geometry {
	if (geometry.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: geometry.geometries.map(roundGeometry) };
	return { type: geometry.type, coordinates: roundPositions(geometry.coordinates) as Position[][] } as Geometry;
}

function ordered<T extends object>(obj: T, keys: readonly (keyof T)[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of keys) out[k as string] = obj[k] === undefined ? null : obj[k];
	return out;
}

/** One event in canonical form: keys in schema order, coordinates rounded; a new object, sharing nothing mutable. */
function canonicalEvent(f: EventFeature): EventFeature {
	const properties = ordered(f.properties, EVENT_KEYS) as unknown as EventProperties;
	properties.actors = [...properties.actors];
	properties.country_codes = [...properties.country_codes];
	return {
		type: 'Feature',
		id: f.properties.id,
		geometry: { type: 'Point', coordinates: [round5(f.geometry.coordinates[0]!), round5(f.geometry.coordinates[1]!)] },
		properties
	};
}

/** Events sorted with `compareEvents`, keys in schema order, as a canonical feature. */
export function canonicalEvents(features: readonly EventFeature[]): EventFeature[] {
	return [...features].sort((a, b) => compareEvents(a.properties, b.properties)).map(canonicalEvent);
}

/**
 * The canonical form of an event, frozen, with its line remembered: what events.geojson will hold for it. A writer
 * that makes such forms as it goes (a commit, entry by entry) leaves canonicalCollection nothing to serialise.
 */
export function canonicalFeature(f: EventFeature): EventFeature {
	if (knownLine(f) !== undefined) return f;
	const c = canonicalEvent(f);
	return remember(c, JSON.stringify(c));
}

/**
 * events.geojson for these events, as its lines (never one string: a million events would not fit in one), and the
 * events as those lines hold them (what parsing them gives back), frozen. An event whose line is known (read from
 * the file, or written before) keeps its bytes and is not serialised again, so rewriting the store after a small
 * change costs a sort, not the whole store.
 */
export function canonicalCollection(features: readonly EventFeature[]): { doc: LineDoc; features: EventFeature[] } {
	const sorted = [...features].sort((a, b) => compareEvents(a.properties, b.properties));
	const lines: string[] = [];
	const out: EventFeature[] = [];
	for (const f of sorted) {
		const c = canonicalFeature(f);
		lines.push(knownLine(c)!);
		out.push(c);
	}
	return { doc: { layout: FEATURE_COLLECTION, lines }, features: out };
}

/** The text of events.geojson, for a small collection (tests): same events in → same bytes out. */
export function serializeEvents(features: readonly EventFeature[]): string {
	return docText(canonicalCollection(features).doc);
}

/** One feature per place used, with its full shape from the gazetteer (border line, outline) or its point. */
export function buildPlaces(features: readonly EventFeature[], gazetteer: Gazetteer): PlaceFeature[] {
	const byPlace = new Map<string, { f: EventFeature; n: number }>();
	for (const f of features) {
		const e = byPlace.get(f.properties.place_id);
		if (e) e.n++;
		else byPlace.set(f.properties.place_id, { f, n: 1 });
	}
	const out: PlaceFeature[] = [];
	for (const id of [...byPlace.keys()].sort()) {
		const { f, n } = byPlace.get(id)!;
		const place = gazetteer.byId(id);
		const p = f.properties;
		// An analyst may have moved an event to a place the gazetteer does not know: use the event's own fields.
		const lon = place ? place.lon : f.geometry.coordinates[0]!;
		const lat = place ? place.lat : f.geometry.coordinates[1]!;
		const shape = place ? gazetteer.shapeOf(id) : null;
		const properties: PlaceProperties = {
			place_id: id,
			name: place?.name ?? p.place_name,
			kind: place?.kind ?? p.place_kind,
			country_codes: [...(place?.country_codes ?? p.country_codes)],
			geonames_id: place ? place.geonames_id : p.geonames_id,
			lat: round5(lat),
			lon: round5(lon),
			event_count: n
		};
		out.push({
			type: 'Feature',
			id,
			geometry: roundGeometry(shape ?? { type: 'Point', coordinates: [lon, lat] }),
			properties: ordered(properties, PLACE_KEYS) as unknown as PlaceProperties
		});
	}
	return out;
}

/** The bytes of places.geojson. */
export function serializePlaces(places: readonly PlaceFeature[]): string {
	return joinLines(FEATURE_COLLECTION, places.map((f) => JSON.stringify({ type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties })));
}
