// Re-ingesting everything after analysts' edits reproduces exactly what the edits wrote: byte-identical events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadGazetteer } from '$lib/server/gazetteer';
import { ingestPaths } from '$lib/server/pipeline/ingest';
import { commit, readState } from '$lib/server/storage';
import { sampleEvent } from './http-fixtures';

let dir: string;
const ROOT = path.resolve(import.meta.dirname, '../..');

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'reingest-'));
	cpSync(path.join(ROOT, 'geodata/articles'), path.join(dir, 'articles'), { recursive: true });
	process.env.GEODATA_DIR = dir;
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.GEODATA_DIR;
});

const ingest = () => ingestPaths([path.join(dir, 'articles')], { out: path.join(dir, 'events.geojson'), gazetteer: loadGazetteer() });

describe('re-ingest', () => {
	it('reproduces patches, moves, drops, hand-added events, undos and an added article byte for byte', async () => {
		const first = await ingest();
		expect(first.events).toBeGreaterThan(3);
		const [a, b, c] = (await readState()).events;
		await commit([{ op: 'patch', event_id: a!.properties.id, set: { event_type: 'PROTEST', coordinates: [23.83, 53.68], place_name: 'Hrodna', place_id: 'gn:627904' } }], { author: 'Ann' });
		await commit([{ op: 'drop', event_id: b!.properties.id }], { author: 'Ann' });
		const p = await commit([{ op: 'patch', event_id: c!.properties.id, set: { summary: 'temporary' } }], { author: 'Bob' });
		await commit([{ op: 'undo', undoes: p.applied[0]!.id }], { author: 'Bob' });
		await commit([{ op: 'add', event_id: 'hand-1', feature: sampleEvent('hand-1', { source_id: a!.properties.source_id }) }], { author: 'Ann' });
		await commit([], {
			author: 'Ann',
			article: { sourceId: 'analyst-added', text: '---\ntitle: Added\npublished: 2021-11-20\nlanguage: en\n---\nPolish troops were deployed to the Belarus border on Monday.\n' }
		});
		const edited = readFileSync(path.join(dir, 'events.geojson'), 'utf8');
		await ingest();
		const reingested = readFileSync(path.join(dir, 'events.geojson'), 'utf8');
		// The added article's own events come from the ingest (it was saved with no review decisions here).
		const withoutNew = (s: string) => s.split('\n').filter((l) => !l.includes('"source_id":"analyst-added"')).join('\n');
		expect(withoutNew(reingested)).toBe(withoutNew(edited));
		expect(reingested).toContain('"source_id":"analyst-added"');
		expect(reingested).toContain('"id":"hand-1"');
		expect(reingested).not.toContain(`"id":"${b!.properties.id}"`);
	}, 60_000);
});
