// A commit replays the correction log once, not once per entry: the work of an import grows with the log plus
// the import, counted in log entries scanned (never timed).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Correction } from '$lib/domain/corrections';
import { commit, formatEvents, formatLog } from '$lib/server/storage';
import { docText } from '$lib/server/lines';
import { manyEvents, sampleEvent } from './http-fixtures';

/** Log entries that activeCorrections (the scan of the whole log the profile blamed) has read. */
const scanned = vi.hoisted(() => ({ entries: 0 }));
vi.mock('$lib/domain/corrections', async (importOriginal) => {
	const mod = await importOriginal<typeof import('$lib/domain/corrections')>();
	return {
		...mod,
		activeCorrections: (log: readonly Correction[]) => {
			scanned.entries += log.length;
			return mod.activeCorrections(log);
		}
	};
});

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'storage-linear-'));
	process.env.GEODATA_DIR = dir;
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.GEODATA_DIR;
});

/** Entries scanned by an import of `m` new events into a folder whose log already holds `n` adds. */
async function importWork(n: number, m: number): Promise<number> {
	const existing = manyEvents(n);
	const log: Correction[] = existing.map((f, i) => ({ id: `c-${i}`, at: '2026-01-01T00:00:00.000Z', author: 'a', event_id: f.properties.id, op: 'add', feature: f }));
	writeFileSync(path.join(dir, 'events.geojson'), formatEvents(existing));
	writeFileSync(path.join(dir, 'corrections.json'), docText(formatLog({ version: 1, corrections: log })));
	const batch = Array.from({ length: m }, (_, i) => sampleEvent(`ev-import-${i}`));
	scanned.entries = 0;
	const res = await commit(batch.map((f) => ({ op: 'add', event_id: f.properties.id, feature: f })), { author: 'a', onExisting: 'skip' });
	expect(res.applied).toHaveLength(m);
	return scanned.entries;
}

describe('replaying the correction log in a commit', () => {
	it('scans the log a bounded number of times for an import, whatever its size: work linear in log plus import', async () => {
		const small = await importWork(1000, 1000);
		const large = await importWork(2000, 2000);
		expect(small).toBeLessThanOrEqual(3 * (1000 + 1000));
		expect(large).toBeLessThanOrEqual(3 * (2000 + 2000));
		expect(large / small).toBeLessThanOrEqual(2.5); // doubling both doubles the work (quadratic would be 4×)
	});
});
