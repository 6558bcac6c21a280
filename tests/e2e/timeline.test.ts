// The timeline's interval band in Chromium, on the embedded data: week/month/year-dated events drawn as
// bars on the histogram's x-scale, highlighted while they overlap the window; screenshots at desktop and phone size.
// Then the axis: ticks that follow the zoom, fit to the filtered events, the histogram stacked in the legend's
// colours, and playback that jumps over empty stretches (counted in playback steps, never in seconds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyGeodata, launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';
import type { EventCollection, EventFeature } from '../../src/lib/domain/event';
import { filterEvents, type EventFilter } from '../../src/lib/domain/filter';
import { parseViewParams } from '../../src/lib/state/url';

const SHOTS = path.join(ROOT, 'test-results');
const IMPORTED_ID = 'ev-00000000beef';

let data: ReturnType<typeof copyGeodata>;
let events: EventFeature[];
let server: AppServer;
let browser: Browser;
const pages: WatchedPage[] = [];

/**
 * The stacked histogram's pieces (one path per event type, `M x y h w v h h -w z` per piece): each piece's type,
 * its fill, its place in the viewBox (x, y, h) and its box on screen.
 */
function histogramPieces(page: Page) {
	return page.$$eval('[data-testid=histogram] path.bar', (paths) =>
		paths.flatMap((p) => {
			const svg = (p as SVGPathElement).ownerSVGElement!;
			const vb = svg.viewBox.baseVal;
			const r = svg.getBoundingClientRect();
			const fill = getComputedStyle(p).fill;
			return [...p.getAttribute('d')!.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)].map((m) => {
				const [x, y, w, h] = [1, 2, 3, 4].map((k) => Number(m[k]));
				const box = { x: r.x + (x! / vb.width) * r.width, width: (w! / vb.width) * r.width };
				return { type: p.getAttribute('data-type')!, fill, x: x!.toFixed(3), y: y!, h: h!, box };
			});
		})
	);
}

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

/** A fresh page at `query`, once its map is idle (or, with `map: false`, once the timeline has its data). */
async function open(query = '', viewport?: { width: number; height: number }, opts: { map?: boolean } = {}): Promise<Page> {
	const w = await openPage(browser, viewport);
	pages.push(w);
	await w.page.goto(`${server.url}/${query}`);
	if (opts.map ?? true) await waitForMapIdle(w.page);
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
	// One imported event (no stored article) beside the pipeline's, for the "Full article" link.
	const file = path.join(data.dir, 'events.geojson');
	const collection = JSON.parse(readFileSync(file, 'utf8')) as EventCollection;
	const base = collection.features.find((e) => e.properties.event_type === 'PROTEST' && e.properties.date_precision === 'day')!;
	collection.features.push({ ...base, properties: { ...base.properties, id: IMPORTED_ID, source_id: 'import-no-article', source_title: 'Imported row', summary: 'Protest (imported)', actors: [], evidence: 'An imported row.', evidence_start: 0, evidence_end: 16 } });
	writeFileSync(file, JSON.stringify(collection));
	events = collection.features as EventFeature[];
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

/** The days the timeline shows, read from its end labels. */
async function viewOf(page: Page): Promise<[string, string]> {
	return [(await page.getByTestId('view-start').textContent())!, (await page.getByTestId('view-end').textContent())!];
}

async function ticksOf(page: Page): Promise<{ unit: string; ticks: { day: string; label: string; x: number }[] }> {
	return page.getByTestId('axis-ticks').evaluate((el) => ({
		unit: el.getAttribute('data-unit')!,
		ticks: [...el.querySelectorAll('.tick')].map((t) => ({ day: t.getAttribute('data-day')!, label: t.textContent!, x: t.getBoundingClientRect().x }))
	}));
}

/** First and last day of the events a filter keeps, from the data file through the one filter. */
function extentOf(filter: EventFilter): [string, string] {
	const kept = filterEvents(events, filter).filter((e) => e.properties.date_start);
	return [kept.map((e) => e.properties.date_start!).sort()[0]!, kept.map((e) => e.properties.date_end ?? e.properties.date_start!).sort().at(-1)!];
}

const COARSE = ['year', 'month', 'week', 'day'];

/** The view holds the extent with a margin of at least a day and at most 3 % of the extent on each side. */
function expectFits(view: [string, string], extent: [string, string]): void {
	const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
	const most = Math.max(1, Math.ceil((days(extent[0], extent[1]) + 1) * 0.03));
	for (const margin of [days(view[0], extent[0]), days(extent[1], view[1])]) {
		expect(margin).toBeGreaterThanOrEqual(1);
		expect(margin).toBeLessThanOrEqual(most);
	}
}

describe('the dashboard on the embedded data: timeline axis, stacked histogram, search, playback', () => {
	let page: Page;
	let mine = 0; // pages opened before this block's
	let missingArticle: WatchedPage | null = null;
	beforeAll(async () => {
		mine = pages.length;
		page = await open();
	});

	it('ticks adapt to the zoom: years or months over all the data, then weeks, then days; each tick sits at its day', async () => {
		const seen: string[] = [];
		const track = (await page.locator('.track').boundingBox())!;
		const check = async () => {
			const { unit, ticks } = await ticksOf(page);
			seen.push(unit);
			const [from, to] = await viewOf(page);
			const d0 = Date.parse(from);
			const span = (Date.parse(to) - d0) / 86_400_000 + 1;
			expect(ticks.length).toBeGreaterThanOrEqual(2);
			for (const t of ticks) expect(Math.abs(t.x - (track.x + ((Date.parse(t.day) - d0) / 86_400_000 / span) * track.width))).toBeLessThan(1.5);
			return { unit, ticks, span };
		};
		const all = await check();
		expectFits(await viewOf(page), extentOf({}));
		expect(['year', 'month']).toContain(all.unit);
		expect(all.ticks.some((t) => /\d{4}/.test(t.label))).toBe(true);
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'timeline-axis-all.png') });

		// The wheel zooms in about the pointer: the day under it stays under it.
		const x = track.x + track.width * 0.62;
		await page.mouse.move(x, track.y + track.height / 2);
		const [a0, b0] = (await viewOf(page)).map(Date.parse);
		const under = a0! + ((x - track.x) / track.width) * (b0! - a0! + 86_400_000);
		for (let k = 0; k < 3; k++) await page.mouse.wheel(0, -250);
		await expect.poll(async () => (await check()).span).toBeLessThan(all.span / 2);
		const [a1, b1] = (await viewOf(page)).map(Date.parse);
		const under1 = a1! + ((x - track.x) / track.width) * (b1! - a1! + 86_400_000);
		expect(Math.abs(under1 - under) / 86_400_000).toBeLessThan(all.span / 100);

		// Then the buttons, until a day is the tick.
		for (let k = 0; k < 12 && seen.at(-1) !== 'day'; k++) {
			const before = await viewOf(page);
			await page.getByTestId('zoom-in').click();
			await expect.poll(() => viewOf(page)).not.toEqual(before);
			const { unit } = await check();
			if (unit === 'week' && !seen.slice(0, -1).includes('week')) await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'timeline-axis-weeks.png') });
		}
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'timeline-axis-days.png') });
		for (const u of ['month', 'week', 'day']) expect(seen).toContain(u);
		// Coarse to fine, never back.
		for (let k = 1; k < seen.length; k++) expect(COARSE.indexOf(seen[k]!)).toBeGreaterThanOrEqual(COARSE.indexOf(seen[k - 1]!));
		const days = await ticksOf(page);
		expect(new Set(days.ticks.map((t) => t.label)).size).toBe(days.ticks.length);

		// Panning later keeps the width; Fit goes back to all the filtered events.
		const [p0, p1] = (await viewOf(page)).map(Date.parse);
		await page.getByTestId('pan-later').click();
		await expect.poll(async () => Date.parse((await viewOf(page))[0])).toBeGreaterThan(p0!);
		const [q0, q1] = (await viewOf(page)).map(Date.parse);
		expect(q1! - q0!).toBe(p1! - p0!);
		await page.getByTestId('zoom-fit').click();
		await expect.poll(() => page.getByTestId('zoom-fit').isEnabled()).toBe(false);
		expectFits(await viewOf(page), extentOf({}));
	});

	it('a filter that changes the extent fits the timeline to the filtered events, zoomed or not', async () => {
		await page.getByTestId('zoom-in').click();
		await page.getByTestId('zoom-in').click();
		await expect.poll(() => page.getByTestId('zoom-fit').isEnabled()).toBe(true);
		const before = await viewOf(page);
		await page.getByTestId('type-MOBILIZE').check();
		await expect.poll(() => viewOf(page)).not.toEqual(before);
		expectFits(await viewOf(page), extentOf({ types: ['MOBILIZE'] }));
		expect(await page.getByTestId('zoom-fit').isEnabled()).toBe(false);
		// Every bar is a MOBILIZE bar, and bars stand at both ends (the range is the events' extent), clear of the handles.
		const bars = await histogramPieces(page);
		const track = (await page.locator('.track').boundingBox())!;
		const handles = [(await page.getByTestId('handle-start').boundingBox())!, (await page.getByTestId('handle-end').boundingBox())!];
		expect(new Set(bars.map((b) => b.type))).toEqual(new Set(['MOBILIZE']));
		expect(Math.min(...bars.map((b) => b.box.x))).toBeLessThan(track.x + track.width * 0.05);
		expect(Math.max(...bars.map((b) => b.box.x + b.box.width))).toBeGreaterThan(track.x + track.width * 0.95);
		for (const b of bars) for (const h of handles) expect(b.box.x >= h.x + h.width || b.box.x + b.box.width <= h.x).toBe(true);
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'timeline-fit-mobilize.png') });
		// Unticking refits to all the events: the earlier zoom does not come back.
		await page.getByTestId('type-MOBILIZE').uncheck();
		await expect.poll(async () => (await viewOf(page))[0] < '2020-01-01').toBe(true);
		expectFits(await viewOf(page), extentOf({}));

		// The issue's own case, from the URL: the handles sit over the only bars' span, not over 3½ years.
		const blr = await open('?type=MOBILIZE&country=BLR', undefined, { map: false });
		expectFits(await viewOf(blr), extentOf({ types: ['MOBILIZE'], countries: ['BLR'] }));
	});

	it('stacks the histogram by event type in the colours of the type legend', async () => {
		const bars = await histogramPieces(page);
		const legend = Object.fromEntries(
			await page.$$eval('[data-testid^=type-]', (inputs) =>
				inputs.map((i) => [i.getAttribute('data-testid')!.slice(5), getComputedStyle(i.closest('label')!.querySelector('.swatch')!).backgroundColor])
			)
		) as Record<string, string>;
		expect(new Set(bars.map((b) => b.type))).toEqual(new Set(events.filter((e) => e.properties.date_start).map((e) => e.properties.event_type)));
		for (const b of bars) expect(b.fill).toBe(legend[b.type]);
		// Two types in one bin are two pieces stacked one on the other, not drawn over each other.
		const pieces = bars;
		const byBin = new Map<string, typeof pieces>();
		for (const p of pieces) byBin.set(p.x, [...(byBin.get(p.x) ?? []), p]);
		const stacked = [...byBin.values()].filter((ps) => ps.length > 1);
		expect(stacked.length).toBeGreaterThan(0);
		for (const ps of stacked) {
			ps.sort((a, b) => b.y - a.y);
			for (let k = 1; k < ps.length; k++) expect(Math.abs(ps[k]!.y + ps[k]!.h - ps[k - 1]!.y)).toBeLessThan(1e-6);
		}
		await page.locator('[data-testid=histogram]').screenshot({ path: path.join(SHOTS, 'timeline-stacked.png') });
	});

	it('"lukashenka" in the search box finds the Lukashenko events, in either spelling and in Arabic', async () => {
		const wantIds = filterEvents(events, { q: 'Lukashenko' }).map((e) => e.properties.id);
		const want = wantIds.length;
		const literal = events.filter((e) => JSON.stringify(e.properties).toLowerCase().includes('lukashenka')).length;
		expect(want).toBeGreaterThan(literal); // folding finds more than the literal word
		const search = page.getByTestId('search');
		await search.fill('lukashenka');
		await expect.poll(async () => Number(await page.getByTestId('header-count').textContent())).toBe(want);
		expect(want).toBe(filterEvents(events, { q: 'lukashenka' }).length);
		// The list holds them all, among them events that name him only in Arabic script (ولوكاشينكو in a title).
		const listed = await page.locator('section.events li[data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));
		expect(new Set(listed)).toEqual(new Set(wantIds));
		const arabicOnly = events.filter((e) => !JSON.stringify(e.properties).toLowerCase().includes('lukash') && JSON.stringify(e.properties).includes('لوكاشينكو'));
		expect(arabicOnly.length).toBeGreaterThan(0);
		for (const e of arabicOnly) expect(listed).toContain(e.properties.id);
		await page.screenshot({ path: path.join(SHOTS, 'search-lukashenka.png') });
		await search.fill('');
		await expect.poll(async () => Number(await page.getByTestId('header-count').textContent())).toBe(events.length);
	});

	it('every actor is reachable (show all, or a search inside the facet); countries by name; long titles keep their counts', async () => {
		const actors = new Set(events.flatMap((e) => e.properties.actors));
		expect(actors.size).toBeGreaterThan(12);
		const facet = page.getByTestId('facet-actors');
		const values = () => facet.locator('input[type=checkbox]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')!));
		expect((await values()).length).toBe(12);
		await page.getByTestId('facet-more-actors').click();
		expect(new Set(await values())).toEqual(actors);
		// A search inside the facet narrows it to the matching names, folded ("tsikh" finds Tsikhanouskaya).
		await page.getByTestId('facet-search-actors').fill('TSIKH');
		await expect.poll(values).toEqual(['Sviatlana Tsikhanouskaya']);
		await facet.locator('input[data-value="Sviatlana Tsikhanouskaya"]').check();
		await expect.poll(async () => Number(await page.getByTestId('header-count').textContent())).toBe(filterEvents(events, { actors: ['Sviatlana Tsikhanouskaya'] }).length);
		await facet.locator('input[data-value="Sviatlana Tsikhanouskaya"]').uncheck();
		await page.getByTestId('facet-search-actors').fill('');
		await expect.poll(async () => Number(await page.getByTestId('header-count').textContent())).toBe(events.length);

		const countries = await page.getByTestId('facet-countries').locator('.name').allTextContents();
		expect(countries).toContain('Belarus');
		expect(countries).toContain('Russia');
		for (const c of countries) expect(c).not.toMatch(/^[A-Z]{3}$/);

		// Every source row's count stays inside the panel; a truncated title shows in full on hover (title).
		const rows = await page.getByTestId('facet-sources').locator('label.row').evaluateAll((els) =>
			els.map((l) => {
				const name = l.querySelector('.name') as HTMLElement;
				const count = l.querySelector('.count')!.getBoundingClientRect();
				const box = l.closest('aside')!.getBoundingClientRect();
				return { text: name.textContent!, title: l.getAttribute('title')!, cut: name.scrollWidth > name.clientWidth, countInside: count.right <= box.right + 0.5 && count.width > 0 };
			})
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.countInside).toBe(true);
			expect(r.title.startsWith(r.text)).toBe(true);
		}
		expect(rows.some((r) => r.cut && /[\u0600-\u06ff]/.test(r.text))).toBe(true);
		await page.getByTestId('facet-sources').screenshot({ path: path.join(SHOTS, 'facet-sources.png') });
	});

	it('the full-article page links back to the dashboard as it was left; an event with no article offers none', async () => {
		const target = events.find((e) => e.properties.source_id !== 'import-no-article' && e.properties.date_start && e.properties.actors.length)!.properties;
		const query = `?from=${target.date_start}&to=${isoAdd(target.date_start!, 40)}&type=${target.event_type}&sel=${target.id}&map=5.5/53.9/27.56&mode=cumulative&speed=30`;
		const view = (q: string) => parseViewParams(new URL(q, server.url).searchParams).view;
		const p = await open(query, undefined, { map: false });
		await p.getByTestId('full-article').click();
		await p.waitForURL(/\/sources\//);
		await p.getByTestId('back-to-map').click();
		await p.waitForURL((u) => u.pathname === '/');
		expect(view(p.url())).toEqual(view(query));
		await expect.poll(() => p.getByTestId('window-label').textContent()).toBe(`${target.date_start} – ${isoAdd(target.date_start!, 40)}`);
		// An evidence link on the article page keeps the view too, selecting its event.
		await p.getByTestId('full-article').click();
		await p.waitForURL(/\/sources\//);
		const link = p.locator('a.ev').first();
		const id = (await link.getAttribute('data-event-id'))!;
		await link.click();
		await p.waitForURL((u) => u.pathname === '/');
		expect(view(p.url())).toEqual({ ...view(query), selected: id });

		const imported = await open(`?sel=${IMPORTED_ID}`, undefined, { map: false });
		missingArticle = pages.at(-1)!; // its 404 for the article is expected
		await imported.getByTestId('source-panel').waitFor();
		await expect.poll(() => imported.getByTestId('source-panel').textContent()).toContain('article not available (404)');
		expect(await imported.getByTestId('full-article').count()).toBe(0);
	});

	/**
	 * Plays until the window's end reaches `day` and returns the playback steps taken then. A MutationObserver reads
	 * them as the label changes (before the next step can run), so a slow frame rate cannot make the count late.
	 */
	async function playUntil(p: Page, day: string): Promise<{ steps: number; label: string; count: number }> {
		await p.evaluate((d) => {
			const w = window as unknown as { __reached?: unknown };
			const label = document.querySelector('[data-testid=window-label]')!;
			const seen = new MutationObserver(() => {
				const text = label.textContent!.trim();
				const end = text.split(' – ')[1];
				if (w.__reached || !end || end < d) return;
				w.__reached = { steps: Number(document.querySelector('section.timeline')!.getAttribute('data-steps')), label: text, count: Number(document.querySelector('[data-testid=header-count]')!.textContent) };
				seen.disconnect();
			});
			seen.observe(label, { childList: true, characterData: true, subtree: true });
		}, day);
		await p.locator('button.play').click();
		const handle = await p.waitForFunction(() => (window as unknown as { __reached?: unknown }).__reached, null, { timeout: 20_000 });
		const out = (await handle.jsonValue()) as { steps: number; label: string; count: number };
		await p.locator('button.play').click();
		return out;
	}

	it('playback jumps over an empty stretch to the next event in one step, in both modes; unticked, it crawls', async () => {
		const [next] = extentOf({ languages: ['ar'], from: '2022-03-31' });
		// Moving: a 30-day window with nothing in it; the next Arabic event is 16 months later.
		const moving = await open('?language=ar&from=2022-03-01&to=2022-03-30', undefined, { map: false });
		const m = await playUntil(moving, next);
		expect(m.steps).toBe(1);
		expect(m.label).toBe(`${isoAdd(next, -29)} – ${next}`);
		expect(m.count).toBeGreaterThan(0);
		// Cumulative: the window grows straight to the next event's day.
		const cumulative = await open('?language=ar&from=2022-02-01&to=2022-03-02&mode=cumulative', undefined, { map: false });
		const c = await playUntil(cumulative, next);
		expect(c.steps).toBe(1);
		expect(c.label).toBe(`2022-02-01 – ${next}`);
		// Without skipping, three steps move a 7 days/s window by at most two days each.
		const crawl = await open('?language=ar&from=2022-03-01&to=2022-03-30', undefined, { map: false });
		await crawl.getByTestId('skip-gaps').uncheck();
		await crawl.locator('button.play').click();
		await crawl.waitForFunction(() => Number(document.querySelector('section.timeline')!.getAttribute('data-steps')) >= 3, null, { polling: 'raf' });
		await crawl.locator('button.play').click();
		const steps = Number(await crawl.locator('section.timeline').getAttribute('data-steps'));
		const [from, to] = (await windowOf(crawl))!;
		expect(Date.parse(to) - Date.parse(from)).toBe(29 * 86_400_000);
		expect((Date.parse(to) - Date.parse('2022-03-30')) / 86_400_000).toBeLessThanOrEqual(2 * steps);
		expect(to < next).toBe(true);
		expect(Number(await crawl.getByTestId('header-count').textContent())).toBe(0);
	});

	it('a correction keeps the text true: a new type rewrites the summary, a new date says who corrected it', async () => {
		const sanction = events.find((e) => e.properties.event_type === 'SANCTION')!.properties;
		const dated = events.find((e) => e.properties.date_text && e.properties.id !== sanction.id)!.properties;
		const patch = async (id: string, set: object) => {
			const { version } = (await (await fetch(`${server.url}/api/history/${id}`)).json()) as { version: string };
			const r = await fetch(`${server.url}/api/corrections/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', origin: server.url, 'if-match': version }, body: JSON.stringify({ author: 'Ann', set }) });
			expect(r.status, await r.text()).toBeLessThan(300);
		};
		await patch(sanction.id, { event_type: 'PROTEST' });
		await patch(dated.id, { date: '2021-01-02', date_start: '2021-01-02', date_end: '2021-01-02', date_precision: 'day' });
		const p = await open(`?sel=${sanction.id}`, undefined, { map: false });
		const panel = p.getByTestId('source-panel');
		await expect.poll(() => panel.locator('h2').textContent()).toBe(sanction.summary.replace(/^Sanctions /, 'Protest '));
		await p.locator(`section.events li[data-event-id="${dated.id}"]`).click();
		await expect.poll(() => p.getByTestId('date-provenance').textContent()).toMatch(/^\(day, corrected by Ann, \d{4}-\d{2}-\d{2}\)$/);
	});

	it('loads without console errors', () => {
		for (const w of pages.slice(mine)) expect(w.errors.filter((e) => !/favicon/.test(e) && !(w === missingArticle && /404/.test(e)))).toEqual([]);
	});
});

function isoAdd(iso: string, days: number): string {
	return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}
