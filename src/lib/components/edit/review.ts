// The review of extracted events on /add: one row per event the pipeline found, and the edits it becomes on save.
import type { EventPatch } from '$lib/domain/corrections';
import type { DatePrecision, EventFeature, EventType } from '$lib/domain/event';
import type { PlaceHit } from './api';
import { intervalFor } from './dates';

/** One extracted event under review: accepted or not, and the analyst's type, date and place for it. */
export interface Review {
	feature: EventFeature;
	accept: boolean;
	type: EventType;
	date: string;
	precision: DatePrecision;
	place: PlaceHit | null;
	lon: number;
	lat: number;
}

/** Every event accepted as the pipeline gave it. */
export function reviewsOf(events: readonly EventFeature[]): Review[] {
	return events.map((f) => ({
		feature: f,
		accept: true,
		type: f.properties.event_type,
		date: f.properties.date ?? '',
		precision: f.properties.date_precision,
		place: null,
		lon: f.geometry.coordinates[0]!,
		lat: f.geometry.coordinates[1]!
	}));
}

/** What the analyst changed in one event: only the fields that differ from the pipeline's. */
export function patchOf(r: Review): EventPatch {
	const p = r.feature.properties;
	const set: EventPatch = {};
	if (r.type !== p.event_type) set.event_type = r.type;
	if ((r.date || null) !== p.date || r.precision !== p.date_precision) Object.assign(set, intervalFor(r.date || null, r.precision));
	if (r.place) {
		Object.assign(set, { place_id: r.place.id, place_name: r.place.name, place_kind: r.place.kind, country_codes: r.place.country_codes, geo_precision: r.place.geo_precision, geonames_id: r.place.geonames_id });
	}
	const [lon, lat] = r.feature.geometry.coordinates as [number, number];
	if (Math.abs(r.lon - lon) > 1e-6 || Math.abs(r.lat - lat) > 1e-6) set.coordinates = [Math.round(r.lon * 1e5) / 1e5, Math.round(r.lat * 1e5) / 1e5];
	return set;
}

/** The `accepted` list a save sends: each accepted event's id and its edits. */
export function acceptedOf(reviews: readonly Review[]): { id: string; set: EventPatch }[] {
	return reviews.filter((r) => r.accept).map((r) => ({ id: r.feature.properties.id, set: patchOf(r) }));
}
