#!/usr/bin/env node
// `npm start`: builds the dashboard when the build is missing or older than the sources, then serves it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'build/index.js');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
	}
	return newest;
}

const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'].map((p) => path.join(root, p));
const sourcesMtime = Math.max(...inputs.filter(existsSync).map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)));
if (!existsSync(built) || statSync(built).mtimeMs < sourcesMtime) {
	console.log('Building the dashboard (first start or sources changed)…');
	const res = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (res.status !== 0) process.exit(res.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? 'localhost';
const env = { ...process.env, PORT: port, HOST: host, TZ: 'UTC' };
env.ORIGIN ??= `http://${host}:${port}`;
env.BODY_SIZE_LIMIT ??= '12M'; // imports may be up to 10 MB; adapter-node's default is 512 KB
console.log(`Conflict map on ${env.ORIGIN} (data: ${process.env.GEODATA_DIR ?? 'geodata/'})`);
const server = spawn(process.execPath, [built], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
