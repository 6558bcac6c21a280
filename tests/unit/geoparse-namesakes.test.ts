// A first-order region named like a big city of its country (New York, São Paulo, Washington state beside the
// capital): a bare name in the news means the city; the region needs the text to say so.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';

const g = loadGazetteer();
const kinds = (text: string, language = 'en') => g.geoparseDocument(text, { language }).map((m) => `${m.text}=${m.place.kind}`);

describe('geoparser: a region and the big city it is named after', () => {
	it('reads a bare name as the city, alone and in a list of cities', () => {
		expect(kinds('The mayor of New York said on Monday that the subway would reopen.')).toEqual(['New York=city']);
		expect(kinds('After stops in Washington, New York and Boston, the crown prince flew home.')).toEqual(['Washington=city', 'New York=city', 'Boston=city']);
		expect(kinds('Police in Sao Paulo detained dozens of protesters.')).toEqual(['Sao Paulo=city']);
		expect(kinds('وصل الوفد إلى نيويورك يوم الاثنين.', 'ar')).toEqual(['نيويورك=city']);
	});

	it('still reads the region where the text says it is one', () => {
		expect(kinds('Flooding hit the state of New York and New Jersey.')).toContain('New York=admin');
		expect(kinds('Wildfires spread across Washington state.')[0]).toBe('Washington=admin');
		expect(kinds('A nine-year-old girl from Buffalo, New York, died of the flu.')).toEqual(['Buffalo=city', 'New York=admin']);
		expect(kinds('Cases were confirmed in Georgia, Illinois, New Mexico, New York and Ohio.')).toContain('New York=admin');
		expect(kinds('Clashes were reported in Zhytomyr, Kyiv and Lviv.')).toEqual(['Zhytomyr=city', 'Kyiv=city', 'Lviv=city']);
	});

	it('leaves a region whose namesake city is small (Quebec) and the region’s own capital cities alone', () => {
		expect(kinds('Voters in Quebec went to the polls.')).toEqual(['Quebec=admin']);
		expect(kinds('Protesters gathered in Moscow and Minsk.')).toEqual(['Moscow=city', 'Minsk=city']);
	});
});
