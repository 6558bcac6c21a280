// The analyst dashboard in real Chromium: rendering, evidence, slider, shareable URLs, export (checked with GDAL), API errors, offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';
import { writeSynth, type SynthDataset } from '../../scripts/synth-events';
import { filterEvents, parseFilterParams } from '../../src/lib/domain/filter';
import type { EventFeature } from '../../src/lib/domain/event';

const SHOTS = path.join(ROOT, 'test-results');
const HOSTILE = '\n\n<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> [click](javascript:window.__pwned=3) \u202Egnp.exe\n';

let dir: string;
let data: SynthDataset;
let all: EventFeature[];
let server: AppServer;
let browser: Browser;
const pages: WatchedPage[] = [];

async function open(query = '', viewport?: { width: number; height: number }): Promise<Page> {
	const w = await openPage(browser, viewport);
	pages.push(w);
	await w.page.goto(`${server.url}/${query}`);
	await waitForMapIdle(w.page);
	return w.page;
}

async function visibleCount(page: Page): Promise<number> {
	return Number(await page.getByTestId('header-count').textContent());
}

/** The URL the page has written for its current view (it is replaced ~250 ms after a change). */
async function settledUrl(page: Page): Promise<URL> {
	let last = '';
	for (let i = 0; i < 40; i++) {
		await page.waitForTimeout(150);
		const now = page.url();
		if (now === last) return new URL(now);
		last = now;
	}
	return new URL(page.url());
}

function expectedIds(url: URL): string[] {
	const params = new URLSearchParams(url.search);
	return filterEvents(all, parseFilterParams(params)).map((e) => e.properties.id);
}

/** What the events overlay drew last: its marks (CSS px), its ring, and how many events its groups stand for. */
async function overlay(page: Page): Promise<{ marks: { x: number; y: number; r: number; cluster: number; count: number; i: number }[]; ring: { x: number; y: number } | null; grouped: number }> {
	return page.evaluate(() => {
		const o = (window as unknown as { __overlay: { frame(): { marks: never[]; ring: null }; view(): { data: { features: { properties: { point_count?: number } }[] } } } }).__overlay;
		const grouped = o.view().data.features.reduce((n, f) => n + (f.properties.point_count ?? 1), 0);
		return { ...o.frame(), grouped };
	});
}

/** The RGBA of the overlay canvas at CSS pixel (x, y). */
async function overlayPixel(page: Page, x: number, y: number): Promise<number[]> {
	return page.evaluate(
		([x, y]) => {
			const c = document.querySelector('[data-testid=events-overlay]') as HTMLCanvasElement;
			const k = c.width / c.clientWidth;
			return [...c.getContext('2d')!.getImageData(Math.round(x! * k), Math.round(y! * k), 1, 1).data];
		},
		[x, y]
	);
}

/** Share of non-background pixels in the map canvas, measured from a real screenshot. */
async function paintedShare(page: Page): Promise<number> {
	const png = (await page.locator('.maplibregl-canvas').screenshot()).toString('base64');
	return page.evaluate(async (b64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${b64}`;
		await img.decode();
		const c = document.createElement('canvas');
		c.width = img.width;
		c.height = img.height;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const px = ctx.getImageData(0, 0, c.width, c.height).data;
		const counts = new Map<number, number>();
		for (let i = 0; i < px.length; i += 4) {
			const key = (px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		const top = Math.max(...counts.values());
		return 1 - top / (px.length / 4);
	}, png);
}

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'dash-e2e-'));
	data = writeSynth(dir, 600, 7);
	all = data.events.features;
	// Hostile text after the last sentence of one article: offsets stay valid, the text must stay inert.
	appendFileSync(path.join(dir, 'articles', 'synth_0000.md'), HOSTILE);
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer({ geodataDir: dir });
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('analyst dashboard', () => {
	it('renders the basemap and events: the map canvas is not blank', async () => {
		const page = await open();
		expect(await visibleCount(page)).toBe(all.length);
		expect(await paintedShare(page)).toBeGreaterThan(0.2);
		await page.screenshot({ path: path.join(SHOTS, 'dashboard-1280x800.png') });
	});

	it('clicking an event on the map shows its evidence highlighted in its paragraph', async () => {
		const target = all.find((e) => e.properties.language === 'ar' && e.properties.geo_precision === 1)!;
		const p = target.properties;
		const [lon, lat] = target.geometry.coordinates as [number, number];
		const page = await open(`?source=${p.source_id}&place=${encodeURIComponent(p.place_id)}&map=12/${lat}/${lon}`);
		const xy = await page.evaluate(([x, y]) => (window as unknown as { __map: { project(l: [number, number]): { x: number; y: number } } }).__map.project([x!, y!]), [lon, lat]);
		const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
		await page.mouse.click(box.x + xy.x, box.y + xy.y);
		const evidence = page.getByTestId('evidence');
		await expect.poll(() => evidence.locator('mark').textContent()).toBe(p.evidence);
		expect(await evidence.getAttribute('dir')).toBe('rtl');
		// The whole paragraph is shown around the highlighted sentence.
		await expect.poll(async () => (await evidence.textContent())!.length).toBeGreaterThan(p.evidence.length);
		expect(new URL(page.url()).searchParams.get('sel') ?? (await settledUrl(page)).searchParams.get('sel')).toBe(p.id);
	});

	it('events stacked at one place can all be reached: a click lists every one of them', async () => {
		const stacked = all.filter((e) => e.properties.place_id === 'border:BLR-POL');
		expect(stacked.length).toBeGreaterThan(2);
		const [lon, lat] = stacked[0]!.geometry.coordinates as [number, number];
		const page = await open(`?place=border:BLR-POL&map=9/${lat}/${lon}`);
		const xy = await page.evaluate(([x, y]) => (window as unknown as { __map: { project(l: [number, number]): { x: number; y: number } } }).__map.project([x!, y!]), [lon, lat]);
		const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
		await page.mouse.click(box.x + xy.x, box.y + xy.y);
		await expect.poll(() => page.locator('.events h2').textContent()).toBe(`${stacked.length} events here`);
		expect(await page.locator('.events li[role=option]').count()).toBe(stacked.length);
		// Each listed event opens its own panel.
		await page.screenshot({ path: path.join(SHOTS, 'dashboard-stacked.png') });
		await page.locator('.events li[role=option]').nth(2).click();
		const id = await page.locator('.events li[role=option]').nth(2).getAttribute('data-event-id');
		await expect.poll(() => page.getByTestId('source-panel').locator('h2').textContent()).toBe(all.find((e) => e.properties.id === id)!.properties.summary);
	});

	it('panning and zooming move the same map: it is not rebuilt (no second style, worker or font load)', async () => {
		const page = await open('?map=5/52.5/27');
		await page.evaluate(() => ((window as unknown as { __first: unknown; __map: unknown }).__first = (window as unknown as { __map: unknown }).__map));
		const loads = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /maplibre-gl-worker|countries\.geojson|\.ttf/.test(e.name)).length);
		const before = await loads();
		const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 6 });
		await page.mouse.up();
		await page.mouse.wheel(0, -300);
		await expect.poll(async () => (await settledUrl(page)).searchParams.get('map')).not.toBe('5/52.5/27');
		await waitForMapIdle(page);
		expect(await page.evaluate(() => (window as unknown as { __first: unknown; __map: unknown }).__first === (window as unknown as { __map: unknown }).__map)).toBe(true);
		expect(await page.evaluate(() => (window as unknown as { __map: { _removed?: boolean } }).__map._removed ?? false)).toBe(false);
		expect(await loads()).toBe(before);
	});

	it('clicking a cluster zooms into it', async () => {
		const page = await open('?map=4/52.5/27');
		const target = (await overlay(page)).marks.find((m) => m.cluster >= 0)!;
		const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
		await page.mouse.click(box.x + target.x, box.y + target.y);
		await expect.poll(() => page.evaluate(() => (window as unknown as { __map: { getZoom(): number } }).__map.getZoom())).toBeGreaterThan(4.5);
	});

	it('the clusters on the map count exactly the events in the time window, are painted where they are, and a selected event inside a cluster is still ringed', async () => {
		const sel = all.find((e) => e.properties.place_id === 'gn:625144' && e.properties.date_precision === 'day')!;
		const month = sel.properties.date!.slice(0, 7);
		const page = await open(`?map=4/52.5/27&sel=${sel.properties.id}`);
		expect((await overlay(page)).grouped).toBe(all.length);
		await page.goto(`${server.url}/?map=4/52.5/27&from=${month}-01&to=${month}-28&sel=${sel.properties.id}`);
		await waitForMapIdle(page);
		const windowed = await visibleCount(page);
		expect(windowed).toBeLessThan(all.length);
		await expect.poll(async () => (await overlay(page)).grouped).toBe(windowed);
		const drawn = await overlay(page);
		const clusters = drawn.marks.filter((m) => m.cluster >= 0);
		expect(clusters.length).toBeGreaterThan(0);
		// What is drawn is really on the canvas: each cluster's disc (below its count) in the cluster colour, the ring in the ring colour.
		for (const c of clusters) {
			const [r, g, b, a] = await overlayPixel(page, c.x, c.y + c.r - 4);
			expect([r, g, b].map((v, k) => Math.abs(v! - [0x35, 0x50, 0x6b][k]!))).toEqual([expect.toBeOneOf([0, 1, 2]), expect.toBeOneOf([0, 1, 2]), expect.toBeOneOf([0, 1, 2])]);
			expect(a).toBeGreaterThan(200);
		}
		expect(drawn.ring).not.toBeNull();
		expect(await overlayPixel(page, drawn.ring!.x + 13, drawn.ring!.y)).toEqual([0, 0, 0, 255]);
		const [lon, lat] = sel.geometry.coordinates as [number, number];
		const at = await page.evaluate(([x, y]) => (window as unknown as { __map: { project(l: [number, number]): { x: number; y: number } } }).__map.project([x!, y!]), [lon, lat]);
		expect(Math.hypot(at.x - drawn.ring!.x, at.y - drawn.ring!.y)).toBeLessThan(1);
	});

	it('the layer toggles change the map: events off clears the overlay, density on feeds and shows the heatmap', async () => {
		const page = await open('?map=4/52.5/27');
		const before = await overlay(page);
		const c = before.marks.find((m) => m.cluster >= 0)!;
		expect((await overlayPixel(page, c.x, c.y + c.r - 4))[3]).toBeGreaterThan(200);
		await page.getByTestId('layer-points').uncheck();
		await expect.poll(async () => (await overlay(page)).marks.length).toBe(0);
		expect((await overlayPixel(page, c.x, c.y + c.r - 4))[3]).toBe(0);
		const density = () =>
			page.evaluate(() => {
				const m = (window as unknown as { __map: { getLayoutProperty(l: string, p: string): string; querySourceFeatures(s: string): unknown[] } }).__map;
				return { visibility: m.getLayoutProperty('density', 'visibility'), features: m.querySourceFeatures('events').length };
			});
		expect(await density()).toEqual({ visibility: 'none', features: 0 });
		await page.getByTestId('layer-density').check();
		await expect.poll(async () => (await density()).features).toBeGreaterThan(0);
		expect((await density()).visibility).toBe('visible');
		await page.getByTestId('layer-points').check();
		await expect.poll(async () => (await overlay(page)).marks.length).toBe(before.marks.length);
	});

	it('dragging the end handle of the time slider changes the visible count to what the filter keeps', async () => {
		const page = await open();
		const before = await visibleCount(page);
		const handle = (await page.getByTestId('handle-end').boundingBox())!;
		const track = (await page.locator('.track').boundingBox())!;
		await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
		await page.mouse.down();
		await page.mouse.move(track.x + track.width * 0.5, handle.y + handle.height / 2, { steps: 8 });
		await page.mouse.up();
		await waitForMapIdle(page);
		const after = await visibleCount(page);
		expect(after).toBeLessThan(before);
		expect(after).toBeGreaterThan(0);
		const url = await settledUrl(page);
		expect(url.searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(after).toBe(expectedIds(url).length);
		// Keyboard: a step to the next event moves the window.
		const label = await page.getByTestId('window-label').textContent();
		await page.locator('body').click({ position: { x: 5, y: 400 } });
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.getByTestId('window-label').textContent()).not.toBe(label);
	});

	it('space plays the time window forward and pauses it again', async () => {
		const page = await open('?from=2021-06-01&to=2021-06-30&speed=90');
		const before = await page.getByTestId('window-label').textContent();
		await page.locator('body').click({ position: { x: 5, y: 400 } });
		await page.keyboard.press(' ');
		await expect.poll(() => page.locator('button.play').getAttribute('aria-pressed')).toBe('true');
		await expect.poll(() => page.getByTestId('window-label').textContent(), { timeout: 20_000 }).not.toBe(before);
		await page.keyboard.press(' ');
		await expect.poll(() => page.locator('button.play').getAttribute('aria-pressed')).toBe('false');
		// A moving window keeps its width while it plays.
		const [from, to] = (await page.getByTestId('window-label').textContent())!.split(' – ').map((d) => Date.parse(d.trim()));
		expect((to! - from!) / 86_400_000).toBe(29);
	});

	it('a copied URL reproduces the view: window, filters, selection, layers and camera', async () => {
		const sel = all[40]!.properties;
		const query = `?from=2022-01-01&to=2022-06-30&type=ASSAULT,MOBILIZE&country=BLR,POL,UKR&sel=${sel.id}&layers=points,density,footprints&map=5.5/52.1/25.3`;
		const first = await open(query);
		const url = await settledUrl(first);
		const second = await open(url.search);
		for (const page of [first, second]) {
			expect(await visibleCount(page)).toBe(expectedIds(url).length);
			expect(await page.getByTestId('window-label').textContent()).toContain('2022-01-01 – 2022-06-30');
			expect(await page.getByTestId('type-ASSAULT').isChecked()).toBe(true);
			expect(await page.getByTestId('type-AID').isChecked()).toBe(false);
			expect(await page.getByTestId('layer-density').isChecked()).toBe(true);
			expect(await page.getByTestId('layer-labels').isChecked()).toBe(false);
			await expect.poll(() => page.getByTestId('source-panel').locator('h2').textContent()).toBe(sel.summary);
		}
		const cams = await Promise.all(
			[first, second].map((p) => p.evaluate(() => { const m = (window as unknown as { __map: { getZoom(): number; getCenter(): { lng: number; lat: number } } }).__map; return { z: m.getZoom(), ...m.getCenter() }; }))
		);
		expect(cams[1]!.z).toBeCloseTo(cams[0]!.z, 1);
		expect(cams[1]!.lng).toBeCloseTo(cams[0]!.lng, 2);
		expect(cams[1]!.lat).toBeCloseTo(cams[0]!.lat, 2);
		expect(second.url()).toBe(first.url().replace(new URL(first.url()).origin, server.url));
	});

	it('the downloaded GeoJSON export equals the visible events, matches the API, and opens in GDAL', async () => {
		const page = await open('?from=2022-03-01&to=2022-12-31&language=en&q=border');
		const url = await settledUrl(page);
		const shown = await visibleCount(page);
		expect(shown).toBeGreaterThan(0);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
		expect(download.suggestedFilename()).toBe('events_2022-03-01_2022-12-31_en_q-border.geojson');
		const file = path.join(dir, download.suggestedFilename());
		await download.saveAs(file);
		const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: EventFeature[] };
		const ids = fc.features.map((f) => f.properties.id);
		expect(ids).toHaveLength(shown);
		expect(ids).toEqual(expectedIds(url));
		expect(fc.features[0]!.properties).toEqual(all.find((e) => e.properties.id === ids[0])!.properties);
		const api = await fetch(`${server.url}/api/events.geojson${url.search}`);
		expect(api.status).toBe(200);
		expect(api.headers.get('content-disposition')).toContain('attachment');
		expect(((await api.json()) as { features: EventFeature[] }).features.map((f) => f.properties.id)).toEqual(ids);
		const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' });
		expect(info).toMatch(new RegExp(`Feature Count: ${shown}\\b`));
		for (const field of ['event_type', 'evidence', 'source_id', 'date_start', 'geo_precision', 'confidence', 'actors']) expect(info).toMatch(new RegExp(`^${field}: `, 'm'));
		expect(info).toMatch(/Geometry: Point/);
	});

	it('the CSV export has one row per visible event and opens in GDAL', async () => {
		const page = await open('?type=ASSAULT&country=BLR');
		const shown = await visibleCount(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		const file = path.join(dir, download.suggestedFilename());
		await download.saveAs(file);
		expect(readFileSync(file, 'utf8').trimEnd().split('\r\n')).toHaveLength(shown + 1);
		const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' });
		expect(info).toMatch(new RegExp(`Feature Count: ${shown}\\b`));
	});

	it('the export API answers bad parameters with a 400 naming the parameter, never a 500', async () => {
		for (const [query, param] of [
			['from=2022-13-01', 'from'],
			['type=BOMBING', 'type'],
			['bbox=1,2,3', 'bbox'],
			['from=2022-05-01&to=2022-01-01', 'from'],
			['colour=red', 'colour']
		] as const) {
			for (const ext of ['geojson', 'csv']) {
				const res = await fetch(`${server.url}/api/events.${ext}?${query}`);
				expect(res.status, `${ext}?${query}`).toBe(400);
				expect(((await res.json()) as { error: string }).error).toContain(`"${param}"`);
			}
		}
	});

	it('the full-article page highlights every evidence sentence, links back to the map, and keeps hostile text inert', async () => {
		const w = await openPage(browser);
		pages.push(w);
		await w.page.goto(`${server.url}/sources/synth_0000`);
		const expected = all.filter((e) => e.properties.source_id === 'synth_0000');
		await expect.poll(() => w.page.locator('a.ev mark').count()).toBe(expected.length);
		expect(await w.page.locator('body').textContent()).toContain('<script>window.__pwned=2</script>');
		expect(await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(await w.page.locator('.body img, .body script').count()).toBe(0);
		const first = w.page.locator('a.ev').first();
		const id = await first.getAttribute('data-event-id');
		await first.click();
		await waitForMapIdle(w.page);
		await expect.poll(() => w.page.getByTestId('source-panel').locator('h2').textContent()).toBe(all.find((e) => e.properties.id === id)!.properties.summary);
	});

	it('looks right on a phone-sized screen', async () => {
		const page = await open('', { width: 390, height: 844 });
		expect(await paintedShare(page)).toBeGreaterThan(0.2);
		await page.screenshot({ path: path.join(SHOTS, 'dashboard-390x844.png'), fullPage: true });
	});

	it('no request left localhost and no page logged an error', () => {
		expect(pages.length).toBeGreaterThan(5);
		expect(pages.flatMap((p) => p.external)).toEqual([]);
		expect(pages.flatMap((p) => p.errors)).toEqual([]);
	});
});

