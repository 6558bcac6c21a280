// The analysis view in Chromium: reached from the dashboard with its filters, totals equal to the dashboard
// list's count, a country row and a chart bar that narrow the filter in the URL, and back to the map with the
// filter kept; Back undoes a click; an Arabic name laid out right to left; screenshots on screen, printed and on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyGeodata, launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';
import type { EventCollection, EventFeature } from '../../src/lib/domain/event';
import { filterEvents, type EventFilter } from '../../src/lib/domain/filter';
import { sampleEvent } from '../unit/http-fixtures';

const SHOTS = path.join(ROOT, 'test-results');
const LUKASHENKO = 'Alexander Lukashenko';
const ARABIC_ACTOR = 'المتظاهرون في مينسك';
const QUERY = `actor=${encodeURIComponent(LUKASHENKO)}&from=2020-06-01&to=2022-12-31`;
const FILTER: EventFilter = { actors: [LUKASHENKO], from: '2020-06-01', to: '2022-12-31' };

let data: ReturnType<typeof copyGeodata>;
let events: EventFeature[];
let server: AppServer;
let browser: Browser;
let watched: WatchedPage;

const count = (filter: EventFilter) => filterEvents(events, filter).length;
const text = async (page: Page, testid: string) => (await page.getByTestId(testid).textContent())!.trim();

beforeAll(async () => {
	data = copyGeodata();
	// One event with an Arabic actor among the filtered ones, to see a right-to-left name in a row.
	const file = path.join(data.dir, 'events.geojson');
	const collection = JSON.parse(readFileSync(file, 'utf8')) as EventCollection;
	const base = collection.features.find((e) => e.properties.actors.includes(LUKASHENKO) && e.properties.date_start === '2020-08-15')!;
	collection.features.push({ ...base, properties: { ...base.properties, id: 'ev-00000000a1ab', actors: [LUKASHENKO, ARABIC_ACTOR], language: 'ar' } });
	writeFileSync(file, JSON.stringify(collection));
	events = collection.features as EventFeature[];
	mkdirSync(SHOTS, { recursive: true });
	[server, browser] = await Promise.all([startServer({ geodataDir: data.dir }), launchBrowser()]);
	watched = await openPage(browser, { width: 1280, height: 900 });
});

afterAll(async () => {
	await watched?.context.close().catch(() => {});
	await browser?.close();
	await server?.stop();
	data?.remove();
});

describe('analysis view', () => {
	it('opens from the dashboard with its filters, and its totals are the dashboard list’s count', async () => {
		const { page } = watched;
		const expected = count(FILTER);
		expect(expected).toBeGreaterThan(3);
		expect(expected).toBeLessThan(events.length);
		await page.goto(`${server.url}/?${QUERY}`);
		await waitForMapIdle(page);
		await expect.poll(() => text(page, 'visible-count')).toBe(String(expected));
		await page.getByTestId('analysis-link').click();
		await page.waitForURL((u) => u.pathname === '/analysis');
		const url = new URL(page.url());
		expect(url.searchParams.get('actor')).toBe(LUKASHENKO);
		expect(url.searchParams.get('from')).toBe('2020-06-01');
		await expect.poll(() => text(page, 'total-events')).toBe(String(expected));
		const sources = new Set(filterEvents(events, FILTER).map((e) => e.properties.source_id));
		expect(await text(page, 'total-sources')).toBe(String(sources.size));

		// The chart: month bars over the window, stacked in the legend's colours; the Arabic actor reads right to left.
		const bars = page.getByTestId('chart-bar');
		expect(await bars.count()).toBeGreaterThan(2);
		expect(await page.locator('.legend .swatch').count()).toBe(new Set(filterEvents(events, FILTER).map((e) => e.properties.event_type)).size);
		// Ten rows, then the rest on request (the Arabic actor, with one event, sorts among the last).
		const actors = page.getByTestId('list-actors');
		expect(await actors.locator('a.row').count()).toBe(10);
		await actors.locator('button.more').click();
		expect(await actors.locator('a.row').count()).toBe(new Set(filterEvents(events, FILTER).flatMap((e) => e.properties.actors)).size);
		const arabic = page.locator(`[data-testid=list-actors] a[data-value="${ARABIC_ACTOR}"] .name`);
		expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
		await page.screenshot({ path: path.join(SHOTS, 'analysis-1280.png'), fullPage: true });
		await page.emulateMedia({ media: 'print' });
		await page.screenshot({ path: path.join(SHOTS, 'analysis-print.png'), fullPage: true });
		await page.emulateMedia({ media: 'screen' });
	});

	it('a country row adds that country to the filter in the URL; the row is a link the keyboard reaches', async () => {
		const { page } = watched;
		const row = page.locator('[data-testid=list-countries] a[data-value=RUS]');
		expect(await row.evaluate((el) => el.tagName)).toBe('A');
		await row.click();
		await page.waitForURL((u) => u.searchParams.get('country') === 'RUS');
		const narrowed = { ...FILTER, countries: ['RUS'] };
		await expect.poll(() => text(page, 'total-events')).toBe(String(count(narrowed)));
		expect(await page.locator('[data-testid=list-countries] a.on').getAttribute('data-value')).toBe('RUS');
		expect(new URL(page.url()).searchParams.get('actor')).toBe(LUKASHENKO); // the filters it had are kept
		// Each click is a step in the history: Back undoes it, Forward redoes it.
		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('country'));
		await expect.poll(() => text(page, 'total-events')).toBe(String(count(FILTER)));
		await page.goForward();
		await page.waitForURL((u) => u.searchParams.get('country') === 'RUS');
		await expect.poll(() => text(page, 'total-events')).toBe(String(count(narrowed)));
	});

	it('a chart bar, chosen with the keyboard, narrows the time window to its month', async () => {
		const { page } = watched;
		const bar = page.getByTestId('chart-bar').first();
		const [from, to] = [await bar.getAttribute('data-from'), await bar.getAttribute('data-to')];
		await bar.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => u.searchParams.get('from') !== '2020-06-01');
		const u = new URL(page.url());
		expect(u.searchParams.get('from')! >= from! && u.searchParams.get('to')! <= to!).toBe(true);
		const narrowed: EventFilter = { ...FILTER, countries: ['RUS'], from: u.searchParams.get('from')!, to: u.searchParams.get('to')! };
		await expect.poll(() => text(page, 'total-events')).toBe(String(count(narrowed)));
		expect(count(narrowed)).toBeGreaterThan(0);
		// A month's window is charted by day.
		expect(await page.getByTestId('chart-bar').count()).toBeGreaterThan(0);
		expect(await page.locator('figcaption').textContent()).toContain('Events per day');
		await page.screenshot({ path: path.join(SHOTS, 'analysis-days.png') });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: path.join(SHOTS, 'analysis-390x844.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('back to the map keeps every filter: the dashboard shows the same events, the country ticked', async () => {
		const { page } = watched;
		const u = new URL(page.url());
		const expected = await text(page, 'total-events');
		await page.getByTestId('map-link').click();
		await page.waitForURL((v) => v.pathname === '/');
		await waitForMapIdle(page);
		await expect.poll(() => text(page, 'visible-count')).toBe(expected);
		const back = new URL(page.url());
		for (const name of ['actor', 'country', 'from', 'to']) expect(back.searchParams.get(name)).toBe(u.searchParams.get(name));
		expect(await page.locator('[data-testid=facet-countries] input[data-value=RUS]').isChecked()).toBe(true);
		expect(watched.external).toEqual([]);
		expect(watched.errors).toEqual([]);
	});

	it('new data show without a reload: the page polls /api/data as the dashboard does and asks for its figures again', async () => {
		const w = await openPage(browser, { width: 1280, height: 900 });
		try {
			const { page } = w;
			const query = `actor=${encodeURIComponent(LUKASHENKO)}`;
			await page.goto(`${server.url}/analysis?${query}`);
			const before = count({ actors: [LUKASHENKO] });
			expect(await text(page, 'total-events')).toBe(String(before));
			expect(await page.locator('[data-testid=list-countries] a[data-value=MDA]').count()).toBe(0);
			await page.evaluate(() => ((window as unknown as { __same: number }).__same = 1)); // gone if the page reloads
			// An event added elsewhere (as another tab, an import or a script would), in a country no row shows yet.
			const feature = sampleEvent('ev-00000000a1ac', { actors: [LUKASHENKO], country_codes: ['MDA'], place_id: 'country:MDA', place_name: 'Moldova', place_kind: 'country', geo_precision: 3 });
			const res = await fetch(`${server.url}/api/corrections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op: 'add', author: 'Bob', feature }) });
			expect(res.status, await res.text()).toBe(201);
			// The page polls every 20 s; give it two rounds.
			await expect.poll(() => text(page, 'total-events'), { timeout: 45_000, interval: 500 }).toBe(String(before + 1));
			expect(await page.locator('[data-testid=list-countries] a[data-value=MDA]').count()).toBe(1);
			expect(await page.evaluate(() => (window as unknown as { __same?: number }).__same)).toBe(1);
			expect(new URL(page.url()).search).toBe(`?${query}`);
			expect(w.errors).toEqual([]);
		} finally {
			await w.context.close();
		}
	});
});
