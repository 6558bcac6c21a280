// Negotiated compression of answers: which encoding a client gets, what compressing does to a response's headers,
// and that the bytes come back as they went in.
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { compressedOnce, compressPieces, compressResponse, encodedEtag, negotiate, varyWith } from '$lib/server/compress';

describe('negotiate', () => {
	it('prefers brotli, falls back to gzip, and sends nothing compressed to a client that accepts neither', () => {
		expect(negotiate('gzip, deflate, br, zstd')).toBe('br');
		expect(negotiate('gzip')).toBe('gzip');
		expect(negotiate('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(negotiate('identity')).toBeNull();
		expect(negotiate(null)).toBeNull();
		expect(negotiate('*')).toBe('br');
		expect(negotiate('*, br;q=0')).toBe('gzip');
		expect(negotiate('gzip;q=0, br;q=0')).toBeNull();
	});
});

describe('compressPieces', () => {
	it('compresses a text given in pieces to bytes that decompress to the pieces joined, in either encoding', async () => {
		const pieces = ['{"type":"FeatureCollection","features":[\n', 'é'.repeat(10_000), '\n]}\n'];
		expect(zlib.brotliDecompressSync(await compressPieces(pieces, 'br')).toString('utf8')).toBe(pieces.join(''));
		expect(zlib.gunzipSync(await compressPieces(pieces, 'gzip')).toString('utf8')).toBe(pieces.join(''));
	});

	it('compresses a snapshot once per encoding, however many clients ask', async () => {
		const key = {};
		let made = 0;
		const pieces = () => (made++, ['abc']);
		const [a, b] = await Promise.all([compressedOnce(key, 'br', pieces), compressedOnce(key, 'br', pieces)]);
		expect(a).toBe(b);
		await compressedOnce(key, 'gzip', pieces);
		expect(made).toBe(2);
	});
});

describe('compressResponse', () => {
	const req = (enc: string | null, method = 'GET') => new Request('http://x/api/events.csv', { method, headers: enc ? { 'accept-encoding': enc } : {} });
	const res = (type = 'text/csv', extra: Record<string, string> = {}) => new Response('a,b\n1,2\n'.repeat(100), { headers: { 'content-type': type, 'content-length': '800', etag: '"v1"', ...extra } });

	it('compresses a text answer for a client that accepts it: encoding set, length dropped, ETag weak, varies by Accept-Encoding', async () => {
		const out = compressResponse(req('gzip, br'), res());
		expect(out.headers.get('content-encoding')).toBe('br');
		expect(out.headers.get('content-length')).toBeNull();
		expect(out.headers.get('etag')).toBe('W/"v1"');
		expect(out.headers.get('vary')).toBe('accept-encoding');
		expect(zlib.brotliDecompressSync(Buffer.from(await out.arrayBuffer())).toString()).toBe('a,b\n1,2\n'.repeat(100));
	});

	it('leaves alone what must not or need not be compressed', () => {
		const plain = res();
		expect(compressResponse(req(null), plain)).toBe(plain);
		const png = res('image/png');
		expect(compressResponse(req('br'), png)).toBe(png);
		const done = res('text/csv', { 'content-encoding': 'gzip' });
		expect(compressResponse(req('br'), done)).toBe(done);
		const head = res();
		expect(compressResponse(req('br', 'HEAD'), head)).toBe(head);
		const notModified = new Response(null, { status: 304 });
		expect(compressResponse(req('br'), notModified)).toBe(notModified);
	});

	it('keeps an existing Vary and a weak ETag as they are', () => {
		expect(varyWith('origin')).toBe('origin, accept-encoding');
		expect(varyWith('Accept-Encoding')).toBe('Accept-Encoding');
		expect(encodedEtag('W/"a"')).toBe('W/"a"');
	});
});
