// GET /api/data: the whole current events.geojson, with a strong ETag; 304 when If-None-Match names it.
// The wall and the dashboard poll this (see src/lib/state/livedata.svelte.ts): a 304 costs a stat() and no body.
import type { RequestHandler } from './$types';
import { eventsUnavailable, readEvents } from '$lib/server/store';
import { dataHeaders, notModified } from './conditional';
import { isReadOnly } from '$lib/server/http';

export const GET: RequestHandler = async ({ request }) => {
	let snap;
	try {
		snap = await readEvents();
	} catch (err) {
		// A half-written or broken file: say so, and let the client keep what it has.
		return eventsUnavailable(err);
	}
	// x-read-only tells the dashboard to offer no editing links, without a second request before the data.
	const headers = { ...dataHeaders(snap.etag), 'x-read-only': isReadOnly() ? '1' : '0' };
	if (notModified(request.headers.get('if-none-match'), snap.etag)) return new Response(null, { status: 304, headers });
	// The file's own text: it is compact JSON already (one feature per line), so nothing is re-serialised.
	return new Response(snap.text, {
		headers: { ...headers, 'content-type': 'application/geo+json; charset=utf-8', 'last-modified': new Date(snap.mtimeMs || 0).toUTCString() }
	});
};
