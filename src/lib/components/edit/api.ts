// Browser side of the edit endpoints: fetch helpers with readable errors, and the analyst's name (localStorage).
import type { Correction, EventPatch } from '$lib/domain/corrections';
import type { EventFeature } from '$lib/domain/event';
import { DATA_CHANGED_EVENT } from '$lib/state/poll';

const AUTHOR_KEY = 'conflict-map.author';

export function loadAuthor(): string {
	try {
		return localStorage.getItem(AUTHOR_KEY) ?? '';
	} catch {
		return '';
	}
}

export function saveAuthor(name: string): void {
	try {
		localStorage.setItem(AUTHOR_KEY, name.trim());
	} catch {
		/* private mode: the name lives for this page only */
	}
}

/** Thrown for a non-2xx answer; `message` is the server's explanation. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly body: Record<string, unknown> = {}
	) {
		super(message);
	}
}

export async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
	const res = await fetch(url, init);
	let body: Record<string, unknown> = {};
	try {
		body = (await res.json()) as Record<string, unknown>;
	} catch {
		/* not JSON */
	}
	if (!res.ok) throw new ApiError(res.status, typeof body.error === 'string' ? body.error : `${res.status} ${res.statusText}`, body);
	return body as T;
}

const jsonInit = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
	method,
	headers: { 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body)
});

export interface EventState {
	event: EventFeature | null;
	version: string | null;
	history: Correction[];
	read_only: boolean;
}

export interface EditResult {
	event: EventFeature | null;
	version: string | null;
	applied: Correction[];
}

/** Tells the rest of the page (the dashboard) that the data changed, so it reloads. */
export function announceChange(event: EventFeature | null, id: string): void {
	window.dispatchEvent(new CustomEvent(DATA_CHANGED_EVENT, { detail: { id, event } }));
}

export const api = {
	state: (id: string) => call<EventState>(`/api/history/${encodeURIComponent(id)}`, { cache: 'no-store' }),
	patch: (id: string, version: string, author: string, set: EventPatch) =>
		call<EditResult>(`/api/corrections/${encodeURIComponent(id)}`, jsonInit('PATCH', { author, set }, { 'if-match': version })),
	drop: (id: string, version: string, author: string) =>
		call<EditResult>(`/api/corrections/${encodeURIComponent(id)}`, jsonInit('DELETE', { author }, { 'if-match': version })),
	add: (author: string, feature: EventFeature) => call<EditResult>('/api/corrections', jsonInit('POST', { op: 'add', author, feature })),
	undo: (author: string, undoes: string) => call<EditResult>('/api/corrections', jsonInit('POST', { op: 'undo', author, undoes })),
	article: (sourceId: string) =>
		call<{ source_id: string; body: string; meta: { title: string; language: string; published: string | null } }>(
			`/api/articles/${encodeURIComponent(sourceId)}`
		),
	places: (q: string) => call<{ places: PlaceHit[] }>(`/api/places?q=${encodeURIComponent(q)}&limit=8`)
};

export interface PlaceHit {
	id: string;
	name: string;
	kind: string;
	lat: number;
	lon: number;
	country_codes: string[];
	geonames_id: number | null;
	population: number | null;
	geo_precision: 1 | 2 | 3;
}
