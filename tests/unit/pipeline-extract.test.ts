import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/server/pipeline/article';
import { extractArticle, extractEvents, isBoilerplate } from '../../src/lib/server/pipeline/extract';
import { ingestArticleText } from '../../src/lib/server/pipeline/ingest';
import { EVENT_TYPES } from '../../src/lib/domain/event';
import { fakeGazetteer } from '../fixtures/pipeline/fake-gazetteer';

const ARTICLE = `---
title: Sochi talks
publisher: Test Wire
url: null
published: 2020-09-14
language: en
---
Lukashenko arrived in Sochi to meet with Putin on Monday, as protests continued across Belarus.

At least 100,000 protesters flooded the streets of Minsk on Sunday.

Police arrested 774 people, the interior ministry said.

The Kremlin has been quiet about this for years

Leave a Comment

Share
`;

const EVENT_KEYS = [
	'id', 'date', 'date_start', 'date_end', 'date_precision', 'date_text', 'event_type', 'summary', 'actors', 'place_id', 'place_name',
	'place_text', 'place_kind', 'country_codes', 'geo_precision', 'geonames_id', 'evidence', 'evidence_start', 'evidence_end',
	'language', 'source_id', 'source_title', 'source_publisher', 'source_url', 'source_published', 'confidence'
];

describe('extractEvents', () => {
	const g = fakeGazetteer();
	const article = parseArticle(ARTICLE, 'sochi.md');
	const events = extractEvents(article, g);
	const byType = (t: string) => events.filter((e) => e.properties.event_type === t);

	it('finds the meeting in Sochi on Monday with both leaders', () => {
		const [m] = byType('CONSULT');
		expect(m?.properties).toMatchObject({ place_id: 'gn:491422', date: '2020-09-14', date_precision: 'day', date_text: 'on Monday', geo_precision: 1 });
		expect(m?.properties.actors).toEqual(['Alexander Lukashenko', 'Vladimir Putin']);
		expect(m?.geometry.coordinates).toEqual([39.72569, 43.59917]);
	});

	it('makes a second event of a clause with its own act and place, not of a plan or a background clause', () => {
		const sochi = events.filter((e) => e.properties.evidence.startsWith('Lukashenko arrived in Sochi'));
		expect(sochi.map((e) => [e.properties.event_type, e.properties.place_id]).sort()).toEqual([
			['CONSULT', 'gn:491422'],
			['PROTEST', 'country:BLR']
		]);
		const threat = extractEvents(parseArticle('---\npublished: 2021-11-12\n---\nMaas threatened on Thursday, in Minsk, to impose sanctions on Belarus.\n', 't.md'), g);
		expect(threat.map((e) => e.properties.event_type)).toEqual(['THREATEN']);
	});

	it('finds the Sunday rally in Minsk and the arrests, placed where the story is (near Minsk) when the sentence names no place', () => {
		const rally = byType('PROTEST').find((e) => e.properties.place_id === 'gn:625144');
		expect(rally?.properties).toMatchObject({ date: '2020-09-13', summary: 'Protest in Minsk (Belarus) — Protesters' });
		const [arrests] = byType('COERCE');
		expect(arrests?.properties).toMatchObject({ place_id: 'gn:625144', place_text: 'Minsk', geo_precision: 2, date_precision: 'week', date_text: null, date_start: '2020-09-08', date_end: '2020-09-14' });
		expect(arrests!.properties.confidence).toBeLessThan(rally!.properties.confidence);
	});

	it('fills every property, in order, with verbatim evidence for every event', () => {
		expect(events.length).toBeGreaterThan(0);
		for (const e of events) {
			expect(Object.keys(e.properties).sort()).toEqual([...EVENT_KEYS].sort());
			expect(article.body.slice(e.properties.evidence_start, e.properties.evidence_end)).toBe(e.properties.evidence);
			expect(EVENT_TYPES).toContain(e.properties.event_type);
			expect(e.properties.confidence).toBeGreaterThanOrEqual(0);
			expect(e.properties.confidence).toBeLessThanOrEqual(1);
			expect(e.properties.id).toMatch(/^ev-[0-9a-f]{12}$/);
			expect(e.properties.source_id).toBe('sochi');
		}
	});

	it('gives the same ids on every run and different ids to different events', () => {
		const again = extractEvents(parseArticle(ARTICLE, 'sochi.md'), g).map((e) => e.properties.id);
		expect(again).toEqual(events.map((e) => e.properties.id));
		expect(new Set(again).size).toBe(again.length);
	});

	it('skips page furniture', () => {
		expect(isBoilerplate('Leave a Comment', 'x')).toBe(true);
		expect(isBoilerplate('Maas accused Lukashenko of playing an unscrupulous game with human lives (Reuters)', 'x')).toBe(true);
		expect(isBoilerplate('Police arrested 774 people, the interior ministry said.', 'x')).toBe(false);
	});

	it('leaves dates unknown when the article has no publication date', () => {
		const a = parseArticle('Protests in Minsk\n\nPolice arrested dozens of protesters in Minsk on Sunday.\n', 'nodate.txt');
		const [e] = extractEvents(a, g);
		expect(e?.properties).toMatchObject({ date: null, date_start: null, date_end: null, date_precision: 'unknown', place_id: 'gn:625144', source_published: null });
	});

	it('puts a border event on the border between the two countries the sentence names', () => {
		const a = parseArticle('---\npublished: 2021-11-12\nlanguage: en\n---\nMigrants massed at the border between Belarus and Poland on Thursday.\n', 'b.md');
		const [e] = extractEvents(a, g);
		expect(e?.properties).toMatchObject({ event_type: 'MOBILIZE', place_id: 'border:BLR-POL', place_kind: 'border', country_codes: ['BLR', 'POL'], date: '2021-11-11' });
	});

	it('reads Arabic articles: the type, the date, the actors and the place', () => {
		const text = '---\npublished: 2023-07-24\nlanguage: ar\n---\nالتقى بوتين ولوكاشينكو في موسكو يوم الأحد (23 يوليو) ، على حد قول الكرملين.\n';
		const { article: a, events: [e] } = ingestArticleText(text, 'ar.md', g);
		expect(e?.properties).toMatchObject({ event_type: 'CONSULT', date: '2023-07-23', place_id: 'gn:524901', language: 'ar' });
		expect(e?.properties.actors).toEqual(['Vladimir Putin', 'Alexander Lukashenko', 'Kremlin']);
		expect(a.body.slice(e!.properties.evidence_start, e!.properties.evidence_end)).toBe(e!.properties.evidence);
	});

	it('skips an event trigger with nowhere to put it and counts it', () => {
		const a = parseArticle('---\npublished: 2021-11-12\n---\nThe ministers met on Thursday.\n', 'np.md');
		const r = extractArticle(a, g);
		expect(r.events).toEqual([]);
		expect(r.unplaced).toBe(1);
	});

	it('does not mutate the article it reads', () => {
		const a = parseArticle(ARTICLE, 'sochi.md');
		const snapshot = JSON.stringify(a);
		extractEvents(a, g);
		expect(JSON.stringify(a)).toBe(snapshot);
	});
});

describe('quotations', () => {
	it('takes no event from a quotation that runs over several sentences, nor a place named inside one', () => {
		const g = fakeGazetteer();
		const text =
			'---\npublished: 2020-08-15\nlanguage: en\n---\n"If you want to fight, go ahead. Don\'t threaten families in Minsk." he said.\n\n"We love Russia and Poland," said a protester at Sunday\'s rally in the capital.\n';
		const events = extractEvents(parseArticle(text, 'q.md'), g);
		expect(events.map((e) => e.properties.event_type)).toEqual(['PROTEST']);
		// "in the capital": the capital of the article's country, read from the words "the capital", not from the quotation.
		expect(events[0]!.properties).toMatchObject({ date: '2020-08-09', place_id: 'gn:625144', place_text: 'capital' });
	});
});
