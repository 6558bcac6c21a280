// What the map tells a reader without a click, in real Chromium: the hover tooltip of an event and of a cluster
// (inside the map, out of the way of clicks, gone on leave, drag and touch), and a month-dated event drawn hollow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';
import { wallDataDir, wallEvents } from './wall-fixture';
import type { EventCollection } from '../../src/lib/domain/event';
import type { Mark } from '../../src/lib/map/overlay';

const SHOTS = path.join(ROOT, 'test-results');

/** The wall's November 2021 events, with two alike in all but their date: Kyiv known to the day, Riga only to the month. */
function events(): EventCollection {
	const c = wallEvents();
	const byPlace = (name: string) => c.features.find((f) => f.properties.place_name === name)!.properties;
	Object.assign(byPlace('Kyiv'), { event_type: 'COOPERATE', summary: 'Ukraine and Poland agree to share border surveillance data', date: '2021-11-28' });
	Object.assign(byPlace('Riga'), { date: '2021-11-15', date_start: '2021-11-01', date_end: '2021-11-30', date_precision: 'month', date_text: 'in November' });
	return c;
}
const KYIV: [number, number] = [30.52, 50.45];
const RIGA: [number, number] = [24.1, 56.95];
const BRUZGI: [number, number] = [23.7, 53.45];

let data: { dir: string; remove(): void };
let server: AppServer;
let browser: Browser;
const pages: WatchedPage[] = [];
/** Pages that select an event: the fixture stores no articles, so the event panel's article request answers 404. */
const selecting = new Set<Page>();

/** The dashboard at `query`, with its legend folded so that no mark lies under it. */
async function open(query: string): Promise<Page> {
	const w = await openPage(browser);
	pages.push(w);
	await w.page.goto(`${server.url}/${query}`);
	await waitForMapIdle(w.page);
	await w.page.locator('details.legend').evaluate((d) => ((d as HTMLDetailsElement).open = false));
	return w.page;
}

/** The overlay's marks (overlay.ts) moved to page coordinates, and the map's box on the page. */
async function marks(page: Page): Promise<{ marks: Mark[]; box: { x: number; y: number; width: number; height: number } }> {
	return page.evaluate(() => {
		const w = window as unknown as { __overlay: { frame(): { marks: Mark[] } }; __map: { getContainer(): HTMLElement } };
		const b = w.__map.getContainer().getBoundingClientRect();
		return { marks: w.__overlay.frame().marks.map((m) => ({ ...m, x: m.x + b.left, y: m.y + b.top })), box: { x: b.left, y: b.top, width: b.width, height: b.height } };
	});
}

/** The single-event mark drawn at `lonLat`. */
async function markAt(page: Page, lonLat: [number, number]): Promise<Mark> {
	const { marks: all, box } = await marks(page);
	const p = await page.evaluate((c) => (window as unknown as { __map: { project(c: [number, number]): { x: number; y: number } } }).__map.project(c), lonLat);
	const m = all.find((k) => k.cluster < 0 && Math.hypot(k.x - (p.x + box.x), k.y - (p.y + box.y)) < 1);
	expect(m, `a mark at ${lonLat}`).toBeTruthy();
	return m!;
}

const tooltip = (page: Page) => page.getByTestId('map-tooltip');

async function tipBox(page: Page) {
	await tooltip(page).waitFor({ state: 'visible' });
	// Placed once its size is known: wait until it lies within the map (what the test asserts is the placing).
	return (await tooltip(page).boundingBox())!;
}

beforeAll(async () => {
	data = wallDataDir(events());
	copyFileSync(path.join(ROOT, 'geodata/places.geojson'), path.join(data.dir, 'places.geojson'));
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer({ geodataDir: data.dir });
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	data?.remove();
});

describe('hover tooltip', () => {
	it('hovering a single event shows its type, date with its precision, place and summary; leaving the map hides it', async () => {
		const page = await open('?map=4.6/53.7/27');
		const kyiv = await markAt(page, KYIV);
		await page.mouse.move(kyiv.x, kyiv.y);
		await tooltip(page).waitFor({ state: 'visible' });
		expect((await tooltip(page).innerText()).trim()).toMatch(/^Cooperation · 2021-11-28\s+Kyiv\s+Ukraine and Poland agree to share border surveillance data$/);
		await page.screenshot({ path: path.join(SHOTS, 'map-tooltip-event.png') });

		const riga = await markAt(page, RIGA);
		await page.mouse.move(riga.x + 2, riga.y - 1);
		await expect.poll(() => tooltip(page).getByTestId('tip-date').textContent()).toBe('2021-11');
		expect(await tooltip(page).innerText()).toContain('Riga');

		// Off the marks: nothing; off the map: nothing.
		await page.mouse.move(kyiv.x + 60, kyiv.y + 60);
		await tooltip(page).waitFor({ state: 'detached' });
		await page.mouse.move(riga.x, riga.y);
		await tooltip(page).waitFor({ state: 'visible' });
		await page.mouse.move(5, 5); // the header
		await tooltip(page).waitFor({ state: 'detached' });
	});

	it('hovering a cluster shows its count by event type, adding up to the cluster’s count', async () => {
		const page = await open('?map=4.6/53.7/27');
		const { marks: all } = await marks(page);
		const cluster = all.filter((m) => m.cluster >= 0).sort((a, b) => b.count - a.count)[0]!;
		expect(cluster.count).toBeGreaterThan(2);
		await page.mouse.move(cluster.x, cluster.y);
		await tooltip(page).waitFor({ state: 'visible' });
		expect(await page.getByTestId('tip-total').textContent()).toBe(`${cluster.count} events`);
		const rows = await page.getByTestId('tip-row').allInnerTexts();
		const others = await page.getByTestId('tip-others').allInnerTexts();
		const counts = [...rows, ...others].map((r) => Number(/(\d+)$/.exec(r.trim())![1]));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(cluster.count);
		expect(rows.some((r) => /^Attack\s+\d+$/.test(r.trim()))).toBe(true);
		expect(await tooltip(page).innerText()).toMatch(/Click to zoom in/);
		await page.screenshot({ path: path.join(SHOTS, 'map-tooltip-cluster.png') });
	});

	it('shows an Arabic summary right to left, stays inside the map at its corner, and lets the click through', async () => {
		const page = await open('?map=9/53.45/23.7');
		let bruzgi = await markAt(page, BRUZGI);
		await page.mouse.move(bruzgi.x, bruzgi.y);
		await tooltip(page).waitFor({ state: 'visible' });
		const summary = page.getByTestId('tip-summary');
		expect(await summary.textContent()).toBe('اشتباك عند معبر بروزغي بين مهاجرين وحرس الحدود البولندي');
		expect(await summary.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
		expect(await tooltip(page).evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
		expect(await page.getByTestId('tip-place').textContent()).toBe('Bruzgi');

		// Put the mark 4 px from the map's bottom-right corner: the tooltip flips and stays inside the map.
		await page.mouse.move(5, 5);
		await page.evaluate(() => {
			const m = (window as unknown as { __map: { project(c: [number, number]): { x: number; y: number }; getContainer(): HTMLElement; panBy(o: [number, number], opts: object): void } }).__map;
			const p = m.project([23.7, 53.45]);
			const c = m.getContainer();
			m.panBy([p.x - (c.clientWidth - 4), p.y - (c.clientHeight - 4)], { animate: false });
		});
		await waitForMapIdle(page);
		bruzgi = await markAt(page, BRUZGI);
		await page.mouse.move(bruzgi.x - 2, bruzgi.y - 2);
		const { box } = await marks(page);
		await expect
			.poll(async () => {
				const t = await tipBox(page);
				return t.x >= box.x && t.y >= box.y && t.x + t.width <= box.x + box.width + 0.5 && t.y + t.height <= box.y + box.height + 0.5;
			})
			.toBe(true);
		const t = await tipBox(page);
		expect(t.x + t.width).toBeLessThan(bruzgi.x); // flipped to the pointer's left
		await page.screenshot({ path: path.join(SHOTS, 'map-tooltip-corner.png') });

		// A click on the mark under the tooltip's reach selects it.
		selecting.add(page);
		await page.mouse.click(bruzgi.x - 2, bruzgi.y - 2);
		await page.waitForURL(/sel=w003/);
	});

	it('a drag hides the tooltip', async () => {
		const page = await open('?map=4.6/53.7/27');
		const kyiv = await markAt(page, KYIV);
		await page.mouse.move(kyiv.x, kyiv.y);
		await tooltip(page).waitFor({ state: 'visible' });
		await page.mouse.down();
		await page.mouse.move(kyiv.x + 40, kyiv.y + 30, { steps: 5 });
		await tooltip(page).waitFor({ state: 'detached' });
		await page.mouse.up();
	});

	it('a tap on a touch screen selects the event and shows no tooltip', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, isMobile: false });
		try {
			await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
			const page = await context.newPage();
			await page.goto(`${server.url}/?map=4.6/53.7/27`);
			await waitForMapIdle(page);
			const kyiv = await markAt(page, KYIV);
			await page.touchscreen.tap(kyiv.x, kyiv.y);
			await page.waitForURL(/sel=w023/);
			await waitForMapIdle(page);
			expect(await tooltip(page).count()).toBe(0);
		} finally {
			await context.close();
		}
	});
});

describe('date precision on the map', () => {
	/** RGB of the page's pixels at the given page points, from a real screenshot. */
	async function sample(page: Page, points: [number, number][]): Promise<[number, number, number][]> {
		const png = (await page.screenshot()).toString('base64');
		return page.evaluate(
			async ([b64, pts]) => {
				const bytes = Uint8Array.from(atob(b64 as string), (ch) => ch.charCodeAt(0));
				const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
				const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
				ctx.drawImage(bitmap, 0, 0);
				return (pts as [number, number][]).map(([x, y]) => {
					const d = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
					return [d[0]!, d[1]!, d[2]!] as [number, number, number];
				});
			},
			[png, points] as const
		);
	}

	/** The centre of a mark and four points on its rim, at 0.7 of its radius. */
	const probes = (m: Mark): [number, number][] => {
		const d = m.r * 0.7;
		return [
			[m.x, m.y],
			[m.x + d, m.y],
			[m.x - d, m.y],
			[m.x, m.y + d],
			[m.x, m.y - d]
		];
	};

	const diff = (a: number[], b: number[]) => Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!);

	it('a month-dated event is a hollow ring where a day-dated one of the same kind is a filled dot, and the legend says so', async () => {
		const page = await open('?map=4.6/53.7/27');
		const day = await markAt(page, KYIV);
		const month = await markAt(page, RIGA);
		expect(day.r).toBe(month.r); // same type, same geo precision: only the date differs
		const points = [...probes(day), ...probes(month)];
		const withEvents = await sample(page, points);
		await page.screenshot({ path: path.join(SHOTS, 'map-date-precision.png'), clip: { x: Math.min(day.x, month.x) - 40, y: Math.min(day.y, month.y) - 40, width: Math.abs(day.x - month.x) + 80, height: Math.abs(day.y - month.y) + 80 } });
		await page.locator('details.legend').evaluate((d) => ((d as HTMLDetailsElement).open = true));
		await page.getByTestId('layer-points').uncheck();
		await waitForMapIdle(page);
		await expect.poll(async () => (await marks(page)).marks.length).toBe(0);
		const basemap = await sample(page, points);
		/** How much the mark changed the map at its centre and, on average, on its rim. */
		const change = (offset: number) => {
			const at = (k: number) => diff(withEvents[offset + k]!, basemap[offset + k]!);
			return { centre: at(0), rim: (at(1) + at(2) + at(3) + at(4)) / 4 };
		};
		const solid = change(0);
		const hollow = change(5);
		// The filled dot covers its centre as much as its rim; the ring leaves its centre nearly as the map was.
		expect(solid.centre).toBeGreaterThan(150);
		expect(hollow.rim).toBeGreaterThan(150);
		expect(hollow.centre).toBeLessThan(solid.centre / 3);
		expect(hollow.centre).toBeLessThan(hollow.rim / 3);
		expect(solid.centre).toBeGreaterThan(solid.rim / 2);

		const legend = page.getByTestId('legend-dates');
		expect(await legend.innerText()).toMatch(/dated to the day[\s\S]*week, month or year/);
	});
});

describe('pages', () => {
	it('no request left localhost and no page logged an error', () => {
		for (const w of pages) {
			expect(w.external).toEqual([]);
			const expected = (e: string) => selecting.has(w.page) && /status of 404/.test(e);
			expect(w.errors.filter((e) => !expected(e))).toEqual([]);
		}
	});
});
