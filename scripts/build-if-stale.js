// Builds the dashboard (vite build) when build/ is missing or older than its sources. Shared by `npm start`, the e2e harness and the bench.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Runs `vite build` if the build is stale; exits the process with vite's status if the build fails. @param {string} why */
export function buildIfStale(why = 'first start or sources changed') {
	if (!buildIsStale()) return;
	console.log(`Building the dashboard (${why})…`);
	const res = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (res.status !== 0) process.exit(res.status ?? 1);
}
