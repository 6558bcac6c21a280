// The dashboard on a phone (390×844, a touch screen) in real Chromium: a tapped mark keeps the map and the event's
// evidence on screen and the page where it was; the filters are a drawer; touch targets of 44 px; desktop unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';

const SHOTS = path.join(ROOT, 'test-results');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const CAMERA = '?map=4.6/53.7/27';

let server: AppServer;
let browser: Browser;
const pages: WatchedPage[] = [];

async function open(viewport: { width: number; height: number }, hasTouch: boolean, camera = CAMERA): Promise<Page> {
	const w = await openPage(browser, viewport, { hasTouch });
	pages.push(w);
	await w.page.goto(`${server.url}/${camera}`);
	await waitForMapIdle(w.page);
	return w.page;
}

type Box = { x: number; y: number; width: number; height: number };

async function rect(page: Page, selector: string): Promise<{ top: number; bottom: number; left: number; right: number }> {
	return page.locator(selector).first().evaluate((el) => {
		const r = el.getBoundingClientRect();
		return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
	});
}

/** A single-event mark (page coordinates) on the bare map, clear of its controls and the legend, above `below`. */
async function markAbove(page: Page, below: number): Promise<{ x: number; y: number }> {
	const m = await page.evaluate((below) => {
		const w = window as unknown as { __overlay: { frame(): { marks: { x: number; y: number; cluster: number }[] } }; __map: { getContainer(): HTMLElement } };
		const b = w.__map.getContainer().getBoundingClientRect();
		const bare = (x: number, y: number) => document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas'); // not under the legend or a button
		const ok = (k: { x: number; y: number; cluster: number }) => k.cluster < 0 && k.x > 20 && k.x < b.width - 20 && k.y > 110 && b.top + k.y < below && bare(b.left + k.x, b.top + k.y);
		const k = w.__overlay.frame().marks.find(ok);
		return k ? { x: k.x + b.left, y: k.y + b.top } : null;
	}, below);
	expect(m, 'a single-event mark in the upper part of the map').toBeTruthy();
	return m!;
}

const intersectsViewport = (r: { top: number; bottom: number; left: number; right: number }, vp: { width: number; height: number }) => r.bottom > 0 && r.top < vp.height && r.right > 0 && r.left < vp.width;

async function expectTarget(page: Page, selector: string) {
	const boxes = await page.locator(selector).evaluateAll((els) =>
		els.map((el) => {
			const r = el.getBoundingClientRect();
			return { what: el.outerHTML.slice(0, 80), width: r.width, height: r.height };
		})
	);
	expect(boxes.length, selector).toBeGreaterThan(0);
	for (const b of boxes) {
		expect(b.width, b.what).toBeGreaterThanOrEqual(44);
		expect(b.height, b.what).toBeGreaterThanOrEqual(44);
	}
}

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer();
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('the dashboard on a phone', () => {
	it('a tapped mark keeps the map, the mark and the evidence on screen, and the page does not scroll to the list', async () => {
		const page = await open(PHONE, true);
		await page.screenshot({ path: path.join(SHOTS, 'phone-390x844.png') });
		const sheetTop = PHONE.height * 0.6; // the sheet takes at most 40 % of the screen's height
		const mark = await markAbove(page, sheetTop - 20);
		const before = await page.evaluate(() => window.scrollY);
		await page.touchscreen.tap(mark.x, mark.y);
		await page.waitForURL(/sel=/);
		const panel = page.getByTestId('source-panel');
		await panel.waitFor({ state: 'visible' });
		await page.getByTestId('evidence').waitFor({ state: 'visible' });
		await waitForMapIdle(page);
		await page.screenshot({ path: path.join(SHOTS, 'phone-390x844-tapped.png') });

		expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(10);
		const map = await rect(page, '.maplibregl-canvas');
		const sheet = await rect(page, '[data-testid=panel-wrap]');
		const evidence = await rect(page, '[data-testid=evidence]');
		expect(intersectsViewport(map, PHONE)).toBe(true);
		expect(intersectsViewport(evidence, PHONE)).toBe(true);
		expect(intersectsViewport(await rect(page, '[data-testid=source-panel] h2'), PHONE)).toBe(true);
		// The sheet sits at the screen's bottom and leaves most of the map uncovered, the selected mark included.
		expect(sheet.bottom).toBeCloseTo(PHONE.height, 0);
		expect(sheet.top).toBeGreaterThanOrEqual(sheetTop - 1);
		expect(Math.min(map.bottom, sheet.top) - Math.max(map.top, 0)).toBeGreaterThan(250);
		const ring = await page.evaluate(() => {
			const w = window as unknown as { __overlay: { frame(): { ring: { x: number; y: number } | null } }; __map: { getContainer(): HTMLElement } };
			const r = w.__overlay.frame().ring;
			return r && { x: r.x + w.__map.getContainer().getBoundingClientRect().left, y: r.y + w.__map.getContainer().getBoundingClientRect().top };
		});
		expect(ring).toBeTruthy();
		expect(ring!.y).toBeGreaterThan(map.top);
		expect(ring!.y).toBeLessThan(sheet.top);

		// The list is still reachable under the sheet, and its selected row is scrolled into the list, not the page.
		const row = page.locator('[role=listbox] [aria-selected=true]');
		expect(await row.count()).toBe(1);
		const list = await rect(page, '[role=listbox]');
		const r = await rect(page, '[role=listbox] [aria-selected=true]');
		expect(r.top).toBeGreaterThanOrEqual(list.top - 1);
		expect(r.bottom).toBeLessThanOrEqual(list.bottom + 1);

		// Its close button is a touch target; a tap on it takes the sheet away and leaves the page where it was.
		await expectTarget(page, '[data-testid=source-panel] .close');
		await page.locator('[data-testid=source-panel] .close').tap();
		await panel.waitFor({ state: 'detached' });
		expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(10);
	});

	it('a mark tapped low on the map, where the sheet then lies, is moved up out from under it', async () => {
		// An event at an exact place (which the selection does not reframe, as it does a country) with none near it.
		const all = ((await (await fetch(`${server.url}/api/events.geojson`)).json()) as { features: { properties: { id: string; place_kind: string }; geometry: { coordinates: [number, number] } }[] }).features;
		const alone = all.find((f) => ['city', 'site'].includes(f.properties.place_kind) && all.every((g) => g === f || Math.hypot(g.geometry.coordinates[0] - f.geometry.coordinates[0], g.geometry.coordinates[1] - f.geometry.coordinates[1]) > 2));
		expect(alone, 'an exact-place event 2° from any other').toBeTruthy();
		const [lon, lat] = alone!.geometry.coordinates;
		const page = await open(PHONE, true, `?map=7/${lat}/${lon}`);
		// MapLibre shows its credits unfolded until the map is first moved: fold them, as a first pan would.
		if (await page.locator('.maplibregl-compact-show').count()) await page.locator('.maplibregl-ctrl-attrib-button').tap();
		await page.locator('.maplibregl-compact-show').waitFor({ state: 'detached' });
		// Pan a single mark to 25 px above the map's bottom edge, in its middle (clear of the legend and credits).
		const low = await page.evaluate(() => {
			const w = window as unknown as { __overlay: { frame(): { marks: { x: number; y: number; r: number; cluster: number }[] } }; __map: { getContainer(): HTMLElement; panBy(o: [number, number], opts: { duration: number }): void } };
			const c = w.__map.getContainer();
			const k = w.__overlay.frame().marks.find((k) => k.cluster < 0 && Math.hypot(k.x - c.clientWidth / 2, k.y - c.clientHeight / 2) < 2);
			if (!k) return null;
			w.__map.panBy([k.x - c.clientWidth / 2, k.y - (c.clientHeight - 25)], { duration: 0 });
			return { x: c.getBoundingClientRect().left + c.clientWidth / 2, y: c.getBoundingClientRect().top + c.clientHeight - 25 };
		});
		expect(low).toBeTruthy();
		await waitForMapIdle(page);
		expect(low!.y).toBeGreaterThan(PHONE.height * 0.6); // where the sheet will be
		expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.classList.contains('maplibregl-canvas'), [low!.x, low!.y])).toBe(true);
		await page.touchscreen.tap(low!.x, low!.y);
		await page.waitForURL((u) => u.searchParams.get('sel') === alone!.properties.id);
		await page.getByTestId('evidence').waitFor({ state: 'visible' });
		const sheet = await rect(page, '[data-testid=panel-wrap]');
		await expect
			.poll(() =>
				page.evaluate(() => {
					const w = window as unknown as { __overlay: { frame(): { ring: { y: number } | null } }; __map: { getContainer(): HTMLElement; isMoving(): boolean } };
					const r = w.__overlay.frame().ring;
					return !w.__map.isMoving() && r ? r.y + w.__map.getContainer().getBoundingClientRect().top : null;
				})
			)
			.toBeLessThan(sheet.top - 10);
		await page.screenshot({ path: path.join(SHOTS, 'phone-390x844-tapped-low.png') });
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
	});

	it('an event tapped in the list, scrolled to below the map, brings the map back with the event on it and its sheet', async () => {
		const page = await open(PHONE, true);
		const third = page.locator('[role=listbox] [role=option]').nth(2);
		await third.scrollIntoViewIfNeeded();
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300); // the list is below the map
		expect(intersectsViewport(await rect(page, '.maplibregl-canvas'), PHONE)).toBe(false);
		const id = await third.getAttribute('data-event-id');
		await third.tap();
		await page.waitForURL((u) => u.searchParams.get('sel') === id);
		await page.getByTestId('evidence').waitFor({ state: 'visible' });
		await waitForMapIdle(page);
		await page.screenshot({ path: path.join(SHOTS, 'phone-390x844-from-list.png') });
		const map = await rect(page, '.maplibregl-canvas');
		expect(map.top).toBeGreaterThanOrEqual(-1);
		expect(intersectsViewport(map, PHONE)).toBe(true);
		expect(intersectsViewport(await rect(page, '[data-testid=evidence]'), PHONE)).toBe(true);
		const ring = await page.evaluate(() => {
			const w = window as unknown as { __overlay: { frame(): { ring: { y: number } | null } }; __map: { getContainer(): HTMLElement } };
			const r = w.__overlay.frame().ring;
			return r && r.y + w.__map.getContainer().getBoundingClientRect().top;
		});
		expect(ring, 'the chosen event is marked on the map').toBeTruthy();
		expect(ring!).toBeLessThan((await rect(page, '[data-testid=panel-wrap]')).top);
	});

	it('the filters open in a drawer by their button and close by its close button, Escape or a tap beside it', async () => {
		const page = await open(PHONE, true);
		const toggle = page.getByTestId('filters-toggle');
		const drawer = page.getByTestId('filters-drawer');
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await drawer.isVisible()).toBe(false);
		const total = Number(await page.getByTestId('header-count').textContent());

		await toggle.tap();
		await drawer.waitFor({ state: 'visible' });
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		expect(await drawer.getAttribute('role')).toBe('dialog');
		expect(await drawer.getAttribute('aria-modal')).toBe('true');
		await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#filters') !== null)).toBe(true);
		const box = await rect(page, '[data-testid=filters-drawer]');
		expect(box.top).toBeGreaterThanOrEqual(0);
		expect(box.bottom).toBeLessThanOrEqual(PHONE.height + 1); // over the page, not a 2,000 px block in it
		expect(box.right).toBeLessThanOrEqual(PHONE.width);
		expect(await page.locator('main.center').getAttribute('inert')).not.toBeNull(); // the page behind is out of reach
		await expectTarget(page, '[data-testid=filters-close]');
		await page.screenshot({ path: path.join(SHOTS, 'phone-390x844-filters.png') });

		// A filter ticked in the drawer applies to the page behind it.
		await page.getByTestId('type-PROTEST').tap();
		await expect.poll(async () => Number(await page.getByTestId('header-count').textContent())).toBeLessThan(total);

		await page.keyboard.press('Escape');
		await drawer.waitFor({ state: 'hidden' });
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filters-toggle');
		expect(await page.locator('main.center').getAttribute('inert')).toBeNull();

		await toggle.tap();
		await drawer.waitFor({ state: 'visible' });
		await page.getByTestId('filters-close').tap();
		await drawer.waitFor({ state: 'hidden' });
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filters-toggle');

		await toggle.tap();
		await drawer.waitFor({ state: 'visible' });
		await page.touchscreen.tap(PHONE.width - 10, PHONE.height / 2); // the dimmed page beside the drawer
		await drawer.waitFor({ state: 'hidden' });
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
	});

	it('its touch targets are at least 44 px: the time handles, the timeline buttons, the map controls and the drawer toggle', async () => {
		const page = await open(PHONE, true);
		await expectTarget(page, '[data-testid=handle-start]');
		await expectTarget(page, '[data-testid=handle-end]');
		await expectTarget(page, 'section.timeline .controls button');
		await expectTarget(page, 'section.timeline .controls select');
		await expectTarget(page, 'section.timeline .hist-by label');
		await expectTarget(page, '[data-testid=fit-events]');
		await expectTarget(page, '[data-testid=area-draw]');
		await expectTarget(page, '.maplibregl-ctrl-attrib-button');
		await expectTarget(page, 'details.legend > summary');
		await expectTarget(page, '[data-testid=filters-toggle]');
		// Wider handles still lie inside the screen, and nothing makes the page scroll sideways.
		for (const id of ['handle-start', 'handle-end']) {
			const b = (await page.getByTestId(id).boundingBox()) as Box;
			expect(b.x).toBeGreaterThanOrEqual(0);
			expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
		// A drag of the grip moves the window's start.
		const start = (await page.getByTestId('handle-start').boundingBox()) as Box;
		const before = await page.getByTestId('handle-start').getAttribute('aria-valuenow');
		await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
		await page.mouse.down();
		await page.mouse.move(start.x + start.width / 2 + 80, start.y + start.height / 2, { steps: 4 });
		await page.mouse.up();
		expect(Number(await page.getByTestId('handle-start').getAttribute('aria-valuenow'))).toBeGreaterThan(Number(before));
	});
});

describe('the dashboard on a desktop screen', () => {
	it('keeps its three columns: the filters inline, no drawer button, the selected event beside the list', async () => {
		const page = await open(DESKTOP, false);
		expect(await page.getByTestId('filters-toggle').isVisible()).toBe(false);
		expect(await page.getByTestId('filters-close').count()).toBe(0);
		const filters = await rect(page, '#filters');
		expect(filters.left).toBe(0);
		expect(filters.right).toBeCloseTo(250, 0);
		expect(await page.getByTestId('search').isVisible()).toBe(true);
		expect(await page.getByTestId('filters-drawer').getAttribute('role')).toBeNull();
		const handle = (await page.getByTestId('handle-start').boundingBox()) as Box;
		expect(handle.width).toBe(14);

		const mark = await markAbove(page, DESKTOP.height);
		await page.mouse.click(mark.x, mark.y);
		await page.waitForURL(/sel=/);
		await page.getByTestId('source-panel').waitFor({ state: 'visible' });
		await waitForMapIdle(page);
		const panel = await rect(page, '[data-testid=panel-wrap]');
		expect(panel.left).toBeGreaterThanOrEqual(DESKTOP.width - 361); // the 360 px right column, as before
		expect(panel.left).toBeLessThanOrEqual(DESKTOP.width - 358);
		expect(panel.top).toBeLessThan(60); // at the top of the right column, under the bar
		expect(await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight])).toEqual([0, DESKTOP.height]);
		await page.screenshot({ path: path.join(SHOTS, 'desktop-1280x800-selected.png') });
	});

	it('no request left localhost and no page logged an error', () => {
		expect(pages.length).toBe(6);
		expect(pages.flatMap((p) => p.external)).toEqual([]);
		expect(pages.flatMap((p) => p.errors)).toEqual([]);
	});
});
