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

/** The map canvas's pixels (RGBA) from a real screenshot. */
async function mapPixels(page: Page): Promise<string> {
	return (await page.locator('.maplibregl-canvas').screenshot()).toString('base64');
}

/** Of two screenshots of one view: how many pixels differ clearly, and how many of the first are river-coloured. */
async function comparePixels(page: Page, nowPng: string, oldPng: string): Promise<{ changed: number; river: number; oldRiver: number; total: number }> {
	return page.evaluate(
		async ([a, b]) => {
			const read = async (b64: string) => {
				const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
				const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
				const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
				ctx.drawImage(bitmap, 0, 0);
				return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
			};
			const now = await read(a!);
			const old = await read(b!);
			// theme.river (#7fa8c9)
			const river = (px: Uint8ClampedArray, i: number) => Math.abs(px[i]! - 0x7f) + Math.abs(px[i + 1]! - 0xa8) + Math.abs(px[i + 2]! - 0xc9) < 40;
			let changed = 0;
			let r = 0;
			let oldR = 0;
			for (let i = 0; i < now.length; i += 4) {
				if (Math.abs(now[i]! - old[i]!) + Math.abs(now[i + 1]! - old[i + 1]!) + Math.abs(now[i + 2]! - old[i + 2]!) > 60) changed++;
				if (river(now, i)) r++;
				if (river(old, i)) oldR++;
			}
			return { changed, river: r, oldRiver: oldR, total: now.length / 4 };
		},
		[nowPng, oldPng]
	);
}

describe('basemap', () => {
	it('outlines the countries of the visible country-level events on the basemap tiles, and only those', async () => {
		/** The footprint state of each country on the basemap's vector tiles, as the footprint layer reads it. */
		const lit = (page: Page, codes: string[]) =>
			page.evaluate((codes) => {
				const m = (window as unknown as { __map: { getFeatureState(f: { source: string; sourceLayer: string; id: string }): Record<string, unknown> } }).__map;
				return Object.fromEntries(codes.map((id) => [id, m.getFeatureState({ source: 'basemap', sourceLayer: 'countries', id }).on === true]));
			}, codes);
		const countryLevel = async (query: string) => {
			const fc = (await (await fetch(`${server.url}/api/events.geojson${query}`)).json()) as { features: { properties: { place_kind: string; country_codes: string[] } }[] };
			return new Set(fc.features.filter((f) => f.properties.place_kind === 'country').flatMap((f) => f.properties.country_codes));
		};
		const codes = ['BLR', 'UKR', 'RUS', 'POL', 'ISR', 'DEU', 'LTU', 'FRA'];
		for (const type of ['ASSAULT', 'PROTEST']) {
			const expected = await countryLevel(`?type=${type}`);
			expect(expected.size, type).toBeGreaterThan(0);
			const page = await open(`?type=${type}&layers=points,footprints&map=4/50/30`);
			expect(await lit(page, codes), type).toEqual(Object.fromEntries(codes.map((c) => [c, expected.has(c)])));
		}
	});

	it('at zoom 7 around Minsk the map shows towns by name and rivers, where the old basemap was a blank fill', async () => {
		// Events and footprints off: only the basemap is on the canvas.
		const page = await open('?map=7/53.9/27.56&layers=labels');
		const towns = await page.evaluate(() => {
			const m = (window as unknown as { __map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { n: string } }[] } }).__map;
			return [...new Set(m.queryRenderedFeatures({ layers: ['town-labels', 'small-town-labels', 'village-labels'] }).map((f) => f.properties.n))];
		});
		await page.screenshot({ path: path.join(SHOTS, 'map-minsk-z7.png') });
		// Minsk and the towns around it that a reader checks a geocode against.
		expect(towns).toEqual(expect.arrayContaining(['Minsk', 'Barysaw', 'Maladziečna', 'Zaslawye']));
		expect(towns.length).toBeGreaterThan(15);
		const now = await mapPixels(page);
		// The same view with the new layers hidden is the old basemap: plain land, no river and no town name.
		await page.evaluate(() => {
			const m = (window as unknown as { __map: { setLayoutProperty(id: string, k: string, v: string): void; triggerRepaint(): void } }).__map;
			for (const id of ['town-labels', 'small-town-labels', 'village-labels', 'region-labels', 'rivers-major', 'rivers-minor', 'lakes']) m.setLayoutProperty(id, 'visibility', 'none');
		});
		await waitForMapIdle(page);
		await page.screenshot({ path: path.join(SHOTS, 'map-minsk-z7-old.png') });
		const diff = await comparePixels(page, now, await mapPixels(page));
		// Rivers are thin lines: a thousandth of the pixels is ~40 px of river per 200 px of map width; names and
		// water together change a few percent of the map against the old plain fill.
		expect(diff.oldRiver).toBeLessThan(diff.total * 0.0001);
		expect(diff.river).toBeGreaterThan(diff.total * 0.001);
		expect(diff.changed).toBeGreaterThan(diff.total * 0.015);
	});

	it('at zoom 4 only the big cities are named; villages wait for their zoom', async () => {
		const page = await open('?map=4/52/30&layers=labels');
		const towns = await page.evaluate(() => {
			const m = (window as unknown as { __map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { n: string; z: number } }[] } }).__map;
			return m.queryRenderedFeatures({ layers: ['town-labels', 'small-town-labels', 'village-labels'] }).map((f) => f.properties);
		});
		expect(towns.map((t) => t.n)).toEqual(expect.arrayContaining(['Kyiv', 'Moscow', 'Lviv', 'Hrodna']));
		expect(towns.every((t) => t.z <= 4)).toBe(true);
	});

	it('at zoom 6 over Belarus and Ukraine the first-level regions are named (oblasts, voblasts)', async () => {
		const page = await open('?map=6/51.5/28&layers=labels');
		const regions = await page.evaluate(() => {
			const m = (window as unknown as { __map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { n: string } }[] } }).__map;
			return m.queryRenderedFeatures({ layers: ['region-labels'] }).map((f) => f.properties.n);
		});
		await page.screenshot({ path: path.join(SHOTS, 'map-regions-z6.png') });
		expect(regions.filter((n) => /Oblast|Voblasts/.test(n)).length).toBeGreaterThanOrEqual(3);
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
