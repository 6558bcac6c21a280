// The map as an analyst reads it, in real Chromium on the project's own data: framing on load, the fit button,
// footprint framing of a country-level selection, and a basemap worth zooming into.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyGeodata, launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';

const SHOTS = path.join(ROOT, 'test-results');

let data: { dir: string; remove(): void };
let server: AppServer;
let browser: Browser;
const pages: WatchedPage[] = [];

async function open(query: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
	const w = await openPage(browser, viewport);
	pages.push(w);
	await w.page.goto(`${server.url}/${query}`);
	await waitForMapIdle(w.page);
	return w.page;
}

/** Screen points (CSS px, relative to the map) of the given events, and the map's size. */
async function screenPoints(page: Page, coords: [number, number][]): Promise<{ points: { x: number; y: number }[]; width: number; height: number }> {
	return page.evaluate((coords) => {
		const m = (window as unknown as { __map: { project(c: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } }).__map;
		const c = m.getContainer();
		return { points: coords.map((p) => m.project(p)), width: c.clientWidth, height: c.clientHeight };
	}, coords);
}

/** The events the API lists for a query: the same filter the page applies. */
async function listed(query: string): Promise<{ id: string; coords: [number, number] }[]> {
	const res = await fetch(`${server.url}/api/events.geojson${query}`);
	const fc = (await res.json()) as { features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] };
	return fc.features.map((f) => ({ id: f.properties.id, coords: f.geometry.coordinates }));
}

function expectAllInside(shot: { points: { x: number; y: number }[]; width: number; height: number }, margin = 0) {
	for (const p of shot.points) {
		expect(p.x).toBeGreaterThanOrEqual(margin);
		expect(p.y).toBeGreaterThanOrEqual(margin);
		expect(p.x).toBeLessThanOrEqual(shot.width - margin);
		expect(p.y).toBeLessThanOrEqual(shot.height - margin);
	}
}

beforeAll(async () => {
	data = copyGeodata();
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer({ geodataDir: data.dir });
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	data?.remove();
});

describe('framing', () => {
	it('without a camera in the URL, /?country=ISR,IRN at 1280×800 shows every listed event inside the map after load', async () => {
		const events = await listed('?country=ISR,IRN');
		expect(events.length).toBeGreaterThan(1);
		const page = await open('?country=ISR,IRN');
		expect(Number(await page.getByTestId('header-count').textContent())).toBe(events.length);
		const shot = await screenPoints(page, events.map((e) => e.coords));
		await page.screenshot({ path: path.join(SHOTS, 'map-fit-isr-irn.png') });
		expectAllInside(shot, 10);
	});

	it('after panning away, "Fit to events" brings every visible event back inside the map', async () => {
		const events = await listed('?country=BLR');
		const page = await open('?country=BLR&map=6/10/-40');
		const before = await screenPoints(page, events.map((e) => e.coords));
		expect(before.points.some((p) => p.x < 0 || p.x > before.width || p.y < 0 || p.y > before.height)).toBe(true);
		await page.getByTestId('fit-events').click();
		await page.waitForFunction(() => !(window as unknown as { __map: { isMoving(): boolean } }).__map.isMoving());
		await waitForMapIdle(page);
		expectAllInside(await screenPoints(page, events.map((e) => e.coords)), 10);
	});

	it('selecting a country-level Russia event frames Russia’s outline, from Kaliningrad to Moscow to Chukotka, not a spot in Siberia', async () => {
		const russia = (await (await fetch(`${server.url}/api/events.geojson?country=RUS`)).json()) as { features: { properties: { id: string; place_kind: string } }[] };
		const country = russia.features.find((f) => f.properties.place_kind === 'country')!;
		expect(country).toBeTruthy();
		const page = await open(`?map=9/53.9/27.56&sel=${country.properties.id}`);
		await page.waitForFunction(() => !(window as unknown as { __map: { isMoving(): boolean } }).__map.isMoving());
		await waitForMapIdle(page);
		// Moscow, Kaliningrad and Yakutsk all on screen: the whole country, not its centroid at zoom 9.
		const shot = await screenPoints(page, [
			[37.62, 55.75],
			[20.5, 54.7],
			[129.7, 62.0]
		]);
		await page.screenshot({ path: path.join(SHOTS, 'map-select-russia.png') });
		expectAllInside(shot);
	});
});

describe('pages', () => {
	it('no request left localhost and no page logged an error', () => {
		for (const w of pages) {
			expect(w.external).toEqual([]);
			expect(w.errors).toEqual([]);
		}
	});
});
