import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/server/pipeline/article';
import { extractEvents } from '../../src/lib/server/pipeline/extract';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';

const article = (body: string) =>
	parseArticle(`---\ntitle: Test\npublisher: Test Wire\nurl: null\npublished: 2020-08-15\nlanguage: en\n---\n${body}\n`, 'dateline.md');

describe('pipeline: datelines and pronouns', () => {
	const g = loadGazetteer();

	it('places an event without a place of its own at the dateline, as near the city (precision 2), not on it', () => {
		const events = extractEvents(article('MINSK -- President Alexander Lukashenko rejected foreign mediation on Saturday.'), g);
		expect(events).toHaveLength(1);
		expect(events[0]!.properties).toMatchObject({ event_type: 'REJECT', place_id: 'gn:625144', place_kind: 'city', geo_precision: 2 });
	});

	it('falls back to the actor’s country, not the dateline, when the actor belongs elsewhere', () => {
		const events = extractEvents(article('MINSK -- Officials gathered.\n\nPoland rejected the offer on Saturday.'), g);
		const rejection = events.find((e) => e.properties.event_type === 'REJECT');
		expect(rejection?.properties).toMatchObject({ place_id: 'country:POL', geo_precision: 3 });
	});

	it('does not take a country word before a person’s title as the place', () => {
		const events = extractEvents(article('Lukashenko discussed the crisis with Russian President Vladimir Putin on Saturday.'), g);
		expect(events[0]!.properties.place_id).not.toBe('country:RUS');
	});

	it('gives a "he said" sentence the person named just before as its actor', () => {
		const events = extractEvents(article('Lukashenko spoke to officials.\n\n"We will not give up," he said during a televised meeting on August 15.'), g);
		const meeting = events.find((e) => e.properties.evidence.startsWith('"We will'));
		expect(meeting?.properties.actors).toContain('Alexander Lukashenko');
	});

	it('keeps two undated events of one type and country when their first actors differ', () => {
		const body = 'Lukashenko threatened a harsh response in Belarus.\n\nMaas threatened to impose sanctions against Belarus.';
		const threats = extractEvents(article(body), g).filter((e) => e.properties.event_type === 'THREATEN');
		expect(threats.map((e) => e.properties.actors[0])).toEqual(['Alexander Lukashenko', 'Heiko Maas']);
	});
});
