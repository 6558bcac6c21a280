// Shared end-to-end harness: the built app on a free localhost port, and Debian's Chromium via playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { currentBuild, registerServer } from '../../scripts/builds.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];

/** Builds the app if build/ is missing or older than the sources (npm test builds first; this covers one file or the bench). */
export function ensureBuilt(): void {
	buildIfStale('build/ missing or older than the sources');
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
		});
	});
}

/** A copy of geodata/ in a temp folder, so a test may write without touching the project's data. */
export function copyGeodata(): { dir: string; remove(): void } {
	const dir = mkdtempSync(path.join(tmpdir(), 'geodata-'));
	cpSync(path.join(ROOT, 'geodata'), dir, { recursive: true });
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface AppServer {
	url: string;
	port: number;
	proc: ChildProcess;
	/** Everything the server printed, for failure messages. */
	output(): string;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the current build (`build`'s target folder, registered so that a rebuild meanwhile keeps it; see
 * scripts/builds.js) on a free port with the given data folder and environment; resolves when it answers.
 */
export async function startServer(opts: { geodataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<AppServer> {
	ensureBuilt();
	const port = opts.port ?? (await freePort());
	const dir = currentBuild(ROOT);
	if (!dir) throw new Error(`no build in ${ROOT}`);
	const proc = spawn(process.execPath, [path.join(dir, 'index.js')], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			GEODATA_DIR: opts.geodataDir ?? path.join(ROOT, 'geodata'),
			...opts.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	if (proc.pid) {
		const mark = registerServer(ROOT, proc.pid, dir);
		proc.once('exit', mark.release);
	}
	let out = '';
	proc.stdout!.on('data', (d) => (out += d));
	proc.stderr!.on('data', (d) => (out += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${out}`);
		try {
			const res = await fetch(url + '/', { signal: AbortSignal.timeout(2000) });
			if (res.status < 500) break;
		} catch {
			/* not up yet */
		}
		if (Date.now() > deadline) {
			proc.kill('SIGKILL');
			throw new Error(`server did not answer within 30 s:\n${out}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		port,
		proc,
		output: () => out,
		stop: (signal = 'SIGTERM') =>
			new Promise<void>((resolve) => {
				if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
				proc.once('exit', () => resolve());
				proc.kill(signal);
			})
	};
}

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface WatchedPage {
	context: BrowserContext;
	page: Page;
	/** URLs of requests that tried to leave localhost (they are aborted). */
	external: string[];
	/** Console errors and uncaught page errors. */
	errors: string[];
}

/** A fresh context and page that aborts and records every request not addressed to localhost (`hasTouch`: a touch screen). */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 800 }, opts: { hasTouch?: boolean } = {}): Promise<WatchedPage> {
	const context = await browser.newContext({ viewport, acceptDownloads: true, hasTouch: opts.hasTouch ?? false });
	const external: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol);
		if (local) return route.continue();
		external.push(url.href);
		return route.abort();
	});
	const page = await context.newPage();
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(String(err)));
	return { context, page, external, errors };
}

/** Resolves when the page's data are in (nothing aria-busy) and its map reports idle; pages expose `window.__map` for tests. */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<void> {
	await page.waitForFunction(
		() => {
			const map = (window as unknown as { __map?: { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean } }).__map;
			return !!map && map.loaded() && map.areTilesLoaded() && !map.isMoving() && !document.querySelector('[aria-busy="true"]');
		},
		undefined,
		{ timeout, polling: 100 }
	);
}
