// Analysts in Chromium: add an article → review → accept; correct an event → reload → still corrected; undo;
// hostile text stays text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { EventCollection } from '$lib/domain/event';
import { launchBrowser, openPage } from './harness';
import { manyEvents, sampleEvent, serveData, type DataServer } from '../unit/http-fixtures';

let ds: DataServer;
let browser: Browser;
const HOSTILE = sampleEvent('hostile-1', {
	summary: 'Evil <img src=x onerror="window.__pwned=1"> \u202Egnp.exe',
	evidence: '<script>window.__pwned=2</script> Protest near Grodno.',
	source_title: '<b>bold</b>',
	source_url: 'javascript:window.__pwned=3',
	actors: ['<svg onload=alert(1)>']
});

// An event of a founding article (geodata/articles/ is copied with the data), to add a missing event from its text.
const FOUNDING = sampleEvent('founding-1', { source_id: '000_67a0e5c691020b36' });

beforeAll(async () => {
	[ds, browser] = await Promise.all([serveData([...manyEvents(3), HOSTILE, FOUNDING]), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await ds?.close();
});

const stored = () => JSON.parse(ds.files().events) as EventCollection;

describe('editing in the browser', () => {
	it('adds an article: extract → review on the map → reject one, accept one → saved into the data', async () => {
		const { page, errors, external, context } = await openPage(browser);
		await page.goto(`${ds.server.url}/add`);
		await page.fill('[data-testid=article-text]', 'Thousands of protesters marched in Minsk on Sunday against the election result.\n\nPolish troops were deployed to the Belarus border on Monday.\n');
		await page.fill('[data-testid=meta-title]', 'Minsk <img src=x onerror="window.__pwned=1">');
		await page.fill('[data-testid=meta-published]', '2020-08-12');
		await page.click('[data-testid=extract]');
		await page.waitForSelector('li[data-event-id]', { timeout: 60_000 });
		const items = await page.$$('li[data-event-id]');
		expect(items.length).toBeGreaterThanOrEqual(2);
		await page.waitForFunction(() => !!(window as unknown as { __editMap?: { loaded(): boolean } }).__editMap?.loaded());
		if (process.env.EDIT_SHOTS) await page.screenshot({ path: `${process.env.EDIT_SHOTS}/add-review.png`, fullPage: true });
		const accepted = await items[0]!.getAttribute('data-event-id');
		for (const li of items.slice(1)) await (await li.$('[data-testid=reject]'))!.check();
		await page.fill('[data-testid=author]', 'Ann');
		await page.click('[data-testid=save-article]');
		await page.waitForSelector('[data-testid=saved]');
		const mine = stored().features.filter((f) => f.properties.source_title.startsWith('Minsk <img'));
		expect(mine.map((f) => f.properties.id)).toEqual([accepted]);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
		expect(external).toEqual([]);
		await context.close();
	});

	it('corrects an event, keeps the correction after a reload, and undoes it from the history', async () => {
		const { page, context } = await openPage(browser);
		await page.goto(`${ds.server.url}/edit/ev-000001`);
		await page.waitForSelector('[data-testid=edit-type]');
		await page.fill('[data-testid=author]', 'Ann');
		await page.selectOption('[data-testid=edit-type]', 'PROTEST');
		await page.fill('[data-testid=edit-summary]', 'Protest at the border, corrected');
		await page.click('[data-testid=edit-save]');
		await page.waitForSelector('[data-testid=edit-status]:has-text("Saved.")');
		await page.reload();
		await page.waitForSelector('.history li[data-op=patch]');
		if (process.env.EDIT_SHOTS) await page.screenshot({ path: `${process.env.EDIT_SHOTS}/edit.png`, fullPage: true });
		expect(await page.inputValue('[data-testid=edit-type]')).toBe('PROTEST');
		expect(await page.inputValue('[data-testid=author]')).toBe('Ann'); // kept in localStorage
		expect(await page.textContent('.history')).toMatch(/Ann changed/);
		expect(stored().features.find((f) => f.properties.id === 'ev-000001')!.properties.event_type).toBe('PROTEST');

		await page.click('.history li[data-op=patch] button.undo');
		await page.waitForSelector('[data-testid=edit-status]:has-text("Undone.")');
		await page.reload();
		await page.waitForSelector('.history li[data-op=undo]');
		expect(await page.inputValue('[data-testid=edit-type]')).toBe('MOBILIZE');
		const f = stored().features.find((x) => x.properties.id === 'ev-000001')!;
		expect([f.properties.event_type, f.properties.summary]).toEqual(['MOBILIZE', 'Migrants gather at the border']);
		await context.close();
	});

	it('shows a stale-edit refusal instead of overwriting a colleague', async () => {
		const { page, context } = await openPage(browser);
		await page.goto(`${ds.server.url}/edit/ev-000002`);
		await page.waitForSelector('[data-testid=edit-type]');
		await page.waitForSelector('[data-testid=event-editor][data-version^=\'"ev-\']'); // the editor holds the version it edits
		const v = (await (await fetch(`${ds.server.url}/api/history/ev-000002`)).json()) as { version: string };
		await fetch(`${ds.server.url}/api/corrections/ev-000002`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'if-match': v.version }, body: JSON.stringify({ author: 'Bob', set: { summary: 'Bob was first' } }) });
		await page.fill('[data-testid=author]', 'Ann');
		await page.fill('[data-testid=edit-summary]', 'Ann overwrites?');
		await page.click('[data-testid=edit-save]');
		await page.waitForSelector('[data-testid=edit-error]');
		expect(await page.textContent('[data-testid=edit-error]')).toMatch(/changed by someone else/);
		expect(stored().features.find((x) => x.properties.id === 'ev-000002')!.properties.summary).toBe('Bob was first');
		await context.close();
	});

	it('renders hostile article text inert: no injected elements, no javascript: link, no bidi override', async () => {
		const { page, context } = await openPage(browser);
		await page.goto(`${ds.server.url}/edit/hostile-1`);
		await page.waitForSelector('h1');
		expect(await page.$$('main img, main svg[onload], main script, main b')).toHaveLength(0);
		const h1 = (await page.textContent('h1'))!;
		expect(h1).toContain('<img src=x onerror="window.__pwned=1">');
		expect(h1).not.toContain('\u202E');
		expect(await page.textContent('blockquote')).toContain('<script>');
		expect(await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')).filter((h) => h?.startsWith('javascript:')))).toEqual([]);
		await page.fill('[data-testid=author]', 'Ann');
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		await context.close();
	});

	it('adds a missing event from a sentence selected in the article, with its exact offsets', async () => {
		const { page, context } = await openPage(browser);
		await page.goto(`${ds.server.url}/edit/founding-1`);
		await page.waitForSelector('[data-testid=event-editor][data-version^=\'"ev-\']');
		await page.fill('[data-testid=author]', 'Ann');
		await page.click('details summary');
		await page.waitForSelector('[data-testid=article-body]');
		const picked = await page.evaluate(() => {
			const el = document.querySelector('[data-testid=article-body]')!;
			const text = el.firstChild as Text;
			const start = text.data.indexOf('Lukashenko said');
			const end = text.data.indexOf('.', start) + 1;
			const range = document.createRange();
			range.setStart(text, start);
			range.setEnd(text, end);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
			el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
			return { start, end, text: text.data.slice(start, end) };
		});
		await page.selectOption('[data-testid=new-type]', 'THREATEN');
		await page.click('[data-testid=add-from-selection]');
		await page.waitForSelector('[data-testid=edit-status]:has-text("Added")');
		const added = stored().features.find((f) => f.properties.source_id === '000_67a0e5c691020b36' && f.properties.event_type === 'THREATEN')!;
		expect(added.properties).toMatchObject({ evidence: picked.text, evidence_start: picked.start, evidence_end: picked.end, date: '2021-11-12', date_precision: 'day' });
		expect(picked.text).toMatch(/^Lukashenko said that Belarus is heating Europe/);
		await context.close();
	});
});
