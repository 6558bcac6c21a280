// The data folder's writer: serialised, atomic, version-checked, and consistent with re-ingesting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyCorrections, type CorrectionLog } from '$lib/domain/corrections';
import type { EventCollection, EventFeature } from '$lib/domain/event';
import { articlePath, commit, eventVersion, formatEvents, readState, replayEvent, StorageError } from '$lib/server/storage';
import { writeFileAtomic } from '$lib/server/atomic';

function event(id: string, lon = 27.56, lat = 53.9): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [lon, lat] },
		properties: {
			id,
			date: '2021-11-11',
			date_start: '2021-11-11',
			date_end: '2021-11-11',
			date_precision: 'day',
			date_text: 'Thursday',
			event_type: 'CONSULT',
			summary: `Event ${id}`,
			actors: ['Vladimir Putin'],
			place_id: 'gn:625144',
			place_name: 'Minsk',
			place_text: 'Minsk',
			place_kind: 'city',
			country_codes: ['BLR'],
			geo_precision: 1,
			geonames_id: 625144,
			evidence: 'A sentence.',
			evidence_start: 0,
			evidence_end: 11,
			language: 'en',
			source_id: 'src-1',
			source_title: 'Title',
			source_publisher: null,
			source_url: null,
			source_published: '2021-11-12'
			,confidence: 0.9
		}
	};
}

let dir: string;
const pipelineOutput = Array.from({ length: 20 }, (_, i) => event(`e${String(i).padStart(2, '0')}`));

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'storage-'));
	process.env.GEODATA_DIR = dir;
	writeFileSync(path.join(dir, 'events.geojson'), formatEvents(pipelineOutput));
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.GEODATA_DIR;
});

const readEventsFile = () => JSON.parse(readFileSync(path.join(dir, 'events.geojson'), 'utf8')) as EventCollection;
const readLog = () => JSON.parse(readFileSync(path.join(dir, 'corrections.json'), 'utf8')) as CorrectionLog;

describe('commit', () => {
	it('keeps every one of 20 concurrent edits to different events', async () => {
		const state = await readState();
		const results = await Promise.all(
			state.events.map((f, i) =>
				commit([{ op: 'patch', event_id: f.properties.id, set: { summary: `edited ${i}` } }], {
					author: `analyst ${i}`,
					expect: { [f.properties.id]: eventVersion(f) }
				})
			)
		);
		expect(results).toHaveLength(20);
		expect(readLog().corrections).toHaveLength(20);
		const byId = new Map(readEventsFile().features.map((f) => [f.properties.id, f]));
		state.events.forEach((f, i) => expect(byId.get(f.properties.id)!.properties.summary).toBe(`edited ${i}`));
	});

	it('keeps all of 30 concurrent unversioned edits to the same event in the log, in order', async () => {
		await Promise.all(Array.from({ length: 30 }, (_, i) => commit([{ op: 'patch', event_id: 'e05', set: { confidence: i / 100 } }], { author: 'a' })));
		const log = readLog().corrections;
		expect(log.map((c) => (c.op === 'patch' ? c.set.confidence : null))).toEqual(Array.from({ length: 30 }, (_, i) => i / 100));
		expect(readEventsFile().features.find((f) => f.properties.id === 'e05')!.properties.confidence).toBe(0.29);
	});

	it('refuses an edit based on a stale version with 412 and leaves both files unchanged', async () => {
		const [first] = (await readState()).events;
		const stale = eventVersion(first!);
		await commit([{ op: 'patch', event_id: first!.properties.id, set: { summary: 'A' } }], { author: 'a', expect: { [first!.properties.id]: stale } });
		const eventsBefore = readFileSync(path.join(dir, 'events.geojson'), 'utf8');
		const logBefore = readFileSync(path.join(dir, 'corrections.json'), 'utf8');
		const err = await commit([{ op: 'patch', event_id: first!.properties.id, set: { summary: 'B' } }], {
			author: 'b',
			expect: { [first!.properties.id]: stale }
		}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageError);
		expect((err as StorageError).status).toBe(412);
		expect((err as StorageError).message).toMatch(/changed by someone else/);
		expect(readFileSync(path.join(dir, 'events.geojson'), 'utf8')).toBe(eventsBefore);
		expect(readFileSync(path.join(dir, 'corrections.json'), 'utf8')).toBe(logBefore);
	});

	it('writes the same events as applying the whole log to the pipeline output (re-ingest reproduces edits)', async () => {
		await commit([{ op: 'patch', event_id: 'e01', set: { event_type: 'PROTEST', coordinates: [23.83, 53.68] } }], { author: 'a' });
		await commit([{ op: 'drop', event_id: 'e02' }], { author: 'a' });
		await commit([{ op: 'add', event_id: 'new1', feature: event('new1', 24, 52) }], { author: 'a' });
		const p = await commit([{ op: 'patch', event_id: 'e03', set: { summary: 'x' } }], { author: 'a' });
		await commit([{ op: 'patch', event_id: 'e03', set: { summary: 'y', actors: ['EU'] } }], { author: 'b' });
		await commit([{ op: 'undo', undoes: p.applied[0]!.id }], { author: 'c' });
		const d = await commit([{ op: 'drop', event_id: 'e04' }], { author: 'a' });
		await commit([{ op: 'undo', undoes: d.applied[0]!.id }], { author: 'a' });
		const reingested = formatEvents(applyCorrections(pipelineOutput, readLog().corrections).features);
		expect(readFileSync(path.join(dir, 'events.geojson'), 'utf8')).toBe(reingested);
		const e3 = readEventsFile().features.find((f) => f.properties.id === 'e03')!;
		expect(e3.properties.summary).toBe('y');
		expect(readEventsFile().features.some((f) => f.properties.id === 'e04')).toBe(true);
		expect(readEventsFile().features.some((f) => f.properties.id === 'e02')).toBe(false);
	});

	it('undoing an undo re-applies the original change', async () => {
		const p = await commit([{ op: 'patch', event_id: 'e07', set: { summary: 'changed' } }], { author: 'a' });
		const u = await commit([{ op: 'undo', undoes: p.applied[0]!.id }], { author: 'a' });
		expect(u.events.e07!.feature!.properties.summary).toBe('Event e07');
		const r = await commit([{ op: 'undo', undoes: u.applied[0]!.id }], { author: 'a' });
		expect(r.events.e07!.feature!.properties.summary).toBe('changed');
		await expect(commit([{ op: 'undo', undoes: u.applied[0]!.id }], { author: 'a' })).rejects.toThrow(/already undone/);
	});

	it('gives an event the same version however the file spells it (key order, feature id)', () => {
		const f = event('k');
		const reordered = { properties: { ...f.properties }, geometry: f.geometry, type: 'Feature' as const, id: 'k' };
		expect(eventVersion(reordered)).toBe(eventVersion(f));
		expect(eventVersion({ ...f, properties: { ...f.properties, summary: 'other' } })).not.toBe(eventVersion(f));
	});

	it('refuses an add whose id exists with 409 and changes nothing', async () => {
		const before = readFileSync(path.join(dir, 'events.geojson'), 'utf8');
		const err = (await commit([{ op: 'add', event_id: 'e01', feature: event('e01') }], { author: 'a' }).catch((e) => e)) as StorageError;
		expect(err.status).toBe(409);
		expect(readFileSync(path.join(dir, 'events.geojson'), 'utf8')).toBe(before);
		expect(existsSync(path.join(dir, 'corrections.json'))).toBe(false);
	});

	it('answers a retried add with the same request id as the first time, and adds the event once', async () => {
		const first = await commit([{ op: 'add', event_id: 'new1', feature: event('new1') }], { author: 'a', request: 'req-add-1' });
		const again = await commit([{ op: 'add', event_id: 'new1', feature: event('new1') }], { author: 'a', request: 'req-add-1' });
		expect(again.applied.map((c) => c.id)).toEqual(first.applied.map((c) => c.id));
		expect(again.events.new1!.version).toBe(first.events.new1!.version);
		expect(again.replayed).toBe(true);
		expect(readLog().corrections).toHaveLength(1);
		expect(readLog().corrections[0]!.request).toBe('req-add-1');
	});

	it('applies a retried import with the same request id once, answering the same number added', async () => {
		const batch = ['i1', 'i2', 'i3'].map((id) => ({ op: 'add' as const, event_id: id, feature: event(id) }));
		const first = await commit(batch, { author: 'a', onExisting: 'skip', request: 'req-import-1' });
		const again = await commit(batch, { author: 'a', onExisting: 'skip', request: 'req-import-1' });
		expect(first.applied).toHaveLength(3);
		expect(again.applied.map((c) => c.id)).toEqual(first.applied.map((c) => c.id));
		expect(readLog().corrections).toHaveLength(3);
		expect(readEventsFile().features.filter((f) => f.properties.id.startsWith('i'))).toHaveLength(3);
	});

	it('replayEvent recovers the extracted event from the first entry and replays only active entries', () => {
		const base = event('z');
		const patched = { ...base, properties: { ...base.properties, summary: 'p' } };
		const log = [
			{ id: 'c1', at: '', author: 'a', event_id: 'z', op: 'patch' as const, set: { summary: 'p' }, before: { summary: 'Event z' } },
			{ id: 'c2', at: '', author: 'a', event_id: 'z', op: 'undo' as const, undoes: 'c1' }
		];
		expect(replayEvent('z', patched, log)!.properties.summary).toBe('Event z');
	});
});

describe('paths and atomic writes', () => {
	it('refuses source ids that would leave the articles folder', () => {
		for (const bad of ['../x', '..', 'a/b', '/etc/passwd', 'a\\b', 'A B', '', '%2e%2e']) {
			expect(() => articlePath(bad), bad).toThrow(/not a valid source id/);
		}
		expect(articlePath('new_article-1')).toBe(path.join(dir, 'articles', 'new_article-1.md'));
	});

	it('writeFileAtomic replaces the file and leaves no temp file behind', async () => {
		const f = path.join(dir, 'x.json');
		await writeFileAtomic(f, 'old');
		await writeFileAtomic(f, new TextEncoder().encode('new'));
		expect(readFileSync(f, 'utf8')).toBe('new');
		expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	});
});
