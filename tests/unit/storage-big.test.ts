// A store larger than one JavaScript string can hold (~2^29 characters): the server reads it, serves it (plain and
// compressed, byte for byte), takes a correction and survives kill -9 in the middle of rewriting it. Generated in
// the test's temp folder a line at a time, never committed, never held whole by the test either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadStream, createWriteStream, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import path from 'node:path';
import zlib from 'node:zlib';
import { FEATURE_LINES } from '$lib/domain/event';
import { copyGeodata } from '../e2e/harness';
import { sampleEvent, startAppServer, tempFileGrowing } from './http-fixtures';
import type { AppServer } from '../e2e/harness';

const N = 100_000;
const STRING_LIMIT = 2 ** 29 - 24; // V8's longest string on 64-bit platforms
const PAD = 'x'.repeat(5_400); // each event ≈ 5.9 kB, so the file is past STRING_LIMIT characters

let data: ReturnType<typeof copyGeodata>;
let server: AppServer;
const NODE_OPTIONS = '--max-old-space-size=6144';

/** The file's SHA-1, read as a stream. */
async function fileSha(file: string): Promise<string> {
	const h = createHash('sha1');
	for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
	return h.digest('hex');
}

/** The number of features in a line-laid-out collection and the summary of one of them, read a line at a time. */
async function scan(file: string, id: string): Promise<{ count: number; summary: string | null; first: string }> {
	let count = 0;
	let summary: string | null = null;
	let first = '';
	for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
		if (!first) first = line;
		if (!line.startsWith('{"type":"Feature"')) continue;
		count++;
		if (line.includes(`"id":"${id}"`)) summary = (JSON.parse(line.replace(/,$/, '')) as { properties: { summary: string } }).properties.summary;
	}
	return { count, summary, first };
}

async function patch(id: string, summary: string): Promise<Response> {
	const v = (await (await fetch(`${server.url}/api/history/${id}`)).json()) as { version: string };
	return fetch(`${server.url}/api/corrections/${id}`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json', 'if-match': v.version },
		body: JSON.stringify({ author: 'big', set: { summary } })
	});
}

beforeAll(async () => {
	data = copyGeodata();
	const file = path.join(data.dir, 'events.geojson');
	const out = createWriteStream(file);
	out.write(FEATURE_LINES.header);
	for (let i = 0; i < N; i++) {
		const f = sampleEvent(`ev-${String(i).padStart(6, '0')}`, { evidence: `Migrants gathered at the border. ${PAD}`, evidence_start: i * 10, evidence_end: i * 10 + 5_433 });
		if (!out.write(`${JSON.stringify(f)}${i < N - 1 ? ',\n' : ''}`)) await once(out, 'drain');
	}
	out.end(FEATURE_LINES.footer);
	await once(out, 'finish');
	writeFileSync(path.join(data.dir, 'corrections.json'), '{"version":1,"corrections":[\n]}\n');
	expect(statSync(file).size).toBeGreaterThan(STRING_LIMIT);
	server = await startAppServer({ geodataDir: data.dir, env: { NODE_OPTIONS } });
}, 300_000);
afterAll(async () => {
	await server?.stop();
	data?.remove();
});

describe('a store larger than one string can hold', () => {
	it('is served by /api/data byte for byte, plain and brotli-compressed, with the same ETag validator', async () => {
		const file = path.join(data.dir, 'events.geojson');
		const want = await fileSha(file);
		const plain = await fetch(`${server.url}/api/data`, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.status).toBe(200);
		expect(plain.headers.get('content-encoding')).toBeNull();
		const h1 = createHash('sha1');
		for await (const chunk of Readable.fromWeb(plain.body! as import('node:stream/web').ReadableStream)) h1.update(chunk as Buffer);
		expect(h1.digest('hex')).toBe(want);

		// Node's fetch would decompress on its own: ask through a raw stream so the compressed bytes are checked.
		const { request } = await import('node:http');
		const compressed = await new Promise<{ etag: string; enc: string; sha: string; bytes: number }>((resolve, reject) => {
			request(`${server.url}/api/data`, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
				const h = createHash('sha1');
				let bytes = 0;
				res.on('data', (c: Buffer) => (bytes += c.length));
				res.pipe(zlib.createBrotliDecompress()).on('data', (c: Buffer) => h.update(c)).on('end', () => resolve({ etag: String(res.headers.etag), enc: String(res.headers['content-encoding']), sha: h.digest('hex'), bytes })).on('error', reject);
			}).on('error', reject).end();
		});
		expect(compressed.enc).toBe('br');
		expect(compressed.sha).toBe(want);
		expect(compressed.bytes).toBeLessThan(statSync(file).size / 20); // padding compresses away: far fewer bytes travel
		expect(compressed.etag).toBe(`W/${plain.headers.get('etag')}`);
		const again = await fetch(`${server.url}/api/data`, { headers: { 'if-none-match': compressed.etag } });
		expect(again.status).toBe(304);
	}, 300_000);

	it('takes a correction: acknowledged, on disk with every other event, and the file still one feature a line', async () => {
		const res = await patch('ev-000007', 'a big-store edit');
		expect(res.status).toBe(200);
		const after = await scan(path.join(data.dir, 'events.geojson'), 'ev-000007');
		expect(after).toEqual({ count: N, summary: 'a big-store edit', first: FEATURE_LINES.header.trimEnd() });
	}, 300_000);

	it('leaves the previous state after kill -9 while the store is being rewritten, and the restarted server serves it', async () => {
		const file = path.join(data.dir, 'events.geojson');
		const before = await fileSha(file);
		const req = patch('ev-000011', 'killed mid-write').catch(() => null);
		await tempFileGrowing(data.dir, 'events.geojson');
		await server.stop('SIGKILL');
		await req;
		server = await startAppServer({ geodataDir: data.dir, env: { NODE_OPTIONS } });
		const now = await scan(file, 'ev-000011');
		expect(await fileSha(file)).toBe(before); // killed before the commit point: the old state, whole
		expect(now.count).toBe(N);
		expect(now.summary).toBe('Migrants gather at the border');
		expect(readdirSync(data.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]); // the dead writer's temp is gone
		const res = await fetch(`${server.url}/api/data`, { method: 'HEAD' });
		expect(res.status).toBe(200);
	}, 300_000);
});
