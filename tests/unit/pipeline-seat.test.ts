// A state's organ (a ministry, the government) acts where it sits: its country's capital, not the country's centre
// and not the country its act is aimed at. Every sentence is written for this test (none is from a dev set); the code
// before seat.ts put each of the first group on a country, on the wrong country, or nowhere.
import { describe, expect, it } from 'vitest';
import { loadGazetteer, type Gazetteer } from '../../src/lib/server/gazetteer';
import { ingestArticleText } from '../../src/lib/server/pipeline/ingest';

// Loaded with the module, as the other gazetteer tests do: a fresh clone builds the gazetteer's cache on first load
// (tens of seconds on a busy 2-core machine), longer than a hook may take.
const gaz: Gazetteer = loadGazetteer();

/** Each event of a one-sentence article as "TYPE@place (kind)". */
const eventsOf = (body: string, language: string) =>
	ingestArticleText(`---\ntitle: "t"\npublished: 2024-01-31\nlanguage: ${language}\n---\n${body}\n`, `${language}.md`, gaz).events.map(
		(e) => `${e.properties.event_type}@${e.properties.place_name} (${e.properties.place_kind})`
	);

describe('a state organ’s act is placed at its seat', () => {
	// [language, sentence, the one event expected]
	const CASES: [string, string, string][] = [
		['en', "Poland's foreign ministry summoned the Russian chargé d'affaires on Tuesday.", 'ACCUSE@Warsaw (city)'],
		['en', 'The Belarusian Foreign Ministry on Monday protested against the closure of the crossing by Lithuania.', 'PROTEST@Minsk (city)'],
		['en', 'On Wednesday the Russian Defence Ministry accused Ukraine of sabotage.', 'ACCUSE@Moscow (city)'],
		['en', 'The government of Lithuania condemned the decision on Friday.', 'ACCUSE@Vilnius (city)'],
		['ru', 'В понедельник МИД Белоруссии вызвал временного поверенного в делах Литвы.', 'ACCUSE@Minsk (city)'],
		['ru', 'Во вторник МИД России осудил решение Польши.', 'ACCUSE@Moscow (city)'],
		['uk', 'У понеділок МЗС України викликало посла Угорщини.', 'ACCUSE@Kyiv (city)'],
		['uk', 'У середу Міністерство закордонних справ Польщі засудило рішення Білорусі.', 'ACCUSE@Warsaw (city)'],
		['pl', 'W poniedziałek MSZ Polski wezwało ambasadora Rosji.', 'ACCUSE@Warsaw (city)'],
		['pl', 'We wtorek rząd Litwy potępił decyzję Białorusi.', 'ACCUSE@Vilnius (city)'],
		['ar', 'استدعت وزارة الخارجية البولندية القائم بالأعمال الروسي يوم الثلاثاء.', 'ACCUSE@Warsaw (city)'],
		['ar', 'أدانت الحكومة الليتوانية يوم الجمعة قرار بيلاروسيا.', 'ACCUSE@Vilnius (city)']
	];
	it.each(CASES)('%s: "%s" → %s', (language, sentence, expected) => {
		expect(eventsOf(sentence, language)).toEqual([expected]);
	});
});

describe('where the act itself happened, the seat gives way', () => {
	it('to the town or border the sentence puts the act in, and to a force’s act named by the ministry', () => {
		expect(eventsOf('Russia’s defence ministry said its forces struck Kharkiv on Monday.', 'en')).toEqual(['ASSAULT@Kharkiv (city)']);
		expect(eventsOf('On Tuesday the Polish foreign ministry held talks in Vilnius.', 'en')).toEqual(['CONSULT@Vilnius (city)']);
		expect(eventsOf('В понедельник МИД России провёл переговоры в Минске.', 'ru')).toEqual(['CONSULT@Minsk (city)']);
	});

	it('an embassy is not the state’s seat: it stands where the text puts it', () => {
		expect(eventsOf('On Monday the Russian embassy in Warsaw protested against the decision.', 'en')).toEqual(['PROTEST@Warsaw (city)']);
	});
});
