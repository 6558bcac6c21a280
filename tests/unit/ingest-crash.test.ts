// `npm run ingest` killed between any two of its file-system changes: after the next writer's recovery,
// events.geojson and places.geojson are both the old ones or both the new ones, never one of each.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withDataLock } from '../../src/lib/server/lock';

const TSX = path.resolve('node_modules/.bin/tsx');
const CHILD = path.resolve('tests/fixtures/storage/ingest-child.ts');
const OLD_EVENTS = '{"type":"FeatureCollection","features":[]}\n';
const OLD_PLACES = '{"type":"FeatureCollection","features":[]}\n';

let work: string;
beforeAll(() => {
	work = mkdtempSync(path.join(tmpdir(), 'ingest-crash-'));
	mkdirSync(path.join(work, 'in'));
	writeFileSync(path.join(work, 'in', 'a.md'), '---\ntitle: A\npublished: 2020-09-14\nlanguage: en\n---\nAt least 100,000 protesters flooded the streets of Minsk on Sunday.\n');
	writeFileSync(path.join(work, 'in', 'b.md'), '---\ntitle: B\npublished: 2021-11-12\nlanguage: en\n---\nMigrants massed at the border between Belarus and Poland on Thursday.\n');
	mkdirSync(path.join(work, 'base'));
	writeFileSync(path.join(work, 'base', 'events.geojson'), OLD_EVENTS);
	writeFileSync(path.join(work, 'base', 'places.geojson'), OLD_PLACES);
	vi.spyOn(console, 'warn').mockImplementation(() => {}); // the recoveries report what they did
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runIngest(dir: string, killAt: number): { killed: boolean; mutations: number } {
	const r = spawnSync(TSX, [CHILD], {
		encoding: 'utf8',
		env: { ...process.env, TZ: 'UTC', INGEST_IN: path.join(work, 'in'), INGEST_OUT: path.join(dir, 'events.geojson'), KILL_AT: String(killAt) },
		timeout: 120_000
	});
	if (r.signal === 'SIGKILL' || r.status === 128 + 9) return { killed: true, mutations: killAt };
	if (r.status !== 0) throw new Error(`the ingest failed (${r.status ?? r.signal ?? r.error}): ${r.stderr}${r.stdout}`);
	return { killed: false, mutations: (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { mutations: number }).mutations };
}

/** The data files of `dir` (lock files aside). */
function dataFiles(dir: string): Record<string, string> {
	return Object.fromEntries(readdirSync(dir).filter((n) => !n.startsWith('.lock')).map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]));
}

describe('an ingest killed between any two of its writes', () => {
	it('leaves events.geojson and places.geojson both old or both new once the next writer has recovered the folder', { timeout: 600_000 }, async () => {
		const clean = path.join(work, 'clean');
		cpSync(path.join(work, 'base'), clean, { recursive: true });
		const { mutations } = runIngest(clean, 0);
		const after = dataFiles(clean);
		expect(Object.keys(after).sort()).toEqual(['events.geojson', 'places.geojson']);
		expect(after['events.geojson']).not.toBe(OLD_EVENTS);
		expect(after['places.geojson']).not.toBe(OLD_PLACES);
		const before = dataFiles(path.join(work, 'base'));
		const outcomes: string[] = [];
		for (let k = 1; k <= mutations; k++) {
			const dir = path.join(work, `kill-${k}`);
			cpSync(path.join(work, 'base'), dir, { recursive: true });
			expect(runIngest(dir, k).killed).toBe(true);
			await withDataLock(dir, 'the next writer', async () => {}, { waitMs: 0 });
			const now = dataFiles(dir);
			const same = (x: Record<string, string>) => JSON.stringify(now) === JSON.stringify(x);
			outcomes.push(`${k}: ${same(before) ? 'old' : same(after) ? 'new' : `mixed (${Object.keys(now).join(', ')})`}`);
		}
		expect(outcomes.filter((o) => !/: (old|new)$/.test(o))).toEqual([]);
		expect(outcomes.some((o) => o.endsWith('old')) && outcomes.some((o) => o.endsWith('new'))).toBe(true);
	});
});
