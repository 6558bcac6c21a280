// An analyst in Chromium adds a saved web page on /add: the page's own title and the events the pipeline finds are
// offered for review, saving stores it, and its "Full article" page shows the extracted story; a feed dropped on the
// form offers its readable item and names the bad one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { EventCollection } from '$lib/domain/event';
import { copyGeodata, launchBrowser, openPage, ROOT, startServer, type AppServer } from './harness';

const PAGE = path.join(ROOT, 'tests/fixtures/inputs/saved-page.html');
const FEED = path.join(ROOT, 'tests/fixtures/uploads/two-items.rss');
const TITLE = 'Poland sends more troops to Belarus border after night of crossings';

let data: ReturnType<typeof copyGeodata>;
let server: AppServer;
let browser: Browser;
beforeAll(async () => {
	data = copyGeodata();
	[server, browser] = await Promise.all([startServer({ geodataDir: data.dir }), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	data?.remove();
});

describe('adding a saved page or feed in the browser', () => {
	it('uploads a saved page, shows its extracted title, text and events, saves it, and opens its full article', async () => {
		const { page, errors, external, context } = await openPage(browser);
		await page.goto(`${server.url}/add`);
		await page.setInputFiles('[data-testid=article-file]', PAGE);
		await page.waitForSelector('[data-testid=file-article] li[data-event-id]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid=file-article-title]')).toBe(TITLE);
		expect(await page.inputValue('[data-testid=meta-title]')).toBe(TITLE);
		expect(await page.inputValue('[data-testid=meta-published]')).toBe('2021-11-09');
		expect(await page.inputValue('[data-testid=meta-publisher]')).toBe('Eastern Desk');
		expect(await page.inputValue('[data-testid=meta-url]')).toBe('https://eastern-desk.example/world/2021/11/09/poland-troops-belarus-border');
		const text = (await page.textContent('[data-testid=extracted-text]'))!;
		expect(text.startsWith('Poland deployed thousands of additional soldiers')).toBe(true);
		expect(text).not.toMatch(/cookies|Accept all|ADVERTISEMENT|Related stories/);
		const evidence = await page.$$eval('[data-testid=file-article] li[data-event-id] blockquote', (els) => els.map((e) => e.textContent ?? ''));
		expect(evidence.length).toBeGreaterThan(0);
		for (const e of evidence) expect(text).toContain(e);
		await page.waitForFunction(() => !!(window as unknown as { __editMap?: { loaded(): boolean } }).__editMap?.loaded());
		await page.screenshot({ path: path.join(process.env.ADD_SHOTS ?? data.dir, 'add-file-review.png'), fullPage: true });

		await page.fill('[data-testid=author]', 'Ann');
		await page.click('[data-testid=save-file-article]');
		await page.waitForSelector('[data-testid=file-saved]');
		const events = JSON.parse(readFileSync(path.join(data.dir, 'events.geojson'), 'utf8')) as EventCollection;
		expect(events.features.filter((f) => f.properties.source_id === 'saved-page')).toHaveLength(evidence.length);

		await page.click('[data-testid=full-article]');
		await page.waitForURL(/\/sources\/saved-page/);
		expect(await page.textContent('h1')).toBe(TITLE);
		expect(await page.textContent('.body')).toContain('The Polish defence ministry said that about 12,000 troops');
		expect(await page.$$('.body mark')).toHaveLength(evidence.length);
		expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
		expect(external).toEqual([]);
		await context.close();
	});

	it('takes a feed dropped on the form: offers its readable item, names the item without text, and saves all that can be saved', async () => {
		const { page, context } = await openPage(browser);
		await page.goto(`${server.url}/add`);
		const transfer = await page.evaluateHandle((xml) => {
			const dt = new DataTransfer();
			dt.items.add(new File([xml], 'two-items.rss', { type: 'application/rss+xml' }));
			return dt;
		}, readFileSync(FEED, 'utf8'));
		// A drop before the page has hydrated reaches no handler (a file input keeps its file; a drop is gone): drop
		// again until the page takes it.
		for (let attempt = 0; ; attempt++) {
			await page.dispatchEvent('[data-testid=article-form]', 'drop', { dataTransfer: transfer });
			try {
				await page.waitForSelector('[data-testid=file-article]', { timeout: 10_000 });
				break;
			} catch (err) {
				if (attempt >= 4) throw err;
			}
		}
		expect(await page.textContent('[data-testid=file-article-title]')).toBe('Polish troops sent to Kuznica crossing');
		expect(await page.textContent('[data-testid=file-failed]')).toMatch(/two-items\.rss: item 2: body: is empty/);
		if (process.env.ADD_SHOTS) {
			await page.waitForFunction(() => !!(window as unknown as { __editMap?: { loaded(): boolean } }).__editMap?.loaded());
			await page.screenshot({ path: path.join(process.env.ADD_SHOTS, 'add-feed.png'), fullPage: true });
		}
		await page.fill('[data-testid=author]', 'Ann');
		await page.click('[data-testid=save-all]');
		await page.waitForSelector('[data-testid=file-saved]');
		const events = JSON.parse(readFileSync(path.join(data.dir, 'events.geojson'), 'utf8')) as EventCollection;
		expect(events.features.some((f) => f.properties.source_title === 'Polish troops sent to Kuznica crossing')).toBe(true);
		await context.close();
	});
});
