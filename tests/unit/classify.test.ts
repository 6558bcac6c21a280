import { describe, expect, it } from 'vitest';
import { classify } from '../../src/lib/server/pipeline/classify';

const top = (s: string, lang = 'en') => classify(s, lang)[0]?.type ?? null;

describe('classify', () => {
	it('maps English trigger words to PLOVER types', () => {
		expect(top('Lukashenko met Putin in Sochi.')).toBe('CONSULT');
		expect(top('Putin held a phone call with Merkel.')).toBe('CONSULT');
		expect(top('Thousands of people demonstrated in Minsk.')).toBe('PROTEST');
		expect(top('The EU imposed new sanctions on Belarus.')).toBe('SANCTION');
		expect(top('Poland deployed troops to the border.')).toBe('MOBILIZE');
		expect(top('Police arrested 774 people.')).toBe('COERCE');
		expect(top('Lukashenko warned of a harsh response.')).toBe('THREATEN');
		expect(top('The EU accuses Lukashenko of coordinating the arrivals.')).toBe('ACCUSE');
		expect(top('Lukashenka has rejected foreign mediation.')).toBe('REJECT');
		expect(top('Russia granted a $ 1.5 billion loan.')).toBe('AID');
		expect(top('The council agreed to hold a debate.')).toBe('AGREE');
		expect(top('On Sunday, a referendum was held in Belarus.')).toBe('CONSULT');
	});

	it('maps Arabic trigger words, with proclitics and conjugation, to PLOVER types', () => {
		expect(top('التقى بوتين ولوكاشينكو في موسكو', 'ar')).toBe('CONSULT');
		expect(top('خرجت مظاهرات حاشدة في مينسك', 'ar')).toBe('PROTEST');
		expect(top('فرض الاتحاد الأوروبي عقوبات جديدة', 'ar')).toBe('SANCTION');
		expect(top('قررت بولندا نقل وحدات عسكرية إلى الحدود', 'ar')).toBe('MOBILIZE');
		expect(top('وحذرت روسيا من الرد', 'ar')).toBe('THREATEN');
		expect(top('واتهمت وارسو مينسك بتنظيم الأزمة', 'ar')).toBe('ACCUSE');
	});

	it('drops negated triggers before and after the trigger word', () => {
		expect(classify('troops from Belarus will not go to Ukraine', 'en')).toEqual([]);
		expect(classify('He did not meet the opposition.', 'en')).toEqual([]);
		expect(classify('وبينما لم يرسل لوكاشينكو قواته إلى أوكرانيا', 'ar').map((t) => t.type)).not.toContain('MOBILIZE');
		expect(classify('أنهم لن يشاركوا في الهجوم', 'ar')).toEqual([]);
	});

	it('drops conditional and hypothetical triggers but keeps the threat that states them', () => {
		const types = classify('Lukashenko vowed a harsh response if the European Union imposes new sanctions.', 'en').map((t) => t.type);
		expect(types).toEqual(['THREATEN']);
		expect(classify('any attack on Belarus would be an attack on Russia', 'en')).toEqual([]);
	});

	it('drops passives and words inside direct quotations', () => {
		expect(classify('Protests have often been met by silence.', 'en').map((t) => t.type)).not.toContain('CONSULT');
		expect(classify('He said: "we will arrest them all".', 'en').map((t) => t.type)).not.toContain('COERCE');
	});

	it('marks plans and forecasts as modal', () => {
		expect(classify('Belarus is getting ready to deploy troops.', 'en')[0]).toMatchObject({ type: 'MOBILIZE', modal: true });
		expect(classify('Poland deployed troops.', 'en')[0]).toMatchObject({ type: 'MOBILIZE', modal: false });
	});

	it('types an agreement by what was agreed, and keeps a bare agreement as AGREE', () => {
		expect(top('The European Union agreed a new package of sanctions against Russia on Friday.')).toBe('SANCTION');
		expect(top('On Monday, the UN Rights Council agreed to hold an emergency debate on violence during the protests.')).toBe('AGREE');
	});

	it('lets a scene-setting noun ("amid protests") give way to the act', () => {
		expect(top('Amid the protests, the council agreed to hold a debate.')).toBe('AGREE');
	});

	it('finds nothing for languages without a lexicon', () => {
		expect(classify('Lukaschenko traf Putin in Sotschi', 'de')).toEqual([]);
	});

	it('takes an act someone calls for or demands for the call, not the act', () => {
		expect(classify('Lawmakers called for a retaliatory strike on Kyiv on Wednesday.', 'en').map((t) => t.type)).toEqual(['REQUEST']);
		expect(classify('Protesters demanded that the troops withdraw from the city.', 'en').map((t) => t.type)).not.toContain('RETREAT');
		expect(classify('دعا نواب إلى شن ضربة انتقامية على كييف يوم الأربعاء.', 'ar').map((t) => t.type)).toEqual(['REQUEST']);
		expect(top('Russian missiles struck Kyiv on Wednesday, officials said.')).toBe('ASSAULT');
	});
});


describe('classify: blocking a road, a highway or a border crossing is a protest, in every language', () => {
	it.each([
		['en', 'On Monday, truckers blocked the road to the border crossing at Dorohusk.'],
		['en', 'Farmers blocked a highway near Lublin on Wednesday.'],
		['pl', 'Od poniedziałku przewoźnicy blokują dojazd do przejścia granicznego w Dorohusku.'],
		['pl', 'W środę rolnicy zablokowali drogę krajową pod Hrubieszowem.'],
		['ru', 'В понедельник жители перекрыли дорогу у Гродно в знак несогласия.'],
		['uk', 'У понеділок мешканці перекрили дорогу біля Ковеля.'],
		['ar', 'أغلق المزارعون الطريق قرب لوبلين يوم الأربعاء.']
	])('%s: "%s"', (lang, sentence) => {
		expect(top(sentence, lang)).toBe('PROTEST');
	});

	it('blocking a bill or a proposal is no protest', () => {
		expect(top('The senate blocked the bill on Monday.')).toBeNull();
		expect(top('Sejm zablokował projekt ustawy.', 'pl')).toBeNull();
	});
});
