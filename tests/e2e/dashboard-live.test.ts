// The dashboard joined to the editing pages, in real Chromium: header and panel links, READ_ONLY, live data
// (changes made elsewhere appear without a reload), and article-provided text that stays inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyGeodata, launchBrowser, openPage, startServer, waitForMapIdle, type AppServer, type WatchedPage } from './harness';
import { sampleEvent } from '../unit/http-fixtures';
import type { EventCollection, EventFeature } from '../../src/lib/domain/event';

const RLO = '\u202E';
// An article whose metadata and text try to reorder the page and to run script; its event has a javascript: link.
const HOSTILE_ARTICLE = `---
title: "Minsk ${RLO}gnp.exe <img src=x onerror=window.__pwned=1>"
publisher: "Evil ${RLO}Press"
published: 2021-11-09
language: en
---
Protest near Grodno on Monday. ${RLO}txet desrever <script>window.__pwned=2</script>
`;
const HOSTILE = sampleEvent('hostile-1', {
	summary: `Evil ${RLO}gnp.exe <img src=x onerror="window.__pwned=3">`,
	source_id: 'hostile',
	source_title: `Minsk ${RLO}gnp.exe`,
	source_publisher: `Evil ${RLO}Press`,
	source_url: 'javascript:window.__pwned=4',
	place_name: `Hrodna${RLO}`,
	actors: [`${RLO}<svg onload=alert(1)>`, 'Poland'],
	evidence: 'Protest near Grodno on Monday.',
	evidence_start: 0,
	evidence_end: 30
});

const STALE_TEMP = `.events.geojson.${spawnSync(process.execPath, ['-e', '']).pid}.00112233aabb.tmp`;
let data: { dir: string; remove(): void };
let all: EventCollection['features'];
let server: AppServer;
let browser: Browser;
const pages: WatchedPage[] = [];

async function open(query = '', srv = server): Promise<Page> {
	const w = await openPage(browser);
	pages.push(w);
	await w.page.goto(`${srv.url}/${query}`);
	await waitForMapIdle(w.page);
	// Marks this document: if it is still there later, nothing reloaded the page.
	await w.page.evaluate(() => ((window as unknown as { __same: number }).__same = 1));
	return w.page;
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __same?: number }).__same === 1);
const headerCount = async (page: Page) => Number(await page.getByTestId('header-count').textContent());
const rowSummary = (page: Page, id: string) => page.locator(`li[data-event-id="${id}"] .summary`).textContent();

/** A correction through the API, as another tab, an import or a script would make it (no browser, no Origin). */
async function patchSummary(id: string, summary: string): Promise<void> {
	const { version } = (await (await fetch(`${server.url}/api/history/${id}`)).json()) as { version: string };
	const res = await fetch(`${server.url}/api/corrections/${id}`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json', 'if-match': version },
		body: JSON.stringify({ author: 'Bob', set: { summary } })
	});
	expect(res.status, await res.text()).toBe(200);
}

async function addEvent(feature: EventFeature): Promise<void> {
	const res = await fetch(`${server.url}/api/corrections`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ op: 'add', author: 'Bob', feature })
	});
	expect(res.status, await res.text()).toBe(201);
}

beforeAll(async () => {
	data = copyGeodata();
	const file = path.join(data.dir, 'events.geojson');
	const events = JSON.parse(readFileSync(file, 'utf8')) as EventCollection;
	events.features.push(HOSTILE);
	writeFileSync(file, JSON.stringify(events));
	writeFileSync(path.join(data.dir, 'articles', 'hostile.md'), HOSTILE_ARTICLE);
	// What a writer killed mid-write (kill -9) leaves behind: the server clears it at start.
	writeFileSync(path.join(data.dir, STALE_TEMP), '{"type":"FeatureCollection","feat');
	all = events.features;
	[server, browser] = await Promise.all([startServer({ geodataDir: data.dir }), launchBrowser()]);
});

afterAll(async () => {
	for (const w of pages) await w.context.close().catch(() => {});
	await browser?.close();
	await server?.stop();
	data?.remove();
});

describe('dashboard ↔ editing pages', () => {
	it('the header offers "Add an article" and "Import", and each opens its page', async () => {
		const page = await open();
		const add = page.getByRole('link', { name: 'Add an article' });
		const imp = page.getByRole('link', { name: 'Import' });
		expect([await add.getAttribute('href'), await imp.getAttribute('href')]).toEqual(['/add', '/import']);
		await add.click();
		await page.waitForURL(`${server.url}/add`);
		await page.waitForSelector('[data-testid=article-text]');
		await page.goBack();
		await waitForMapIdle(page);
		await page.getByRole('link', { name: 'Import' }).click();
		await page.waitForURL(`${server.url}/import`);
		expect(await page.locator('h1').textContent()).toMatch(/import/i);
	});

	it('"Correct this event" opens /edit/<id>, and "← Map" there returns to the map with that event selected', async () => {
		const target = all[0]!.properties;
		const page = await open(`?sel=${encodeURIComponent(target.id)}`);
		await page.getByTestId('correct-link').click();
		await page.waitForURL(`${server.url}/edit/${target.id}`);
		await page.waitForSelector('[data-testid=edit-type]');
		expect(await page.inputValue('[data-testid=edit-summary]')).toBe(target.summary);
		await page.getByTestId('back-to-map').click();
		await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('sel') === target.id);
		await expect.poll(() => page.locator('[data-testid=source-panel] h2').textContent()).toBe(target.summary);
		expect(await page.locator(`li[data-event-id="${target.id}"]`).getAttribute('aria-selected')).toBe('true');
	});

	it('a correction made elsewhere (through the API) appears on the open dashboard without a reload', async () => {
		const target = all[1]!.properties;
		const page = await open(`?sel=${encodeURIComponent(target.id)}`);
		const before = page.url();
		expect(await rowSummary(page, target.id)).toBe(target.summary);
		await patchSummary(target.id, 'Corrected elsewhere by Bob');
		// The page polls every 20 s; give it two rounds.
		await expect.poll(() => rowSummary(page, target.id), { timeout: 45_000, interval: 500 }).toBe('Corrected elsewhere by Bob');
		expect(await page.locator('[data-testid=source-panel] h2').textContent()).toBe('Corrected elsewhere by Bob');
		expect(await sameDocument(page)).toBe(true);
		expect(page.url()).toBe(before); // the view (selection) is kept
	});

	it('a save in the dashboard\'s own editor shows at once, and a later data change keeps an unsaved draft', async () => {
		const target = all[2]!.properties;
		const page = await open(`?sel=${encodeURIComponent(target.id)}`);
		await page.waitForSelector('[data-testid=event-editor][data-version^=\'"\']');
		await page.fill('[data-testid=author]', 'Ann');
		await page.fill('[data-testid=edit-summary]', 'Corrected in the panel');
		await page.click('[data-testid=edit-save]');
		await page.waitForSelector('[data-testid=edit-status]:has-text("Saved.")');
		// The editor announces the change (conflictmap:datachanged): the list refreshes without waiting for a poll.
		await expect.poll(() => rowSummary(page, target.id), { timeout: 10_000 }).toBe('Corrected in the panel');

		// Fresh data must not wipe what the analyst is typing.
		await page.fill('[data-testid=edit-summary]', 'Half-typed draft');
		const n = await headerCount(page);
		await addEvent(sampleEvent('live-added-1', { summary: 'Added by an import' }));
		await page.evaluate(() => window.dispatchEvent(new CustomEvent('conflictmap:datachanged')));
		await expect.poll(() => headerCount(page), { timeout: 45_000 }).toBe(n + 1);
		expect(await page.inputValue('[data-testid=edit-summary]')).toBe('Half-typed draft');
		expect(await sameDocument(page)).toBe(true);
	});

	it('with READ_ONLY=1 the dashboard offers no add, import or correct link and no editor', async () => {
		const ro = await startServer({ geodataDir: data.dir, env: { READ_ONLY: '1' } });
		let page: Page | null = null;
		try {
			const target = all[0]!.properties;
			const shown = (page = await open(`?sel=${encodeURIComponent(target.id)}`, ro));
			await shown.waitForSelector('[data-testid=source-panel]');
			// The read-write server shows the same links, so their absence here is the flag's doing.
			const hrefs = await shown.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
			expect(hrefs.filter((h) => h === '/add' || h === '/import' || h.startsWith('/edit/'))).toEqual([]);
			await expect.poll(() => shown.getByTestId('full-article').count()).toBe(1); // shown once the article is there
			await shown.waitForTimeout(500); // the editor module loads lazily: give it the chance to (wrongly) appear
			expect(await shown.locator('[data-testid=event-editor]').count()).toBe(0);
		} finally {
			await page?.context().close(); // before its server goes: its next poll would log a refused connection
			await ro.stop();
		}
	});

	it('hostile article text stays text: no javascript: link, no bidi override, no injected element', async () => {
		const page = await open(`?sel=${HOSTILE.properties.id}`);
		const panel = page.getByTestId('source-panel');
		await panel.waitFor();
		const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
		expect(await page.getByTestId('original-link').count()).toBe(0);
		const text = (await panel.textContent())!;
		expect(text).toContain('<img src=x onerror="window.__pwned=3">');
		expect(text).toContain('<svg onload=alert(1)>');
		expect(text).not.toContain(RLO);
		expect(await panel.locator('img, svg[onload], script').count()).toBe(0);
		expect(await page.getByTestId('source-title').textContent()).toBe('Minsk gnp.exe');

		// The full article: title, publisher and text keep no override either; the evidence is still highlighted.
		await page.getByTestId('full-article').click();
		await page.waitForURL(/\/sources\/hostile/);
		expect(await page.locator('h1').textContent()).toBe('Minsk gnp.exe <img src=x onerror=window.__pwned=1>');
		const body = (await page.locator('main').textContent())!;
		expect(body).not.toContain(RLO);
		expect(body).toContain('<script>window.__pwned=2</script>');
		expect(await page.locator('mark').first().textContent()).toBe('Protest near Grodno on Monday.');
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
	});

	it('the server cleared, at start, the temp file an interrupted write had left in the data folder', () => {
		expect(existsSync(path.join(data.dir, STALE_TEMP))).toBe(false);
		expect(existsSync(path.join(data.dir, 'events.geojson'))).toBe(true);
	});

	it('an events download that breaks off leaves the map up and says so, with no uncaught error', async () => {
		const w = await openPage(browser);
		pages.push(w);
		await w.page.route('**/api/data', (route) =>
			route.fulfill({ status: 200, headers: { 'content-type': 'application/geo+json', etag: '"cut"' }, body: '{"type":"FeatureCollection","features":[{"type":' })
		);
		await w.page.goto(`${server.url}/`);
		await expect.poll(() => w.page.getByTestId('load-error').textContent()).toContain('The events could not be loaded');
		await waitForMapIdle(w.page);
		expect(await w.page.locator('.maplibregl-canvas').count()).toBe(1);
		expect(await w.page.getByTestId('header-count').textContent()).toBe('0');
	});

	it('the pages made no request off the machine and logged no error', () => {
		expect(pages.flatMap((w) => w.external)).toEqual([]);
		expect(pages.flatMap((w) => w.errors).filter((e) => !/favicon/.test(e))).toEqual([]);
	});
});
