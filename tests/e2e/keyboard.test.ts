// The keyboard and the screen reader in real Chromium: skip links to the map, a paced live region, the /edit place picker by arrows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, waitForMapIdle, type WatchedPage } from './harness';
import { manyEvents, serveData, type DataServer } from '../unit/http-fixtures';

let ds: DataServer;
let browser: Browser;
const pages: WatchedPage[] = [];

beforeAll(async () => {
	[ds, browser] = await Promise.all([serveData(manyEvents(40)), launchBrowser()]);
});
afterAll(async () => {
	for (const w of pages) await w.context.close();
	await browser?.close();
	await ds?.close();
});

async function open(path: string) {
	const w = await openPage(browser);
	pages.push(w);
	await w.page.goto(`${ds.server.url}${path}`);
	return w;
}

/** What has the focus: its test id, class and tag. */
const focused = (w: WatchedPage) =>
	w.page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return { testid: el?.dataset.testid ?? '', cls: el?.className ?? '', tag: el?.tagName ?? '', top: el?.getBoundingClientRect().top ?? -1, region: el?.closest('[id]')?.id ?? '' };
	});

describe('keyboard and screen reader', () => {
	it('Tab from the top of the dashboard reaches the map within 5 key presses through a skip link that shows when focused', async () => {
		const w = await open('/');
		await waitForMapIdle(w.page);
		expect(await w.page.getByTestId('skip-map').evaluate((a) => a.getBoundingClientRect().bottom)).toBeLessThan(0); // hidden until focused
		let presses = 0;
		for (; presses < 4; ) {
			await w.page.keyboard.press('Tab');
			presses++;
			if ((await focused(w)).testid === 'skip-map') break;
		}
		const link = await focused(w);
		expect(link.testid).toBe('skip-map');
		expect(link.top).toBeGreaterThanOrEqual(0); // on screen now
		await w.page.keyboard.press('Enter');
		presses++;
		expect(presses).toBeLessThanOrEqual(5);
		const now = await focused(w);
		expect(now.tag).toBe('CANVAS');
		expect(now.cls).toContain('maplibregl-canvas');
		// The map canvas answers the keyboard: an arrow key pans it.
		const before = await w.page.evaluate(() => (window as unknown as { __map: { getCenter(): { lng: number } } }).__map.getCenter().lng);
		await w.page.keyboard.press('ArrowRight');
		await expect.poll(() => w.page.evaluate(() => (window as unknown as { __map: { getCenter(): { lng: number } } }).__map.getCenter().lng)).toBeGreaterThan(before);
		expect(new URL(w.page.url()).hash).toBe('');
	});

	it('the other skip links put the focus in the event list, the timeline and the filters', async () => {
		const w = await open('/');
		await waitForMapIdle(w.page);
		for (const [id, region] of [
			['skip-event-list', 'event-list'],
			['skip-timeline', 'timeline'],
			['skip-filters', 'filters']
		] as const) {
			await w.page.getByTestId(id).focus();
			await w.page.keyboard.press('Enter');
			await expect.poll(async () => (await focused(w)).region).toBe(region);
			expect((await focused(w)).tag, id).not.toBe('DIV');
		}
	});

	it('during playback the live region changes at most about once a second', async () => {
		const w = await open('/?from=2021-11-01&to=2021-11-03');
		await waitForMapIdle(w.page);
		await w.page.evaluate(() => {
			const region = document.querySelector('[data-testid=news]')!;
			const log: number[] = [];
			(window as unknown as { __news: number[] }).__news = log;
			new MutationObserver(() => log.push(performance.now())).observe(region, { childList: true, characterData: true, subtree: true });
		});
		await w.page.getByTestId('window-label').evaluate((el) => {
			const log = { changes: 0 };
			new MutationObserver(() => log.changes++).observe(el, { childList: true, characterData: true, subtree: true });
			(window as unknown as { __label: typeof log }).__label = log;
		});
		await w.page.getByRole('button', { name: /Play/ }).click();
		await w.page.waitForTimeout(3500);
		await w.page.getByRole('button', { name: /Pause/ }).click().catch(() => {}); // it may have reached the end
		const news = await w.page.evaluate(() => (window as unknown as { __news: number[] }).__news);
		expect(news.length).toBeGreaterThan(0);
		// The window itself moved far more often than the region spoke.
		expect(await w.page.evaluate(() => (window as unknown as { __label: { changes: number } }).__label.changes)).toBeGreaterThan(2 * news.length);
		expect(news.length).toBeLessThanOrEqual(5);
		for (let k = 1; k < news.length; k++) expect(news[k]! - news[k - 1]!).toBeGreaterThan(900);
		expect(await w.page.getByTestId('news').textContent()).toMatch(/\d+ of 40 events/);
	});

	it('the /edit place picker chooses a place with ArrowDown and Enter', async () => {
		const w = await open('/edit/ev-000001');
		const input = w.page.getByTestId('place-search');
		await input.waitFor();
		await input.fill('Hrodna');
		await w.page.waitForSelector('[role=option]');
		expect(await input.getAttribute('role')).toBe('combobox');
		expect(await input.getAttribute('aria-expanded')).toBe('true');
		await input.press('ArrowDown');
		const first = w.page.locator('[role=option]').first();
		expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
		expect(await first.getAttribute('aria-selected')).toBe('true');
		const name = (await first.locator('bdi').textContent())!;
		await input.press('Enter');
		await expect.poll(() => w.page.locator('[role=option]').count()).toBe(0);
		await expect.poll(() => w.page.locator('text=Place:').locator('bdi').textContent()).toBe(name);
		expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(w.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
	});
});
