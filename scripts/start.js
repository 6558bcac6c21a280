#!/usr/bin/env node
// `npm start`: builds the dashboard when the build is missing or older than the sources, then serves it.
// The server runs from the build folder current at its start, registered so that later rebuilds keep it (builds.js).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, buildIfStale } from './build-if-stale.js';
import { currentBuild, registerServer, removeUnusedBuilds } from './builds.js';

buildIfStale();
removeUnusedBuilds(ROOT); // builds that stopped servers left behind
const dir = currentBuild(ROOT);
const self = registerServer(ROOT, process.pid, dir); // until the server's own pid is known

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? 'localhost';
const env = { ...process.env, PORT: port, HOST: host, TZ: 'UTC' };
env.ORIGIN ??= `http://${host}:${port}`;
env.BODY_SIZE_LIMIT ??= '12M'; // imports may be up to 10 MB; adapter-node's default is 512 KB
console.log(`Conflict map on ${env.ORIGIN} (data: ${process.env.GEODATA_DIR ?? 'geodata/'}; build: ${path.basename(dir ?? '')})`);
const server = spawn(process.execPath, [self.entry], { cwd: ROOT, env, stdio: 'inherit' });
const child = server.pid ? registerServer(ROOT, server.pid, dir) : null;
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => {
	child?.release();
	self.release();
	process.exit(code ?? (signal ? 0 : 1));
});
