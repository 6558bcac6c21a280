// Nothing let in: cross-origin writes, READ_ONLY, oversized bodies and path traversal are refused with a clear
// message and the stored data unchanged; every answer carries the security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manyEvents, serveData, type DataServer } from './http-fixtures';

let ds: DataServer;
let ro: DataServer;

beforeAll(async () => {
	[ds, ro] = await Promise.all([serveData(manyEvents(5)), serveData(manyEvents(5), { READ_ONLY: '1' })]);
});
afterAll(async () => {
	await Promise.all([ds?.close(), ro?.close()]);
});

const patch = (base: string, headers: Record<string, string> = {}, body: unknown = { author: 'A', set: { summary: 'x' } }) =>
	fetch(`${base}/api/corrections/ev-000001`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'if-match': 'x', ...headers }, body: JSON.stringify(body) });

async function refused(res: Response, status: number, message: RegExp, d: DataServer, before: ReturnType<DataServer['files']>) {
	const body = (await res.json()) as { error: string };
	expect(res.status, body.error).toBe(status);
	expect(body.error).toMatch(message);
	expect(d.files()).toEqual(before);
}

describe('same-origin writes (CSRF)', () => {
	it('refuses a write whose Origin is another site, or that the browser marks cross-site', async () => {
		const before = ds.files();
		await refused(await patch(ds.server.url, { origin: 'https://evil.example' }), 403, /Cross-origin write refused.*evil\.example/, ds, before);
		await refused(await patch(ds.server.url, { 'sec-fetch-site': 'cross-site' }), 403, /Sec-Fetch-Site is "cross-site"/, ds, before);
		await refused(await patch(ds.server.url, { origin: 'null' }), 403, /Cross-origin/, ds, before);
		const form = await fetch(`${ds.server.url}/api/import?name=a.csv&mode=merge&author=A`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: 'event_date\n' });
		expect(form.status).toBe(403);
		expect(ds.files()).toEqual(before);
	});

	it('lets a same-origin write through to the version check', async () => {
		const res = await patch(ds.server.url, { origin: ds.server.url, 'sec-fetch-site': 'same-origin' });
		expect(res.status).toBe(412);
	});
});

describe('READ_ONLY=1', () => {
	it('refuses every write with 403 and says why, while reading stays open', async () => {
		const before = ro.files();
		await refused(await patch(ro.server.url), 403, /read-only \(READ_ONLY=1\)/, ro, before);
		const imp = await fetch(`${ro.server.url}/api/import?name=a.geojson&mode=merge&author=A`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: '{"type":"FeatureCollection","features":[]}' });
		await refused(imp, 403, /read-only/, ro, before);
		const art = await fetch(`${ro.server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"save"}' });
		await refused(art, 403, /read-only/, ro, before);
		const read = await fetch(`${ro.server.url}/api/history/ev-000001`);
		expect(read.status).toBe(200);
		expect(((await read.json()) as { read_only: boolean }).read_only).toBe(true);
		const page = await fetch(`${ro.server.url}/add`);
		expect(await page.text()).toMatch(/read-only \(READ_ONLY=1\)/);
	});
});

describe('body size limits', () => {
	it('refuses an oversized edit (413) by its Content-Length and by its actual size', async () => {
		const before = ds.files();
		const big = { author: 'A', set: { summary: 'x'.repeat(300_000) } };
		await refused(await patch(ds.server.url, {}, big), 413, /accepts at most 256 KB/, ds, before);
		// A chunked body (no Content-Length) is cut off while it is read.
		const stream = new ReadableStream({
			start(c) {
				for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
				c.close();
			}
		});
		const res = await fetch(`${ds.server.url}/api/corrections/ev-000001`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'if-match': 'x' }, body: stream, duplex: 'half' } as RequestInit);
		await refused(res, 413, /larger than the 256 KB/, ds, before);
	});

	it('refuses an import above 10 MB', async () => {
		const before = ds.files();
		const res = await fetch(`${ds.server.url}/api/import?name=a.geojson&mode=merge&author=A`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(11 * 1024 * 1024).fill(32) });
		await refused(res, 413, /10 MB/, ds, before);
	});
});

describe('path traversal', () => {
	it('refuses source ids and event ids that would leave geodata/', async () => {
		for (const bad of ['..%2F..%2Fetc%2Fpasswd', '..', '%2e%2e', 'a%00b', 'ABC%5C..%5Cx']) {
			const res = await fetch(`${ds.server.url}/api/articles/${bad}`);
			expect([400, 404], bad).toContain(res.status);
			const body = (await res.json().catch(() => ({}))) as { error?: string };
			if (res.status === 400) expect(body.error).toMatch(/not a valid source id/);
			expect(JSON.stringify(body)).not.toMatch(/root:/);
		}
		const before = ds.files();
		const res = await fetch(`${ds.server.url}/api/corrections`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ op: 'add', author: 'A', feature: { ...manyEvents(1)[0], properties: { ...manyEvents(1)[0]!.properties, id: 'x1', source_id: '../../../tmp/evil' } } })
		});
		await refused(res, 400, /source_id.*not a valid source id/, ds, before);
	});
});

describe('headers', () => {
	it('sets a Content-Security-Policy and the other security headers on pages and API answers', async () => {
		const page = await fetch(`${ds.server.url}/add`);
		expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
		for (const res of [page, await fetch(`${ds.server.url}/api/history/ev-000001`)]) {
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('no-referrer');
			expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		}
	});
});
