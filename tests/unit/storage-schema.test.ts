// Every write path stores only events that conform to geodata/schema/event.schema.json: a patch, an add or an
// import that would not is refused naming the field, and the stored files stay as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv from 'ajv';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EDITABLE_FIELDS } from '$lib/domain/corrections';
import { DATE_PRECISIONS, EVENT_TYPES, PLACE_KINDS } from '$lib/domain/event';
import { FieldError, parseEventPatch } from '$lib/domain/importers';
import { eventIssues, unknownProperties } from '$lib/server/schema';
import { commit, eventVersion, formatEvents, readState, StorageError } from '$lib/server/storage';
import { manyEvents, sampleEvent } from './http-fixtures';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'storage-schema-'));
	process.env.GEODATA_DIR = dir;
	writeFileSync(path.join(dir, 'events.geojson'), formatEvents(manyEvents(5)));
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.GEODATA_DIR;
});

const schema = JSON.parse(readFileSync('geodata/schema/event.schema.json', 'utf8'));
const validateCollection = new Ajv({ allErrors: true, strict: false }).compile(schema);
const stored = () => ({ events: readFileSync(path.join(dir, 'events.geojson'), 'utf8'), log: readFileSync(path.join(dir, 'corrections.json'), 'utf8') });

/** Values of every kind a client could send: NUL, ESC, lone surrogates, fractions, dates out of order, nulls. */
const junk = fc.oneof(
	fc.constantFrom('2021-13-01', null, '', ['blr'], ['Poland', ''], 0, -1, 1.5),
	fc.string({ unit: 'binary', maxLength: 8 }),
	fc.double({ noNaN: true, min: -1e3, max: 1e3 })
);
const day = fc.constantFrom('2021-11-01', '2021-11-15', '2021-11-30', null);
const text = fc.string({ unit: 'binary', maxLength: 12 });
/** Mostly plausible values per field (so many patches get as far as the commit), sometimes junk. */
const fields = {
	date: day,
	date_start: day,
	date_end: day,
	date_precision: fc.constantFrom(...DATE_PRECISIONS),
	date_text: fc.option(text, { nil: null }),
	event_type: fc.constantFrom(...EVENT_TYPES),
	summary: text,
	actors: fc.array(text, { maxLength: 3 }),
	place_id: text,
	place_name: text,
	place_kind: fc.constantFrom(...PLACE_KINDS),
	country_codes: fc.array(fc.constantFrom('BLR', 'POL', 'UKR', 'blr', 'BY'), { maxLength: 2 }),
	geo_precision: fc.constantFrom(1, 2, 3),
	geonames_id: fc.oneof(fc.integer({ min: 1, max: 1e7 }), fc.double({ min: 1, max: 1e7, noNaN: true }), fc.constant(null)),
	confidence: fc.double({ min: 0, max: 1, noNaN: true }),
	coordinates: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
} satisfies Record<(typeof EDITABLE_FIELDS)[number] | 'coordinates', fc.Arbitrary<unknown>>;
const patch = fc
	.subarray(Object.keys(fields) as (keyof typeof fields)[], { minLength: 1, maxLength: 4 })
	.chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof({ arbitrary: fields[k] as fc.Arbitrary<unknown>, weight: 5 }, { arbitrary: junk, weight: 1 })]))));

describe('the write paths and the event schema', () => {
	it('stores a random patch only when the event still conforms; else refuses it (4xx, naming the field) and changes nothing', async () => {
		let refused = 0;
		let kept = 0;
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 4 }), patch, async (i, set) => {
				const target = (await readState()).events[i]!;
				let parsed;
				try {
					parsed = parseEventPatch(set);
				} catch (err) {
					expect(err).toBeInstanceOf(FieldError); // the route's 400
					refused++;
					return;
				}
				const files = safeStored();
				try {
					await commit([{ op: 'patch', event_id: target.properties.id, set: parsed }], { author: 'fc', expect: { [target.properties.id]: eventVersion(target) } });
				} catch (err) {
					expect(err instanceof FieldError || (err instanceof StorageError && err.status < 500), String(err)).toBe(true);
					expect(safeStored()).toEqual(files);
					refused++;
					return;
				}
				const collection = JSON.parse(stored().events);
				expect(validateCollection(collection), JSON.stringify(validateCollection.errors)).toBe(true);
				for (const f of collection.features) expect(eventIssues(f)).toEqual([]);
				kept++;
			}),
			{ numRuns: 150, seed: 16 }
		);
		console.log(`random patches: ${kept} stored, ${refused} refused`);
		expect(refused).toBeGreaterThan(0);
		expect(kept).toBeGreaterThan(0);
	});

	it('refuses the patches of the attack report, naming the field', async () => {
		const bad: [Record<string, unknown>, RegExp][] = [
			[{ summary: 'a\u0000b' }, /properties\.summary.*U\+0000/],
			[{ summary: 'a\u001b[31m' }, /properties\.summary.*U\+001B/],
			[{ geonames_id: 1.5 }, /properties\.geonames_id/],
			[{ date_start: '2021-12-30' }, /properties\.date_end.*before date_start/],
			[{ date: null }, /properties\.date.*date_precision is "day"/]
		];
		await commit([{ op: 'add', event_id: 'ev-attack', feature: sampleEvent('ev-attack') }], { author: 'a' }); // dated by day, 2021-11-08
		const before = safeStored();
		for (const [set, message] of bad) {
			const err = await commit([{ op: 'patch', event_id: 'ev-attack', set: parseEventPatch(set) }], { author: 'a' }).catch((e: unknown) => e);
			expect(err, JSON.stringify(set)).toBeInstanceOf(FieldError);
			expect((err as FieldError).message).toMatch(message);
		}
		expect(safeStored()).toEqual(before);
	});

	it('refuses an added event with an empty summary, a fractional offset or a bad language tag, naming the field', async () => {
		const cases: [Partial<ReturnType<typeof sampleEvent>['properties']>, string][] = [
			[{ summary: '' }, 'properties.summary'],
			[{ evidence_start: 1.5 }, 'properties.evidence_start'],
			[{ language: '<script>' }, 'properties.language']
		];
		for (const [over, field] of cases) {
			const f = sampleEvent('ev-added-bad', over);
			const err = await commit([{ op: 'add', event_id: 'ev-added-bad', feature: f }], { author: 'a' }).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(FieldError);
			expect((err as FieldError).field).toBe(field);
		}
		expect((await readState()).events.some((f) => f.properties.id === 'ev-added-bad')).toBe(false);
	});

	it('names the properties an added event has that an event does not', () => {
		const f = sampleEvent('x') as unknown as { properties: Record<string, unknown> };
		expect(unknownProperties({ ...f, properties: { ...f.properties, colour: 'red' } })).toEqual(['colour']);
		expect(unknownProperties(f)).toEqual([]);
	});
});

/** The stored files, or null before the first commit created corrections.json. */
function safeStored(): ReturnType<typeof stored> | null {
	try {
		return stored();
	} catch {
		return null;
	}
}
