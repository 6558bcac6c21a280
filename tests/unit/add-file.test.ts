// POST /api/articles with an uploaded saved page or feed ("extract-file", "save-file"): the file is read by the
// ingest's own inputs module, each article is offered for review with its extracted metadata and text, and a saved
// one is stored exactly where and as `npm run ingest` stores it, with its reviewed events committed to the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, copyFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EventCollection, EventFeature } from '../../src/lib/domain/event';
import { copyGeodata } from '../e2e/harness';
import { ingestPaths } from '../../src/lib/server/pipeline/ingest';
import { MAX_UPLOAD_BYTES } from '../../src/lib/server/inputs/upload';
import { fakeGazetteer } from '../fixtures/pipeline/fake-gazetteer';

type Post = (e: { request: Request; url: URL }) => Promise<Response>;
let POST: Post;
let data: ReturnType<typeof copyGeodata>;
const previous = process.env.GEODATA_DIR;

const PAGE = 'tests/fixtures/inputs/saved-page.html';
const FEED = 'tests/fixtures/uploads/two-items.rss';

interface Offered {
	item: string | null;
	source_id: string;
	exists: boolean;
	meta: { title: string; publisher: string | null; url: string | null; published: string | null; language: string };
	body: string;
	events: EventFeature[];
}
interface Extracted {
	file: string;
	failed: { item: string | null; reason: string }[];
	articles: Offered[];
}

beforeAll(async () => {
	data = copyGeodata();
	process.env.GEODATA_DIR = data.dir;
	({ POST } = (await import('../../src/routes/api/articles/+server')) as unknown as { POST: Post });
});
afterAll(() => {
	if (previous === undefined) delete process.env.GEODATA_DIR;
	else process.env.GEODATA_DIR = previous;
	data?.remove();
});

async function send(body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
	const url = new URL('http://localhost/api/articles');
	const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const res = await POST({ request, url });
	return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const file = async (p: string, name = path.basename(p)) => ({ name, data: (await readFile(p)).toString('base64') });
const bytesFile = (name: string, bytes: Uint8Array | string) => ({ name, data: Buffer.from(bytes).toString('base64') });

/** Every file of the data folder with its bytes, to tell that a refused request stored nothing. */
async function stored(dir = data.dir): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const f of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (f.isFile()) out[path.relative(dir, path.join(f.parentPath, f.name))] = await readFile(path.join(f.parentPath, f.name), 'utf8');
	}
	return out;
}

async function expectRefused(body: Record<string, unknown>, status: number, message: RegExp): Promise<void> {
	const before = await stored();
	const res = await send(body);
	expect(res.status).toBe(status);
	expect(String(res.json.error)).toMatch(message);
	expect(await stored()).toEqual(before);
}

describe('adding a saved page on /add', () => {
	it('offers the page as one article with its own title, date, publisher, language and canonical URL, and stores nothing', async () => {
		const before = await stored();
		const res = await send({ action: 'extract-file', file: await file(PAGE) });
		expect(res.status).toBe(200);
		const ex = res.json as unknown as Extracted;
		expect(ex.failed).toEqual([]);
		expect(ex.articles).toHaveLength(1);
		const a = ex.articles[0]!;
		expect(a).toMatchObject({ item: null, source_id: 'saved-page', exists: false });
		expect(a.meta).toMatchObject({
			title: 'Poland sends more troops to Belarus border after night of crossings',
			publisher: 'Eastern Desk',
			published: '2021-11-09', // the JSON-LD datePublished, as the publisher's day
			language: 'en',
			url: 'https://eastern-desk.example/world/2021/11/09/poland-troops-belarus-border'
		});
		expect(await stored()).toEqual(before);
	});

	it('extracts the story without the cookie banner, navigation, ads or related links, and every event quotes that text', async () => {
		const a = ((await send({ action: 'extract-file', file: await file(PAGE) })).json as unknown as Extracted).articles[0]!;
		expect(a.body.startsWith('Poland deployed thousands of additional soldiers')).toBe(true);
		expect(a.body).not.toMatch(/cookies|Accept all|Opinion|ADVERTISEMENT|Sponsored|Related stories|Share on|Subscribe now|All rights reserved/);
		expect(a.events.length).toBeGreaterThan(0);
		for (const f of a.events) {
			expect(a.body.slice(f.properties.evidence_start, f.properties.evidence_end)).toBe(f.properties.evidence);
			expect(f.properties.evidence).not.toMatch(/cookies|ADVERTISEMENT|Related stories/);
			expect(f.properties.source_id).toBe('saved-page');
		}
	});

	it('saves the reviewed article: the extracted text lands in articles/.extracted/ byte for byte as `npm run ingest` writes it, accepted events in events.geojson, rejected ones as drops', async () => {
		const a = ((await send({ action: 'extract-file', file: await file(PAGE) })).json as unknown as Extracted).articles[0]!;
		const [keep, ...reject] = a.events;
		const res = await send({ action: 'save-file', file: await file(PAGE), source_id: a.source_id, author: 'Ann', ...a.meta, accepted: [{ id: keep!.properties.id }] });
		expect(res.status).toBe(201);
		expect(res.json).toMatchObject({ source_id: 'saved-page', added: 1, rejected: reject.length });

		// The ingest, run on the same file into another folder, writes the same extracted text.
		const other = copyGeodata();
		try {
			const inbox = path.join(other.dir, 'inbox');
			await mkdir(inbox);
			await copyFile(PAGE, path.join(inbox, 'saved-page.html'));
			await ingestPaths([inbox], { out: path.join(other.dir, 'events.geojson'), gazetteer: fakeGazetteer() });
			const ingested = await readFile(path.join(other.dir, 'articles/.extracted/saved-page.md'), 'utf8');
			expect(await readFile(path.join(data.dir, 'articles/.extracted/saved-page.md'), 'utf8')).toBe(ingested);
		} finally {
			other.remove();
		}
		expect(existsSync(path.join(data.dir, 'articles/saved-page.md'))).toBe(false);
		const events = JSON.parse(await readFile(path.join(data.dir, 'events.geojson'), 'utf8')) as EventCollection;
		expect(events.features.filter((f) => f.properties.source_id === 'saved-page').map((f) => f.properties.id)).toEqual([keep!.properties.id]);
		const log = JSON.parse(await readFile(path.join(data.dir, 'corrections.json'), 'utf8')) as { corrections: { op: string; event_id: string; author: string }[] };
		const mine = log.corrections.filter((c) => a.events.some((f) => f.properties.id === c.event_id));
		expect(mine.map((c) => [c.op, c.author])).toEqual(a.events.map((f) => [f === keep ? 'add' : 'drop', 'Ann']));
	});

	it('keeps the saved page’s events and extracted text through a re-ingest of the articles folder', async () => {
		const before = await readFile(path.join(data.dir, 'articles/.extracted/saved-page.md'), 'utf8');
		const ids = (JSON.parse(await readFile(path.join(data.dir, 'events.geojson'), 'utf8')) as EventCollection).features.filter((f) => f.properties.source_id === 'saved-page').map((f) => f.properties.id);
		await ingestPaths([path.join(data.dir, 'articles')], { out: path.join(data.dir, 'events.geojson'), gazetteer: fakeGazetteer() });
		const after = JSON.parse(await readFile(path.join(data.dir, 'events.geojson'), 'utf8')) as EventCollection;
		expect(after.features.filter((f) => f.properties.source_id === 'saved-page').map((f) => f.properties.id)).toEqual(ids);
		expect(await readFile(path.join(data.dir, 'articles/.extracted/saved-page.md'), 'utf8')).toBe(before);
	});

	it('says an uploaded page is stored already, and refuses to save it twice without changing anything', async () => {
		const a = ((await send({ action: 'extract-file', file: await file(PAGE) })).json as unknown as Extracted).articles[0]!;
		expect(a.exists).toBe(true);
		await expectRefused({ action: 'save-file', file: await file(PAGE), source_id: 'saved-page', author: 'Ann', accepted: [] }, 409, /exists already/);
	});

	it('stores the analyst’s corrected metadata in the front matter and the events, keeping the extracted text', async () => {
		const page = await file(PAGE, 'corrected-page.html');
		const fix = { title: 'Troops to the border (corrected)', publisher: 'Eastern Desk Weekly', published: '2021-11-10' };
		const reviewed = await send({ action: 'extract-file', file: page, source_id: 'corrected-page', ...fix });
		const a = (reviewed.json as unknown as Extracted).articles[0]!;
		expect(a.meta).toMatchObject(fix);
		expect(a.events.every((f) => f.properties.source_title === fix.title)).toBe(true);
		const res = await send({ action: 'save-file', file: page, source_id: 'corrected-page', author: 'Ann', ...fix, accepted: a.events.map((f) => ({ id: f.properties.id })) });
		expect(res.status).toBe(201);
		const text = await readFile(path.join(data.dir, 'articles/.extracted/corrected-page.md'), 'utf8');
		expect(text).toMatch(/^---\ntitle: Troops to the border \(corrected\)\npublisher: Eastern Desk Weekly\n/);
		expect(text).toMatch(/\npublished: 2021-11-10\n/);
		expect(text).toMatch(/\nextracted_from: corrected-page\.html\n---\nPoland deployed thousands/);
	});
});

describe('adding a feed on /add', () => {
	it('offers each readable item with its own metadata and names the item without text by its number', async () => {
		const res = await send({ action: 'extract-file', file: await file(FEED) });
		expect(res.status).toBe(200);
		const ex = res.json as unknown as Extracted;
		expect(ex.articles.map((a) => [a.item, a.meta.title, a.meta.publisher, a.meta.published, a.meta.url])).toEqual([
			['item 1', 'Polish troops sent to Kuznica crossing', 'Frontier Wire', '2021-11-08', 'https://frontier-wire.example/2021/11/08/kuznica']
		]);
		expect(ex.articles[0]!.source_id).toMatch(/^two-items-[0-9a-f]{10}$/);
		expect(ex.articles[0]!.body).toBe('Poland deployed troops to the border crossing at Kuznica on Monday after migrants gathered on the Belarusian side.');
		expect(ex.failed).toEqual([{ item: 'item 2', reason: expect.stringMatching(/body: is empty/) }]);
	});

	it('saves one item of the feed under the source id the ingest gives it, leaving the other items unsaved', async () => {
		const feed = await file(FEED);
		const a = ((await send({ action: 'extract-file', file: feed })).json as unknown as Extracted).articles[0]!;
		const res = await send({ action: 'save-file', file: feed, source_id: a.source_id, author: 'Ann', accepted: a.events.map((f) => ({ id: f.properties.id })) });
		expect(res.status).toBe(201);
		expect(await readFile(path.join(data.dir, `articles/.extracted/${a.source_id}.md`), 'utf8')).toMatch(/\nextracted_from: two-items\.rss\n---\nPoland deployed troops/);
		await expectRefused({ action: 'save-file', file: feed, source_id: 'two-items-0000000000', author: 'Ann', accepted: [] }, 400, /two-items\.rss.*no readable article.*item 2: body: is empty/);
	});
});

describe('refused uploads on /add', () => {
	it('refuses a file that is neither a page nor a feed by its name, naming the file', async () => {
		await expectRefused({ action: 'extract-file', file: bytesFile('report.pdf', '%PDF-1.4') }, 400, /“report\.pdf” is not a saved web page .*feed/);
	});

	it('refuses an .xml file that is not a feed, naming the file', async () => {
		await expectRefused({ action: 'extract-file', file: bytesFile('sitemap.xml', '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>') }, 400, /sitemap\.xml: is not an RSS 2\.0 or Atom feed/);
	});

	it('refuses a page whose bytes are not in the encoding it declares, naming the file and the encoding', async () => {
		const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="utf-8"></head><body><p>Minsk '), Buffer.from([0xe9, 0xff]), Buffer.from(' protest</p></body></html>')]);
		await expectRefused({ action: 'extract-file', file: bytesFile('broken.html', bytes) }, 400, /broken\.html: encoding: is not valid utf-8/i);
	});

	it('answers 413 naming BODY_SIZE_LIMIT when the server’s own body limit (adapter-node’s 512 KB default) stops an upload', async () => {
		const url = new URL('http://localhost/api/articles');
		const body = new ReadableStream({ pull: (c) => c.error(new Error('Content-length of 1200194 exceeds limit of 524288 bytes.')) });
		const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
		const res = await POST({ request, url });
		expect(res.status).toBe(413);
		expect(((await res.json()) as { error: string }).error).toMatch(/BODY_SIZE_LIMIT/);
	});

	it('refuses a file over the upload limit, naming the file and the limit', async () => {
		const big = `<html><body><p>${'x'.repeat(MAX_UPLOAD_BYTES)}</p></body></html>`;
		await expectRefused({ action: 'extract-file', file: bytesFile('big.html', big) }, 400, /“big\.html” is 1\.0 MB; files up to 1 MB are accepted/);
	});
});
