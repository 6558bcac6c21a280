// Reads share the store instead of copying it, a small edit re-serialises only what changed, and a big commit gives
// other requests turns (issue #16, items 6 and 10). Work is counted (objects, serialisations, turns), never timed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { EventCollection } from '$lib/domain/event';
import { commit, eventVersion, formatEvents, readState } from '$lib/server/storage';
import { writeTemp } from '$lib/server/atomic';
import { invalidate, readEvents } from '$lib/server/store';
import { CORRECTION_LOG, FEATURE_COLLECTION, parseLines } from '$lib/server/lines';
import { TEXT_SLICE, textSlices } from '$lib/server/slices';
import { manyEvents, sampleEvent } from './http-fixtures';

/** How many turns commits gave other requests. */
const turns = vi.hoisted(() => ({ n: 0 }));
vi.mock('$lib/server/slices', async (importOriginal) => {
	const mod = await importOriginal<typeof import('$lib/server/slices')>();
	return {
		...mod,
		giveTurn: () => {
			turns.n++;
			return mod.giveTurn();
		}
	};
});

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'storage-reads-'));
	process.env.GEODATA_DIR = dir;
	writeFileSync(path.join(dir, 'events.geojson'), formatEvents(manyEvents(2000)));
});
afterEach(() => {
	vi.restoreAllMocks();
	rmSync(dir, { recursive: true, force: true });
	delete process.env.GEODATA_DIR;
});

const onDisk = () => JSON.parse(readFileSync(path.join(dir, 'events.geojson'), 'utf8')) as EventCollection;

describe('reading the stored state', () => {
	it('gives every reader the same objects while the files are unchanged, and they cannot be changed by a reader', async () => {
		const a = await readState();
		const b = await readState();
		expect(b.events).toBe(a.events);
		expect(b.log).toBe(a.log);
		const first = a.events[0]!;
		expect(() => {
			(first.properties as { summary: string }).summary = 'scribbled on by a request';
		}).toThrow(TypeError);
		expect(() => (first.properties.actors as string[]).push('someone')).toThrow(TypeError);
		expect((await readState()).events[0]!.properties.summary).toBe(onDisk().features[0]!.properties.summary);
	});

	it('parses a changed file once for all the requests that arrive while it is being read', async () => {
		const states = await Promise.all(Array.from({ length: 8 }, () => readState()));
		for (const s of states) expect(s.events).toBe(states[0]!.events);
		invalidate();
		const snaps = await Promise.all(Array.from({ length: 8 }, () => readEvents()));
		for (const s of snaps) expect(s.value).toBe(snaps[0]!.value);
	});

	it('after a commit, reads what was written, exactly as parsing the new files gives it', async () => {
		const before = await readState();
		const target = before.events[1500]!;
		await commit([{ op: 'patch', event_id: target.properties.id, set: { summary: 'Moved by an analyst', coordinates: [24.123456789, 53.1] } }], {
			author: 'a',
			expect: { [target.properties.id]: eventVersion(target) }
		});
		await commit([{ op: 'add', event_id: 'ev-added', feature: sampleEvent('ev-added') }], { author: 'a' });
		const after = await readState();
		expect(after.events).toEqual(onDisk().features);
		expect(after.log).toEqual(JSON.parse(readFileSync(path.join(dir, 'corrections.json'), 'utf8')));
		expect(after.events.find((f) => f.properties.id === target.properties.id)!.geometry.coordinates).toEqual([24.12346, 53.1]);
		// The ETag remembered with the write is the one a fresh read of the file's bytes gives.
		const remembered = (await readEvents()).etag;
		expect(remembered).toBe(`"${createHash('sha1').update(readFileSync(path.join(dir, 'events.geojson'))).digest('base64url')}"`);
		invalidate();
		expect((await readEvents()).etag).toBe(remembered);
	});
});

describe('an edit of one event in a big store', () => {
	it('serialises the edited event and its log entry, not the 2,000 events around it', async () => {
		const state = await readState();
		const target = state.events[700]!;
		const stringify = vi.spyOn(JSON, 'stringify');
		await commit([{ op: 'patch', event_id: target.properties.id, set: { summary: 'Edited' } }], { author: 'a' });
		expect(stringify.mock.calls.length).toBeLessThan(20);
		expect(onDisk().features).toHaveLength(2000);
	});

	it('keeps every other event’s bytes as they were on disk', async () => {
		const lines = readFileSync(path.join(dir, 'events.geojson'), 'utf8').split('\n');
		const state = await readState();
		await commit([{ op: 'patch', event_id: state.events[3]!.properties.id, set: { summary: 'Edited' } }], { author: 'a' });
		const now = readFileSync(path.join(dir, 'events.geojson'), 'utf8').split('\n');
		expect(now).toHaveLength(lines.length);
		expect(now.filter((l, i) => l !== lines[i])).toHaveLength(1);
	});
});

describe('a big commit and the other requests', () => {
	it('gives other requests a turn at least every 256 entries of an import', async () => {
		turns.n = 0;
		const batch = Array.from({ length: 2000 }, (_, i) => sampleEvent(`ev-import-${i}`));
		const res = await commit(batch.map((f) => ({ op: 'add', event_id: f.properties.id, feature: f })), { author: 'a' });
		expect(res.applied).toHaveLength(2000);
		expect(turns.n).toBeGreaterThanOrEqual(Math.floor(2000 / 256));
	});

	it('writes a store longer than one slice a slice at a time, byte for byte, astral characters across slice ends included', async () => {
		const text = `${'a'.repeat(TEXT_SLICE - 1)}😀${'ب'.repeat(TEXT_SLICE)}😀z`;
		const slices = [...textSlices(text)];
		expect(slices.length).toBeGreaterThan(1);
		expect(slices.join('') === text).toBe(true);
		for (const s of slices) expect(Buffer.from(s, 'utf8').toString('utf8') === s).toBe(true); // no half pair in any slice
		const tmp = await writeTemp(path.join(dir, 'big.txt'), text);
		expect(readFileSync(tmp).equals(Buffer.from(text, 'utf8'))).toBe(true);
	});
});

describe('files laid out one record a line', () => {
	it('parse by line to what parsing them whole gives, and anything else is left to a whole parse', async () => {
		const text = formatEvents(manyEvents(3));
		expect(await parseLines(text, FEATURE_COLLECTION)).toEqual(JSON.parse(text).features);
		expect(await parseLines(JSON.stringify(JSON.parse(text), null, 2), FEATURE_COLLECTION)).toBeNull();
		expect(await parseLines(JSON.stringify(JSON.parse(text)), FEATURE_COLLECTION)).toBeNull();
		expect(await parseLines('{"type":"FeatureCollection","features":[]}\n', FEATURE_COLLECTION)).toEqual([]);
		expect(await parseLines('{"version":1,"corrections":[\n{"id":"c-1"},\n{"id":"c-2"}\n]}\n', CORRECTION_LOG)).toEqual([{ id: 'c-1' }, { id: 'c-2' }]);
		expect(await parseLines('{"version":1,"corrections":[\n{"id":"c-1"}\n{"id":"c-2"}\n]}\n', CORRECTION_LOG)).toBeNull(); // a comma missing
	});
});
