import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';

const g = loadGazetteer();
const ids = (text: string, language = 'en') => g.geoparseDocument(text, { language }).map((m) => `${m.text}=${m.place.id}`);

describe('geoparser: names that are not places', () => {
	it('skips place names that are part of a known actor name, alone or in full', () => {
		const found = ids('Prime Minister Naftali Bennett met Yair Lapid and Linda Thomas-Greenfield in Paris. Lapid and Merkel said so.');
		expect(found).toEqual(['Paris=gn:2988507']);
	});

	it('treats anti-/pro- prefixes and -controlled suffixes as modifiers, not locations', () => {
		expect(ids('Thousands carried anti-Kremlin placards while pro-Moscow forces and Kremlin-controlled media watched.')).toEqual([]);
		expect(ids('Thousands marched to the Kremlin.')).toEqual(['Kremlin=site:kremlin']);
	});

	it('resolves an all-caps dateline even when a web address spells the name in lower case', () => {
		const text = 'MINSK -- Protesters marched on Sunday.\n\nSource: https://example.org/a/talks-amid -minsk-protests/1.html';
		expect(ids(text)[0]).toBe('MINSK=gn:625144');
		expect(ids('KYIV, Ukraine (AP) — Shelling continued.')[0]).toBe('KYIV=gn:703448');
	});

	it('keeps a short all-caps word that opens no dateline an acronym', () => {
		expect(ids('Officials met. KYIV was not mentioned again')).not.toContain('KYIV=gn:703448');
	});

	it('reads "Nov 9" as a date, not a town called Nov', () => {
		expect(ids('WARSAW, Nov 9 (Reuters) - Poland said')).toEqual(['WARSAW=gn:756135', 'Poland=country:POL']);
	});
});

describe('geoparser: names written with an apostrophe inside them', () => {
	const names = (text: string, language = 'en') => g.geoparseDocument(text, { language }).map((m) => `${m.text}=${m.place.name}`);

	it('reads the whole word, in English romanisations and in Ukrainian, and never a place in its first piece', () => {
		expect(names("Fighting continued near Mar'inka and Kup'yansk on Tuesday.")).toEqual(["Mar'inka=Mar'yinka"]);
		expect(names("Troops left Vil'nyans'k.")).toEqual(["Vil'nyans'k=Vilnyansk"]);
		// The possessive is not part of a name.
		expect(names("Britain's envoy met Ukraine’s minister.")).toEqual(['Britain=United Kingdom', 'Ukraine=Ukraine']);
		expect(names('Вибухи пролунали в Слов’янську та Куп\'янську.', 'uk')).toEqual(['Слов’янську=Sloviansk', "Куп'янську=Kupiansk"]);
	});
});
