// The timeline's interval band in Chromium, on the embedded data: week/month/year-dated events drawn as
// bars on the histogram's x-scale, highlighted while they overlap the window; screenshots at desktop and phone size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyGeodata, launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';
import type { EventCollection } from '../../src/lib/domain/event';

const SHOTS = path.join(ROOT, 'test-results');

let data: ReturnType<typeof copyGeodata>;
let events: EventCollection['features'];
let server: AppServer;
let browser: Browser;
const pages: WatchedPage[] = [];

/** Distinct "start|end" intervals of the events dated coarser than a day, read straight from the data file. */
function coarseIntervals(): Set<string> {
	const out = new Set<string>();
	for (const e of events) {
		const p = e.properties;
		if (p.date_precision !== 'day' && p.date_start && p.date_end && p.date_end > p.date_start) out.add(`${p.date_start}|${p.date_end}`);
	}
	return out;
}

interface Bar {
	start: string;
	end: string;
	inside: boolean;
	title: string;
	box: { x: number; y: number; width: number; height: number };
}

async function bars(page: Page): Promise<Bar[]> {
	return page.$$eval('[data-testid=interval-bands] rect.band', (rects) =>
		rects.map((r) => {
			const b = r.getBoundingClientRect();
			return {
				start: r.getAttribute('data-start')!,
				end: r.getAttribute('data-end')!,
				inside: r.getAttribute('data-inside') === 'true',
				title: r.querySelector('title')?.textContent ?? '',
				box: { x: b.x, y: b.y, width: b.width, height: b.height }
			};
		})
	);
}

async function open(query = '', viewport?: { width: number; height: number }): Promise<Page> {
	const w = await openPage(browser, viewport);
	pages.push(w);
	await w.page.goto(`${server.url}/${query}`);
	await waitForMapIdle(w.page);
	await w.page.waitForSelector('[data-testid=interval-bands] rect.band');
	return w.page;
}

/** The window the page shows, as [from, to] ISO dates (null when all dates are shown). */
async function windowOf(page: Page): Promise<[string, string] | null> {
	const label = (await page.getByTestId('window-label').textContent())!.trim();
	if (label === 'all dates') return null;
	const [from, to] = label.split(' – ').map((d) => d.trim());
	return [from!, to!];
}

beforeAll(async () => {
	data = copyGeodata();
	events = (JSON.parse(readFileSync(path.join(data.dir, 'events.geojson'), 'utf8')) as EventCollection).features;
	mkdirSync(SHOTS, { recursive: true });
	[server, browser] = await Promise.all([startServer({ geodataDir: data.dir }), launchBrowser()]);
});

afterAll(async () => {
	for (const w of pages) await w.context.close().catch(() => {});
	await browser?.close();
	await server?.stop();
	data?.remove();
});

describe('timeline interval band', () => {
	it('draws one bar per distinct week/month/year interval of the data, on the same x-scale as the slider', async () => {
		const expected = coarseIntervals();
		expect(expected.size).toBeGreaterThan(0); // the embedded data has week, month and year events
		const page = await open();
		const drawn = await bars(page);
		expect(drawn.length).toBeGreaterThan(0);
		expect(new Set(drawn.map((b) => `${b.start}|${b.end}`)).size).toBe(drawn.length);
		for (const b of drawn) expect(expected.has(`${b.start}|${b.end}`)).toBe(true);
		const label = await page.getByTestId('interval-bands').getAttribute('aria-label');
		expect(label).toContain(`in ${expected.size} intervals`);
		// Without a window every interval counts as in it.
		expect(drawn.every((b) => b.inside)).toBe(true);

		// x-scale: a bar starts where the track puts its start day, and longer intervals are wider.
		const track = (await page.locator('.track').boundingBox())!;
		const [first, last] = (await page.locator('.axis span').allTextContents()).filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t));
		const d0 = Date.parse(first!);
		const span = (Date.parse(last!) - d0) / 86_400_000 + 1;
		for (const b of drawn) {
			const x = track.x + ((Date.parse(b.start) - d0) / 86_400_000 / span) * track.width;
			expect(Math.abs(b.box.x - x)).toBeLessThan(1.5);
		}
		const year = drawn.find((b) => b.title.includes('dated only to 2020'));
		const week = drawn.find((b) => b.title.includes('the week of'));
		expect(year && week).toBeTruthy();
		expect(year!.box.width).toBeGreaterThan(week!.box.width * 10);

		// Overlapping bars sit in different lanes (different y).
		for (const a of drawn)
			for (const b of drawn)
				if (a !== b && a.box.x < b.box.x + b.box.width && b.box.x < a.box.x + a.box.width) expect(Math.abs(a.box.y - b.box.y)).toBeGreaterThan(0.5);
		await page.screenshot({ path: path.join(SHOTS, 'timeline-1280x800.png') });
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'timeline-band-1280.png') });
	});

	it('moving the window off an interval with the keyboard takes its highlight away; the rest follow the overlap rule', async () => {
		const page = await open();
		const before = await bars(page);
		// End handle to Home: the window shrinks to the first day of the data.
		await page.getByTestId('handle-end').focus();
		await page.keyboard.press('Home');
		await expect.poll(() => windowOf(page)).not.toBeNull();
		const win = (await windowOf(page))!;
		const after = await bars(page);
		expect(after.map((b) => b.start)).toEqual(before.map((b) => b.start));
		for (const b of after) expect(b.inside).toBe(b.start <= win[1] && b.end >= win[0]);
		const changed = after.filter((b, i) => before[i]!.inside && !b.inside);
		expect(changed.length).toBeGreaterThan(0);
		expect(changed[0]!.title).toContain('(outside the window)');
	});

	it('counts an event dated only to a month as in a window that overlaps its month, and highlights only its bar', async () => {
		const month = events.find((e) => e.properties.date_precision === 'month')!;
		expect(month).toBeTruthy();
		const { date_start: s, date_end: e } = month.properties;
		// A five-day window inside the month, not touching its first day.
		const from = new Date(Date.parse(s!) + 9 * 86_400_000).toISOString().slice(0, 10);
		const to = new Date(Date.parse(s!) + 13 * 86_400_000).toISOString().slice(0, 10);
		const page = await open(`?from=${from}&to=${to}`);
		const drawn = await bars(page);
		const bar = drawn.find((b) => b.start === s && b.end === e)!;
		expect(bar.inside).toBe(true);
		for (const b of drawn) expect(b.inside).toBe(b.start <= to && b.end >= from);
		const overlapping = events.filter((x) => x.properties.date_start && x.properties.date_start <= to && (x.properties.date_end ?? x.properties.date_start) >= from).length;
		expect(Number(await page.getByTestId('header-count').textContent())).toBe(overlapping);
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'timeline-band-window.png') });
	});

	it('fits a phone screen: the band lies within the viewport, under the histogram, and the handles still work', async () => {
		const page = await open('', { width: 390, height: 844 });
		const band = (await page.getByTestId('interval-bands').boundingBox())!;
		const track = (await page.locator('.track').boundingBox())!;
		expect(band.x).toBeGreaterThanOrEqual(0);
		expect(band.x + band.width).toBeLessThanOrEqual(390);
		expect(band.y).toBeGreaterThanOrEqual(track.y + track.height);
		expect(band.y + band.height).toBeLessThanOrEqual(844);
		expect(Math.abs(band.x - track.x)).toBeLessThan(1);
		expect(Math.abs(band.width - track.width)).toBeLessThan(1);
		for (const b of await bars(page)) expect(b.box.width).toBeGreaterThanOrEqual(2.5); // a week stays visible
		await page.screenshot({ path: path.join(SHOTS, 'timeline-390x844.png') });
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'timeline-band-390.png') });
		const handle = (await page.getByTestId('handle-start').boundingBox())!;
		await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
		await page.mouse.down();
		await page.mouse.move(track.x + track.width * 0.6, handle.y + handle.height / 2, { steps: 6 });
		await page.mouse.up();
		await expect.poll(() => windowOf(page)).not.toBeNull();
		const win = (await windowOf(page))!;
		for (const b of await bars(page)) expect(b.inside).toBe(b.start <= win[1] && b.end >= win[0]);
	});

	it('loads without console errors or requests leaving localhost', () => {
		for (const w of pages) {
			expect(w.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
			expect(w.external).toEqual([]);
		}
	});
});
