// Request guards for every route: security headers, same-origin writes (CSRF), READ_ONLY, body size limits.
import type { Handle, ServerInit } from '@sveltejs/kit';
import { bodyLimit, crossOriginReason, drain, fail, isReadOnly, mb } from '$lib/server/http';
import { LockBusyError, withDataLock } from '$lib/server/lock';
import { dataDir, readEvents } from '$lib/server/store';
import { compressResponse } from '$lib/server/compress';
import { warmBasemapTiles } from '$lib/server/geo/tiles';

/**
 * At start: recover the data folder from a writer killed mid-commit (finish a commit whose journal exists, delete
 * the temps of one that never reached it; see lock.ts and journal.ts), then begin reading the events and cutting the
 * basemap's tile indexes so the first page load finds them ready (not awaited: the server listens meanwhile).
 */
export const init: ServerInit = async () => {
	try {
		await withDataLock(dataDir(), 'the server (start-up recovery)', async () => {}, { waitMs: 0 });
	} catch (err) {
		// Busy: the live writer (and every later one) recovers before it writes. Else, e.g. a read-only disk: serve.
		if (!(err instanceof LockBusyError)) console.warn(`Could not check ${dataDir()} for an interrupted write: ${(err as Error).message}`);
	}
	void readEvents().catch(() => {}); // a broken file is reported by the requests that need it
	setTimeout(warmBasemapTiles, 0);
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Headers beyond the Content-Security-Policy that svelte.config.js sets. */
const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'SAMEORIGIN',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};

export const handle: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	let response: Response;
	if (!SAFE_METHODS.has(request.method)) {
		response = (await guardWrite(request, url)) ?? (await resolve(event));
	} else {
		response = await resolve(event);
	}
	try {
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(k)) response.headers.set(k, v);
	} catch {
		// Immutable headers (a fetched response passed through): copy it.
		response = new Response(response.body, response);
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(k)) response.headers.set(k, v);
	}
	// Pages, exports, basemap files and API answers go compressed to clients that accept it (/api/data does its own).
	return compressResponse(request, response);
};

async function guardWrite(request: Request, url: URL): Promise<Response | null> {
	const why = crossOriginReason(request, url.origin);
	if (why) return fail(403, `Cross-origin write refused (${why}): edits are accepted only from this site's own pages.`);
	if (isReadOnly()) return fail(403, 'This deployment is read-only (READ_ONLY=1): adding, importing and correcting data are disabled.');
	const length = request.headers.get('content-length');
	const limit = bodyLimit(url.pathname);
	if (length !== null && Number(length) > limit) {
		await drain(request);
		return fail(413, `The upload is ${mb(Number(length))}; this endpoint accepts at most ${mb(limit)}.`);
	}
	return null;
}
