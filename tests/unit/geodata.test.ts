// The committed dataset holds together: schema-valid, evidence verbatim in its article, every place drawn.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { EventCollection } from '../../src/lib/domain/event';
import { parseArticle } from '../../src/lib/server/pipeline/article';

const geodata = path.resolve(import.meta.dirname, '../../geodata');
const read = (name: string) => JSON.parse(readFileSync(path.join(geodata, name), 'utf8'));

describe('geodata/', () => {
	const events = read('events.geojson') as EventCollection;
	const articles = new Map(
		readdirSync(path.join(geodata, 'articles')).map((f) => {
			const article = parseArticle(readFileSync(path.join(geodata, 'articles', f)), f);
			return [article.sourceId, article] as const;
		})
	);

	it('events.geojson is valid against geodata/schema/event.schema.json', () => {
		const validate = new Ajv({ allErrors: true }).compile(read('schema/event.schema.json'));
		const ok = validate(events);
		expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toEqual([]);
		expect(ok).toBe(true);
	});

	it('holds events from every founding article', () => {
		const sources = new Set(events.features.map((f) => f.properties.source_id));
		for (const id of articles.keys()) if (id.startsWith('00')) expect(sources, id).toContain(id);
	});

	it("has every event's evidence verbatim in its article body at its offsets", () => {
		for (const f of events.features) {
			const p = f.properties;
			const article = articles.get(p.source_id);
			expect(article, `article of ${p.id}`).toBeDefined();
			expect(article!.body.slice(p.evidence_start, p.evidence_end), p.id).toBe(p.evidence);
			expect(p.language, p.id).toBe(article!.meta.language);
		}
	});

	it('gives every event a unique id', () => {
		const ids = events.features.map((f) => f.properties.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it("has a feature in places.geojson for every event's place", () => {
		expect(existsSync(path.join(geodata, 'places.geojson'))).toBe(true);
		const places = new Set((read('places.geojson') as { features: { properties: { place_id: string } }[] }).features.map((f) => f.properties.place_id));
		for (const f of events.features) expect(places, f.properties.id).toContain(f.properties.place_id);
	});

	it('draws border events on their border with both countries named', () => {
		const borders = events.features.filter((f) => f.properties.place_kind === 'border');
		for (const f of borders) {
			expect(f.properties.place_id).toMatch(/^border:[A-Z]{3}-[A-Z]{3}$/);
			expect(f.properties.country_codes).toHaveLength(2);
		}
	});
});
