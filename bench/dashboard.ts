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
		const idle = new Promise<boolean>((r) => map.once('idle', () => r(true)));
		new Function(code)();
		// No idle within 60 s means the action changed nothing on the map: report NaN rather than hang.
		const ok = await Promise.race([idle, new Promise<boolean>((r) => setTimeout(() => r(false), 60_000))]);
		return ok ? performance.now() - t0 : NaN;
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
				const key = (testid: string, k: string, times = 1) =>
					`const h = document.querySelector('[data-testid=${testid}]'); for (let i = 0; i < ${times}; i++) h.dispatchEvent(new KeyboardEvent('keydown', {key: '${k}', bubbles: true}))`;
				// A 31-day window at the start of the data, then steps to the next event day (what → and play do).
				await timeToIdle(page, key('handle-end', 'Home'));
				await timeToIdle(page, key('handle-end', 'PageUp'));
				const steps: number[] = [];
				for (let i = 0; i < 7; i++) steps.push(await timeToIdle(page, `document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}))`));
				// The whole period, then the end handle one day back at a time (nearly every event stays in).
				await timeToIdle(page, key('handle-end', 'End'));
				const stepWide: number[] = [];
				for (let i = 0; i < 5; i++) stepWide.push(await timeToIdle(page, key('handle-end', 'ArrowLeft')));
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
