// `--jobs N`: files extracted in worker threads (each with its own gazetteer) give the same bytes as one thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';
import { extractFile, ingestPaths } from '../../src/lib/server/pipeline/ingest';
import { workerPool } from '../../src/lib/server/pipeline/pool';

const FIX = 'tests/fixtures/inputs';
const SENTENCES = [
	'Riot police detained dozens of protesters in Minsk on Sunday evening.',
	'Polish border guards said 300 migrants tried to cross from Belarus near Bialowieza on Tuesday.',
	'Ukraine sent additional troops to its border with Belarus on Wednesday.',
	'Thousands of people rallied in Grodno on Saturday against the election results.'
];

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'ingest-jobs-'));
	await mkdir(path.join(dir, 'in'));
	// The first 16 files are extracted on the main thread before workers start: 16 articles, then one file of each format.
	for (let i = 0; i < 16; i++) {
		await writeFile(path.join(dir, 'in', `0m${String(i).padStart(2, '0')}.md`), `---\npublished: 2020-08-${String(10 + i).padStart(2, '0')}\nlanguage: en\n---\n${SENTENCES[i % 4]}\n\n${SENTENCES[(i + 1) % 4]}\n`);
	}
	for (const name of await readdir(FIX)) {
		await copyFile(path.join(FIX, name), path.join(dir, 'in', name));
	}
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function run(name: string, jobs: number) {
	const out = path.join(dir, name, 'events.geojson');
	await mkdir(path.dirname(out), { recursive: true });
	const summary = await ingestPaths([path.join(dir, 'in')], { out, gazetteer: loadGazetteer, jobs });
	const read = (f: string) => readFile(path.join(dir, name, f), 'utf8');
	return { summary, events: await read('events.geojson'), places: await read('places.geojson'), page: await read('articles/.extracted/saved-page.md') };
}

describe('ingest with worker threads', () => {
	it('writes byte-identical events, places and extracted texts with --jobs 2 as with --jobs 1, and reports the same failures', { timeout: 240_000 }, async () => {
		const one = await run('one', 1);
		const two = await run('two', 2);
		expect(one.summary.workers).toBe(0);
		expect(two.summary.workers).toBe(1); // the main thread is the other of the two
		expect(two.summary.articles).toBe(one.summary.articles);
		expect(one.summary.articles).toBe(29);
		expect(two.events).toBe(one.events);
		expect(two.places).toBe(one.places);
		expect(two.page).toBe(one.page);
		expect(two.summary.failed).toEqual(one.summary.failed);
		expect(two.summary.notes).toEqual(one.summary.notes);
	});
});

describe('a worker thread', () => {
	it('extracts every input format (Markdown, saved page, feeds, JSON Lines, a mis-declared encoding) exactly as this thread does', { timeout: 120_000 }, async () => {
		const gazetteer = loadGazetteer();
		const pool = workerPool(1);
		try {
			expect(pool.room()).toBe(0); // not started yet: the caller extracts on its own thread meanwhile
			const names = (await readdir(FIX)).sort();
			expect(names.length).toBeGreaterThan(5);
			for (const name of names) {
				const file = path.join(FIX, name);
				const bytes = await readFile(file);
				const expected = (() => {
					try {
						return { result: extractFile(bytes, file, gazetteer, 'k') };
					} catch (err) {
						return { error: (err as Error).message };
					}
				})();
				const got = await pool.run(file, bytes, 'k').then(
					(result) => ({ result }),
					(err: Error) => ({ error: err.message })
				);
				expect(got, name).toEqual(expected);
				expect(pool.room()).toBe(2);
			}
			// A file handed over counts at once, before its message is even posted: a caller that hands files over in a
			// loop without yielding stops at two per worker and extracts the rest itself.
			const file = path.join(FIX, names[0]!);
			const bytes = await readFile(file);
			const both = [pool.run(file, bytes, 'k'), pool.run(file, bytes, 'k')];
			expect(pool.room()).toBe(0);
			await Promise.all(both);
			expect(pool.room()).toBe(2);
		} finally {
			await pool.close();
		}
	});
});
