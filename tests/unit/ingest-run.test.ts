import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { ingestPaths } from '../../src/lib/server/pipeline/ingest';
import type { EventCollection } from '../../src/lib/domain/event';
import type { CorrectionLog } from '../../src/lib/domain/corrections';
import { fakeGazetteer } from '../fixtures/pipeline/fake-gazetteer';

const GOOD_A = '---\ntitle: A\npublished: 2020-09-14\nlanguage: en\n---\nAt least 100,000 protesters flooded the streets of Minsk on Sunday.\n';
const GOOD_B = '---\ntitle: B\npublished: 2021-11-12\nlanguage: en\n---\nMigrants massed at the border between Belarus and Poland on Thursday.\n\nLukashenko met Putin in Sochi on Monday.\n';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'ingest-'));
	await mkdir(path.join(dir, 'in', 'sub'), { recursive: true });
	await writeFile(path.join(dir, 'in', 'a.md'), GOOD_A);
	await writeFile(path.join(dir, 'in', 'sub', 'b.txt'), GOOD_B);
	await writeFile(path.join(dir, 'in', 'bad.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
	await writeFile(path.join(dir, 'in', 'broken.md'), '---\ntitle: [oops\n---\nText.\n');
	await writeFile(path.join(dir, 'in', 'ignored.json'), '{}');
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function run(outDir: string) {
	await mkdir(outDir, { recursive: true });
	const out = path.join(outDir, 'events.geojson');
	const summary = await ingestPaths([path.join(dir, 'in')], { out, gazetteer: fakeGazetteer() });
	return { summary, out, bytes: await readFile(out, 'utf8'), places: await readFile(path.join(outDir, 'places.geojson'), 'utf8') };
}

describe('ingestPaths', () => {
	it('reports bad files with their reason and still writes the events of the good ones', async () => {
		const { summary, bytes } = await run(path.join(dir, 'o1'));
		expect(summary.failed.map((f) => path.basename(f.file)).sort()).toEqual(['bad.md', 'broken.md']);
		expect(summary.failed.find((f) => f.file.endsWith('bad.md'))?.reason).toContain('NUL');
		expect(summary.failed.find((f) => f.file.endsWith('broken.md'))?.reason).toContain('front matter');
		expect(summary.articles).toBe(2);
		const fc = JSON.parse(bytes) as EventCollection;
		expect(fc.features.map((f) => f.properties.source_id).sort()).toEqual(['a', 'b', 'b']);
	});

	it('writes byte-identical files on two runs over the same input', async () => {
		const one = await run(path.join(dir, 'o2'));
		const two = await run(path.join(dir, 'o3'));
		expect(two.bytes).toBe(one.bytes);
		expect(two.places).toBe(one.places);
	});

	it('writes events that validate against geodata/schema/event.schema.json, sorted, with 5-decimal points', async () => {
		const { bytes } = await run(path.join(dir, 'o4'));
		const schema = JSON.parse(await readFile('geodata/schema/event.schema.json', 'utf8'));
		const ajv = new Ajv({ allErrors: true, strict: false });
		const validate = ajv.compile(schema);
		const fc = JSON.parse(bytes);
		expect(validate(fc), JSON.stringify(validate.errors)).toBe(true);
		const starts = fc.features.map((f: { properties: { date_start: string } }) => f.properties.date_start);
		expect(starts).toEqual([...starts].sort());
		for (const f of fc.features) for (const c of f.geometry.coordinates) expect(Math.round(c * 1e5) / 1e5).toBe(c);
	});

	it('writes each place used once, with the border line and the event count', async () => {
		const { places } = await run(path.join(dir, 'o5'));
		const fc = JSON.parse(places);
		const border = fc.features.find((f: { id: string }) => f.id === 'border:BLR-POL');
		expect(border.geometry.type).toBe('LineString');
		expect(border.properties).toEqual({ place_id: 'border:BLR-POL', name: 'Belarus–Poland border', kind: 'border', country_codes: ['BLR', 'POL'], geonames_id: null, lat: 52.95, lon: 23.91, event_count: 1 });
		expect(fc.features.map((f: { id: string }) => f.id)).toEqual([...fc.features.map((f: { id: string }) => f.id)].sort());
	});

	it('re-applies the correction log at every run, reports orphans and leaves the log untouched', async () => {
		const outDir = path.join(dir, 'o6');
		const first = JSON.parse((await run(outDir)).bytes) as EventCollection;
		const target = first.features[0]!.properties.id;
		const log: CorrectionLog = {
			version: 1,
			corrections: [
				{ id: 'c1', at: '2026-01-01T00:00:00Z', author: 'ana', event_id: target, op: 'patch', set: { event_type: 'COERCE', confidence: 1 } },
				{ id: 'c2', at: '2026-01-01T00:00:01Z', author: 'ana', event_id: 'ev-000000000000', op: 'drop' }
			]
		};
		const logText = JSON.stringify(log, null, 2);
		await writeFile(path.join(outDir, 'corrections.json'), logText);
		const { summary, bytes } = await run(outDir);
		const patched = (JSON.parse(bytes) as EventCollection).features.find((f) => f.properties.id === target);
		expect(patched?.properties).toMatchObject({ event_type: 'COERCE', confidence: 1 });
		expect(summary.orphans.map((o) => o.id)).toEqual(['c2']);
		expect(await readFile(path.join(outDir, 'corrections.json'), 'utf8')).toBe(logText);
	});

	it('never leaves a half-written output: a failing run keeps the old files and no temp files', async () => {
		const outDir = path.join(dir, 'o7');
		const before = (await run(outDir)).bytes;
		await writeFile(path.join(outDir, 'corrections.json'), '{"version": 1, "corrections": [{"id": 3}]}');
		await expect(ingestPaths([path.join(dir, 'in')], { out: path.join(outDir, 'events.geojson'), gazetteer: fakeGazetteer() })).rejects.toThrow(/corrections\.json: corrections\[0\]\.id/);
		expect(await readFile(path.join(outDir, 'events.geojson'), 'utf8')).toBe(before);
		expect((await readdir(outDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});
});

describe('ingestPaths with nothing readable', () => {
	it('leaves the stored events and places as they were when every input fails, and says nothing was written', async () => {
		const d = await mkdtemp(path.join(tmpdir(), 'ingest-none-'));
		const out = path.join(d, 'events.geojson');
		await writeFile(out, '{"type":"FeatureCollection","features":["stored"]}');
		await writeFile(path.join(d, 'places.geojson'), 'stored places');
		const s = await ingestPaths([path.join(d, 'no-such-folder')], { out, gazetteer: fakeGazetteer() });
		expect(s.written).toBe(false);
		expect(s.failed).toHaveLength(1);
		expect(await readFile(out, 'utf8')).toBe('{"type":"FeatureCollection","features":["stored"]}');
		expect(await readFile(path.join(d, 'places.geojson'), 'utf8')).toBe('stored places');
		await rm(d, { recursive: true, force: true });
	});
});

describe('ingestPaths with no articles', () => {
	it('leaves the stored events and places as they were when the folder holds no .md or .txt file', async () => {
		const d = await mkdtemp(path.join(tmpdir(), 'ingest-empty-'));
		await mkdir(path.join(d, 'in'));
		await writeFile(path.join(d, 'in', 'triggers.json'), '{}');
		const out = path.join(d, 'events.geojson');
		await writeFile(out, 'stored events');
		await writeFile(path.join(d, 'places.geojson'), 'stored places');
		const s = await ingestPaths([path.join(d, 'in')], { out, gazetteer: fakeGazetteer() });
		expect(s).toMatchObject({ written: false, articles: 0, failed: [] });
		expect(await readFile(out, 'utf8')).toBe('stored events');
		expect(await readFile(path.join(d, 'places.geojson'), 'utf8')).toBe('stored places');
		await rm(d, { recursive: true, force: true });
	});
});

describe('ingestPaths and source ids', () => {
	it('refuses a second file with the same source id, so event ids stay unique', async () => {
		const d = await mkdtemp(path.join(tmpdir(), 'ingest-dup-'));
		await mkdir(path.join(d, 'x'));
		await mkdir(path.join(d, 'y'));
		await writeFile(path.join(d, 'x', 'same.md'), GOOD_A);
		await writeFile(path.join(d, 'y', 'same.txt'), GOOD_A);
		const s = await ingestPaths([d], { out: path.join(d, 'out', 'events.geojson'), gazetteer: fakeGazetteer() });
		expect(s.articles).toBe(1);
		expect(s.failed).toHaveLength(1);
		expect(s.failed[0]!.reason).toContain('source id');
		await rm(d, { recursive: true, force: true });
	});
});
