import { describe, expect, it } from 'vitest';
import { classify } from '../../src/lib/server/pipeline/classify';
import type { EventType } from '../../src/lib/domain/event';

const top = (s: string) => classify(s, 'ar')[0];

// Each sentence states one event in words (or verb forms) the first Arabic lexicon had no trigger for.
const ARABIC: [string, EventType][] = [
	// قصف، استهداف، صواريخ، مسيرات، انفجار
	['تقصف القوات الروسية منذ الصباح أحياء خيرسون', 'ASSAULT'],
	['استهدفت طائرة مسيرة مستودعا للوقود في بيلغورود', 'ASSAULT'],
	['أطلقت روسيا صواريخ على لفيف فجر الإثنين', 'ASSAULT'],
	['وأطلقت القوات النار على المتظاهرين في مينسك', 'ASSAULT'],
	['انفجرت سيارة مفخخة في دونيتسك', 'ASSAULT'],
	['اشتعلت النيران في مستودع للذخيرة قرب بيلغورود', 'ASSAULT'],
	['دمرت مسيرة أوكرانية دبابة روسية قرب باخموت', 'ASSAULT'],
	['أصيب ثلاثة جنود بجروح في خاركيف', 'ASSAULT'],
	['أسقطت الدفاعات الجوية البولندية طائرة مسيرة', 'ASSAULT'],
	// سيطرة، حصار، اقتحام
	['سيطرت القوات الأوكرانية على بلدة ليمان', 'ASSAULT'],
	['حاصرت القوات الروسية مدينة أفدييفكا', 'ASSAULT'],
	['اقتحمت الشرطة مقر الصحيفة في مينسك', 'ASSAULT'],
	// اعتقال، حدود، طيران
	['تعتقل السلطات البيلاروسية عشرات المحتجين في غرودنو', 'COERCE'],
	['أغلقت بولندا معبر كوزنيتسا الحدودي', 'COERCE'],
	['أعلنت بولندا إغلاق حدودها مع بيلاروسيا', 'COERCE'],
	['أجبرت مقاتلة الطائرة على الهبوط في مينسك', 'COERCE'],
	// انسحاب، احتجاج، عقوبات، زيارة، مساعدات
	['تنسحب القوات الروسية من الضفة الغربية لنهر دنيبرو', 'RETREAT'],
	['يتظاهر آلاف الأشخاص في تبليسي منذ أسبوع', 'PROTEST'],
	['حظرت ليتوانيا استيراد البوتاس البيلاروسي', 'SANCTION'],
	['زار وزير الخارجية البولندي كييف يوم الثلاثاء', 'CONSULT'],
	['استقبل الرئيس البولندي نظيره الأوكراني في وارسو', 'CONSULT'],
	['وصلت شحنة من الأسلحة إلى لفيف', 'AID']
];

describe('Arabic triggers: conflict, movement, repression, protest and diplomacy', () => {
	it.each(ARABIC)('reads "%s" as a %s event', (sentence, type) => {
		expect(top(sentence)).toMatchObject({ type, modal: false });
	});

	it('weights a material act above a vague noun', () => {
		expect(top('أطلقت روسيا صواريخ على لفيف')!.weight).toBeGreaterThanOrEqual(0.8);
		expect(top('الصواريخ باهظة الثمن')!.weight).toBeLessThan(0.8);
	});
});

describe('Arabic triggers: other senses of the same words', () => {
	it.each([
		'احتل المنتخب الأوكراني المركز الأول',
		'تقع المدينة تحت سيطرة الانفصاليين',
		'سيطرت الشرطة على الوضع في العاصمة'
	])('finds no event in "%s"', (sentence) => {
		expect(classify(sentence, 'ar').filter((t) => t.weight >= 0.6)).toEqual([]);
	});

	it('reads مسيرات as drones, but protest marches as a protest', () => {
		expect(top('استهدفت المسيرات الروسية محطة كهرباء في خاركيف')).toMatchObject({ type: 'ASSAULT' });
		expect(top('خرجت مسيرات حاشدة في مينسك يوم الأحد')).toMatchObject({ type: 'PROTEST' });
	});

	it('does not read "هناك" (there is) as a congratulation', () => {
		expect(classify('هناك مخاوف من تصعيد جديد', 'ar')).toEqual([]);
	});
});

describe('Arabic guards for the new triggers', () => {
	it('keeps negation working on conjugated verbs, also after و', () => {
		expect(classify('ولم تنسحب القوات الروسية من المدينة', 'ar')).toEqual([]);
		expect(classify('لن تقصف القوات الجسر', 'ar')).toEqual([]);
		expect(classify('ولن يلتقي الرئيسان هذا الشهر', 'ar')).toEqual([]);
	});

	it('does not take "بدون طيار" (a drone) for a negation', () => {
		expect(top('طائرة بدون طيار قصفت مصفاة نفط في ريازان')).toMatchObject({ type: 'ASSAULT', modal: false });
	});

	it('marks a future, "قد" with an imperfect and a purpose as modal, but not "قد" with a past verb', () => {
		expect(top('ستقصف القوات الروسية الجسر')).toMatchObject({ type: 'ASSAULT', modal: true });
		expect(top('وسيزور الرئيس وارسو الأسبوع المقبل')).toMatchObject({ type: 'CONSULT', modal: true });
		expect(top('قد تقصف القوات الروسية الجسر مرة أخرى')).toMatchObject({ type: 'ASSAULT', modal: true });
		expect(top('قررت بولندا أن ترسل قوات إلى الحدود')).toMatchObject({ type: 'MOBILIZE', modal: true });
		expect(top('وقد قصفت القوات الروسية المدينة')).toMatchObject({ type: 'ASSAULT', modal: false });
	});

	it('does not take a noun that starts like a future verb for one', () => {
		expect(classify('أدانت المنظمة سياسة القمع في بيلاروسيا', 'ar').find((t) => t.type === 'COERCE')).toMatchObject({ modal: false });
	});
});
