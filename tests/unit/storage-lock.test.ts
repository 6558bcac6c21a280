// Several writers on one data folder (servers, the ingest CLI): each commit holds the folder's lock, so every
// acknowledged write survives, and a writer that cannot get the lock is refused with the other writer's name.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import type { CorrectionLog } from '$lib/domain/corrections';
import type { EventCollection } from '$lib/domain/event';
import { acquireLock, LOCK_FILE } from '$lib/server/lock';
import { commit, formatEvents, StorageError } from '$lib/server/storage';
import { manyEvents, sampleEvent } from './http-fixtures';

const TSX = path.resolve('node_modules/.bin/tsx');
const WRITER = path.resolve('tests/fixtures/storage/writer-child.ts');
const INGEST = path.resolve('src/cli/ingest.ts');

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'storage-lock-'));
	process.env.GEODATA_DIR = dir;
	writeFileSync(path.join(dir, 'events.geojson'), formatEvents(manyEvents(2000))); // ≈ 2 MB: each rewrite takes a while
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.GEODATA_DIR;
	delete process.env.GEODATA_LOCK_WAIT_MS;
});

const eventIds = () => new Set((JSON.parse(readFileSync(path.join(dir, 'events.geojson'), 'utf8')) as EventCollection).features.map((f) => f.properties.id));
const logIds = () => new Set((JSON.parse(readFileSync(path.join(dir, 'corrections.json'), 'utf8')) as CorrectionLog).corrections.map((c) => c.event_id));

/** Runs a tsx script on the data folder; resolves with what it printed and its exit status. */
function run(script: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const p = spawn(TSX, [script, ...args], { env: { ...process.env, TZ: 'UTC', GEODATA_DIR: dir, ...env } });
		let stdout = '';
		let stderr = '';
		p.stdout.on('data', (d) => (stdout += d));
		p.stderr.on('data', (d) => (stderr += d));
		p.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

const acknowledged = (out: string) => out.split('\n').filter((l) => l.startsWith('ev-'));
/** Every write a writer child attempted was acknowledged or refused naming the other writer: none lost silently. */
function expectAllAnswered(r: { stdout: string; stderr: string }, count: number): void {
	const refused = r.stderr.split('\n').filter((l) => l.startsWith('refused '));
	for (const line of refused) expect(line).toMatch(/is being written by /);
	expect(acknowledged(r.stdout).length + refused.length, r.stderr).toBe(count);
}
const PATIENT = { GEODATA_LOCK_WAIT_MS: '120000' }; // a loaded test machine may hold a commit for seconds

describe('the data-folder lock', () => {
	it('refuses a commit with 503 naming the writer that holds the lock, and changes nothing', async () => {
		process.env.GEODATA_LOCK_WAIT_MS = '50';
		const before = readFileSync(path.join(dir, 'events.geojson'), 'utf8');
		const release = await acquireLock(dir, 'test holder');
		try {
			const err = await commit([{ op: 'add', event_id: 'ev-late', feature: sampleEvent('ev-late') }], { author: 'a' }).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(StorageError);
			expect((err as StorageError).status).toBe(503);
			expect((err as StorageError).message).toContain(`is being written by test holder (pid ${process.pid} on ${hostname()}, since `);
		} finally {
			await release();
		}
		expect(readFileSync(path.join(dir, 'events.geojson'), 'utf8')).toBe(before);
		expect(existsSync(path.join(dir, 'corrections.json'))).toBe(false);
		expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
	});

	it('takes over a lock whose process is gone, and releases it after the commit', async () => {
		const gone = spawnSync(process.execPath, ['-e', '']).pid!;
		writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: gone, hostname: hostname(), started: '2026-01-01T00:00:00.000Z', by: 'a killed server' }));
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		await commit([{ op: 'add', event_id: 'ev-after', feature: sampleEvent('ev-after') }], { author: 'a' });
		expect(eventIds().has('ev-after')).toBe(true);
		expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
	});

	it('keeps every acknowledged write of two processes writing the same folder at once', { timeout: 600_000 }, async () => {
		const [a, b] = await Promise.all([run(WRITER, [], { ...PATIENT, PREFIX: 'a', COUNT: '20' }), run(WRITER, [], { ...PATIENT, PREFIX: 'b', COUNT: '20' })]);
		expectAllAnswered(a, 20);
		expectAllAnswered(b, 20);
		const acked = [...acknowledged(a.stdout), ...acknowledged(b.stdout)];
		expect(acked.length).toBeGreaterThan(0);
		const events = eventIds();
		const log = logIds();
		expect(acked.filter((id) => !events.has(id) || !log.has(id))).toEqual([]);
	});

	it('keeps every edit acknowledged while npm run ingest rewrites the same folder', { timeout: 600_000 }, async () => {
		cpSync(path.resolve('geodata/articles'), path.join(dir, 'articles'), { recursive: true });
		const out = path.join(dir, 'events.geojson');
		const [writer, ingest] = await Promise.all([run(WRITER, [], { ...PATIENT, PREFIX: 'w', COUNT: '30' }), run(INGEST, ['--out', out, path.join(dir, 'articles')], PATIENT)]);
		expect(ingest.status, ingest.stderr).toBe(0);
		expectAllAnswered(writer, 30);
		const acked = acknowledged(writer.stdout);
		expect(acked.length).toBeGreaterThan(0);
		const events = eventIds();
		expect(acked.filter((id) => !events.has(id))).toEqual([]);
		expect(events.has('ev-000000')).toBe(false); // the ingest did replace the events (the 2,000 are not articles')
	});

	it('makes npm run ingest exit 1 naming the other writer when the folder stays locked, writing nothing', { timeout: 300_000 }, async () => {
		const before = readFileSync(path.join(dir, 'events.geojson'), 'utf8');
		cpSync(path.resolve('geodata/articles'), path.join(dir, 'articles'), { recursive: true });
		const release = await acquireLock(dir, 'test holder');
		try {
			const r = await run(INGEST, ['--out', path.join(dir, 'events.geojson'), path.join(dir, 'articles')], { GEODATA_LOCK_WAIT_MS: '50' });
			expect(r.status).toBe(1);
			expect(r.stderr).toContain(`ingest: The data folder ${dir} is being written by test holder (pid ${process.pid}`);
		} finally {
			await release();
		}
		expect(readFileSync(path.join(dir, 'events.geojson'), 'utf8')).toBe(before);
	});
});
