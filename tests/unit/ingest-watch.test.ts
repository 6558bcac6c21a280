// `npm run ingest -- --watch DIR` as a real child process: new, changed and removed files under DIR reach
// events.geojson through the commit path, each change waited for on the process's own report, never on a clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventCollection } from '../../src/lib/domain/event';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/cli/ingest.ts');
const RALLY = '---\ntitle: Rally\npublished: 2020-09-14\nlanguage: en\n---\nAt least 100,000 protesters flooded the streets of Minsk on Sunday.\n';

let dir: string;
let child: ChildProcess;
let stderr = '';
const waiters: { re: RegExp; from: number; resolve: (m: string) => void }[] = [];

/** Resolves with the first report line matching `re` that the process writes after `from` characters of its stderr. */
function report(re: RegExp, from: number): Promise<string> {
	return new Promise((resolve) => {
		waiters.push({ re, from, resolve });
		check();
	});
}
function check() {
	for (const w of [...waiters]) {
		const m = stderr.slice(w.from).match(w.re);
		if (m) {
			waiters.splice(waiters.indexOf(w), 1);
			w.resolve(m[0]);
		}
	}
}

const sources = async () => new Set((JSON.parse(await readFile(path.join(dir, 'out', 'events.geojson'), 'utf8')) as EventCollection).features.map((f) => f.properties.source_id));

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'ingest-watch-'));
	await mkdir(path.join(dir, 'in'));
	await mkdir(path.join(dir, 'out'));
	await writeFile(path.join(dir, 'in', 'rally.md'), RALLY);
	child = spawn(TSX, [CLI, '--out', path.join(dir, 'out', 'events.geojson'), '--watch', path.join(dir, 'in')], { env: { ...process.env, TZ: 'UTC' } });
	child.stderr!.setEncoding('utf8').on('data', (d: string) => {
		stderr += d;
		check();
	});
});
afterAll(async () => {
	if (child.exitCode === null) child.kill('SIGKILL');
	await rm(dir, { recursive: true, force: true });
});

describe('npm run ingest -- --watch DIR', () => {
	it('ingests the folder first, then a saved page as it lands, a changed article and a removed file, and stops on SIGTERM', { timeout: 240_000 }, async () => {
		await report(/watching .*in/, 0);
		expect(await sources()).toEqual(new Set(['rally']));

		let mark = stderr.length;
		await copyFile('tests/fixtures/inputs/saved-page.html', path.join(dir, 'in', 'saved-page.html'));
		await report(/ingest: 2 articles.*\n/, mark);
		expect(await sources()).toEqual(new Set(['rally', 'saved-page']));
		const stored = await readFile(path.join(dir, 'out', 'articles', '.extracted', 'saved-page.md'), 'utf8');
		expect(stored).toContain('Poland deployed thousands of additional soldiers');

		mark = stderr.length;
		await writeFile(path.join(dir, 'in', 'rally.md'), RALLY.replace('Minsk', 'Sochi'));
		const line = await report(/ingest: 2 articles.*\n/, mark);
		expect(line).toMatch(/1 files unchanged \(cached\)/);
		const text = await readFile(path.join(dir, 'out', 'events.geojson'), 'utf8');
		expect(text).toContain('protesters flooded the streets of Sochi');
		expect(text).not.toContain('streets of Minsk');

		mark = stderr.length;
		await unlink(path.join(dir, 'in', 'saved-page.html'));
		await report(/ingest: 1 articles.*\n/, mark);
		expect(await sources()).toEqual(new Set(['rally']));

		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});
});
