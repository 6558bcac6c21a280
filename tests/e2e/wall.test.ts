// The wall in real Chromium: both screen sizes, captions moving with time, live data, reconnecting, and a memory soak.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, waitForMapIdle, type AppServer, type WatchedPage } from './harness';
import { extraEvent, snapshotBuild, startWallServer, wallDataDir, wallEvents, writeEvents } from './wall-fixture';
import { fromDay } from '../../src/lib/domain/time';
import { WALL_PARAMS } from '../../src/lib/domain/wallconfig';
import { FILTER_PARAMS } from '../../src/lib/domain/filter';

/** Where screenshots go, to be looked at (not compared): $WALL_SHOTS or a temp folder. */
const SHOTS = process.env.WALL_SHOTS ?? path.join(tmpdir(), 'wall-shots');

let browser: Browser;
let server: AppServer;
let data: { dir: string; remove(): void };
let build: { dir: string; remove(): void };

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	data = wallDataDir(wallEvents());
	build = snapshotBuild();
	server = await startWallServer(build.dir, { geodataDir: data.dir });
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	data?.remove();
	build?.remove();
});

interface Probe {
	cycle: number;
	t: number;
	connection: string;
	version: number;
	events: number;
}
const probe = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __wall: Probe }).__wall }));
const captionIds = (page: Page) => page.$$eval('.caption', (els) => els.map((e) => e.getAttribute('data-event-id') ?? ''));

/** Opens a wall, runs `check`, and always closes the page (a 4K page left rendering would starve the next test). */
async function withWall(query: string, viewport: { width: number; height: number }, check: (w: WatchedPage) => Promise<void>) {
	const watched = await openPage(browser, viewport);
	try {
		// Software WebGL at 4K on two cores is slow: be patient with the first frame.
		const timeout = viewport.width > 2000 ? 150_000 : 60_000;
		await watched.page.goto(`${server.url}/wall?${query}`);
		await watched.page.waitForFunction(() => (window as unknown as { __wall?: Probe }).__wall?.connection === 'live', undefined, { timeout });
		await waitForMapIdle(watched.page, timeout);
		await check(watched);
	} finally {
		await watched.context.close();
	}
}
const SMALL = { width: 1280, height: 720 };

describe('wall display', () => {
	it.each([
		[1920, 1080],
		[3840, 2160]
	])('fills a %i×%i screen with the map, a large date, captions and a legend, type scaled to the screen, no cursor, nothing fetched from outside', { timeout: 400_000 }, async (width, height) => {
		// Slow, so the screenshot catches a settled frame mid-month.
		await withWall('from=2021-11-01&to=2021-11-30&at=2021-11-16&speed=0.05&window=10&title=Belarus–Poland%20border', { width, height }, async ({ page, external, errors }) => {
			await page.waitForSelector('.caption', { timeout: 60_000 });
			// Let the first captions' entrance animation finish before the picture is taken.
			await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
			await page.screenshot({ path: path.join(SHOTS, `wall-${width}x${height}.png`) });

			const layout = await page.evaluate(() => {
				const css = (sel: string) => getComputedStyle(document.querySelector(sel)!);
				return {
					cursor: css('.wall').cursor,
					bodyCursor: getComputedStyle(document.body).cursor,
					date: parseFloat(css('.period .dm').fontSize),
					summary: parseFloat(css('.caption .summary').fontSize),
					legendItems: document.querySelectorAll('.legend .types li').length,
					legend: parseFloat(css('.legend .types li').fontSize),
					canvas: document.querySelector('canvas')!.getBoundingClientRect().width,
					buttons: document.querySelectorAll('button, input, a[href]').length
				};
		});
		expect(layout.cursor).toBe('none');
		expect(layout.bodyCursor).toBe('none');
		expect(layout.buttons).toBe(0);
		expect(layout.canvas).toBe(width);
		expect(layout.legendItems).toBeGreaterThan(5);
		// Type follows the screen height: the same share of the screen at both sizes (readable from metres away).
		expect(layout.date / height).toBeCloseTo(0.06, 3);
		expect(layout.summary / height).toBeCloseTo(0.025, 3);
		expect(layout.date).toBeGreaterThanOrEqual(60);
		// The legend's type names are legible across a room: 24 px at 1080 lines, growing with the screen.
		expect(layout.legend).toBeGreaterThanOrEqual(24 * (height / 1080) - 0.5);

		// The map drew something: its canvas, read right after a frame is drawn, holds several colours.
		const colours = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const map = (window as unknown as { __map: { getCanvas(): HTMLCanvasElement; once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
					map.once('render', () => {
						const c = document.createElement('canvas');
						c.width = 64;
						c.height = 36;
						const ctx = c.getContext('2d')!;
						ctx.drawImage(map.getCanvas(), 0, 0, 64, 36);
						const px = ctx.getImageData(0, 0, 64, 36).data;
						const seen = new Set<number>();
						for (let k = 0; k < px.length; k += 4) seen.add((px[k]! >> 4) * 256 + (px[k + 1]! >> 4) * 16 + (px[k + 2]! >> 4));
						resolve(seen.size);
					});
					map.triggerRepaint();
				})
		);
		expect(colours).toBeGreaterThan(3);
		expect(external).toEqual([]);
		expect(errors).toEqual([]);
		});
	});

	it('shows Arabic captions right to left, as text, in their own language', async () => {
		await withWall('from=2021-11-08&to=2021-11-12&speed=0.5&window=3&hold=0', SMALL, async ({ page }) => {
			const arabic = await page.waitForSelector('.caption .summary[lang="ar"]', { timeout: 60_000 });
			const info = await arabic.evaluate((el) => ({ dir: getComputedStyle(el).direction, text: el.textContent, html: el.innerHTML }));
			expect(info.dir).toBe('rtl');
			expect(info.text).toMatch(/[\u0600-\u06ff]/);
			expect(info.html).toBe(info.text); // text nodes only, no markup
		});
	});

	it('changes captions and the date as time advances, and loops', async () => {
		await withWall('from=2021-11-01&to=2021-11-30&speed=6&window=5&hold=0.5', SMALL, async ({ page }) => {
			const seen: string[] = [];
			const dates = new Set<string>();
			for (let k = 0; k < 6; k++) {
				const before = (await captionIds(page)).join(',');
				await page.waitForFunction((b) => [...document.querySelectorAll('.caption')].map((e) => e.getAttribute('data-event-id')).join(',') !== b, before, { timeout: 30_000 });
				seen.push((await captionIds(page)).join(','));
				dates.add((await page.textContent('.period .date')) ?? '');
			}
			expect(new Set(seen).size).toBeGreaterThanOrEqual(4);
			expect(dates.size).toBeGreaterThanOrEqual(3);
			await page.waitForFunction(() => (window as unknown as { __wall: Probe }).__wall.cycle >= 1, undefined, { timeout: 30_000 });
			// Bounded: never more than three captions on screen.
			expect((await captionIds(page)).length).toBeLessThanOrEqual(3);
		});
	});

	it('over one full loop, every captioned event is on the map, clear of the caption panel, once the map has settled', async () => {
		const coords = Object.fromEntries(wallEvents().features.map((f) => [f.properties.id, f.geometry.coordinates as [number, number]]));
		await withWall('from=2021-11-01&to=2021-11-30&speed=1&window=3&hold=0.5', SMALL, async ({ page }) => {
			// Recorded in the page every 100 ms: for each caption on screen for over 1.5 s (a glide takes 1.2 s) while
			// the map stands still, whether its event's screen point lies inside the map area left of the panel.
			await page.evaluate((coords) => {
				const w = window as unknown as { __map: { isMoving(): boolean; project(p: [number, number]): { x: number; y: number } }; __seen: Record<string, boolean[]> };
				const since = new Map<string, number>();
				w.__seen = {};
				setInterval(() => {
					const ids = [...document.querySelectorAll('.caption')].map((e) => e.getAttribute('data-event-id')!);
					for (const id of [...since.keys()]) if (!ids.includes(id)) since.delete(id);
					for (const id of ids) if (!since.has(id)) since.set(id, performance.now());
					if (w.__map.isMoving()) return;
					const right = document.querySelector('.panel')!.getBoundingClientRect().left;
					for (const id of ids) {
						if (performance.now() - since.get(id)! < 1500 || !coords[id]) continue;
						const { x, y } = w.__map.project(coords[id]!);
						(w.__seen[id] ??= []).push(x >= 0 && x <= right && y >= 0 && y <= innerHeight);
					}
				}, 100);
			}, coords);
			await page.waitForFunction(() => (window as unknown as { __wall: Probe }).__wall.cycle >= 1, undefined, { timeout: 90_000 });
			const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, boolean[]> }).__seen);
			const far = ['Brussels', 'Berlin', 'Moscow'].flatMap((place) => wallEvents().features.filter((f) => f.properties.place_name === place).map((f) => f.properties.id));
			// The far-off places (outside the middle of the data) were captioned and checked, and every check was inside.
			expect(far.filter((id) => seen[id]?.length).length).toBeGreaterThanOrEqual(3);
			expect(Object.keys(seen).length).toBeGreaterThanOrEqual(10);
			const outside = Object.entries(seen).filter(([, checks]) => checks.some((inside) => !inside)).map(([id]) => id);
			expect(outside).toEqual([]);
		});
	});

	it('/wall?help lists every URL option the wall reads, and a bad option still gets its full-screen message', async () => {
		const { page, context } = await openPage(browser, SMALL);
		try {
			await page.goto(`${server.url}/wall?help`);
			await page.waitForSelector('.help td code');
			const options = (await page.$$eval('.help td:first-child code', (els) => els.map((e) => e.textContent ?? ''))).flatMap((t) => t.split(',').map((n) => n.trim()));
			for (const p of [...WALL_PARAMS, ...FILTER_PARAMS]) expect(options).toContain(p);
			await page.goto(`${server.url}/wall?speed=fast`);
			await page.waitForSelector('.problem');
			expect(await page.textContent('.problem')).toMatch(/speed/);
		} finally {
			await context.close();
		}
	});

	it('picks up a change to events.geojson without reloading or restarting the loop', async () => {
		await withWall('from=2021-11-01&to=2021-11-30&speed=0.6&window=6&poll=1', SMALL, async ({ page }) => {
			await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
			const before = await probe(page);
			// An event a day or two ahead of the clock, so it is captioned as soon as time reaches it.
			const day = fromDay(Math.floor(before.t) + 2);
			const collection = wallEvents();
			collection.features.push(extraEvent(day, 'Live update: a new protest appears while the wall is running'));
			writeEvents(data.dir, collection);
			try {
				await page.waitForFunction((n) => (window as unknown as { __wall: Probe }).__wall.events === n + 1, before.events, { timeout: 60_000 });
				const after = await probe(page);
				expect(after.version).toBeGreaterThan(before.version);
				expect(after.t).toBeGreaterThanOrEqual(before.t); // the loop carried on; it did not restart
				expect(after.cycle).toBe(before.cycle);
				await page.waitForSelector('.caption[data-event-id="w777"]', { timeout: 60_000 });
				expect(await page.textContent('.caption[data-event-id="w777"] .summary')).toContain('Live update');
				expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
			} finally {
				writeEvents(data.dir, wallEvents());
			}
		});
	});

	it('shows a discreet "reconnecting" while the server is down and recovers when it is back', async () => {
		await withWall('from=2021-11-01&to=2021-11-30&speed=1&poll=1', SMALL, async ({ page }) => {
			await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
			expect(await page.$('.status')).toBeNull();
			const port = server.port;
			await server.stop();
			await page.waitForSelector('.status', { timeout: 30_000 });
			expect(await page.textContent('.status')).toContain('Reconnecting');
			expect(await page.getAttribute('.wall', 'data-connection')).toBe('reconnecting');
			// The wall keeps playing meanwhile.
			const t = (await probe(page)).t;
			await page.waitForFunction((t0) => (window as unknown as { __wall: Probe }).__wall.t > t0, t, { timeout: 30_000 });
			server = await startWallServer(build.dir, { geodataDir: data.dir, port });
			await page.waitForFunction(() => (window as unknown as { __wall: Probe }).__wall.connection === 'live', undefined, { timeout: 30_000 });
			await page.waitForSelector('.status', { state: 'detached', timeout: 10_000 });
			expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
		});
	});
});
