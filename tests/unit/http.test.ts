// The edit endpoints over real HTTP (the built server): nothing lost, stale edits refused, bad input refused
// with a clear error and the stored data unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrectionLog } from '$lib/domain/corrections';
import type { EventCollection } from '$lib/domain/event';
import { manyEvents, sampleEvent, serveData, type DataServer } from './http-fixtures';

let ds: DataServer;
const N = 25;

beforeAll(async () => {
	ds = await serveData(manyEvents(N));
});
afterAll(() => ds?.close());

const url = (p: string) => ds.server.url + p;
const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
	method,
	headers: { 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body)
});
async function state(id: string) {
	return (await (await fetch(url(`/api/history/${id}`))).json()) as { version: string; event: { properties: Record<string, unknown> }; history: unknown[] };
}
async function expectRefused(res: Response, status: number, message: RegExp, before: ReturnType<DataServer['files']>) {
	const body = (await res.json()) as { error: string };
	expect(res.status, body.error).toBe(status);
	expect(body.error).toMatch(message);
	expect(ds.files()).toEqual(before);
}

describe('edits over HTTP', () => {
	it('keeps all of 25 concurrent PATCHes from different analysts', async () => {
		const ids = manyEvents(N).map((f) => f.properties.id);
		const versions = await Promise.all(ids.map(async (id) => (await state(id)).version));
		const answers = await Promise.all(
			ids.map((id, i) => fetch(url(`/api/corrections/${id}`), json('PATCH', { author: `analyst ${i}`, set: { summary: `fixed by ${i}` } }, { 'if-match': versions[i]! })))
		);
		expect(answers.map((r) => r.status)).toEqual(ids.map(() => 200));
		const events = JSON.parse(ds.files().events) as EventCollection;
		const log = JSON.parse(ds.files().log!) as CorrectionLog;
		expect(log.corrections).toHaveLength(N);
		const byId = new Map(events.features.map((f) => [f.properties.id, f.properties.summary]));
		ids.forEach((id, i) => expect(byId.get(id)).toBe(`fixed by ${i}`));
	});

	it('refuses an edit based on a stale version with 412 and a clear message, data unchanged', async () => {
		const id = 'ev-000001';
		const { version } = await state(id);
		expect((await fetch(url(`/api/corrections/${id}`), json('PATCH', { author: 'A', set: { event_type: 'PROTEST' } }, { 'if-match': version }))).status).toBe(200);
		const before = ds.files();
		const res = await fetch(url(`/api/corrections/${id}`), json('PATCH', { author: 'B', set: { event_type: 'ASSAULT' } }, { 'if-match': version }));
		await expectRefused(res, 412, /changed by someone else since you opened it/, before);
	});

	it('asks for the base version (428) when an edit names none', async () => {
		const before = ds.files();
		await expectRefused(await fetch(url('/api/corrections/ev-000002'), json('PATCH', { author: 'A', set: { summary: 'x' } })), 428, /If-Match/, before);
	});

	it('refuses bad edits naming the field: out-of-range point, uneditable field, no author, unknown event', async () => {
		const { version } = await state('ev-000003');
		const before = ds.files();
		const h = { 'if-match': version };
		await expectRefused(await fetch(url('/api/corrections/ev-000003'), json('PATCH', { author: 'A', set: { coordinates: [10, 100] } }, h)), 400, /latitude.*out of range/, before);
		await expectRefused(await fetch(url('/api/corrections/ev-000003'), json('PATCH', { author: 'A', set: { evidence: '<script>' } }, h)), 400, /"evidence": cannot be edited/, before);
		await expectRefused(await fetch(url('/api/corrections/ev-000003'), json('PATCH', { set: { summary: 'x' } }, h)), 400, /set your name/, before);
		await expectRefused(await fetch(url('/api/corrections/nope'), json('PATCH', { author: 'A', set: { summary: 'x' } }, h)), 409, /no longer exists/, before);
		await expectRefused(await fetch(url('/api/corrections/ev-000003'), { method: 'PATCH', headers: { 'content-type': 'application/json', ...h }, body: '{"author":' }), 400, /not valid UTF-8 JSON/, before);
	});

	it('refuses a PATCH or an add whose event would not conform to the schema, naming the field', async () => {
		const { version } = await state('ev-000004');
		const before = ds.files();
		const patch = await fetch(url('/api/corrections/ev-000004'), json('PATCH', { author: 'A', set: { summary: 'red\u001b[31m' } }, { 'if-match': version }));
		expect(await patch.clone().json()).toMatchObject({ field: 'properties.summary' });
		await expectRefused(patch, 400, /control character \(U\+001B\)/, before);
		const f = sampleEvent('ev-unknown-field');
		const add = await fetch(url('/api/corrections'), json('POST', { op: 'add', author: 'A', feature: { ...f, properties: { ...f.properties, colour: 'red' } } }));
		expect(await add.clone().json()).toMatchObject({ field: 'feature.properties.colour' });
		await expectRefused(add, 400, /not a property of an event/, before);
	});

	it('deletes, shows the history and undoes the deletion', async () => {
		const id = 'ev-000004';
		const { version } = await state(id);
		const del = await fetch(url(`/api/corrections/${id}`), json('DELETE', { author: 'Ann' }, { 'if-match': version }));
		expect(del.status).toBe(200);
		expect((JSON.parse(ds.files().events) as EventCollection).features.some((f) => f.properties.id === id)).toBe(false);
		const hist = (await (await fetch(url(`/api/history/${id}`))).json()) as { event: unknown; history: { id: string; op: string; author: string }[] };
		expect(hist.event).toBeNull();
		expect(hist.history.map((c) => [c.op, c.author])).toEqual([
			['patch', 'analyst 4'],
			['drop', 'Ann']
		]);
		const undo = await fetch(url('/api/corrections'), json('POST', { op: 'undo', author: 'Bob', undoes: hist.history[1]!.id }));
		expect(undo.status).toBe(200);
		expect((JSON.parse(ds.files().events) as EventCollection).features.find((f) => f.properties.id === id)!.properties.summary).toBe('fixed by 4');
	});
});

describe('imports over HTTP', () => {
	const post = (name: string, body: BodyInit, mode = 'preview', author = 'Ann') =>
		fetch(url(`/api/import?name=${encodeURIComponent(name)}&mode=${mode}&author=${author}`), { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });

	it('refuses binary, non-UTF-8, wrong-type and empty uploads with the reason, data unchanged', async () => {
		const before = ds.files();
		await expectRefused(await post('x.geojson', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), 'merge'), 400, /binary file/, before);
		await expectRefused(await post('x.csv', new Uint8Array([0x61, 0x2c, 0xff, 0xfe]), 'merge'), 400, /not valid UTF-8/, before);
		await expectRefused(await post('x.exe', 'MZ', 'merge'), 415, /not a \.geojson, \.json or \.csv file/, before);
		await expectRefused(await post('x.json', '', 'merge'), 400, /is empty/, before);
	});

	it('refuses a GeoJSON with a bad feature (422), naming feature and field, and merges nothing', async () => {
		const before = ds.files();
		const bad = { type: 'FeatureCollection', features: [sampleEvent('imp-ok'), sampleEvent('imp-bad', {}, [181, 0]), { ...sampleEvent('imp-x'), extra: 1, properties: { ...sampleEvent('imp-x').properties, colour: 'red' } }] };
		const res = await post('colleague.geojson', JSON.stringify(bad), 'merge');
		const body = (await res.clone().json()) as { errors: { feature: number; field: string }[] };
		await expectRefused(res, 422, /problem\(s\) in "colleague\.geojson"; nothing was imported.*Feature 1/, before);
		expect(body.errors.map((e) => [e.feature, e.field])).toEqual([
			[1, 'geometry.coordinates[0] (longitude)'],
			[2, 'properties.colour']
		]);
	});

	it('previews, merges, and skips duplicates (same source + place + date) on a second merge', async () => {
		const features = [sampleEvent('imp-a', { source_id: 'colleague' }), sampleEvent('imp-b', { source_id: 'colleague', date: '2021-11-20', date_start: '2021-11-20', date_end: '2021-11-20' })];
		const text = JSON.stringify({ type: 'FeatureCollection', features });
		const before = ds.files();
		const preview = (await (await post('c.geojson', text)).json()) as { fresh_count: number; preview: unknown[] };
		expect(preview.fresh_count).toBe(2);
		expect(ds.files()).toEqual(before);
		const merged = await post('c.geojson', text, 'merge');
		expect(merged.status).toBe(201);
		expect(((await merged.json()) as { added: number }).added).toBe(2);
		const again = (await (await post('c.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ ...features[0], properties: { ...features[0]!.properties, id: 'imp-a2' } }] }), 'merge')).json()) as { added: number; duplicate_count: number };
		expect(again).toMatchObject({ added: 0, duplicate_count: 1 });
		expect((JSON.parse(ds.files().events) as EventCollection).features.filter((f) => f.properties.source_id === 'colleague')).toHaveLength(2);
	});

	it('applies a retried merge with the same Idempotency-Key once and answers it as the first time', async () => {
		const text = JSON.stringify({ type: 'FeatureCollection', features: [sampleEvent('imp-retry', { source_id: 'retry', summary: 'Retried import' })] });
		const merge = () =>
			fetch(url('/api/import?name=r.geojson&mode=merge&author=Ann'), { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'idempotency-key': 'import-retry-1' }, body: text });
		const first = await merge();
		const again = await merge();
		expect([first.status, again.status]).toEqual([201, 201]);
		expect(((await again.json()) as { added: number }).added).toBe(((await first.json()) as { added: number }).added);
		const log = JSON.parse(ds.files().log!) as CorrectionLog;
		expect(log.corrections.filter((c) => c.event_id === 'imp-retry')).toHaveLength(1);
		const before = ds.files();
		const bad = await fetch(url('/api/import?name=r.geojson&mode=merge&author=Ann'), { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'idempotency-key': 'a b' }, body: text });
		await expectRefused(bad, 400, /Idempotency-Key/, before);
	});

	it('imports an ACLED-style CSV', async () => {
		const csv = 'event_id_cnty,event_date,event_type,sub_event_type,iso,location,latitude,longitude,source,notes\nBLR9,2021-08-09,Protests,Peaceful protest,112,Minsk,53.9,27.56,Viasna,Post-election protest\n';
		const res = await post('acled.csv', csv, 'merge');
		expect(res.status).toBe(201);
		const ev = (JSON.parse(ds.files().events) as EventCollection).features.find((f) => f.properties.id === 'acled-BLR9');
		expect(ev?.properties).toMatchObject({ event_type: 'PROTEST', country_codes: ['BLR'], date: '2021-08-09' });
	});
});

describe('articles over HTTP', () => {
	const article = {
		title: 'Protest <img src=x onerror=alert(1)>',
		published: '2021-08-12',
		language: 'en',
		url: 'https://example.org/a',
		text: 'Thousands of protesters marched in Minsk on Sunday against the election result.\n\nPolish troops were deployed to the Belarus border on Monday.\n'
	};

	it('extracts events for review without storing anything', async () => {
		const before = ds.files();
		const res = await fetch(url('/api/articles'), json('POST', { action: 'extract', ...article }));
		const body = (await res.json()) as { events: { properties: { evidence: string; source_title: string } }[]; source_id: string };
		expect(res.status).toBe(200);
		expect(body.events.length).toBeGreaterThan(0);
		expect(body.events[0]!.properties.source_title).toBe(article.title);
		expect(ds.files()).toEqual(before);
	});

	it('saves the article with accepted events added and rejected ones recorded as drops', async () => {
		const ex = (await (await fetch(url('/api/articles'), json('POST', { action: 'extract', ...article }))).json()) as { events: { properties: { id: string } }[]; source_id: string };
		const [first, ...rest] = ex.events;
		const res = await fetch(url('/api/articles'), json('POST', { action: 'save', author: 'Ann', ...article, accepted: [{ id: first!.properties.id, set: { event_type: 'PROTEST' } }] }));
		expect(res.status).toBe(201);
		expect(await res.json()).toMatchObject({ source_id: ex.source_id, added: 1, rejected: rest.length });
		const stored = (JSON.parse(ds.files().events) as EventCollection).features.filter((f) => f.properties.source_id === ex.source_id);
		expect(stored.map((f) => [f.properties.id, f.properties.event_type])).toEqual([[first!.properties.id, 'PROTEST']]);
		const again = await fetch(url('/api/articles'), json('POST', { action: 'save', author: 'Ann', ...article, accepted: [] }));
		expect(again.status).toBe(409);
	});

	it('refuses bad articles: javascript: URL, bad date, control characters, empty text', async () => {
		const before = ds.files();
		const send = (over: object) => fetch(url('/api/articles'), json('POST', { action: 'save', author: 'A', accepted: [], ...article, ...over }));
		await expectRefused(await send({ url: 'javascript:alert(1)' }), 400, /url.*http\(s\)/, before);
		await expectRefused(await send({ published: 'yesterday' }), 400, /published/, before);
		await expectRefused(await send({ text: 'abc\u0000def' }), 400, /control character/, before);
		await expectRefused(await send({ text: '   ' }), 400, /empty/, before);
	});
});

describe('basemap tiles over HTTP (the built server)', () => {
	it('answers a tile of the pyramid as a vector tile MapLibre can cache, and anything else with a 404', async () => {
		const { VectorTile } = await import('@mapbox/vector-tile');
		const { PbfReader } = await import('pbf');
		const res = await fetch(url('/basemap/tiles/5/18/10'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
		expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
		const tile = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
		expect(Object.keys(tile.layers).sort()).toEqual(['borders', 'countries', 'country-labels', 'water']);
		for (const p of ['/basemap/tiles/11/0/0', '/basemap/tiles/5/32/0', '/basemap/tiles/5/1.5/0', '/basemap/tiles/x/0/0', '/basemap/tiles/5/0/-1'])
			expect((await fetch(url(p))).status, p).toBe(404);
	});
});

describe('compressed answers over HTTP (the built server)', () => {
	it('sends the basemap files, the page and an export compressed to a browser that accepts brotli, and as they are to one that does not', async () => {
		const { request } = await import('node:http');
		const head = (p: string, enc: string) =>
			new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
				request(url(p), { headers: { 'accept-encoding': enc } }, (res) => {
					res.resume();
					res.on('end', () => resolve(res.headers));
				})
					.on('error', reject)
					.end();
			});
		for (const p of ['/basemap/tiles/5/18/10', '/basemap/names.geojson', '/', '/api/events.csv']) {
			expect((await head(p, 'gzip, deflate, br'))['content-encoding'], p).toBe('br');
			expect((await head(p, 'identity'))['content-encoding'], p).toBeUndefined();
		}
	});
});
