import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { removeStaleTemps, writeFileAtomic } from '../../src/lib/server/atomic';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'atomic-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
	it('creates a file and replaces it whole, leaving no temp file behind', async () => {
		const file = path.join(dir, 'a.json');
		await writeFileAtomic(file, 'old');
		await writeFileAtomic(file, new TextEncoder().encode('new bytes'));
		expect(await readFile(file, 'utf8')).toBe('new bytes');
		expect(await readdir(dir)).toEqual(['a.json']);
	});

	it('lets a concurrent reader see the old or the new content, never a mix', async () => {
		const file = path.join(dir, 'b.json');
		const oldText = 'o'.repeat(1 << 20);
		const newText = 'n'.repeat(1 << 20);
		await writeFile(file, oldText);
		const seen = new Set<string>();
		const writing = writeFileAtomic(file, newText);
		for (let i = 0; i < 20; i++) {
			const t = await readFile(file, 'utf8');
			seen.add(t === oldText ? 'old' : t === newText ? 'new' : 'mixed');
		}
		await writing;
		seen.add((await readFile(file, 'utf8')) === newText ? 'new' : 'mixed');
		expect(seen.has('mixed')).toBe(false);
	});

	it('fails without touching the target when the folder does not exist', async () => {
		await expect(writeFileAtomic(path.join(dir, 'missing', 'c.json'), 'x')).rejects.toThrow();
		expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});
});

describe('removeStaleTemps', () => {
	it('deletes the temp files of a writer that died mid-write, and keeps a live writer\'s temp and every other file', async () => {
		const folder = path.join(dir, 'stale');
		await mkdir(folder);
		const dead = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has exited: its pid no longer runs
		const stale = `.events.geojson.${dead}.0123456789ab.tmp`;
		const live = `.events.geojson.${process.pid}.a1b2c3d4e5f6.tmp`;
		const others = ['events.geojson', '.hidden', `.x.${dead}.nothex!!!!!!.tmp`, 'notes.tmp'];
		for (const name of [stale, live, ...others]) await writeFile(path.join(folder, name), 'x');
		expect(await removeStaleTemps(folder)).toEqual([stale]);
		expect((await readdir(folder)).sort()).toEqual([live, ...others].sort());
		expect(await removeStaleTemps(path.join(dir, 'no-such-folder'))).toEqual([]);
	});
});
