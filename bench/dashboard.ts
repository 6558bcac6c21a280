// Dashboard figures in headless Chromium (software WebGL): first idle, one slider step, a pan, a filter change, an
// export, each from the input until its result is on screen (GPU work finished, not just MapLibre's 'idle').
// Prints figures, asserts nothing. Run: npm run bench dashboard   (DASH_SIZES=10000,100000 to choose sizes)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, startServer } from '../tests/e2e/harness';
import { writeSynth } from '../scripts/synth-events';

type MapHandle = { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean; getCanvas(): HTMLCanvasElement; _frameRequest: unknown };
type Win = { __map: MapHandle; __overlay: { canvas(): HTMLCanvasElement } };

/**
 * Runs `action` in the page and resolves with ms until its result is on screen: the map has nothing left to load
 * or draw (no frame pending: MapLibre's private `_frameRequest`), the GPU has finished the map's last frame (a
 * 1-pixel readPixels waits for it) and the events overlay is drawn. 'idle' alone is not enough: MapLibre fires it
 * before SwiftShader has drawn anything, and an overlay-only change fires no 'idle' at all.
 */
async function timeToScreen(page: Page, action: string): Promise<number> {
	return page.evaluate(async (code) => {
		const w = window as unknown as Win;
		const map = w.__map;
		const t0 = performance.now();
		new Function(code)();
		for (;;) {
			await new Promise((r) => requestAnimationFrame(r));
			if (map.loaded() && map.areTilesLoaded() && !map.isMoving() && !map._frameRequest) break;
			if (performance.now() - t0 > 60_000) return NaN;
		}
		const gl = (map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl'))!;
		gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
		w.__overlay.canvas().getContext('2d')!.getImageData(0, 0, 1, 1);
		return performance.now() - t0;
	}, action);
}

/** Waits (up to `timeoutMs`: a million events take minutes on 2 cores) until the map is idle and drawn. */
async function untilIdle(page: Page, timeoutMs = 120_000): Promise<void> {
	await page.waitForFunction(
		() => {
			const m = (window as unknown as Partial<Win>).__map;
			return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving() && !m._frameRequest && !document.querySelector('[aria-busy="true"]');
		},
		undefined,
		{ polling: 'raf', timeout: timeoutMs }
	);
	await timeToScreen(page, '');
}

/** Peak resident memory of a process so far (Linux VmHWM), in MB; NaN where /proc does not tell. */
function peakRssMb(pid: number | undefined): number {
	try {
		const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb ? Number(kb) / 1024 : NaN;
	} catch {
		return NaN;
	}
}

/** The page's JavaScript heap in use, in MB (after a garbage collection, so it is what the page keeps). */
async function tabHeapMb(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	await cdp.detach();
	return usedSize / 1024 / 1024;
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
				// First load, three times in fresh contexts (it varies by ±0.4 s run to run); the last page goes on.
				const loads: number[] = [];
				let w: Awaited<ReturnType<typeof openPage>> | null = null;
				for (let k = 0; k < 3; k++) {
					await w?.context.close();
					w = await openPage(browser);
					const t0 = Date.now();
					await w.page.goto(`${server.url}/?map=5/52.5/27`);
					await untilIdle(w.page, 120_000 + n / 2); // + 0.5 ms an event
					loads.push(Date.now() - t0);
				}
				const page = w!.page;
				const firstIdle = median(loads);
				const key = (testid: string, k: string, times = 1) =>
					`const h = document.querySelector('[data-testid=${testid}]'); for (let i = 0; i < ${times}; i++) h.dispatchEvent(new KeyboardEvent('keydown', {key: '${k}', bubbles: true}))`;
				// A 31-day window at the start of the data, then steps to the next event day (what → and play do).
				await timeToScreen(page, key('handle-end', 'Home'));
				await timeToScreen(page, key('handle-end', 'PageUp'));
				const steps: number[] = [];
				for (let i = 0; i < 7; i++) steps.push(await timeToScreen(page, `document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}))`));
				// The whole period, then the end handle one day back at a time (nearly every event stays in).
				await timeToScreen(page, key('handle-end', 'End'));
				const stepWide: number[] = [];
				for (let i = 0; i < 5; i++) stepWide.push(await timeToScreen(page, key('handle-end', 'ArrowLeft')));
				// The render floor: a 1-px pan redraws the whole WebGL frame with no data change.
				const pans: number[] = [];
				for (let i = 0; i < 5; i++) pans.push(await timeToScreen(page, `window.__map.panBy([${i % 2 ? -1 : 1}, 0], { duration: 0 })`));
				const filter = await timeToScreen(page, `document.querySelector('[data-testid=type-ASSAULT]').click()`);
				const visible = Number(await page.getByTestId('header-count').textContent());
				const e0 = Date.now();
				const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
				await download.path();
				const exportMs = Date.now() - e0;
				const heap = await tabHeapMb(page);
				const rss = peakRssMb(server.proc.pid);
				results[n] = { firstIdle, step30dWindow: median(steps), stepFullWindow: median(stepWide), panFloor: median(pans), filter, exportMs, exported: visible, serverPeakRssMb: rss, tabHeapMb: heap };
				console.log(
					`${n.toLocaleString('en')} events: first load ${fmt(firstIdle)} (median of 3: ${loads.map(fmt).join(', ')}) · slider step, 30-day window ${fmt(median(steps))} (median of 7) · slider step, whole-period window ${fmt(median(stepWide))} (median of 5) · 1-px pan (render floor) ${fmt(median(pans))} · filter change ${fmt(filter)} · export of ${visible} events ${fmt(exportMs)} · server peak RSS ${rss.toFixed(0)} MB · tab heap ${heap.toFixed(0)} MB`
				);
				await w!.context.close();
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
