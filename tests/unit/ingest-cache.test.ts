// The ingest over pages, feeds and dumps: extracted texts stored for the article pages (evidence offsets point into
// them), bad items reported by file and number, and the cache: a re-run skips unchanged files, output byte-identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/lib/server/pipeline/ingest';
import { parseArticle } from '../../src/lib/server/pipeline/article';
import { CACHE_FILE } from '../../src/lib/server/pipeline/cache';
import type { EventCollection } from '../../src/lib/domain/event';
import { fakeGazetteer } from '../fixtures/pipeline/fake-gazetteer';

let dir: string;
let input: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'ingest-cache-'));
	input = path.join(dir, 'in');
	await cp('tests/fixtures/inputs', input, { recursive: true });
	await writeFile(path.join(input, 'rally.md'), '---\ntitle: Rally\npublished: 2020-09-14\nlanguage: en\n---\nAt least 100,000 protesters flooded the streets of Minsk on Sunday.\n');
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function run(name: string, cache: boolean) {
	const out = path.join(dir, name, 'events.geojson');
	await mkdir(path.dirname(out), { recursive: true });
	let loads = 0;
	const summary = await ingestPaths([input], { out, cache, gazetteer: () => (loads++, fakeGazetteer()) });
	return { summary, out, loads, events: await readFile(out, 'utf8'), places: await readFile(path.join(path.dirname(out), 'places.geojson'), 'utf8') };
}

describe('ingesting pages, feeds and dumps', () => {
	it('reports each bad item under its file and number, and ingests the rest', async () => {
		const { summary } = await run('items', false);
		const failed = summary.failed.map((f) => `${path.basename(f.file)}: ${f.reason.split(':')[0]}`).sort();
		expect(failed).toEqual(['dump.jsonl: line 4', 'dump.jsonl: line 5', 'dump.jsonl: line 6', 'mixed-encoding.rss: item 2', 'monitor.rss: item 2']);
		expect(summary.notes).toEqual([{ file: path.join(input, 'misdeclared.html'), note: expect.stringMatching(/declares windows-1251/) }]);
		expect(summary.articles).toBe(14);
	});

	it('stores each extracted text beside the events, and every event’s evidence offsets point into it', async () => {
		const { out } = await run('texts', false);
		const fc = JSON.parse(await readFile(out, 'utf8')) as EventCollection;
		const fromPages = fc.features.filter((f) => f.properties.source_id !== 'rally');
		expect(new Set(fromPages.map((f) => f.properties.source_id))).toContain('saved-page');
		for (const f of fromPages) {
			const p = f.properties;
			const stored = parseArticle(await readFile(path.join(path.dirname(out), 'articles', '.extracted', `${p.source_id}.md`)), `${p.source_id}.md`);
			expect(stored.body.slice(p.evidence_start, p.evidence_end)).toBe(p.evidence);
			expect(p.source_published).toBe(stored.meta.published);
			expect(p.evidence).not.toMatch(/cookie|Related|ADVERTISEMENT|Subscribe/i);
		}
		// An article read as written (.md) is not copied: the article pages read it where it is.
		await expect(readFile(path.join(path.dirname(out), 'articles', '.extracted', 'rally.md'))).rejects.toThrow();
	});
});

describe('the ingest cache', () => {
	it('makes a re-run skip every unchanged file without loading the gazetteer, with byte-identical output', async () => {
		const full = await run('full', false);
		const first = await run('cached', true);
		expect(first.summary.cached).toBe(0);
		expect(first.events).toBe(full.events);
		const again = await run('cached', true);
		expect(again.summary.cached).toBe(9);
		expect(again.loads).toBe(0);
		expect(again.events).toBe(full.events);
		expect(again.places).toBe(full.places);
		expect(again.summary.failed).toEqual(first.summary.failed);
	});

	it('reads a changed file again, and the output equals a full run over the changed inputs', async () => {
		await run('changed', true);
		const rss = path.join(input, 'monitor.rss');
		const before = await readFile(rss, 'utf8');
		try {
			await writeFile(rss, before.replace('detained 40 migrants near the village of Bialowieza', 'detained 40 migrants in Minsk'));
			const after = await run('changed', true);
			expect(after.summary.cached).toBe(8);
			const full = await run('changed-full', false);
			expect(after.events).toBe(full.events);
			expect(after.events).toContain('detained 40 migrants in Minsk');
			expect(after.places).toBe(full.places);
		} finally {
			await writeFile(rss, before);
		}
	});

	it('ignores a cache written by another pipeline version', async () => {
		const first = await run('version', true);
		const file = path.join(path.dirname(first.out), CACHE_FILE);
		const text = await readFile(file, 'utf8');
		await writeFile(file, text.replace(/^\{"version":"[^"]*"\}/, '{"version":"an-older-pipeline"}'));
		const again = await run('version', true);
		expect(again.summary.cached).toBe(0);
		expect(again.events).toBe(first.events);
	});

	it('extracts a page again when its stored text was deleted, and stores it again', async () => {
		const first = await run('deleted', true);
		const stored = path.join(path.dirname(first.out), 'articles', '.extracted', 'saved-page.md');
		const text = await readFile(stored, 'utf8');
		await unlink(stored);
		const again = await run('deleted', true);
		expect(again.summary.cached).toBe(8);
		expect(await readFile(stored, 'utf8')).toBe(text);
	});
});
