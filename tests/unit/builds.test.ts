// A rebuild never pulls the build away from a running server: each build goes to a fresh folder, `build` is
// switched to it in one rename, and an old build is deleted only once no server started from it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { currentBuild, freshBuildName, registerServer, removeUnusedBuilds, switchTo } from '../../scripts/builds.js';

let root: string;
beforeAll(() => {
	root = mkdtempSync(path.join(tmpdir(), 'builds-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A stand-in for `vite build`: a server whose answer comes from a module it loads lazily, as route chunks are. */
function fakeBuild(label: string): string {
	const name = freshBuildName();
	mkdirSync(path.join(root, name));
	writeFileSync(path.join(root, name, 'lazy.js'), `export const label = ${JSON.stringify(label)};\n`);
	writeFileSync(
		path.join(root, name, 'index.js'),
		`import http from 'node:http';
const srv = http.createServer(async (_req, res) => {
	try { res.end((await import('./lazy.js')).label); } catch (err) { res.statusCode = 500; res.end(String(err.code)); }
});
srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
`
	);
	writeFileSync(path.join(root, name, 'package.json'), '{"type":"module"}\n');
	return name;
}

async function startServer(): Promise<{ url: string; stop(): Promise<void>; release(): void }> {
	const dir = currentBuild(root);
	const proc = spawn(process.execPath, [path.join(root, 'build', 'index.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
	const mark = registerServer(root, proc.pid!, dir);
	const port = await new Promise<string>((resolve) => proc.stdout!.once('data', (d) => resolve(String(d).trim())));
	return {
		url: `http://127.0.0.1:${port}/`,
		release: mark.release,
		stop: () => new Promise((resolve) => (proc.once('exit', () => resolve()), proc.kill()))
	};
}

describe('stamped builds', () => {
	it('keeps a running server serving its own build across a rebuild, and deletes that build once it stops', async () => {
		const first = fakeBuild('first');
		switchTo(root, first);
		const server = await startServer();
		const second = fakeBuild('second');
		switchTo(root, second);
		expect(removeUnusedBuilds(root)).toEqual([]);
		// The server loads its lazy module only now, after the switch: from the folder it started in.
		expect(await (await fetch(server.url)).text()).toBe('first');
		expect(currentBuild(root)).toBe(path.join(root, second));
		expect(readlinkSync(path.join(root, 'build'))).toBe(second);
		await server.stop();
		expect(removeUnusedBuilds(root)).toEqual([first]);
		expect(existsSync(path.join(root, first))).toBe(false);
		expect(existsSync(path.join(root, second))).toBe(true);
	});

	it('ignores the record of a server that died without removing it', async () => {
		const third = fakeBuild('third');
		switchTo(root, third);
		const server = await startServer();
		switchTo(root, fakeBuild('fourth'));
		await server.stop(); // its record stays, as after a kill -9
		expect(removeUnusedBuilds(root)).toContain(third);
	});

	it('moves a build/ that is still a real folder aside and links build to the new one', () => {
		rmSync(path.join(root, 'build'));
		mkdirSync(path.join(root, 'build'));
		const next = fakeBuild('next');
		switchTo(root, next);
		expect(lstatSync(path.join(root, 'build')).isSymbolicLink()).toBe(true);
		expect(currentBuild(root)).toBe(path.join(root, next));
		expect(removeUnusedBuilds(root).some((n) => n.startsWith('build-0legacy'))).toBe(true);
	});
});
