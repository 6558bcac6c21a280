// Imports of ACLED-style CSV files of any size: the streamed reader gives exactly what the web import's parser gives
// for the same text, names bad rows by row and line however the file is cut, and `npm run import` adds the events
// in one commit, skips what is stored, and writes nothing when a file has problems.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import { parseAcledCsv } from '$lib/domain/importers';
import { readAcledFile } from '$lib/server/importfile';
import { writeAcledCsv } from '../../scripts/synth-acled';
import { copyGeodata, ROOT } from '../e2e/harness';

let tmp: string;
beforeAll(() => {
	tmp = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = 'event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude,location,iso,notes';

describe('readAcledFile (a CSV read a megabyte at a time)', () => {
	it('maps a multi-megabyte file exactly as the web import maps the whole text, progress reported on the way', async () => {
		const file = path.join(tmp, 'acled.csv');
		writeAcledCsv(file, 12_000, 3); // ≈ 5 MB: records and quoted notes cut across the reader's chunks
		const progress: number[] = [];
		const streamed = await readAcledFile(file, { onProgress: (p) => progress.push(p.bytes) });
		const whole = parseAcledCsv(readFileSync(file, 'utf8'), (n) => countries.numericToAlpha3(n));
		expect(whole.errors).toEqual([]);
		expect(streamed.issues).toEqual([]);
		expect(streamed.rows).toBe(12_000);
		expect(streamed.features).toEqual(whole.features);
		expect(progress.length).toBeGreaterThan(3);
		expect(progress.at(-1)).toBe(readFileSync(file).length);
	});

	it('names a bad row deep in the file by its row and line, and keeps the good rows', async () => {
		const rows = Array.from({ length: 30_000 }, (_, i) => `UKR${i},2022-03-0${(i % 9) + 1},Battles,Armed clash,49.99,36.23,Kharkiv,804,"Clashes, ""heavy"", near Kharkiv. ${'x'.repeat(20)}"`);
		rows[25_000] = 'UKR25000,2022-03-01,Battles,Armed clash,95.5,36.23,Kharkiv,804,notes';
		const file = path.join(tmp, 'one-bad.csv');
		writeFileSync(file, `\ufeff${HEADER}\r\n${rows.join('\r\n')}\r\n`);
		const r = await readAcledFile(file);
		expect(r.rows).toBe(30_000);
		expect(r.features).toHaveLength(29_999);
		expect(r.issues).toEqual([{ feature: 25_001, field: 'latitude', message: 'Row 25001 (line 25002): field "latitude": 95.5 is out of range [-90, 90]' }]);
	});

	it('stops at what makes the whole file unreadable, saying where: a missing column, binary bytes, bad UTF-8, an unclosed quote', async () => {
		const cases: [string, string | Buffer, RegExp][] = [
			['no-location.csv', 'event_date,event_type,latitude,longitude\n2022-01-01,Battles,50,30\n', /header lacks the column\(s\) location/],
			['binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /binary file \(it contains NUL bytes near byte 4\)/],
			['latin1.csv', Buffer.concat([Buffer.from(`${HEADER}\n1,2022-01-01,Battles,,50,30,Kra`), Buffer.from([0xf3]), Buffer.from('w,616,x\n')]), /not valid UTF-8/],
			['unclosed.csv', `${HEADER}\n1,2022-01-01,Battles,,50,30,Lviv,804,"never closed\n`, /Row 1 \(line 2\), column 9: the CSV ends inside a quoted field/]
		];
		for (const [name, body, message] of cases) {
			const file = path.join(tmp, name);
			writeFileSync(file, body);
			const r = await readAcledFile(file);
			expect(r.features, name).toEqual([]);
			expect(r.issues.map((i) => i.message).join('\n'), name).toMatch(message);
		}
	});
});

describe('npm run import', () => {
	const run = (data: string, ...args: string[]) =>
		spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/import.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', GEODATA_DIR: data } });

	it('adds the new events in one commit with the correction log, and skips them when run again', () => {
		const data = copyGeodata();
		try {
			const file = path.join(tmp, 'small.csv');
			writeAcledCsv(file, 300, 5);
			const before = (JSON.parse(readFileSync(path.join(data.dir, 'events.geojson'), 'utf8')) as { features: unknown[] }).features.length;
			const first = run(data.dir, '--author', 'analyst-a', file);
			expect(first.status, first.stderr).toBe(0);
			const added = Number(/Imported (\d+) events/.exec(first.stdout)?.[1]);
			expect(added).toBeGreaterThan(250);
			const events = JSON.parse(readFileSync(path.join(data.dir, 'events.geojson'), 'utf8')) as { features: { properties: { id: string } }[] };
			expect(events.features).toHaveLength(before + added);
			const log = JSON.parse(readFileSync(path.join(data.dir, 'corrections.json'), 'utf8')) as { corrections: { op: string; author: string }[] };
			expect(log.corrections.filter((c) => c.op === 'add' && c.author === 'analyst-a')).toHaveLength(added);
			const again = run(data.dir, file);
			expect(again.status).toBe(0);
			expect(again.stdout).toMatch(/: 0 new/);
		} finally {
			data.remove();
		}
	}, 120_000);

	it('writes nothing for a file with a bad row, unless --skip-bad; --dry-run writes nothing at all', () => {
		const data = copyGeodata();
		try {
			const file = path.join(tmp, 'bad-row.csv');
			writeFileSync(file, `${HEADER}\n1,2022-01-01,Battles,,50,30,Lviv,804,fine\n2,2022-01-02,Picnic,,50,30,Lviv,804,what\n`);
			const events = () => readFileSync(path.join(data.dir, 'events.geojson'), 'utf8');
			const was = events();
			const refused = run(data.dir, file);
			expect(refused.status).toBe(1);
			expect(refused.stderr).toMatch(/Row 2 \(line 3\): field "event_type": "Picnic" is not an ACLED event type/);
			expect(events()).toBe(was);
			const dry = run(data.dir, '--dry-run', '--skip-bad', file);
			expect(dry.stdout).toMatch(/1 new/);
			expect(events()).toBe(was);
			const skipped = run(data.dir, '--skip-bad', file);
			expect(skipped.stdout).toMatch(/Imported 1 events/);
			expect(events()).not.toBe(was);
			expect(run(data.dir, '--bogus').status).toBe(2);
		} finally {
			data.remove();
		}
	}, 120_000);
});
