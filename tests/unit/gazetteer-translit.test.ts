import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';
import { translitKey } from '../../src/lib/domain/translit';

const g = loadGazetteer();
const ids = (text: string) => g.geoparseDocument(text, { language: 'en' }).map((m) => `${m.text}=${m.place.id}`);
/** The spelling is no name, alias or GeoNames alternate of any place: alone, with nothing to support a romanised
 * match, it is found nowhere. */
const unknown = (spelling: string) => expect(ids(`${spelling} was quiet.`)).toEqual([]);

describe('folded transliteration key', () => {
	it('gives romanisations of one Slavic name the same key', () => {
		const same = [
			['Kharkov', 'Kharkiv', 'Харків', 'Charkiw'.replace('Ch', 'Kh')],
			['Baranovichi', 'Baranavichy', 'Baranowiczi'],
			['Mahilyow', 'Mogilev', 'Mahiloŭ', 'Могилёв'],
			['Lvov', 'Lviv', 'Lwów', 'Львів'],
			['Gomel', 'Homel', "Homyel'", 'Гомель'],
			['Grodno', 'Hrodna', 'Гродно'],
			['Chernigov', 'Chernihiv', 'Чернігів'],
			['Zaporozhye', 'Zaporizhzhia'],
			['Rzeszów', 'Zheshuv'],
			['Odessa', 'Odesa']
		];
		for (const names of same) expect(new Set(names.map(translitKey)), names.join('/')).toHaveProperty('size', 1);
	});

	it('keeps different names apart and refuses other scripts', () => {
		expect(translitKey('Pinsk')).not.toBe(translitKey('Minsk'));
		expect(translitKey('Brest')).not.toBe(translitKey('Bryansk'));
		expect(translitKey('خاركيف')).toBe('');
	});
});

describe('geoparser: romanisation variants', () => {
	it('finds a town of the region under a spelling no gazetteer source has, when the document names its country', () => {
		for (const s of ['Kharkiw', 'Zaporizhia', 'Mykolajiv', 'Mogiljow', 'Gomiel', 'Baranovichy']) unknown(s);
		expect(ids('Strikes hit Kharkiw, Zaporizhia and Mykolajiv, Ukraine said.')).toEqual([
			'Kharkiw=gn:706483',
			'Zaporizhia=gn:687700',
			'Mykolajiv=gn:700569',
			'Ukraine=country:UKR'
		]);
		expect(ids('Protests in Mogiljow, Gomiel and Baranovichy in Belarus.')).toEqual([
			'Mogiljow=gn:625665',
			'Gomiel=gn:627907',
			'Baranovichy=gn:630429',
			'Belarus=country:BLR'
		]);
	});

	it('takes no romanised match where nothing else in the document points at its country', () => {
		unknown('Gamal');
		expect(ids('Gamal said the talks would resume.')).toEqual([]);
	});

	it('lets a big town found by romanisation compete with a hamlet that has the exact spelling', () => {
		expect(ids('Vinnitsa was shelled overnight.')).toEqual(['Vinnitsa=gn:689558']);
	});
});

describe('geoparser: a Cyrillic word that opens a sentence', () => {
	const found = (text: string, language: string) => g.geoparseDocument(text, { language }).map((m) => m.text);
	it('is not a town because its folded spelling resembles one ("Уночі" ≈ Unecha, Henichesk)', () => {
		expect(found('Уночі обстріляли Первомайськ, повідомив голова Миколаївської області.', 'uk')).toEqual(['Первомайськ', 'Миколаївської області']);
		expect(found('Уночі дрони атакували Херсонську область.', 'uk')).toEqual(['Херсонську область']);
	});
	it('still is a town where GeoNames spells it so', () => {
		expect(found('Харьков обстреляли ночью.', 'ru')).toEqual(['Харьков']);
	});
});
