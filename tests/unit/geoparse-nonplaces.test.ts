import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';

const g = loadGazetteer();
const ids = (text: string, language = 'en') => g.geoparseDocument(text, { language }).map((m) => `${m.text}=${m.place.id}`);

describe('geoparser: things named after places are not places', () => {
	it('takes no parliament or other institution that shares a town\'s name for the town', () => {
		expect(ids('The State Duma voted on Tuesday; the Duma later approved it.')).toEqual([]);
		expect(ids('The Verkhovna Rada met while the Sejm debated and the Knesset adjourned.')).toEqual([]);
		expect(ids('وافق الدوما على القانون بعد أن صوت مجلس الدوما', 'ar')).toEqual([]);
	});

	it('reads a place before agreement, format, group, memorandum or patriarchate as the name of a thing', () => {
		expect(ids('Kyiv accused Moscow of breaking the Minsk agreements, the Budapest Memorandum and the Normandy format.')).toEqual([
			'Kyiv=gn:703448',
			'Moscow=gn:524901'
		]);
		expect(ids('Parishes left the Moscow Patriarchate; the Minsk Group met in Vienna.')).toEqual(['Vienna=gn:2761369']);
	});

	it('takes an adjective such as Western for no province, and a demonym for no small town', () => {
		expect(ids('They met Western officials and Eastern partners.')).toEqual([]);
		expect(ids('An English teacher and a Welsh singer spoke.')).toEqual(['English=region:england', 'Welsh=region:wales']);
		expect(ids('Arab states and Nordic ministers met.')).toEqual([]);
	});

	it('does not join two names across a sentence end, while abbreviations still join', () => {
		expect(ids('Shelling hit Lviv. Oblast officials said nobody was hurt.')).toEqual(['Lviv=gn:702550']);
		expect(ids('Snowfall hit St. Petersburg.')).toEqual(['St. Petersburg=gn:498817']);
	});
});

describe('geoparser: region abbreviations', () => {
	it('reads "Charleston, W.Va." and "D.C." as regions and lets them pick the town before them', () => {
		expect(ids('CHARLESTON, W.Va. -- A man from Norman, Okla. moved to D.C. last year.')).toEqual([
			'CHARLESTON=gn:4801859',
			'W.Va=admin:USA:west-virginia',
			'Norman=gn:4543762',
			'Okla=admin:USA:oklahoma',
			'D.C=gn:4140963'
		]);
	});

	it('takes the abbreviation after a comma over a town spelt like it without its full stop ("Kansas City, Kan.")', () => {
		expect(ids('A police officer in Kansas City, Kan., was dragged.')).toContain('Kan=admin:USA:kansas');
		expect(ids('He flew to Kan on Monday.')).toEqual(['Kan=gn:1538368']);
	});

	it('takes a one-word abbreviation only after a comma', () => {
		expect(ids('He felt ill. Ind. voters stayed home; so did Miss. voters.')).toEqual([]);
	});

	it('takes no Arabic word for "city", "village" or "region" alone for a place (المدينة is not Medina)', () => {
		expect(ids('اندلع قتال في مدينة خاركيف ثم قصفت القوات المدينة وقرية قريبة', 'ar')).toEqual(['خاركيف=gn:706483']);
	});
});

