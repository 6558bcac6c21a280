// Free-text search through the one filter: case, diacritics, Arabic forms, romanisations and actor aliases folded.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { EventCollection, EventFeature, EventProperties } from '../../src/lib/domain/event';
import { filterEvents } from '../../src/lib/domain/filter';
import { foldText } from '../../src/lib/domain/search';

function event(id: string, over: Partial<EventProperties>): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [27.56, 53.9] },
		properties: {
			id, date: '2021-01-01', date_start: '2021-01-01', date_end: '2021-01-01', date_precision: 'day', date_text: null,
			event_type: 'PROTEST', summary: '', actors: [], place_id: 'gn:625144', place_name: 'Minsk', place_text: 'Minsk',
			place_kind: 'city', country_codes: ['BLR'], geo_precision: 1, geonames_id: 625144, evidence: '', evidence_start: 0,
			evidence_end: 0, language: 'en', source_id: 's', source_title: 'T', source_publisher: 'P', source_url: null,
			source_published: null, confidence: 0.9, ...over
		}
	};
}

const sample = [
	event('en-text', { evidence: 'Lukashenko said the border was closed.' }),
	event('ar-actor', { evidence: 'قال لوكاشينكو إن الحدود مغلقة', language: 'ar', actors: ['Alexander Lukashenko'] }),
	event('harkiv', { evidence: 'Shelling hit Kharkiv overnight.', place_name: 'Kharkiv', place_text: 'Kharkiv' }),
	event('lodz', { evidence: 'A rally in Łódź drew thousands.', place_name: 'Łódź', place_text: 'Łódź' }),
	event('hamza', { evidence: 'أعلنت الشرطة إغلاق الطريق', language: 'ar' }),
	event('other', { evidence: 'Putin met the governor in Sochi.', actors: ['Vladimir Putin'] })
];
const ids = (q: string) => filterEvents(sample, { q }).map((e) => e.properties.id);

describe('search', () => {
	it('finds Lukashenko by a romanisation: in the text, and through the actor lexicon under the canonical name', () => {
		expect(ids('lukashenka')).toEqual(['en-text', 'ar-actor']);
		expect(ids('LUKASHENKO')).toEqual(['en-text', 'ar-actor']);
		// An Arabic spelling that neither text uses finds both: one lists the actor, the other names him in Latin letters.
		expect(ids('لوكاشنكو')).toEqual(['en-text', 'ar-actor']);
	});

	it('meets romanisations of place names and ignores diacritics and Polish letters', () => {
		expect(ids('Kharkov')).toEqual(['harkiv']);
		expect(filterEvents([event('kyiv', { evidence: 'Talks in Kyiv.' })], { q: 'kiev' }).length).toBe(1);
		expect(ids('lodz')).toEqual(['lodz']);
		expect(ids('ŁÓDŹ')).toEqual(['lodz']);
	});

	it('folds Arabic hamza seats, and needs every word of a longer query, in any order', () => {
		expect(ids('اعلنت الشرطه')).toEqual(['hamza']);
		expect(ids('closed border')).toEqual(['en-text']);
		expect(ids('closed Kharkiv')).toEqual([]);
		expect(ids('putin')).toEqual(['other']);
	});

	it('keeps a plain substring search as before', () => {
		expect(ids('lukash')).toEqual(['en-text', 'ar-actor']); // the second lists the actor by name
		expect(foldText('Stéphane Dujarric')).toBe('stephane dujarric');
	});

	it('on the embedded data, "lukashenka" finds every event that names Lukashenko, in any spelling or script', () => {
		const all = (JSON.parse(readFileSync('geodata/events.geojson', 'utf8')) as EventCollection).features as EventFeature[];
		const named = all.filter((e) => e.properties.actors.includes('Alexander Lukashenko') || /lukashenk|لوكاش/i.test(`${e.properties.evidence} ${e.properties.summary} ${e.properties.source_title}`));
		expect(named.length).toBeGreaterThan(3);
		const found = filterEvents(all, { q: 'lukashenka' }).map((e) => e.properties.id);
		expect(found).toEqual(named.map((e) => e.properties.id));
		expect(filterEvents(all, { q: 'Lukashenko' }).map((e) => e.properties.id)).toEqual(found);
	});
});

describe('search across the region’s scripts', () => {
	const slavic = [
		event('ru', { evidence: 'Лукашенко заявил, что граница закрыта.', language: 'ru', actors: ['Alexander Lukashenko'], place_text: 'Минске' }),
		event('pl', { evidence: 'Łukaszenka ogłosił zamknięcie granicy.', language: 'pl', actors: ['Alexander Lukashenko'] }),
		event('en', { evidence: 'Lukashenko said the border was closed.' })
	];
	const find = (q: string) => filterEvents(slavic, { q }).map((e) => e.properties.id);

	it('a Latin query finds the Cyrillic and Polish texts, and a Cyrillic query the Latin ones', () => {
		expect(find('lukashenko')).toEqual(['ru', 'pl', 'en']);
		expect(find('Лукашенко')).toEqual(['ru', 'pl', 'en']);
		expect(find('Łukaszenka')).toEqual(['ru', 'pl', 'en']);
	});
});
