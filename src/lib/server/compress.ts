// Compressed answers, negotiated per request (Accept-Encoding): brotli when the client takes it, else gzip, else
// none. The events compress about tenfold (89 MB → 9 MB at 100k events), so a page loads them in a tenth of the bytes.
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with, from an Accept-Encoding header: `br`, else `gzip`, each only when accepted with a
 * q-value above 0 (named, or through `*`); null when neither is (the body then goes as it is).
 */
export function negotiate(header: string | null): Encoding | null {
	if (!header) return null;
	const q = new Map<string, number>();
	for (const part of header.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = qp ? Number(qp.slice(2)) : 1;
		q.set(name, Number.isFinite(value) ? value : 0);
	}
	const accepted = (enc: Encoding) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
	return accepted('br') ? 'br' : accepted('gzip') ? 'gzip' : null;
}

/**
 * A compressor for `enc`, tuned for speed over ratio: brotli quality 1 compresses the events about as well as
 * gzip's default in a fifth of its time (89 MB in ~0.15 s on one core, in libuv's thread pool, off the event loop).
 */
function compressor(enc: Encoding, sizeHint = 0): zlib.BrotliCompress | zlib.Gzip {
	return enc === 'br'
		? zlib.createBrotliCompress({
				params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, ...(sizeHint ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {}) }
			})
		: zlib.createGzip({ level: 1 });
}

/** Text pieces compressed into one buffer (the pieces are encoded one at a time: no one string of the whole). */
export async function compressPieces(pieces: Iterable<string>, enc: Encoding): Promise<Buffer> {
	const z = compressor(enc);
	const out: Buffer[] = [];
	z.on('data', (chunk: Buffer) => out.push(chunk));
	const done = new Promise<void>((resolve, reject) => {
		z.on('end', resolve);
		z.on('error', reject);
	});
	for (const piece of pieces) {
		if (!z.write(piece, 'utf8')) await new Promise((resolve) => z.once('drain', resolve));
	}
	z.end();
	await done;
	return Buffer.concat(out);
}

/** A web byte stream compressed as it flows (an export of any size is never held whole). */
export function compressStream(body: ReadableStream<Uint8Array>, enc: Encoding): ReadableStream<Uint8Array> {
	const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
	return Readable.toWeb(source.pipe(compressor(enc))) as unknown as ReadableStream<Uint8Array>;
}

/**
 * The ETag of a compressed representation: weak, as the compressed bytes are not the stored ones (nginx does the
 * same). If-None-Match compares weakly (conditional.ts), so a client sending it back still gets its 304.
 */
export function encodedEtag(etag: string): string {
	return etag.startsWith('W/') ? etag : `W/${etag}`;
}

/** Media types worth compressing: JSON, GeoJSON, vector tiles, CSV, HTML, JavaScript, SVG and other text. */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|vnd\.mapbox-vector-tile|javascript|x-ndjson|xml|manifest\+json)|image\/svg\+xml)/i;

/**
 * `response` compressed for `request` when that is worth it and not done yet: a 200 with a compressible body and no
 * Content-Encoding, for a client that accepts br or gzip. Its Content-Length goes (the length changes), its ETag
 * becomes weak, and it varies by Accept-Encoding. Anything else comes back unchanged.
 */
export function compressResponse(request: Request, response: Response): Response {
	if (request.method === 'HEAD' || response.status !== 200 || !response.body) return response;
	if (response.headers.has('content-encoding') || !COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return response;
	const enc = negotiate(request.headers.get('accept-encoding'));
	if (!enc) return response;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', enc);
	headers.delete('content-length');
	const etag = headers.get('etag');
	if (etag) headers.set('etag', encodedEtag(etag));
	headers.set('vary', varyWith(headers.get('vary')));
	return new Response(compressStream(response.body, enc), { status: response.status, statusText: response.statusText, headers });
}

/** A Vary header that names Accept-Encoding (once). */
export function varyWith(vary: string | null): string {
	if (!vary) return 'accept-encoding';
	return vary.split(',').some((v) => v.trim().toLowerCase() === 'accept-encoding' || v.trim() === '*') ? vary : `${vary}, accept-encoding`;
}

const memo = new WeakMap<object, Map<Encoding, Promise<Buffer>>>();

/**
 * `pieces()` compressed once per `key` and encoding (a snapshot of the store: every poller after a change gets the
 * same bytes without compressing them again); forgotten with the key.
 */
export function compressedOnce(key: object, enc: Encoding, pieces: () => Iterable<string>): Promise<Buffer> {
	let byEnc = memo.get(key);
	if (!byEnc) memo.set(key, (byEnc = new Map()));
	let hit = byEnc.get(enc);
	if (!hit) {
		hit = compressPieces(pieces(), enc);
		byEnc.set(enc, hit);
		hit.catch(() => byEnc.delete(enc));
	}
	return hit;
}
