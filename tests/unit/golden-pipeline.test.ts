// Golden fixtures: each founding article (geodata/articles/*.md) → tests/fixtures/pipeline/out/<name>.geojson.
// A missing golden is an error under CI (else it is written); a mismatch writes <name>-changed.geojson and fails.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';
import { ingestArticleText } from '../../src/lib/server/pipeline/ingest';
import { serializeEvents } from '../../src/lib/server/pipeline/output';
import type { EventCollection, EventProperties } from '../../src/lib/domain/event';
import { checkGolden } from '../fixtures/pipeline/golden';

const IN = 'geodata/articles';
const OUT = 'tests/fixtures/pipeline/out';
const names = readdirSync(IN)
	.filter((f) => f.endsWith('.md'))
	.sort();
const gazetteer = loadGazetteer();
const runs = new Map(
	names.map((file) => {
		const r = ingestArticleText(readFileSync(path.join(IN, file)), path.join(IN, file), gazetteer);
		return [file.replace(/\.md$/, ''), r] as const;
	})
);
const schema = JSON.parse(readFileSync('geodata/schema/event.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('golden events of the founding articles', () => {
	it('has five founding articles to check', () => {
		expect(names.length).toBeGreaterThanOrEqual(5);
	});

	for (const [name, run] of runs) {
		it(`${name} produces its golden events`, () => {
			const golden = path.join(OUT, `${name}.geojson`);
			if (checkGolden(golden, serializeEvents(run.events)) === 'written') console.warn(`wrote missing golden ${golden}`);
		});

		it(`${name}: every event is schema-valid and its evidence is verbatim from the body`, () => {
			const fc = JSON.parse(serializeEvents(run.events)) as EventCollection;
			expect(validate(fc), JSON.stringify(validate.errors)).toBe(true);
			for (const f of fc.features) {
				const p = f.properties;
				expect(run.article.body.slice(p.evidence_start, p.evidence_end)).toBe(p.evidence);
				if (p.date_start) expect(p.date_start <= run.article.meta.published!).toBe(true);
			}
		});
	}
});

/** The one event of `source` whose evidence contains `words`, of `type`. */
function find(source: string, words: string, type: string): EventProperties {
	const run = [...runs.entries()].find(([n]) => n.startsWith(source))?.[1];
	const hits = run?.events.map((e) => e.properties).filter((p) => p.evidence.includes(words) && p.event_type === type) ?? [];
	expect(hits, `${source}: ${type} event with "${words}"`).toHaveLength(1);
	return hits[0]!;
}

describe('the events the founding articles report', () => {
	it('Lukashenko and Putin met in Sochi on Monday 14 September 2020', () => {
		const e = find('003', 'arrived in Sochi', 'CONSULT');
		expect(e).toMatchObject({ place_name: 'Sochi', date: '2020-09-14', date_precision: 'day', geo_precision: 1 });
		expect(e.actors).toEqual(expect.arrayContaining(['Alexander Lukashenko', 'Vladimir Putin']));
	});

	it('police arrested 774 people across Belarus, 500 of them in Minsk', () => {
		const e = find('003', '774 people', 'COERCE');
		expect(e.country_codes).toEqual(['BLR']);
		expect(e.place_name).toBe('Minsk');
	});

	it('at least 100,000 protesters filled Minsk on Sunday 13 September 2020', () => {
		expect(find('003', '100,000 protesters', 'PROTEST')).toMatchObject({ place_name: 'Minsk', date: '2020-09-13', date_precision: 'day' });
	});

	it('Putin and Lukashenko met on Sunday 23 July 2023 (Arabic)', () => {
		const e = find('004', 'يوم الأحد (23 يوليو)', 'CONSULT');
		expect(e).toMatchObject({ date: '2023-07-23', date_precision: 'day', language: 'ar' });
		expect(e.actors).toEqual(expect.arrayContaining(['Vladimir Putin', 'Alexander Lukashenko']));
	});

	it('Poland moved military units closer to its border with Belarus earlier that week (Arabic)', () => {
		expect(find('004', 'نقل وحدات عسكرية', 'MOBILIZE')).toMatchObject({ place_id: 'border:BLR-POL', place_kind: 'border', date_precision: 'week', date_end: '2023-07-24' });
	});

	it('asylum seekers massed at the Belarus–Poland border a few days before 12 November 2021', () => {
		expect(find('000', 'tried to cross the border', 'MOBILIZE')).toMatchObject({ place_id: 'border:BLR-POL', country_codes: ['BLR', 'POL'], date_precision: 'week' });
	});

	it('a referendum was held in Belarus on Sunday 27 February 2022', () => {
		expect(find('001', 'referendum was held in Belarus', 'CONSULT')).toMatchObject({ place_id: 'country:BLR', date: '2022-02-27' });
	});

	it('Maas accused Lukashenko in the Bundestag the day before publication', () => {
		expect(find('000', 'Maas accused Lukashenko yesterday', 'ACCUSE')).toMatchObject({ date: '2021-11-11', country_codes: ['DEU'] });
	});

	it('does not turn "troops from Belarus will not go to Ukraine" into a deployment', () => {
		const run = [...runs.entries()].find(([n]) => n.startsWith('001'))![1];
		const onThatSentence = run.events.filter((e) => e.properties.evidence.includes('will not go to Ukraine'));
		expect(onThatSentence.map((e) => e.properties.event_type)).toEqual(['CONSULT']); // Zelensky spoke to Lukashenko
	});
});
