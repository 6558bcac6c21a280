// What `npm run ingest` reads: regular article files only, of bounded size, text without control characters
// (the web's own check); every other input is reported by name with the reason, and the good files still go in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, truncate, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestPaths, MAX_ARTICLE_BYTES } from '../../src/lib/server/pipeline/ingest';
import { MAX_BODY } from '../../src/lib/server/pipeline/article';
import type { EventCollection } from '../../src/lib/domain/event';
import { fakeGazetteer } from '../fixtures/pipeline/fake-gazetteer';

const GOOD = '---\ntitle: A\npublished: 2020-09-14\nlanguage: en\n---\nAt least 100,000 protesters flooded the streets of Minsk on Sunday.\n';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'ingest-inputs-'));
	await mkdir(path.join(dir, 'in'));
	await mkdir(path.join(dir, 'elsewhere'));
	await writeFile(path.join(dir, 'in', 'good.md'), GOOD);
	await writeFile(path.join(dir, 'in', 'bell.md'), GOOD.replace('Minsk', 'Minsk\u0007'));
	await writeFile(path.join(dir, 'elsewhere', 'target.md'), GOOD);
	await symlink(path.join(dir, 'elsewhere', 'target.md'), path.join(dir, 'in', 'link.md'));
	await writeFile(path.join(dir, 'in', 'huge.md'), '');
	await truncate(path.join(dir, 'in', 'huge.md'), MAX_ARTICLE_BYTES + 1);
	execFileSync('mkfifo', [path.join(dir, 'in', 'pipe.md')]);
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function run(paths: string[], name: string) {
	const out = path.join(dir, name, 'events.geojson');
	await mkdir(path.dirname(out), { recursive: true });
	return { summary: await ingestPaths(paths, { out, gazetteer: fakeGazetteer() }), out };
}

describe('ingest inputs', () => {
	it('bounds an article file by the article body limit', () => {
		expect(MAX_ARTICLE_BYTES).toBeGreaterThanOrEqual(4 * MAX_BODY);
		expect(MAX_ARTICLE_BYTES).toBeLessThan(5 * MAX_BODY);
	});

	it('reports control characters, symlinks, oversized files and FIFOs by name, and still ingests the good file', async () => {
		const { summary, out } = await run([path.join(dir, 'in')], 'o1');
		const reasons = Object.fromEntries(summary.failed.map((f) => [path.basename(f.file), f.reason]));
		expect(Object.keys(reasons).sort()).toEqual(['bell.md', 'huge.md', 'link.md', 'pipe.md']);
		expect(reasons['bell.md']).toMatch(/control character \(U\+0007\)/);
		expect(reasons['link.md']).toMatch(/symbolic link/);
		expect(reasons['huge.md']).toMatch(/at most .* bytes/);
		expect(reasons['pipe.md']).toMatch(/not a regular file/);
		expect(summary.articles).toBe(1);
		const events = JSON.parse(await readFile(out, 'utf8')) as EventCollection;
		expect(new Set(events.features.map((f) => f.properties.source_id))).toEqual(new Set(['good']));
	});

	it('refuses a device given as a path, without reading it', async () => {
		const { summary } = await run(['/dev/zero', path.join(dir, 'in', 'good.md')], 'o2');
		expect(summary.failed).toEqual([{ file: '/dev/zero', reason: expect.stringMatching(/not a regular file/) }]);
		expect(summary.articles).toBe(1);
	});
});
