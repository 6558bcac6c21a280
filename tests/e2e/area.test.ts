// The spatial filter in real Chromium: a box drawn on the map and "only events in view" choose exactly the events
// /api/events.geojson?bbox=… returns, in the list, the counts, the facets and the export, and a reload restores them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';
import { writeSynth } from '../../scripts/synth-events';
import { parseFilterParams, type BBox } from '../../src/lib/domain/filter';
import type { EventFeature } from '../../src/lib/domain/event';

const SHOTS = path.join(ROOT, 'test-results');

let dir: string;
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

/** The page's URL once its `bbox` parameter is `want(bbox)`: the URL follows the view ~250 ms after a change. */
async function urlWhen(page: Page, want: (bbox: string | null) => boolean): Promise<URL> {
	await expect.poll(() => want(new URL(page.url()).searchParams.get('bbox')), { timeout: 15_000 }).toBe(true);
	return new URL(page.url());
}

/** The ids the export API returns for exactly this box. */
async function apiIds(bbox: string): Promise<string[]> {
	const res = await fetch(`${server.url}/api/events.geojson?bbox=${bbox}`);
	expect(res.status).toBe(200);
	return ((await res.json()) as { features: EventFeature[] }).features.map((f) => f.properties.id);
}

/** What the page shows: header count, listed ids, and the sum of the event-type facet counts. */
async function shown(page: Page): Promise<{ count: number; listed: string[]; typeCounts: number }> {
	const count = Number(await page.getByTestId('header-count').textContent());
	const listed = await page.locator('.events li[role=option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));
	const typeCounts = (await page.locator('label.row:has([data-testid^="type-"]) .count').allTextContents()).reduce((n, t) => n + Number(t), 0);
	return { count, listed, typeCounts };
}

/** Waits until the page shows exactly `ids` (list, count, facets), the events the API gave for its box. */
async function expectShows(page: Page, ids: string[]): Promise<void> {
	expect(ids.length).toBeGreaterThan(0);
	expect(ids.length).toBeLessThan(200); // the list shows 200 rows: all of them here
	await expect.poll(() => shown(page), { timeout: 15_000 }).toEqual({ count: ids.length, listed: ids, typeCounts: ids.length });
}

/** Features in the map's area source (the drawn box's outline). */
function areaFeatures(page: Page): Promise<number> {
	return page.evaluate(() => (window as unknown as { __map: { querySourceFeatures(s: string): unknown[] } }).__map.querySourceFeatures('area').length);
}

/** The ids in the file the page's export button downloads (and the file's name, in `lastExportName`). */
let lastExportName = '';
async function exportedIds(page: Page, kind: 'geojson' | 'csv'): Promise<string[]> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
	const file = path.join(dir, `${Date.now()}-${download.suggestedFilename()}`);
	await download.saveAs(file);
	lastExportName = download.suggestedFilename();
	const text = readFileSync(file, 'utf8');
	if (kind === 'geojson') return (JSON.parse(text) as { features: EventFeature[] }).features.map((f) => f.properties.id);
	const [head, ...rows] = text.trimEnd().split('\r\n');
	const at = head!.split(',').indexOf('id');
	return rows.map((r) => r.split(',')[at]!);
}

/** Drags on the map canvas from one point to another (CSS px inside the canvas), optionally with Shift held. */
async function drag(page: Page, from: [number, number], to: [number, number], shift = false): Promise<void> {
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	if (shift) await page.keyboard.down('Shift');
	await page.mouse.move(box.x + from[0], box.y + from[1]);
	await page.mouse.down();
	await page.mouse.move(box.x + to[0], box.y + to[1], { steps: 8 });
	await page.mouse.up();
	if (shift) await page.keyboard.up('Shift');
}

function mapState(page: Page): Promise<{ zoom: number; bounds: BBox }> {
	return page.evaluate(() => {
		const m = (window as unknown as { __map: { getZoom(): number; getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number } } }).__map;
		const b = m.getBounds();
		return { zoom: m.getZoom(), bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as BBox };
	});
}

function unproject(page: Page, x: number, y: number): Promise<[number, number]> {
	return page.evaluate(([x, y]) => {
		const ll = (window as unknown as { __map: { unproject(p: [number, number]): { lng: number; lat: number } } }).__map.unproject([x!, y!]);
		return [ll.lng, ll.lat] as [number, number];
	}, [x, y]);
}

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'area-e2e-'));
	all = writeSynth(dir, 600, 7).events.features;
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer({ geodataDir: dir });
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('spatial filter', () => {
	it('a box drawn on the map keeps the events /api/events.geojson?bbox=… returns, is outlined, survives a reload, goes into the export and can be removed', async () => {
		const page = await open('?map=5/53/24');
		expect(await areaFeatures(page)).toBe(0);
		await page.getByTestId('area-draw').click();
		expect(await page.getByTestId('area-draw').getAttribute('aria-pressed')).toBe('true');
		const zoomBefore = (await mapState(page)).zoom;
		const [a, b] = [await unproject(page, 250, 200), await unproject(page, 400, 330)];
		await drag(page, [250, 200], [400, 330]);
		const url = await urlWhen(page, (bbox) => bbox !== null);
		const bbox = url.searchParams.get('bbox')!;
		// The box is the one dragged (not a pan: the map did not move), and the drawing mode is over.
		const [w, s, e, n] = parseFilterParams(new URLSearchParams({ bbox })).bbox!;
		expect([w, s, e, n].map((v) => +v.toFixed(3))).toEqual([a[0], b[1], b[0], a[1]].map((v) => +v.toFixed(3)));
		expect((await mapState(page)).zoom).toBe(zoomBefore);
		expect(url.searchParams.get('area')).toBeNull();
		expect(await page.getByTestId('area-draw').getAttribute('aria-pressed')).toBe('false');
		const ids = await apiIds(bbox);
		expect(ids.length).toBeLessThan(all.length);
		await expectShows(page, ids);
		await expect.poll(() => areaFeatures(page)).toBeGreaterThan(0);
		expect(await page.getByTestId('area-chip').textContent()).toMatch(/Box: .+°E – .+°E, .+°N – .+°N/);
		await waitForMapIdle(page);
		await page.screenshot({ path: path.join(SHOTS, 'area-drawn-box.png') });

		expect(await exportedIds(page, 'geojson')).toEqual(ids);
		// The file is named for its box, as the export API names it.
		const api = await fetch(`${server.url}/api/events.geojson?bbox=${bbox}`);
		expect(lastExportName).toMatch(/^events_box-[\d._-]+\.geojson$/);
		expect(api.headers.get('content-disposition')).toBe(`attachment; filename="${lastExportName}"`);
		expect(await exportedIds(page, 'csv')).toEqual(ids);

		// A reload (or the shared link) restores the box: same events, same outline, same chip.
		const again = await open(url.search);
		await expectShows(again, ids);
		await expect.poll(() => areaFeatures(again)).toBeGreaterThan(0);
		expect(await again.getByTestId('area-follow').isChecked()).toBe(false);

		// Another filter keeps the box: the outline is not set again (each setData costs the map a repaint).
		await again.evaluate(() => {
			const src = (window as unknown as { __map: { getSource(id: string): { setData(d: unknown): unknown } } }).__map.getSource('area');
			const set = src.setData.bind(src);
			(window as unknown as { __areaSets: number }).__areaSets = 0;
			src.setData = (d: unknown) => ((window as unknown as { __areaSets: number }).__areaSets++, set(d));
		});
		const before = (await shown(again)).count;
		await again.getByTestId('type-ASSAULT').click();
		await expect.poll(async () => (await shown(again)).count).not.toBe(before);
		await again.getByTestId('type-ASSAULT').click();
		await expect.poll(async () => (await shown(again)).count).toBe(before);
		expect(await again.evaluate(() => (window as unknown as { __areaSets: number }).__areaSets)).toBe(0);

		// The chip's ✕ is a labelled button that works from the keyboard.
		const clear = again.getByTestId('area-clear');
		expect(await clear.getAttribute('aria-label')).toMatch(/^Remove the box filter/);
		await clear.focus();
		await again.keyboard.press('Enter');
		await urlWhen(again, (bbox) => bbox === null);
		await expect.poll(async () => (await shown(again)).count).toBe(all.length);
		await expect.poll(() => areaFeatures(again)).toBe(0);
		expect(await again.getByTestId('area-chip').count()).toBe(0);
	});

	it('Shift-drag draws a box without the button (and no longer box-zooms); Escape leaves the drawing mode', async () => {
		const page = await open('?map=5/53/24');
		const zoom = (await mapState(page)).zoom;
		await drag(page, [320, 180], [450, 300], true);
		const url = await urlWhen(page, (bbox) => bbox !== null);
		await expectShows(page, await apiIds(url.searchParams.get('bbox')!));
		expect((await mapState(page)).zoom).toBe(zoom);
		await page.getByTestId('area-draw').click();
		expect(await page.getByTestId('area-draw').getAttribute('aria-pressed')).toBe('true');
		await page.keyboard.press('Escape');
		expect(await page.getByTestId('area-draw').getAttribute('aria-pressed')).toBe('false');
		// Now a plain drag pans again and the box stays as it was.
		await drag(page, [520, 300], [420, 250]); // on the map, clear of the legend panel
		await expect.poll(async () => new URL(page.url()).searchParams.get('map')).not.toBe('5/53/24');
		expect(new URL(page.url()).searchParams.get('bbox')).toBe(url.searchParams.get('bbox'));
	});

	it('"Only events in view", switched on by keyboard, follows the map as it pans, survives a reload and goes into the export', async () => {
		const page = await open('?map=6.5/52.5/26');
		const toggle = page.getByTestId('area-follow');
		expect(await page.getByRole('checkbox', { name: 'Only events in view' }).count()).toBe(1);
		await toggle.focus();
		await page.keyboard.press('Space');
		expect(await toggle.isChecked()).toBe(true);
		const url = await urlWhen(page, (bbox) => bbox !== null);
		expect(url.searchParams.get('area')).toBe('view');
		const bbox = url.searchParams.get('bbox')!;
		// The box is the map's view, as the map reports it.
		const { bounds } = await mapState(page);
		expect(parseFilterParams(new URLSearchParams({ bbox })).bbox!.map((v) => +v.toFixed(3))).toEqual(bounds.map((v) => +v.toFixed(3)));
		const ids = await apiIds(bbox);
		await expectShows(page, ids);
		// No outline while the box is the view itself.
		expect(await areaFeatures(page)).toBe(0);
		await page.screenshot({ path: path.join(SHOTS, 'area-in-view.png') });
		expect(await exportedIds(page, 'geojson')).toEqual(ids);

		// Panning moves the box: the page then shows what the API returns for the new one.
		await drag(page, [600, 320], [350, 220]);
		const moved = await urlWhen(page, (b) => b !== null && b !== bbox);
		const movedIds = await apiIds(moved.searchParams.get('bbox')!);
		expect(movedIds).not.toEqual(ids);
		await expectShows(page, movedIds);

		// Reload: still following, with the same camera and so the same box.
		const again = await open(moved.search);
		expect(await again.getByTestId('area-follow').isChecked()).toBe(true);
		await expectShows(again, movedIds);
		expect(new URL(again.url()).searchParams.get('area')).toBe('view');

		// Off: every event again, and no box in the URL.
		await again.getByTestId('area-follow').uncheck();
		await urlWhen(again, (b) => b === null);
		await expect.poll(async () => (await shown(again)).count).toBe(all.length);
	});

	it('zoomed out over the antimeridian, the view box crosses it within ±180°; wide enough to repeat the world, it is the whole world', async () => {
		const page = await open('?map=0/0/170&area=view');
		const url = await urlWhen(page, (bbox) => bbox !== null);
		const [w, s, e, n] = parseFilterParams(url.searchParams).bbox!;
		const { bounds } = await mapState(page);
		expect(bounds[2]).toBeGreaterThan(180); // the map itself reports a view past 180°…
		expect(bounds[2] - bounds[0]).toBeLessThan(360);
		expect(w).toBeGreaterThan(e); // …which the filter box crosses, inside ±180°
		expect([w, e].every((x) => x >= -180 && x <= 180)).toBe(true);
		expect(s).toBeGreaterThanOrEqual(-90);
		expect(n).toBeLessThanOrEqual(90);
		const ids = await apiIds(url.searchParams.get('bbox')!);
		await expect.poll(async () => (await shown(page)).count).toBe(ids.length);
		const wide = await open('?map=0/0/170&area=view', { width: 2400, height: 800 });
		const wideUrl = await urlWhen(wide, (bbox) => bbox !== null);
		expect(parseFilterParams(wideUrl.searchParams).bbox).toEqual([-180, expect.any(Number), 180, expect.any(Number)]);
		await expect.poll(async () => (await shown(wide)).count).toBe(all.length);
	});

	it('no request left localhost and no page logged an error', () => {
		expect(pages.length).toBeGreaterThan(4);
		expect(pages.flatMap((p) => p.external)).toEqual([]);
		expect(pages.flatMap((p) => p.errors)).toEqual([]);
	});
});
