// Shared by the export endpoints: query string → filtered events, or a 400 message for the person who typed it.
import { filterEvents, parseFilterParams, FilterParamError, FILTER_PARAMS, type EventFilter } from '$lib/domain/filter';
import type { EventFeature } from '$lib/domain/event';
import { isViewParam } from './url';

export type QueryResult = { ok: true; filter: EventFilter; features: EventFeature[] } | { ok: false; message: string };

/** Parses the filter parameters (unknown parameters are refused, so typos do not silently export everything). */
export function queryEvents(params: URLSearchParams, all: readonly EventFeature[]): QueryResult {
	for (const name of new Set(params.keys())) {
		if (!isViewParam(name)) return { ok: false, message: `unknown query parameter "${name}" (expected ${FILTER_PARAMS.join(', ')})` };
	}
	try {
		const filter = parseFilterParams(params);
		return { ok: true, filter, features: filterEvents(all, filter) };
	} catch (err) {
		if (err instanceof FilterParamError) return { ok: false, message: err.message };
		throw err;
	}
}
