import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/cli/ingest.ts');

function ingest(args: string[]) {
	return spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, timeout: 120_000 });
}

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'ingest-cli-'));
	await mkdir(path.join(dir, 'in'));
	await writeFile(path.join(dir, 'in', 'good.md'), '---\ntitle: Rally\npublished: 2020-09-14\nlanguage: en\n---\nAt least 100,000 protesters flooded the streets of Minsk on Sunday.\n');
	await writeFile(path.join(dir, 'in', 'empty.txt'), '');
	await mkdir(path.join(dir, 'out'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('npm run ingest', () => {
	it('prints its usage with --help and exits 0', () => {
		const r = ingest(['--help']);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('Usage: npm run ingest -- [--out FILE] [--jobs N] [--no-cache] [--watch DIR] PATH...');
	});

	it('exits 2 on a usage error', () => {
		expect(ingest([]).status).toBe(2);
		expect(ingest(['--bogus', 'x']).status).toBe(2);
	});

	it('names the bad file, writes the good one and exits 1', { timeout: 180_000 }, async () => {
		const out = path.join(dir, 'out', 'events.geojson');
		const r = ingest(['--out', out, path.join(dir, 'in')]);
		expect(r.status, r.stderr).toBe(1);
		expect(r.stderr).toMatch(/FAILED .*empty\.txt: body: is empty/);
		expect(r.stderr).toMatch(/1 articles, 1 events/);
		const fc = JSON.parse(await readFile(out, 'utf8'));
		expect(fc.features[0].properties).toMatchObject({ event_type: 'PROTEST', place_name: 'Minsk', date: '2020-09-13' });
		expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['.ingest-cache.jsonl', 'events.geojson', 'places.geojson']);
	});

	it('writes nothing and exits 1 with a clear message when the folder holds no articles', async () => {
		const empty = path.join(dir, 'no-articles');
		await mkdir(empty);
		await writeFile(path.join(empty, 'notes.json'), '{}');
		const outDir = path.join(dir, 'kept');
		await mkdir(outDir);
		const out = path.join(outDir, 'events.geojson');
		await writeFile(out, 'stored events');
		await writeFile(path.join(outDir, 'places.geojson'), 'stored places');
		const r = ingest(['--out', out, empty]);
		expect(r.status, r.stderr).toBe(1);
		expect(r.stderr).toContain(`wrote nothing: no article, page, feed or JSON Lines file found in ${empty}`);
		expect(await readFile(out, 'utf8')).toBe('stored events');
		expect(await readFile(path.join(outDir, 'places.geojson'), 'utf8')).toBe('stored places');
	});

	it('prints one line naming the file and the cause, with no stack trace, when it cannot write its output', async () => {
		const notAFolder = path.join(dir, 'a-file');
		await writeFile(notAFolder, 'x');
		const r = ingest(['--out', path.join(notAFolder, 'events.geojson'), path.join(dir, 'in')]);
		expect(r.status).toBe(1);
		expect(r.stderr.trim().split('\n')).toEqual([`ingest: ${notAFolder}: exists and is not a folder; nothing was written`]);
	});
});
