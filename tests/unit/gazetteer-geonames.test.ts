import { describe, expect, it } from 'vitest';
import { altNamesToIndex, parseGeonames, type GeonamesCity } from '../../src/lib/server/gazetteer/geonames';

const row = (cols: Partial<Record<number, string>>) => {
	const c = ['625144', 'Minsk', 'Minsk', '', '53.9', '27.56667', 'P', 'PPLC', 'BY', '', '5', '', '', '', '1742124', '', '222', 'Europe/Minsk', '2023-01-01'];
	for (const [k, v] of Object.entries(cols)) c[Number(k)] = v!;
	return c.join('\t');
};
const city = (over: Partial<GeonamesCity>): GeonamesCity => ({ id: 1, name: 'X', alternates: '', lat: 0, lon: 0, featureCode: 'PPL', country: 'BY', population: 5000, ...over });

describe('GeoNames dump', () => {
	it('reads the columns the gazetteer uses', () => {
		const [c] = parseGeonames(row({ 3: 'Mińsk,Минск' }) + '\n', 'cities500.txt');
		expect(c).toEqual({ id: 625144, name: 'Minsk', alternates: 'Mińsk,Минск', lat: 53.9, lon: 27.56667, featureCode: 'PPLC', country: 'BY', population: 1742124 });
	});

	it('names the file, line and field of a malformed row', () => {
		expect(() => parseGeonames(row({}) + '\n' + row({ 4: 'north' }), 'cities500.txt')).toThrow('cities500.txt:2: latitude');
		expect(() => parseGeonames(row({ 8: 'BLR' }), 'cities500.txt')).toThrow('cities500.txt:1: country code');
	});
});

describe('alternate names worth indexing', () => {
	const none = () => false;

	it('keeps Latin, Cyrillic and Arabic forms of a region town and drops codes, descriptions and bilingual pairs', () => {
		const c = city({ name: 'Minsk', population: 1_742_124, alternates: 'MSQ,Mińsk,Минск,مينسك,gorod Minsk,Minsk - Мінск,明斯克,Mn' });
		expect(altNamesToIndex(c, none)).toEqual(['Mińsk', 'Минск', 'مينسك']);
	});

	it('keeps only romanisations of a small region place\'s own name, not its other names', () => {
		const c = city({ name: 'Ząbkowice', country: 'PL', population: 15_000, alternates: 'Zabkowice,Frankenstein' });
		expect(altNamesToIndex(c, none)).toEqual(['Zabkowice']);
	});

	it('keeps no Latin alternate of a place outside the region, and Arabic ones only for million-cities', () => {
		expect(altNamesToIndex(city({ name: 'Schwäbisch Hall', country: 'DE', population: 40_000, alternates: 'Hall,هال' }), none)).toEqual([]);
		expect(altNamesToIndex(city({ name: 'Cairo', country: 'EG', population: 9_600_000, alternates: 'Le Caire,القاهرة' }), none)).toEqual(['القاهرة']);
	});

	it('never indexes an everyday word as an alternate', () => {
		expect(altNamesToIndex(city({ name: 'Snov', population: 200_000, alternates: 'Snow,Snou' }), (n) => n === 'Snow')).toEqual(['Snou']);
	});
});
