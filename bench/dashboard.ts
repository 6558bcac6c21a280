// Dashboard figures in headless Chromium (software WebGL): first idle, one slider step, a filter change, an export.
// Prints figures, asserts nothing. Run: npm run bench dashboard   (DASH_SIZES=10000,100000 to choose sizes)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, startServer } from '../tests/e2e/harness';
import { writeSynth } from '../scripts/synth-events';

type MapHandle = { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean; once(ev: string, cb: () => void): void };

async function untilIdle(page: Page): Promise<void> {
	await page.waitForFunction(
		() => {
			const m = (window as unknown as { __map?: MapHandle }).__map;
			return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving();
		},
		undefined,
		{ polling: 'raf', timeout: 120_000 }
	);
}

/** Runs `action` in the page and resolves with ms until the map's next `idle` event. */
async function timeToIdle(page: Page, action: string): Promise<number> {
	return page.evaluate(async (code) => {
		const map = (window as unknown as { __map: MapHandle }).__map;
		const t0 = performance.now();
		const idle = new Promise<void>((r) => map.once('idle', () => r()));
		new Function(code)();
		await idle;
		return performance.now() - t0;
	}, action);
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

export async function benchDashboard(): Promise<Record<string, Record<string, number>>> {
	const sizes = (process.env.DASH_SIZES ?? '10000,100000').split(',').map(Number);
	const results: Record<string, Record<string, number>> = {};
	const browser = await launchBrowser();
	try {
		for (const n of sizes) {
			const dir = mkdtempSync(path.join(tmpdir(), `dash-bench-${n}-`));
			writeSynth(dir, n, 11);
			const server = await startServer({ geodataDir: dir });
			try {
				const w = await openPage(browser);
				const page = w.page;
				const t0 = Date.now();
				await page.goto(`${server.url}/?map=5/52.5/27`);
				await untilIdle(page);
				const firstIdle = Date.now() - t0;
				// A 30-day window, then steps of the window to the next event day (what → and play do).
				await page.getByTestId('handle-end').focus();
				await timeToIdle(page, `document.querySelector('[data-testid=handle-start]').dispatchEvent(new KeyboardEvent('keydown', {key: 'End', bubbles: true}))`);
				await timeToIdle(page, `const h = document.querySelector('[data-testid=handle-start]'); for (let i = 0; i < 30; i++) h.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', bubbles: true}))`);
				await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
				// Move the window back to the start of the data, then step forward.
				await timeToIdle(page, `const h = document.querySelector('[data-testid=handle-start]'); h.dispatchEvent(new KeyboardEvent('keydown', {key: 'Home', bubbles: true})); document.querySelector('[data-testid=handle-end]').dispatchEvent(new KeyboardEvent('keydown', {key: 'PageDown', bubbles: true}))`);
				const steps: number[] = [];
				for (let i = 0; i < 7; i++) steps.push(await timeToIdle(page, `window.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}))`));
				const stepWide: number[] = [];
				await timeToIdle(page, `document.querySelector('[data-testid=handle-end]').dispatchEvent(new KeyboardEvent('keydown', {key: 'End', bubbles: true}))`);
				await timeToIdle(page, `document.querySelector('[data-testid=handle-start]').dispatchEvent(new KeyboardEvent('keydown', {key: 'Home', bubbles: true}))`);
				for (let i = 0; i < 5; i++) stepWide.push(await timeToIdle(page, `document.querySelector('[data-testid=handle-end]').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', bubbles: true}))`));
				const filter = await timeToIdle(page, `document.querySelector('[data-testid=type-ASSAULT]').click()`);
				const visible = Number(await page.getByTestId('header-count').textContent());
				const e0 = Date.now();
				const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
				await download.path();
				const exportMs = Date.now() - e0;
				results[n] = { firstIdle, step30dWindow: median(steps), stepFullWindow: median(stepWide), filter, exportMs, exported: visible };
				console.log(
					`${n.toLocaleString('en')} events: first idle ${fmt(firstIdle)} · slider step, 30-day window ${fmt(median(steps))} (median of 7) · slider step, whole-period window ${fmt(median(stepWide))} (median of 5) · filter change ${fmt(filter)} · export of ${visible} events ${fmt(exportMs)}`
				);
				await w.context.close();
			} finally {
				await server.stop();
				rmSync(dir, { recursive: true, force: true });
			}
		}
	} finally {
		await browser.close();
	}
	return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDashboard();
