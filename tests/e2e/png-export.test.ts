// The map exported as a PNG, in real Chromium: the dashboard's button and the wall's `p` key; the file is decoded and its pixels checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';
import { wallDataDir, wallEvents } from './wall-fixture';
import { EVENT_TYPES, type EventType } from '../../src/lib/domain/event';
import { snapshotLayout, SNAPSHOT_COLORS, type SnapshotLayout } from '../../src/lib/map/snapshot';
import { darkTheme, lightTheme } from '../../src/lib/map/theme';
import { legibleColors } from '../../src/lib/components/wall/layers';

/** Where the exported images are kept, to be looked at. */
const SHOTS = path.join(ROOT, 'test-results');

let browser: Browser;
let server: AppServer;
let data: { dir: string; remove(): void };
const pages: WatchedPage[] = [];
const TYPES = new Set(wallEvents().features.map((f) => f.properties.event_type));

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	data = wallDataDir(wallEvents());
	server = await startServer({ geodataDir: data.dir });
	browser = await launchBrowser();
});

afterAll(async () => {
	for (const w of pages) await w.context.close();
	await browser?.close();
	await server?.stop();
	data?.remove();
});

const hex = (rgb: number[]) => '#' + rgb.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('');
const rgbOf = (h: string) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16));

/** The downloaded PNG decoded in the page (createImageBitmap, no colour conversion), kept there as `__png`; returns its size. */
async function decode(page: Page, download: Download, name: string): Promise<{ width: number; height: number }> {
	const file = path.join(SHOTS, name);
	await download.saveAs(file);
	const b64 = readFileSync(file).toString('base64');
	return page.evaluate(async (b64) => {
		const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
		const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
		const c = document.createElement('canvas');
		c.width = bmp.width;
		c.height = bmp.height;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(bmp, 0, 0);
		(window as unknown as { __png: ImageData }).__png = ctx.getImageData(0, 0, c.width, c.height);
		return { width: c.width, height: c.height };
	}, b64);
}

/** RGBA of the decoded PNG at (x, y). */
const pixel = (page: Page, x: number, y: number) =>
	page.evaluate(([x, y]) => {
		const img = (window as unknown as { __png: ImageData }).__png;
		const k = (Math.round(y!) * img.width + Math.round(x!)) * 4;
		return [...img.data.slice(k, k + 4)];
	}, [x, y]);

/** In the rows [y0, y1) of the decoded PNG: the share of pixels more than `tol` from `bg`, and every exact colour found there. */
const band = (page: Page, y0: number, y1: number, bg: string, tol = 24) =>
	page.evaluate(
		([y0, y1, bg, tol]) => {
			const img = (window as unknown as { __png: ImageData }).__png;
			const b = [1, 3, 5].map((k) => parseInt((bg as string).slice(k, k + 2), 16));
			const colours = new Set<string>();
			let other = 0;
			let n = 0;
			for (let y = y0 as number; y < (y1 as number); y++) {
				for (let x = 0; x < img.width; x++) {
					const k = (y * img.width + x) * 4;
					const px = [img.data[k]!, img.data[k + 1]!, img.data[k + 2]!];
					n++;
					if (px.some((v, j) => Math.abs(v - b[j]!) > (tol as number))) other++;
					colours.add('#' + px.map((v) => v.toString(16).padStart(2, '0')).join(''));
				}
			}
			return { share: other / n, colours: [...colours] };
		},
		[y0, y1, bg, tol] as [number, number, string, number]
	);

/** Where the map sits in the image: the layout's header does not depend on text widths while nothing wraps. */
function layoutFor(size: { width: number; height: number }, types: EventType[], colors: Record<EventType, string>): SnapshotLayout {
	return snapshotLayout({ map: size, pixelRatio: 1, title: 'Conflict map', period: 'x', detail: 'x', types, colors, attribution: 'x' }, () => 10);
}

describe('PNG export', () => {
	it('the dashboard button downloads the map with title, window, legend in the map colours, and the events drawn', async () => {
		const w = await openPage(browser);
		pages.push(w);
		const { page } = w;
		await page.goto(`${server.url}/?from=2021-11-01&to=2021-11-30`);
		await waitForMapIdle(page);
		const map = await page.evaluate(() => {
			const m = (window as unknown as { __map: { getCanvas(): HTMLCanvasElement } }).__map;
			const frame = (window as unknown as { __overlay: { frame(): { marks: { x: number; y: number; r: number; cluster: number }[] } } }).__overlay.frame();
			return { width: m.getCanvas().width, height: m.getCanvas().height, marks: frame.marks };
		});
		expect(map.marks.length).toBeGreaterThan(0);

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		expect(download.suggestedFilename()).toBe('conflict-map-2021-11-01-2021-11-30.png');
		const size = await decode(page, download, 'dashboard-export.png');
		const types = EVENT_TYPES.filter((t) => TYPES.has(t));
		const layout = layoutFor(map, types, lightTheme.eventColors);
		expect(size.width).toBe(map.width);
		expect(size.height).toBeGreaterThan(layout.map.y + map.height + 40);

		// The title and the window: dark text on the white header.
		expect((await band(page, 0, layout.map.y, SNAPSHOT_COLORS.background)).share).toBeGreaterThan(0.01);
		// The map: the basemap (its light land is near white, hence the small tolerance), not a blank buffer.
		expect((await band(page, layout.map.y, layout.map.y + map.height, SNAPSHOT_COLORS.background, 4)).share).toBeGreaterThan(0.9);
		// Where the overlay drew an event, the image has it: neither land nor water nor white.
		const mark = map.marks.find((m) => m.x > 10 && m.y > 10 && m.x < map.width - 10 && m.y < map.height - 10)!;
		const at = await pixel(page, mark.x, layout.map.y + mark.y);
		for (const ground of [lightTheme.land, lightTheme.water, SNAPSHOT_COLORS.background]) expect(at.slice(0, 3).some((v, j) => Math.abs(v - rgbOf(ground)[j]!) > 30), `${hex(at)} at an event`).toBe(true);
		// The first legend swatch sits at the left margin in the colour of the first type shown; every type's colour is in the footer.
		const first = layout.swatches[0]!;
		expect(hex(await pixel(page, first.x, first.y))).toBe(lightTheme.eventColors[types[0]!].toLowerCase());
		const footer = await band(page, layout.map.y + map.height, size.height, SNAPSHOT_COLORS.background);
		for (const t of types) expect(footer.colours, t).toContain(lightTheme.eventColors[t].toLowerCase());
		expect(w.errors).toEqual([]);
		expect(w.external).toEqual([]);
	});

	it('the wall saves its frame on the p key, legend in its own lifted colours, and shows its button only when asked (png)', async () => {
		const w = await openPage(browser, { width: 1280, height: 720 });
		pages.push(w);
		const { page } = w;
		await page.goto(`${server.url}/wall?from=2021-11-01&to=2021-11-30&at=2021-11-16&speed=0.05&window=10&title=Border`);
		await page.waitForFunction(() => (window as unknown as { __wall?: { connection: string } }).__wall?.connection === 'live', undefined, { timeout: 60_000 });
		await waitForMapIdle(page, 60_000);
		expect(await page.getByTestId('wall-png').count()).toBe(0);
		const map = await page.evaluate(() => {
			const c = (window as unknown as { __map: { getCanvas(): HTMLCanvasElement } }).__map.getCanvas();
			return { width: c.width, height: c.height };
		});

		const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('p')]);
		expect(download.suggestedFilename()).toMatch(/^conflict-map-2021-11-\d\d-2021-11-\d\d\.png$/);
		const size = await decode(page, download, 'wall-export.png');
		expect(size.width).toBe(map.width);
		const colors = legibleColors(darkTheme).eventColors;
		const types = EVENT_TYPES.filter((t) => TYPES.has(t));
		const layout = layoutFor(map, types, colors);
		expect((await band(page, 0, layout.map.y, SNAPSHOT_COLORS.background)).share).toBeGreaterThan(0.01);
		expect((await band(page, layout.map.y, layout.map.y + map.height, SNAPSHOT_COLORS.background)).share).toBeGreaterThan(0.5);
		const footer = await band(page, layout.map.y + map.height, size.height, SNAPSHOT_COLORS.background);
		for (const t of types) expect(footer.colours, t).toContain(colors[t].toLowerCase());

		await page.goto(`${server.url}/wall?from=2021-11-01&to=2021-11-30&png`);
		await expect.poll(() => page.getByTestId('wall-png').count(), { timeout: 30_000 }).toBe(1);
		expect(w.errors).toEqual([]);
	});
});
