// The one event filter: the page, the export endpoint, the wall and the tests all use these functions.
import { isEventType, type EventFeature, type EventType } from './event';
import { textQuery } from './search';
import { isIsoDate, toDay, eventDays, overlaps, type DayRange } from './time';

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/**
 * What to keep. Every field is optional; an absent or empty list keeps everything.
 * Within a list values are OR-ed; across fields they are AND-ed.
 */
export interface EventFilter {
	from?: string; // YYYY-MM-DD, inclusive
	to?: string; // YYYY-MM-DD, inclusive
	types?: EventType[];
	actors?: string[];
	countries?: string[]; // ISO 3166-1 alpha-3
	places?: string[]; // place_id
	sources?: string[]; // source_id
	languages?: string[]; // BCP 47 primary tag, e.g. "en", "ar"
	q?: string; // free text: case, diacritics, Arabic forms, romanisations and actor aliases folded (search.ts)
	bbox?: BBox;
	/** Keep events without a date even when a time window is set (they cannot be placed in time). */
	undated?: boolean;
}

/** A query-string problem, worded for the person who typed the URL. */
export class FilterParamError extends Error {
	constructor(
		readonly param: string,
		message: string
	) {
		super(`query parameter "${param}": ${message}`);
		this.name = 'FilterParamError';
	}
}

/** The query parameters the filter reads; anything else is left to the caller. */
export const FILTER_PARAMS = ['from', 'to', 'type', 'actor', 'country', 'place', 'source', 'language', 'q', 'bbox', 'undated'] as const;

function listParam(params: URLSearchParams, name: string): string[] {
	return params
		.getAll(name)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter((v) => v.length > 0);
}

/**
 * Reads a filter from query parameters (`from`, `to`, `type`, `actor`, `country`, `place`, `source`,
 * `language`, `q`, `bbox`, `undated`). Lists may repeat the parameter or separate values with commas.
 * Throws FilterParamError naming the parameter on bad input.
 */
export function parseFilterParams(params: URLSearchParams): EventFilter {
	const filter: EventFilter = {};
	for (const name of ['from', 'to'] as const) {
		const value = params.get(name);
		if (value === null || value === '') continue;
		if (!isIsoDate(value)) throw new FilterParamError(name, `expected a date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
		filter[name] = value;
	}
	if (filter.from && filter.to && filter.from > filter.to) {
		throw new FilterParamError('from', `${filter.from} is after "to" (${filter.to})`);
	}
	const types = listParam(params, 'type').map((t) => t.toUpperCase());
	for (const t of types) {
		if (!isEventType(t)) throw new FilterParamError('type', `unknown event type ${JSON.stringify(t)} (expected one of PLOVER's 16 types, e.g. PROTEST)`);
	}
	if (types.length) filter.types = types as EventType[];
	const countries = listParam(params, 'country').map((c) => c.toUpperCase());
	for (const c of countries) {
		if (!/^[A-Z]{3}$/.test(c)) throw new FilterParamError('country', `expected ISO 3166-1 alpha-3 codes like BLR, got ${JSON.stringify(c)}`);
	}
	if (countries.length) filter.countries = countries;
	const languages = listParam(params, 'language').map((l) => l.toLowerCase());
	for (const l of languages) {
		if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(l)) throw new FilterParamError('language', `expected a language tag like en or ar, got ${JSON.stringify(l)}`);
	}
	if (languages.length) filter.languages = languages;
	for (const [param, key] of [['actor', 'actors'], ['place', 'places'], ['source', 'sources']] as const) {
		const values = listParam(params, param);
		if (values.length) filter[key] = values;
	}
	const q = params.get('q');
	if (q !== null && q.trim() !== '') {
		if (q.length > 200) throw new FilterParamError('q', 'search text is longer than 200 characters');
		filter.q = q.trim();
	}
	const bbox = params.get('bbox');
	if (bbox !== null && bbox !== '') filter.bbox = parseBBox(bbox);
	const undated = params.get('undated');
	if (undated !== null && undated !== '') {
		if (undated !== '1' && undated !== '0' && undated !== 'true' && undated !== 'false') {
			throw new FilterParamError('undated', `expected 1 or 0, got ${JSON.stringify(undated)}`);
		}
		filter.undated = undated === '1' || undated === 'true';
	}
	return filter;
}

function parseBBox(text: string): BBox {
	const parts = text.split(',');
	if (parts.length !== 4) throw new FilterParamError('bbox', `expected west,south,east,north (4 numbers), got ${JSON.stringify(text)}`);
	const nums = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
	if (nums.some((n) => !Number.isFinite(n))) throw new FilterParamError('bbox', `not all of ${JSON.stringify(text)} are numbers`);
	const [w, s, e, n] = nums as BBox;
	if (w < -180 || e > 180 || w > 180 || e < -180) throw new FilterParamError('bbox', 'longitudes must lie in -180..180');
	if (s < -90 || n > 90 || s > n) throw new FilterParamError('bbox', 'latitudes must lie in -90..90 with south <= north');
	return [w, s, e, n];
}

/** The query string of a filter, in a fixed order, so equal filters give equal URLs. */
export function filterToParams(filter: EventFilter, params = new URLSearchParams()): URLSearchParams {
	if (filter.from) params.set('from', filter.from);
	if (filter.to) params.set('to', filter.to);
	if (filter.types?.length) params.set('type', [...filter.types].sort().join(','));
	if (filter.actors?.length) params.set('actor', [...filter.actors].sort().join(','));
	if (filter.countries?.length) params.set('country', [...filter.countries].sort().join(','));
	if (filter.places?.length) params.set('place', [...filter.places].sort().join(','));
	if (filter.sources?.length) params.set('source', [...filter.sources].sort().join(','));
	if (filter.languages?.length) params.set('language', [...filter.languages].sort().join(','));
	if (filter.q) params.set('q', filter.q);
	if (filter.bbox) params.set('bbox', filter.bbox.map((n) => +n.toFixed(5)).join(','));
	if (filter.undated !== undefined) params.set('undated', filter.undated ? '1' : '0');
	return params;
}

/** The time window of a filter as days, or null when it has none. */
export function filterDays(filter: EventFilter): DayRange | null {
	if (!filter.from && !filter.to) return null;
	return {
		start: filter.from ? toDay(filter.from) : Number.NEGATIVE_INFINITY,
		end: filter.to ? toDay(filter.to) : Number.POSITIVE_INFINITY
	};
}

/**
 * Builds a predicate for one filter (parse once, test many). An event whose date interval
 * (week/month/year precision) overlaps the window counts as inside it.
 */
export function eventPredicate(filter: EventFilter): (feature: EventFeature) => boolean {
	const days = filterDays(filter);
	const types = filter.types?.length ? new Set<string>(filter.types) : null;
	const actors = filter.actors?.length ? new Set(filter.actors) : null;
	const countries = filter.countries?.length ? new Set(filter.countries) : null;
	const places = filter.places?.length ? new Set(filter.places) : null;
	const sources = filter.sources?.length ? new Set(filter.sources) : null;
	const languages = filter.languages?.length ? new Set(filter.languages) : null;
	const q = filter.q ? textQuery(filter.q) : null;
	const bbox = filter.bbox;
	const keepUndated = filter.undated ?? false;
	return (feature) => {
		const p = feature.properties;
		if (types && !types.has(p.event_type)) return false;
		if (sources && !sources.has(p.source_id)) return false;
		if (places && !places.has(p.place_id)) return false;
		if (languages && !languages.has(p.language.toLowerCase().split('-')[0]!)) return false;
		if (actors && !p.actors.some((a) => actors.has(a))) return false;
		if (countries && !p.country_codes.some((c) => countries.has(c))) return false;
		if (days) {
			const range = eventDays(p);
			if (range === null ? !keepUndated : !overlaps(range, days)) return false;
		}
		if (bbox) {
			const [lon, lat] = feature.geometry.coordinates as [number, number];
			if (!inBBox(lon, lat, bbox)) return false;
		}
		if (q && !q(p)) return false;
		return true;
	};
}

/** Whether (lon, lat) lies in the box [west, south, east, north]; a box may cross 180° (west > east). */
export function inBBox(lon: number, lat: number, [w, s, e, n]: readonly [number, number, number, number]): boolean {
	const inLon = w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
	return inLon && lat >= s && lat <= n;
}

/** The features that pass the filter, in their original order; the input is not mutated. */
export function filterEvents(features: readonly EventFeature[], filter: EventFilter): EventFeature[] {
	return features.filter(eventPredicate(filter));
}
