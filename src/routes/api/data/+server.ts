// GET /api/data: the whole current events.geojson, with a strong ETag; 304 when If-None-Match names it.
// The wall and the dashboard poll this (see src/lib/state/livedata.svelte.ts): a 304 costs a stat() and no body;
// /analysis polls it with HEAD, for the ETag alone.
// Sent compressed when the client accepts it (brotli or gzip, compressed once per version of the file), else as
// the file's own text a piece at a time: never one string, so a store of any size can be served.
import type { RequestHandler } from './$types';
import { bodyPieces, bodyStream, eventsUnavailable, readEvents } from '$lib/server/store';
import { compressedOnce, encodedEtag, negotiate } from '$lib/server/compress';
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
	const enc = negotiate(request.headers.get('accept-encoding'));
	// x-read-only tells the dashboard to offer no editing links, without a second request before the data.
	const headers: Record<string, string> = { ...dataHeaders(enc ? encodedEtag(snap.etag) : snap.etag), 'x-read-only': isReadOnly() ? '1' : '0' };
	if (notModified(request.headers.get('if-none-match'), snap.etag)) return new Response(null, { status: 304, headers });
	// HEAD (Kit answers it with GET): /analysis asks only whether the data changed; build and compress no body.
	if (request.method === 'HEAD') return new Response(null, { headers });
	headers['content-type'] = 'application/geo+json; charset=utf-8';
	headers['last-modified'] = new Date(snap.mtimeMs || 0).toUTCString();
	if (!enc) return new Response(bodyStream(snap.body), { headers });
	const bytes = await compressedOnce(snap, enc, () => bodyPieces(snap.body));
	return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length), { headers: { ...headers, 'content-encoding': enc, 'content-length': String(bytes.length) } });
};
