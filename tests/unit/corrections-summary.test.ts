// Corrections keep the text true: the generated summary follows a corrected type, place or actors; an analyst's stays.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { EventCollection, EventFeature } from '../../src/lib/domain/event';
import { applyCorrections, dateCorrection, patchFeature, type Correction, type EventPatch } from '../../src/lib/domain/corrections';
import { eventSummary } from '../../src/lib/domain/summary';

const all = (JSON.parse(readFileSync('geodata/events.geojson', 'utf8')) as EventCollection).features as EventFeature[];
const sanction = all.find((e) => e.properties.event_type === 'SANCTION')!;
const inPoland = all.find((e) => e.properties.place_kind === 'country' && e.properties.country_codes[0] === 'POL')!;
const WARSAW = { place_id: 'gn:756135', place_name: 'Warsaw', place_kind: 'city', country_codes: ['POL'], geo_precision: 1, geonames_id: 756135 } as const;

describe('patchFeature and the summary', () => {
	it('the pipeline wrote every summary of the embedded data the way the shared writer does', () => {
		for (const e of all) expect(eventSummary(e.properties)).toBe(e.properties.summary);
	});

	it('a corrected type writes the summary again: SANCTION → PROTEST no longer says "Sanctions"', () => {
		expect(sanction.properties.summary.startsWith('Sanctions ')).toBe(true);
		const fixed = patchFeature(sanction, { event_type: 'PROTEST' });
		expect(fixed.properties.summary).toBe(sanction.properties.summary.replace(/^Sanctions /, 'Protest '));
		expect(sanction.properties.event_type).toBe('SANCTION'); // the input is not mutated
	});

	it('a place moved from Poland to Warsaw reads "in Warsaw (Poland)"; new actors are named', () => {
		expect(inPoland.properties.summary).toMatch(/ in Poland\b/);
		const moved = patchFeature(inPoland, { ...WARSAW, place_kind: 'city', country_codes: ['POL'] });
		expect(moved.properties.summary).toMatch(/ in Warsaw \(Poland\)/);
		expect(patchFeature(moved, { actors: ['Police'] }).properties.summary).toMatch(/ in Warsaw \(Poland\) — Police$/);
	});

	it("an analyst's own summary stays: one set with the patch, or one set by an earlier correction", () => {
		expect(patchFeature(sanction, { event_type: 'PROTEST', summary: 'Rally against the sanctions' }).properties.summary).toBe('Rally against the sanctions');
		const own = patchFeature(sanction, { summary: 'EU sanctions on Belavia' });
		expect(patchFeature(own, { event_type: 'PROTEST' }).properties.summary).toBe('EU sanctions on Belavia');
		// A patch that changes none of type, place, actors leaves the summary alone.
		expect(patchFeature(sanction, { confidence: 0.5 }).properties.summary).toBe(sanction.properties.summary);
	});

	it('replaying the log gives the same text as patching by hand (ingest and the server agree)', () => {
		const log: Correction[] = [{ id: 'c1', at: '2026-01-01T00:00:00Z', author: 'a', event_id: sanction.properties.id, op: 'patch', set: { event_type: 'PROTEST' } }];
		const out = applyCorrections(all, log).features.find((e) => e.properties.id === sanction.properties.id)!;
		expect(out.properties.summary).toBe(patchFeature(sanction, { event_type: 'PROTEST' }).properties.summary);
	});
});

describe('a corrected date', () => {
	const dated = all.find((e) => e.properties.date_text)!;
	const entry = (id: string, set: EventPatch, author = 'Ann'): Correction => ({ id, at: `2026-12-0${id.slice(1)}T10:00:00Z`, author, event_id: dated.properties.id, op: 'patch', set });

	it('no longer claims the words it was read from, and says who corrected it and when', () => {
		const fixed = patchFeature(dated, { date: '2021-01-02', date_start: '2021-01-02', date_end: '2021-01-02', date_precision: 'day' });
		expect(dated.properties.date_text).not.toBeNull();
		expect(fixed.properties.date_text).toBeNull();
		expect(patchFeature(dated, { actors: ['Police'] }).properties.date_text).toBe(dated.properties.date_text);
		const log = [entry('c1', { date_start: '2021-01-02' }), entry('c2', { actors: ['Police'] }, 'Bob')];
		expect(dateCorrection(log)).toEqual({ author: 'Ann', at: '2026-12-01T10:00:00Z' });
		expect(dateCorrection([log[1]!])).toBeNull();
		// Undone, the pipeline's date stands again.
		expect(dateCorrection([...log, { id: 'c3', at: '2026-12-03T10:00:00Z', author: 'Ann', event_id: dated.properties.id, op: 'undo', undoes: 'c1' }])).toBeNull();
	});
});
