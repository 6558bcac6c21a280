import { describe, expect, it } from 'vitest';
import { NarrativeTime, type SentenceCue, type SentenceTime } from '../../src/lib/server/pipeline/narrative';

const P: SentenceCue = { paragraphStart: true };
const H: SentenceCue = { heading: true, paragraphStart: true };

/** The times of an article's sentences, read in order (a sentence with no cue continues its paragraph). */
function read(language: string, published: string | null, lines: [string, SentenceCue?][]): SentenceTime[] {
	const clock = new NarrativeTime(language, published);
	return lines.map(([sentence, cue]) => clock.next(sentence, cue ?? {}));
}

const dates = (t: SentenceTime) => t.readings.map((r) => r.date);

describe('NarrativeTime: a sentence without a date', () => {
	it('takes the date of an earlier sentence of its paragraph, at its precision and with its words', () => {
		const [, en] = read('en', null, [['On 4 March 2021, police raided the newspaper office.', P], ['Officers detained the editor.']]);
		expect(en!.inherited).toMatchObject({ date: '2021-03-04', precision: 'day', text: 'On 4 March 2021', start: -1, end: -1 });
		const [, ar] = read('ar', null, [['في 4 آذار 2021 داهمت الشرطة مكتب الصحيفة.', P], ['واعتقل الضباط رئيس التحرير.']]);
		expect(ar!.inherited).toMatchObject({ date: '2021-03-04', precision: 'day', text: 'في 4 آذار 2021' });
	});

	it('continues its paragraph in a dated news item too, rather than falling back to the publication week', () => {
		const [, t] = read('en', '2021-03-10', [['On Monday, police raided the newspaper office.', P], ['Officers detained the editor.']]);
		expect(t!.inherited).toMatchObject({ date: '2021-03-08', precision: 'day', text: 'On Monday' });
		const [, ar] = read('ar', '2021-03-10', [['داهمت الشرطة مكتب الصحيفة يوم الاثنين.', P], ['واعتقل الضباط رئيس التحرير.']]);
		expect(ar!.inherited).toMatchObject({ date: '2021-03-08', precision: 'day' });
	});

	it('under a dated heading takes the heading\u2019s date, a day heading taking its year from the month heading above it', () => {
		const en = read('en', null, [['June 2019', H], ['12 June', H], ['Protesters blocked the main road.', P], ['On 14 June, police cleared the camp.', P]]);
		expect(en[2]!.inherited).toMatchObject({ date: '2019-06-12', precision: 'day', text: '12 June' });
		expect(dates(en[3]!)).toEqual(['2019-06-14']);
		const ar = read('ar', null, [['حزيران 2019', H], ['أغلق المحتجون الطريق الرئيسي.', P], ['في 14 حزيران فضت الشرطة الاعتصام.', P]]);
		expect(ar[1]!.inherited).toMatchObject({ date: '2019-06-15', date_start: '2019-06-01', date_end: '2019-06-30', precision: 'month', text: 'حزيران 2019' });
		expect(dates(ar[2]!)).toEqual(['2019-06-14']);
	});

	it('opening a new paragraph of an undated text, takes the previous paragraph\u2019s date widened to its month', () => {
		const [, en] = read('en', null, [['On 4 March 2021, police raided the office.', P], ['Journalists protested outside the court.', P]]);
		expect(en!.inherited).toMatchObject({ precision: 'month', date_start: '2021-03-01', date_end: '2021-03-31', text: 'On 4 March 2021' });
		const [, ar] = read('ar', null, [['في 4 آذار 2021 داهمت الشرطة المكتب.', P], ['واحتج الصحفيون أمام المحكمة.', P]]);
		expect(ar!.inherited).toMatchObject({ precision: 'month', date_start: '2021-03-01', date_end: '2021-03-31' });
	});

	it('opening a new paragraph of a dated news item, falls back to the publication week with no words', () => {
		const [, t] = read('en', '2021-03-10', [['On Monday, police raided the office.', P], ['Journalists protested outside the court.', P]]);
		expect(t!.inherited).toMatchObject({ precision: 'week', date_start: '2021-03-04', date_end: '2021-03-10', text: null });
	});

	it('keeps a finer date of the narrative over a bare year, which is most often background', () => {
		const en = read('en', null, [['On 8 May 2022, a blast damaged the dam.', P], ['The dam was built in 1998 to supply the region.'], ['Engineers inspected it.']]);
		expect(dates(en[1]!)).toEqual(['1998-07-01']);
		expect(en[2]!.inherited).toMatchObject({ date: '2022-05-08', precision: 'day' });
		const ar = read('ar', null, [['في 8 أيار 2022 ألحق انفجار أضرارا بالسد.', P], ['وقد بني السد عام 1998 لتزويد المنطقة بالمياه.'], ['وتفقده المهندسون.']]);
		expect(ar[2]!.inherited).toMatchObject({ date: '2022-05-08', precision: 'day' });
	});
});

describe('NarrativeTime: a date written without a year', () => {
	it('takes the year of the same day stated earlier with one, over the latest year the article mentions', () => {
		const en = read('en', null, [['A drone hit the depot on 15 May 2022.', P], ['An inquiry opened in September 2023.', P], ['Investigators said the drone launched on 15 May came from the south.', P]]);
		expect(dates(en[2]!)).toEqual(['2022-05-15']);
		const ar = read('ar', null, [['أصابت مسيرة المستودع في 15 أيار 2022.', P], ['وفتح تحقيق في أيلول 2023.', P], ['وقال المحققون إن المسيرة أطلقت في 15 أيار من الجنوب.', P]]);
		expect(dates(ar[2]!)).toEqual(['2022-05-15']);
	});

	it('in an undated text takes the year of its paragraph before its section\u2019s', () => {
		const [, , t] = read('en', null, [['2019', H], ['The second raid came in May 2020.', P], ['A third followed on 2 June.']]);
		expect(dates(t!)).toEqual(['2020-06-02']);
		const [, , ar] = read('ar', null, [['2019', H], ['جاءت الغارة الثانية في أيار 2020.', P], ['وتبعتها ثالثة في 2 حزيران.']]);
		expect(dates(ar!)).toEqual(['2020-06-02']);
	});

	it('in a dated news item takes the year from publication rather than from a background year of its paragraph', () => {
		const [, t] = read('en', '2024-03-01', [['The first raid, in January 2022, was repelled.', P], ['A new one came on 2 February.']]);
		expect(dates(t!)).toEqual(['2024-02-02']);
	});
});

describe('NarrativeTime: days counted from the story', () => {
	it('counts "the next day" opening a new paragraph from the day told before it', () => {
		const [, en] = read('en', '2022-05-20', [['On 10 May, troops entered the town.', P], ['The next day, they withdrew.', P]]);
		expect(en!.readings).toMatchObject([{ date: '2022-05-11', precision: 'day', text: 'The next day' }]);
		const [, ar] = read('ar', '2022-05-20', [['في 10 أيار دخلت القوات البلدة.', P], ['وفي اليوم التالي انسحبت منها.', P]]);
		expect(ar!.readings).toMatchObject([{ date: '2022-05-11', precision: 'day', text: 'في اليوم التالي' }]);
	});
});

describe('NarrativeTime: datelines and bylines', () => {
	it('takes a dateline as the publication day of an article that has none', () => {
		const en = read('en', null, [['Tuesday, 9 March 2021', H], ['On Monday, police raided the office.', P], ['Journalists protested outside the court.', P]]);
		expect(dates(en[1]!)).toEqual(['2021-03-08']);
		expect(en[2]!.inherited).toMatchObject({ precision: 'week', date_end: '2021-03-09', text: 'Tuesday, 9 March 2021' });
		const ar = read('ar', null, [['الثلاثاء 9 آذار 2021', H], ['داهمت الشرطة المكتب يوم الاثنين.', P]]);
		expect(dates(ar[1]!)).toEqual(['2021-03-08']);
	});

	it('does not date the story by a byline that states the publication day', () => {
		const [, , t] = read('en', '2020-08-15', [['Weapons and Security', P], ['By Our Minsk Service August 15, 2020', H], ['Police detained dozens of protesters.', P]]);
		expect(t!.inherited).toMatchObject({ precision: 'week', date_end: '2020-08-15', text: null });
		const [, a] = read('ar', '2020-08-15', [['بقلم مراسلنا في مينسك 15 آب 2020', H], ['اعتقلت الشرطة عشرات المحتجين.', P]]);
		expect(a!.inherited).toMatchObject({ precision: 'week', date_end: '2020-08-15', text: null });
	});
});
