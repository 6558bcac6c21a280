import { describe, expect, it } from 'vitest';
import { toCSV, EXPORT_COLUMNS } from '$lib/state/export';
import { synthDataset } from '../../scripts/synth-events';

/** A small RFC 4180 reader, to check the writer against. */
function parseCSV(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(cell), (cell = '');
		else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
		else cell += c;
	}
	return rows;
}

const events = synthDataset(120, 9).events.features;

describe('CSV export', () => {
	it('has a header of lon, lat and every property, and one row per event', () => {
		const rows = parseCSV(toCSV(events));
		expect(rows[0]).toEqual(['lon', 'lat', ...EXPORT_COLUMNS]);
		expect(rows).toHaveLength(events.length + 1);
		for (const row of rows) expect(row).toHaveLength(EXPORT_COLUMNS.length + 2);
	});

	it('keeps Arabic text, quotes, commas and newlines intact, and joins lists with ";"', () => {
		const f = structuredClone(events[0]!);
		f.properties.summary = 'قال "المتحدث", ثم\nأضاف';
		f.properties.actors = ['Belarus', 'Poland'];
		const [, row] = parseCSV(toCSV([f]));
		expect(row![2 + EXPORT_COLUMNS.indexOf('summary')]).toBe(f.properties.summary);
		expect(row![2 + EXPORT_COLUMNS.indexOf('actors')]).toBe('Belarus;Poland');
	});

	it('neutralises spreadsheet formulas in text cells but leaves negative numbers alone', () => {
		const f = structuredClone(events[0]!);
		f.properties.summary = '=HYPERLINK("http://evil")';
		f.geometry.coordinates = [-3.5, 40.25];
		const [, row] = parseCSV(toCSV([f]));
		expect(row![2 + EXPORT_COLUMNS.indexOf('summary')]).toBe(`'=HYPERLINK("http://evil")`);
		expect(row![0]).toBe('-3.5');
	});

	it('neutralises every item of a list column, each of which a ";"-splitting spreadsheet reads as a cell', () => {
		const f = structuredClone(events[0]!);
		f.properties.actors = ['=HYPERLINK("http://evil")', 'Police', '@SUM(A1)'];
		const [, row] = parseCSV(toCSV([f]));
		expect(row![2 + EXPORT_COLUMNS.indexOf('actors')]).toBe(`'=HYPERLINK("http://evil");Police;'@SUM(A1)`);
		for (const cell of row!.flatMap((c) => c.split(';'))) expect(cell).not.toMatch(/^[=+@]/);
	});
});

