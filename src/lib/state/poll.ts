// One conditional GET of the live dataset (/api/data with If-None-Match) and the retry schedule after failures:
// the wall and the dashboard both keep their data fresh with it (see livedata.svelte.ts).
import type { EventCollection } from '$lib/domain/event';

/** What one poll learnt: new data (with its ETag), or that what the caller holds is still current (304). */
export type PollResult = { changed: true; collection: EventCollection; etag: string | null; readOnly: boolean } | { changed: false };

/** Checks the little a page relies on before it replaces what it shows; a bad answer counts as a failed poll. */
export function parseCollection(value: unknown, url = '/api/data'): EventCollection {
	const v = value as EventCollection | null;
	if (!v || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
		throw new Error(`${url}: expected a GeoJSON FeatureCollection with a "features" array`);
	}
	return v;
}

/**
 * Asks `url` for the dataset unless it is still `etag` (a 304 costs no body). Throws on a network error, a status
 * other than 200/304, or a body that is not a FeatureCollection.
 */
export async function pollData(url: string, etag: string | null, fetchImpl: typeof fetch, signal?: AbortSignal): Promise<PollResult> {
	const headers: Record<string, string> = { accept: 'application/geo+json, application/json' };
	if (etag) headers['if-none-match'] = etag;
	const res = await fetchImpl(url, { headers, cache: 'no-store', signal });
	if (res.status === 304) return { changed: false };
	if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
	const collection = parseCollection(await res.json(), url);
	// x-read-only: the server takes no writes (READ_ONLY=1), so pages offer no editing links.
	return { changed: true, collection, etag: res.headers.get('etag'), readOnly: res.headers.get('x-read-only') === '1' };
}

/** Seconds until the next poll: the interval when all is well, else 1, 2, 4 … s after each failure, capped by it. */
export function nextPollDelay(failures: number, pollSeconds: number): number {
	return failures <= 0 ? pollSeconds : Math.min(pollSeconds, 2 ** (failures - 1));
}
