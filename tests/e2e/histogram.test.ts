// The timeline histogram stacked by country or actor in Chromium, on the embedded data: the control (by keyboard),
// the legend's groups and colours, bars that still add up to the by-type ones, the URL's `hist`, a reload that restores
// it, and a screenshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyGeodata, launchBrowser, openPage, startServer, waitForMapIdle, ROOT, type AppServer, type WatchedPage } from './harness';
import type { EventCollection, EventFeature } from '../../src/lib/domain/event';
import { countryName } from '../../src/lib/domain/countries';
import { topGroups } from '../../src/lib/state/histgroups';
import { GROUP_COLORS, OTHER_COLOR } from '../../src/lib/map/theme';

const SHOTS = path.join(ROOT, 'test-results');

let data: ReturnType<typeof copyGeodata>;
let events: EventFeature[];
let server: AppServer;
let browser: Browser;
const pages: WatchedPage[] = [];

async function open(query = ''): Promise<Page> {
	const w = await openPage(browser, { width: 1280, height: 800 });
	pages.push(w);
	await w.page.goto(`${server.url}/${query}`);
	await waitForMapIdle(w.page);
	await w.page.waitForSelector('[data-testid=histogram] path.bar');
	return w.page;
}

/** Each stack's group (or type) and fill, and the height of every piece per bin x, summed over the stacks. */
function histogram(page: Page) {
	return page.$$eval('[data-testid=histogram] path.bar', (paths) => {
		const totals: Record<string, number> = {};
		const stacks = paths.map((p) => {
			for (const m of p.getAttribute('d')!.matchAll(/M([\d.]+) [\d.]+h[\d.]+v([\d.]+)h-[\d.]+z/g)) totals[m[1]!] = (totals[m[1]!] ?? 0) + Number(m[2]);
			return { group: p.getAttribute('data-group'), type: p.getAttribute('data-type'), fill: p.getAttribute('fill') };
		});
		return { stacks, totals };
	});
}

const legend = (page: Page) =>
	page.$$eval('[data-testid=hist-legend] li', (items) =>
		items.map((li) => ({ name: li.querySelector('.name')!.textContent, n: Number(li.querySelector('.n')!.textContent), kind: li.getAttribute('data-kind'), color: getComputedStyle(li.querySelector('i')!).backgroundColor }))
	);

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;

beforeAll(async () => {
	data = copyGeodata();
	events = (JSON.parse(readFileSync(path.join(data.dir, 'events.geojson'), 'utf8')) as EventCollection).features as EventFeature[];
	mkdirSync(SHOTS, { recursive: true });
	[server, browser] = await Promise.all([startServer({ geodataDir: data.dir }), launchBrowser()]);
});

afterAll(async () => {
	for (const w of pages) await w.context.close().catch(() => {});
	await browser?.close();
	await server?.stop();
	data?.remove();
});

describe('histogram stacked by country or actor', () => {
	it('switches to countries from the keyboard: a legend of the top countries and "other", bars of the same height, hist=country in the URL, kept on reload', async () => {
		const expected = topGroups(events, 'country').groups;
		expect(expected.filter((g) => g.kind === 'top').length).toBeGreaterThan(1); // the embedded data name several countries
		const page = await open();
		const byType = await histogram(page);
		expect(byType.stacks.every((s) => s.type && !s.group)).toBe(true);
		expect(await page.getByTestId('hist-legend').count()).toBe(0); // by type, the map's legend names the colours

		// A radio group: focus the checked "type", an arrow key moves to "country".
		const typeRadio = page.getByRole('radio', { name: 'type' });
		expect(await typeRadio.isChecked()).toBe(true);
		await typeRadio.focus();
		await page.keyboard.press('ArrowRight');
		expect(await page.getByRole('radio', { name: 'country' }).isChecked()).toBe(true);
		await page.waitForSelector('[data-testid=hist-legend]');

		const shown = await legend(page);
		expect(shown.map((g) => [g.name, g.n])).toEqual(expected.map((g) => [g.kind === 'top' ? countryName(g.value!) : g.kind === 'other' ? 'other' : 'no country', g.count]));
		expect(shown.slice(0, 2).map((g) => g.color)).toEqual([rgb(GROUP_COLORS[0]), rgb(GROUP_COLORS[1])]);
		const other = shown.find((g) => g.kind === 'other');
		if (other) expect(other.color).toBe(rgb(OTHER_COLOR));
		expect(new Set(shown.map((g) => g.color)).size).toBe(shown.length);

		const byCountry = await histogram(page);
		// One stack per group with events in view, named and coloured as the legend says.
		const names = new Map(shown.map((g) => [g.name, g.color]));
		expect(byCountry.stacks.length).toBeGreaterThan(1);
		for (const s of byCountry.stacks) {
			expect(s.type).toBeNull();
			expect(names.has(s.group!)).toBe(true);
			expect(rgb(s.fill!)).toBe(names.get(s.group!));
		}
		// Each event is in one group: every bar is as high as it was stacked by type.
		expect(Object.keys(byCountry.totals).sort()).toEqual(Object.keys(byType.totals).sort());
		for (const [x, h] of Object.entries(byType.totals)) expect(Math.abs(byCountry.totals[x]! - h)).toBeLessThan(0.01);

		await expect.poll(() => new URL(page.url()).searchParams.get('hist')).toBe('country');
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'histogram-by-country.png') });

		await page.reload();
		await waitForMapIdle(page);
		await page.waitForSelector('[data-testid=hist-legend]');
		expect(await page.getByRole('radio', { name: 'country' }).isChecked()).toBe(true);
		expect(await legend(page)).toEqual(shown);
	});

	it('by actor, names the top actors; back to type drops the legend and the parameter', async () => {
		const expected = topGroups(events, 'actor').groups;
		const page = await open('?hist=actor');
		expect(await page.getByRole('radio', { name: 'actor' }).isChecked()).toBe(true);
		const shown = await legend(page);
		expect(shown.map((g) => g.name)).toEqual(expected.map((g) => (g.kind === 'top' ? g.value : g.kind === 'other' ? 'other' : 'no actor')));
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'histogram-by-actor.png') });
		// On a phone the control and the legend wrap inside the screen.
		await page.setViewportSize({ width: 390, height: 844 });
		for (const id of ['hist-by', 'hist-legend']) {
			const box = (await page.getByTestId(id).boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
		}
		await page.locator('section.timeline').screenshot({ path: path.join(SHOTS, 'histogram-by-actor-390.png') });
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.getByRole('radio', { name: 'type' }).check();
		await page.waitForSelector('[data-testid=hist-legend]', { state: 'detached' });
		await expect.poll(() => new URL(page.url()).searchParams.has('hist')).toBe(false);
	});

	it('a bad hist value is named in the page’s notice and the histogram stays by type', async () => {
		const page = await open('?hist=place');
		expect(await page.getByRole('alert').textContent()).toContain('query parameter "hist": expected type, country, actor, got "place"');
		expect(await page.getByRole('radio', { name: 'type' }).isChecked()).toBe(true);
	});
});
