// Builds the dashboard (vite build) when build/ is missing or older than its sources. Shared by `npm start`, the e2e harness and the bench.
// Every build goes to a fresh build-<stamp>/ and `build` is then switched to it (builds.js): a running server keeps its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBuildName, removeUnusedBuilds, switchTo } from './builds.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = path.join(ROOT, 'build/index.js');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/** @param {string} dir @returns {number} */
function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
	}
	return newest;
}

/** @returns {boolean} true when build/ is missing or a source is newer than it */
export function buildIsStale() {
	if (!existsSync(BUILT)) return true;
	const paths = INPUTS.map((p) => path.join(ROOT, p)).filter(existsSync);
	const sources = Math.max(...paths.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)));
	return statSync(BUILT).mtimeMs < sources;
}

/**
 * Runs `vite build` into a fresh build-<stamp>/, switches `build` to it and deletes the builds no running server
 * uses; exits the process with vite's status if the build fails (the current build stays as it was).
 */
export function build() {
	const name = freshBuildName();
	const res = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BUILD_OUT: name } });
	if (res.status !== 0) {
		rmSync(path.join(ROOT, name), { recursive: true, force: true });
		process.exit(res.status ?? 1);
	}
	precompressGeojson(path.join(ROOT, name));
	switchTo(ROOT, name);
	removeUnusedBuilds(ROOT);
}

/**
 * Writes `.br` and `.gz` beside every prerendered or static `.geojson` of a build (the basemap's countries, towns,
 * water: ~4 MB), which the adapter's precompression skips (it knows .json, not .geojson); the server's static
 * handler then sends them compressed to browsers that accept it, as it does the scripts. @param {string} dir
 */
function precompressGeojson(dir) {
	for (const sub of ['prerendered', 'client']) {
		const base = path.join(dir, sub);
		if (!existsSync(base)) continue;
		for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile() || !entry.name.endsWith('.geojson')) continue;
			const file = path.join(entry.parentPath ?? entry.path, entry.name);
			const bytes = readFileSync(file);
			writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
			writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
		}
	}
}

/** Builds if the build is stale (see build). @param {string} why */
export function buildIfStale(why = 'first start or sources changed') {
	if (!buildIsStale()) return;
	console.log(`Building the dashboard (${why})…`);
	build();
}
