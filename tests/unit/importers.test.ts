// Pure import/edit parsers: every bad input is refused with the feature (or row) and the field named.
import { describe, expect, it } from 'vitest';
import {
	CsvReader,
	decodeText,
	parseAcledCsv,
	parseCsv,
	parseCsvRecords,
	parseEventPatch,
	parseGeoJsonImport,
	parseImport,
	planMerge,
	parseAuthor
} from '$lib/domain/importers';
import { markBidi, neutraliseBidi, safeHref } from '$lib/domain/safetext';
import type { EventFeature } from '$lib/domain/event';
import { sampleEvent } from './http-fixtures';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseGeoJsonImport', () => {
	it('accepts a valid FeatureCollection unchanged', () => {
		const r = parseGeoJsonImport(fc([sampleEvent('a'), sampleEvent('b')]));
		expect(r.errors).toEqual([]);
		expect(r.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
		expect(r.features[0]).toEqual(sampleEvent('a'));
	});

	it('names the feature and field for out-of-range coordinates, NaN, unsupported geometry and bad dates', () => {
		const bad = [
			sampleEvent('ok'),
			sampleEvent('lon', {}, [200, 10]),
			{ ...sampleEvent('nan'), geometry: { type: 'Point', coordinates: ['NaN', 10] } },
			{ ...sampleEvent('poly'), geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
			sampleEvent('date', { date: '2021-02-30' }),
			sampleEvent('type', { event_type: 'PARTY' as never }),
			sampleEvent('src', { source_id: '../../etc/passwd' }),
			sampleEvent('url', { source_url: 'javascript:alert(1)' })
		];
		const r = parseGeoJsonImport(fc(bad));
		expect(r.features.map((f) => f.properties.id)).toEqual(['ok']);
		expect(r.errors.map((e) => [e.feature, e.field])).toEqual([
			[1, 'geometry.coordinates[0] (longitude)'],
			[2, 'geometry.coordinates[0] (longitude)'],
			[3, 'geometry.type'],
			[4, 'properties.date'],
			[5, 'properties.event_type'],
			[6, 'properties.source_id'],
			[7, 'properties.source_url']
		]);
		expect(r.errors[0]!.message).toMatch(/^Feature 1: .*200 is out of range \[-180, 180\]/);
		expect(r.errors[2]!.message).toMatch(/"Polygon" is not supported/);
	});

	it('refuses something that is not a FeatureCollection or not JSON', () => {
		expect(parseGeoJsonImport('{"type":"Feature"}').errors[0]!.message).toMatch(/FeatureCollection/);
		expect(parseGeoJsonImport('{oops').errors[0]!.message).toMatch(/Not valid JSON/);
	});
});

describe('parseAcledCsv', () => {
	const header = 'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,iso,location,latitude,longitude,geo_precision,source,notes';
	it('maps ACLED rows to PLOVER events with intervals, actors and alpha-3 countries', () => {
		const csv = `${header}\nBLR1,12 November 2021,1,Protests,Peaceful protest,Protesters (Belarus),,112,Minsk,53.9,27.5667,1,Viasna,"Protest in Minsk, ""peaceful"""\nPOL2,2021-11-15,3,Strategic developments,Arrests,Police Forces of Poland,,616,Kuznica,53.51,23.65,2,PAP,\n`;
		const r = parseAcledCsv(csv, (n) => ({ '112': 'BLR', '616': 'POL' })[n]);
		expect(r.errors).toEqual([]);
		const [a, b] = r.features as [EventFeature, EventFeature];
		expect(a.properties).toMatchObject({ id: 'acled-BLR1', date: '2021-11-12', event_type: 'PROTEST', country_codes: ['BLR'], source_id: 'acled-viasna', evidence: 'Protest in Minsk, "peaceful"' });
		expect(a.geometry.coordinates).toEqual([27.5667, 53.9]);
		expect(b.properties).toMatchObject({ event_type: 'COERCE', date_precision: 'month', date_start: '2021-11-01', date_end: '2021-11-30', geo_precision: 2 });
	});

	it('names the row and field of bad latitude, date and event type, and reports missing columns', () => {
		const csv = `${header}\nX1,2021-11-12,1,Protests,,,,112,Minsk,95,27.5,1,S,\nX2,yesterday,1,Protests,,,,112,Minsk,53,27.5,1,S,\nX3,2021-11-12,1,Picnic,,,,112,Minsk,53,27.5,1,S,\n`;
		const r = parseAcledCsv(csv);
		expect(r.errors.map((e) => [e.feature, e.field])).toEqual([
			[1, 'latitude'],
			[2, 'event_date'],
			[3, 'event_type']
		]);
		expect(r.errors[0]!.message).toBe('Row 1 (line 2): field "latitude": 95 is out of range [-90, 90]');
		expect(parseAcledCsv('a,b\n1,2\n').errors[0]!.message).toMatch(/lacks the column\(s\) event_date/);
	});

	it('refuses what lenient parsing would change silently, naming the row, its line and the column', () => {
		const iso = (n: string) => ({ '112': 'BLR', '4': 'AFG' })[n];
		const row = (over: Record<string, string>) => {
			const cells: Record<string, string> = { event_id_cnty: 'X', event_date: '2021-05-12', time_precision: '1', event_type: 'Protests', sub_event_type: '', actor1: '', actor2: '', iso: '112', location: 'Minsk', latitude: '53.9', longitude: '27.5', geo_precision: '1', source: 'S', notes: '', ...over };
			return header.split(',').map((h) => cells[h]).join(',');
		};
		const bad = [
			row({ latitude: '0x35' }),
			row({ longitude: '2.75e1' }),
			row({ latitude: 'Infinity' }),
			row({ event_date: '12 Mayhem 2021' }),
			row({ event_date: '12 Ma 2021' }),
			row({ iso: '999' }),
			row({ iso: 'BLR' })
		];
		const r = parseAcledCsv(`${header}\n${bad.join('\n')}\n`, iso);
		expect(r.features).toEqual([]);
		expect(r.errors.map((e) => [e.feature, e.field])).toEqual([
			[1, 'latitude'],
			[2, 'longitude'],
			[3, 'latitude'],
			[4, 'event_date'],
			[5, 'event_date'],
			[6, 'iso'],
			[7, 'iso']
		]);
		expect(r.errors[0]!.message).toBe('Row 1 (line 2): field "latitude": "0x35" is not a plain decimal number');
		expect(r.errors[3]!.message).toMatch(/^Row 4 \(line 5\): field "event_date": "12 Mayhem 2021" is not a date/);
		expect(r.errors[5]!.message).toMatch(/^Row 6 \(line 7\): field "iso": "999" is not an ISO 3166-1 numeric country code/);
	});

	it('still reads the documented ACLED date forms, numbers and iso codes', () => {
		const r = parseAcledCsv(`event_date,event_type,latitude,longitude,location,iso\n12 May 2021,Protests,-53.9,27,Minsk,4\n12-Nov-21,Protests,.5,+27.5,Minsk,112\n1 September 2021,Protests,0,0,Minsk,\n2 June 2022,Protests,42.66,21.17,Pristina,0\n`, (n) => ({ '112': 'BLR', '4': 'AFG' })[n]);
		expect(r.errors).toEqual([]);
		expect(r.features.map((f) => [f.properties.date, f.geometry.coordinates, f.properties.country_codes])).toEqual([
			['2021-05-12', [27, -53.9], ['AFG']],
			['2021-11-12', [27.5, 0.5], ['BLR']],
			['2021-09-01', [0, 0], []],
			['2022-06-02', [21.17, 42.66], ['XKX']] // ACLED's iso 0: Kosovo
		]);
	});

	it('refuses malformed quoting, naming the row, line and column, instead of gluing text together', () => {
		const r = parseAcledCsv('event_date,event_type,latitude,longitude,location\n2021-05-12,Protests,53.9,27.5,Minsk\n2021-05-12,Protests,53.9,27.5,"Minsk"junk\n');
		expect(r.features).toEqual([]);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatchObject({ feature: 2, field: 'location' });
		expect(r.errors[0]!.message).toMatch(/^Row 2 \(line 3\), column 5 \(location\): .*after the closing quote/);
		expect(() => parseCsv('a,b"c\n')).toThrow(/line 1, column 2: a quote inside an unquoted field/);
		expect(() => parseCsv('a\n"b\n')).toThrow(/line 2, column 1: .*unmatched/);
	});

	it('parses quoted CSV fields with commas, quotes and newlines', () => {
		expect(parseCsv('a,"b,c","d ""e""\nf"\r\n1,2,3')).toEqual([
			['a', 'b,c', 'd "e"\nf'],
			['1', '2', '3']
		]);
		expect(() => parseCsv('a,"b')).toThrow(/unmatched/);
	});

	it('picks the parser from the file name or the content', () => {
		expect(parseImport(fc([]), 'x.geojson').format).toBe('geojson');
		expect(parseImport('event_date\n', 'x.csv').format).toBe('acled-csv');
	});
});

describe('decodeText', () => {
	it('refuses binary files and invalid UTF-8 with a reason', () => {
		expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'a.png')).toThrow(/binary/);
		expect(() => decodeText(new Uint8Array([0x61, 0xff, 0xfe, 0x62]), 'a.txt')).toThrow(/not valid UTF-8/);
		expect(() => decodeText(new TextEncoder().encode('a\u0007b'), 'a.txt')).toThrow(/control character \(U\+0007\)/);
		expect(decodeText(new TextEncoder().encode('\ufeffمرحبا'))).toBe('مرحبا');
	});
});

describe('planMerge', () => {
	it('treats same source + place + date as a duplicate, also within one upload, and keeps the rest', () => {
		const existing = [sampleEvent('e1')];
		const incoming = [
			sampleEvent('new-same-place', {}, [23.831, 53.681]),
			sampleEvent('other-date', { date: '2021-11-10' }),
			sampleEvent('other-source', { source_id: 'x' }),
			sampleEvent('dup-in-upload', { date: '2021-11-10' })
		];
		const plan = planMerge(existing, incoming);
		expect(plan.fresh.map((f) => f.properties.id)).toEqual(['other-date', 'other-source']);
		expect(plan.duplicates).toEqual([
			{ index: 0, id: 'new-same-place', of: 'e1' },
			{ index: 3, id: 'dup-in-upload', of: 'other-date' }
		]);
	});

	it('keeps two ACLED events of the same place, day and source when ACLED gave them different ids, and knows each again by its id', () => {
		const csv = `${['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'latitude', 'longitude', 'location', 'source'].join(',')}\n` + 'UKR101,2023-05-01,Explosions/Remote violence,Shelling/artillery/missile attack,49.99,36.23,Kharkiv,Suspilne\n' + 'UKR102,2023-05-01,Explosions/Remote violence,Shelling/artillery/missile attack,49.99,36.23,Kharkiv,Suspilne\n';
		const rows = parseAcledCsv(csv).features;
		expect(rows.map((f) => f.properties.id)).toEqual(['acled-UKR101', 'acled-UKR102']);
		expect(planMerge([], rows).fresh).toHaveLength(2);
		expect(planMerge(rows, rows).duplicates.map((d) => d.of)).toEqual(['acled-UKR101', 'acled-UKR102']);
		// Without ACLED's ids (hashed ids), the same place, day and source is still one event reported twice.
		const hashed = parseAcledCsv(csv.replace(/UKR10\d/g, '')).features;
		expect(planMerge([], hashed).fresh).toHaveLength(1);
	});
});

describe('parseEventPatch and parseAuthor', () => {
	it('accepts editable fields and refuses the rest, naming the field', () => {
		expect(parseEventPatch({ event_type: 'PROTEST', coordinates: [23.8, 53.7] })).toEqual({ event_type: 'PROTEST', coordinates: [23.8, 53.7] });
		expect(() => parseEventPatch({ evidence: 'x' })).toThrow(/field "evidence": cannot be edited/);
		expect(() => parseEventPatch({ source_id: '../x' })).toThrow(/field "source_id"/);
		expect(() => parseEventPatch({ coordinates: [0, 91] })).toThrow(/latitude.*out of range/);
		expect(() => parseEventPatch({ date: '12/11/2021' })).toThrow(/field "date"/);
		expect(() => parseEventPatch({})).toThrow(/changes nothing/);
	});

	it('strips control and bidi characters from the author and requires one', () => {
		expect(parseAuthor('  Ann\u202e \n')).toBe('Ann');
		expect(() => parseAuthor('  ')).toThrow(/set your name/);
	});
});

describe('safe display helpers', () => {
	it('neutralise bidi overrides, keep offsets when marking, and only allow http(s) links', () => {
		expect(neutraliseBidi('abc\u202Egnp.exe')).toBe('abcgnp.exe');
		expect(markBidi('a\u202Eb')).toHaveLength(3);
		expect(safeHref('javascript:alert(1)')).toBeNull();
		expect(safeHref(' data:text/html,<script>')).toBeNull();
		expect(safeHref('https://rferl.org/a')).toBe('https://rferl.org/a');
	});
});

describe('CsvReader (the CSV a piece at a time)', () => {
	const samples = [
		'a,b,c\n1,2,3\n',
		'a,b\r\n"x, y","he said ""hi"""\r\n3,4',
		'a,b\r"multi\nline\r\nfield",2\r\n\r\n5,6\n',
		'"",""\n"""",x\n',
		'a,b\n"unclosed,2\n',
		'a,b\n1,"x"y\n',
		'a,b\n1,x"y\n'
	];
	/** Records (or the error) of reading `text` in pieces of `size` characters. */
	const inPieces = (text: string, size: number) => {
		try {
			const r = new CsvReader();
			const out = [];
			for (let i = 0; i < text.length; i += size) out.push(...r.push(text.slice(i, i + size)));
			out.push(...r.end());
			return out;
		} catch (err) {
			return String(err);
		}
	};
	const whole = (text: string) => {
		try {
			return parseCsvRecords(text);
		} catch (err) {
			return String(err);
		}
	};

	it('gives the same records, lines and errors as the whole text, however the text is cut (inside quotes, between CR and LF)', () => {
		for (const text of samples) for (const size of [1, 2, 3, 5, 7, 1000]) expect(inPieces(text, size), `${JSON.stringify(text)} in pieces of ${size}`).toEqual(whole(text));
	});
});
