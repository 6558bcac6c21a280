// A resolved place: what the gazetteer returns and what geodata/places.geojson stores.
import type { Feature, Geometry } from 'geojson';
import type { GeoPrecision, PlaceKind } from './event';

export interface Place {
	/** Stable id: `gn:<geonamesId>` for GeoNames cities, `country:<ISO3>`, `border:<ISO3>-<ISO3>` (sorted), `site:<slug>`, `region:<slug>`. */
	id: string;
	name: string; // canonical English name
	kind: PlaceKind;
	lat: number; // representative point
	lon: number;
	country_codes: string[]; // ISO 3166-1 alpha-3
	geonames_id: number | null;
	population: number | null;
	geo_precision: GeoPrecision;
}

/** Properties of a feature in geodata/places.geojson. */
export interface PlaceProperties {
	place_id: string;
	name: string;
	kind: PlaceKind;
	country_codes: string[];
	geonames_id: number | null;
	lat: number;
	lon: number;
	event_count: number;
}

export type PlaceFeature = Feature<Geometry, PlaceProperties>;

/** One place mention found in a text; offsets are UTF-16 code units into that text. */
export interface PlaceMention {
	text: string;
	start: number;
	end: number;
	place: Place;
	/** How sure the resolver is that this mention is this place (0–1). */
	score: number;
	/** How the text named it: its name, an alias, a demonym ("Russian", "بولندي") or a code; absent = a name. */
	name_kind?: 'name' | 'alias' | 'demonym' | 'code';
}

const EARTH_KM = 6371;

/** Great-circle distance in km between two points (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
	const toRad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * toRad;
	const dLon = (b.lon - a.lon) * toRad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
