#!/usr/bin/env node
// `npm start`: builds the dashboard when the build is missing or older than the sources, then serves it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, buildIfStale } from './build-if-stale.js';

const built = path.join(ROOT, 'build/index.js');
buildIfStale();

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? 'localhost';
const env = { ...process.env, PORT: port, HOST: host, TZ: 'UTC' };
env.ORIGIN ??= `http://${host}:${port}`;
env.BODY_SIZE_LIMIT ??= '12M'; // imports may be up to 10 MB; adapter-node's default is 512 KB
console.log(`Conflict map on ${env.ORIGIN} (data: ${process.env.GEODATA_DIR ?? 'geodata/'})`);
const server = spawn(process.execPath, [built], { cwd: ROOT, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
