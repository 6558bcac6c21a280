// One conditional GET of the live dataset (/api/data with If-None-Match) and the retry schedule after failures:
// the wall and the dashboard both keep their data fresh with it (see livedata.svelte.ts).
import { FEATURE_LINES, type EventCollection, type EventFeature } from '$lib/domain/event';

/** What a page dispatches on `window` when it changed the data itself (an editor's save): pollers ask at once. */
export const DATA_CHANGED_EVENT = 'conflictmap:datachanged';

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
	const res = await conditional('GET', url, etag, fetchImpl, signal);
	if (!res) return { changed: false };
	const collection = await readCollection(res, url);
	// x-read-only: the server takes no writes (READ_ONLY=1), so pages offer no editing links.
	return { changed: true, collection, etag: res.headers.get('etag'), readOnly: res.headers.get('x-read-only') === '1' };
}

/** What a poll for the version alone learnt: a new ETag, or that the caller's is still current. */
export type VersionResult = { changed: true; collection: null; etag: string | null; readOnly: boolean } | { changed: false };

/**
 * Like pollData, but a HEAD request: whether the dataset is still `etag`, never its body. For pages that show
 * figures the server computes (/analysis), which only need to know when to ask for them again.
 */
export async function pollVersion(url: string, etag: string | null, fetchImpl: typeof fetch, signal?: AbortSignal): Promise<VersionResult> {
	const res = await conditional('HEAD', url, etag, fetchImpl, signal);
	return res ? { changed: true, collection: null, etag: res.headers.get('etag'), readOnly: res.headers.get('x-read-only') === '1' } : { changed: false };
}

/** The conditional request both polls make: null on a 304; throws on any status but 200. */
async function conditional(method: 'GET' | 'HEAD', url: string, etag: string | null, fetchImpl: typeof fetch, signal?: AbortSignal): Promise<Response | null> {
	const headers: Record<string, string> = { accept: 'application/geo+json, application/json' };
	if (etag) headers['if-none-match'] = etag;
	const res = await fetchImpl(url, { method, headers, cache: 'no-store', signal });
	if (res.status === 304) return null;
	if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
	return res;
}

/**
 * The body of an answer as a FeatureCollection, parsed as it arrives: a feature a line when it is laid out as the
 * server stores it (FEATURE_LINES), so a dataset larger than one string can hold (~500 MB of text) still loads and
 * parsing overlaps the download; any other layout is parsed whole. Throws naming `url` on a body that is not one.
 */
export async function readCollection(res: Response, url = '/api/data'): Promise<EventCollection> {
	if (!res.body) return parseCollection(await res.json(), url);
	const head = FEATURE_LINES.header.slice(0, -1);
	const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
	const features: EventFeature[] = [];
	/** head: before the first line; lines: a feature a line; end: after the footer; whole: another layout. */
	type Mode = 'head' | 'lines' | 'end' | 'whole';
	let mode: Mode = 'head';
	const whole: string[] = []; // the text, in whole mode
	const take = (text: string, now: Mode): Mode => {
		if (now === 'head') {
			if (text === head) return 'lines';
			whole.push(text, '\n');
			return 'whole';
		}
		if (now === 'end') {
			if (text !== '') throw new Error(`${url}: text after the end of the collection`);
			return now;
		}
		if (text === ']}') return 'end';
		try {
			features.push(JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as EventFeature);
		} catch (err) {
			throw new Error(`${url}: feature ${features.length + 1} is not JSON (${(err as Error).message})`);
		}
		return now;
	};
	let rest = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (mode === 'whole') {
			whole.push(value);
			continue;
		}
		const text = rest + value;
		let at = 0;
		for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
			mode = take(text.slice(at, nl), mode);
			at = nl + 1;
			if (mode === 'whole') break;
		}
		rest = text.slice(at);
		if (mode === 'whole') whole.push(rest), (rest = '');
	}
	if (mode === 'head' || mode === 'whole') {
		let value: unknown;
		try {
			value = JSON.parse(whole.join('') + rest);
		} catch (err) {
			throw new Error(`${url}: the answer is not JSON (${(err as Error).message})`);
		}
		return parseCollection(value, url);
	}
	if (rest !== '') mode = take(rest, mode);
	if (mode !== 'end') throw new Error(`${url}: the collection ends early (after ${features.length} features)`);
	return { type: 'FeatureCollection', features };
}

/** Seconds until the next poll: the interval when all is well, else 1, 2, 4 … s after each failure, capped by it. */
export function nextPollDelay(failures: number, pollSeconds: number): number {
	return failures <= 0 ? pollSeconds : Math.min(pollSeconds, 2 ** (failures - 1));
}
