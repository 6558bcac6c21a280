import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { dataHeaders, notModified } from '../../src/routes/api/data/conditional';

describe('notModified (If-None-Match, weak comparison)', () => {
	const etag = '"abc123"';
	it('is false without the header or with a different tag', () => {
		expect(notModified(null, etag)).toBe(false);
		expect(notModified('"abc124"', etag)).toBe(false);
		expect(notModified('abc123', etag)).toBe(false); // unquoted is not a tag
	});
	it('is true for the same tag, a weak form of it, one of a list, or *', () => {
		expect(notModified('"abc123"', etag)).toBe(true);
		expect(notModified('W/"abc123"', etag)).toBe(true);
		expect(notModified('"zzz", W/"yyy",  "abc123"', etag)).toBe(true);
		expect(notModified(' * ', etag)).toBe(true);
	});
	it('does not split a tag that contains a comma', () => {
		expect(notModified('"a,b"', '"a,b"')).toBe(true);
		expect(notModified('"a,b"', '"a"')).toBe(false);
	});
	it('asks caches to revalidate every time', () => {
		expect(dataHeaders(etag)).toMatchObject({ etag, 'cache-control': 'no-cache' });
	});
});

describe('GET /api/data', () => {
	let dir: string;
	let GET: (e: { request: Request }) => Promise<Response>;
	const collection = (n: number) => ({ type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', id: `e${i}`, geometry: { type: 'Point', coordinates: [23, 52] }, properties: { id: `e${i}` } })) });
	const get = (headers: Record<string, string> = {}) => GET({ request: new Request('http://x/api/data', { headers }) });

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'wall-data-'));
		process.env.GEODATA_DIR = dir;
		({ GET } = (await import('../../src/routes/api/data/+server')) as unknown as { GET: typeof GET });
	});
	afterAll(() => {
		delete process.env.GEODATA_DIR;
		rmSync(dir, { recursive: true, force: true });
	});

	it('serves the whole file with a strong ETag, then 304 with no body for that ETag, then 200 again after a change', async () => {
		writeFileSync(path.join(dir, 'events.geojson'), JSON.stringify(collection(2)));
		const first = await get();
		expect(first.status).toBe(200);
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^"[^"]+"$/);
		expect(first.headers.get('cache-control')).toBe('no-cache');
		expect(((await first.json()) as { features: unknown[] }).features).toHaveLength(2);

		const again = await get({ 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		expect(await again.text()).toBe('');

		// A different size guarantees the store's size+mtime cache key changes even within one mtime tick.
		writeFileSync(path.join(dir, 'events.geojson'), JSON.stringify(collection(3)));
		const changed = await get({ 'if-none-match': etag });
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
		expect(((await changed.json()) as { features: unknown[] }).features).toHaveLength(3);
	});

	it('goes brotli- or gzip-compressed when asked, with a weak form of the same ETag that still earns a 304', async () => {
		writeFileSync(path.join(dir, 'events.geojson'), `{"type":"FeatureCollection","features":[\n${collection(40).features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
		const plain = await get({ 'accept-encoding': 'identity' });
		const text = await plain.text();
		for (const [accept, enc] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']] as const) {
			const res = await get({ 'accept-encoding': accept });
			expect(res.headers.get('content-encoding')).toBe(enc);
			expect(res.headers.get('etag')).toBe(`W/${plain.headers.get('etag')}`);
			expect(res.headers.get('vary')).toBe('accept-encoding');
			const bytes = Buffer.from(await res.arrayBuffer());
			expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
			expect(bytes.length).toBeLessThan(text.length / 4);
			expect((enc === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString('utf8')).toBe(text);
			expect((await get({ 'accept-encoding': accept, 'if-none-match': res.headers.get('etag')! })).status).toBe(304);
		}
	});

	it('answers HEAD (what /analysis polls with) with the ETag and no body: 200 after a change, 304 for the current one', async () => {
		writeFileSync(path.join(dir, 'events.geojson'), JSON.stringify(collection(4)));
		const head = (headers: Record<string, string> = {}) => GET({ request: new Request('http://x/api/data', { method: 'HEAD', headers: { 'accept-encoding': 'br', ...headers } }) });
		const res = await head({ 'if-none-match': '"old"' });
		expect(res.status).toBe(200);
		expect(res.body).toBeNull();
		expect(res.headers.get('content-encoding')).toBeNull(); // nothing was compressed
		const etag = res.headers.get('etag')!;
		expect(etag.replace(/^W\//, '')).toBe((await get()).headers.get('etag'));
		expect((await head({ 'if-none-match': etag })).status).toBe(304);
	});

	it('answers 503 naming the file, not 500, when the file is broken mid-write', async () => {
		writeFileSync(path.join(dir, 'events.geojson'), '{"type":"FeatureCollection","featu');
		const res = await get();
		expect(res.status).toBe(503);
		expect(((await res.json()) as { error: string }).error).toContain('events.geojson');
	});

	it('answers the same 503 from both exports, not a bare 500 (#16 item 9)', async () => {
		writeFileSync(path.join(dir, 'events.geojson'), '{"type":"FeatureCollection","featu');
		for (const route of ['events.geojson', 'events.csv']) {
			const { GET: exportGet } = (await import(`../../src/routes/api/${route}/+server.ts`)) as unknown as { GET: (e: { url: URL }) => Promise<Response> };
			const res = await exportGet({ url: new URL(`http://x/api/${route}?type=ASSAULT`) });
			expect(res.status, route).toBe(503);
			expect(((await res.json()) as { error: string }).error).toContain('events.geojson');
		}
	});
});
