import { describe, expect, it } from 'vitest';
import { inheritedDate, readDates, weekdayOnOrBefore, widenDateText } from '../../src/lib/server/pipeline/dates';

function best(sentence: string, language: string, published: string | null) {
	const all = readDates(sentence, language, published);
	const top = [...all].sort((a, b) => b.rank - a.rank)[0];
	return top ? widenDateText(sentence, top, all) : null;
}

describe('readDates (English)', () => {
	it('puts a bare weekday on or before the publication day, never after it', () => {
		// 2020-09-14 is a Monday: "Monday" is that day, "Sunday" the day before, "Thursday" the previous week's.
		expect(best('They met on Monday.', 'en', '2020-09-14')?.date).toBe('2020-09-14');
		expect(best('Rallies on Sunday.', 'en', '2020-09-14')?.date).toBe('2020-09-13');
		expect(best('Berlin said Thursday it would act.', 'en', '2020-09-14')?.date).toBe('2020-09-10');
		for (let wd = 0; wd < 7; wd++) expect(weekdayOnOrBefore('2021-11-12', wd) <= '2021-11-12').toBe(true);
	});

	it('prefers the explicit date in "Sunday (23 July)" and keeps both in date_text', () => {
		const r = best('Putin met Lukashenko on Sunday (23 July).', 'en', '2023-07-24')!;
		expect(r).toMatchObject({ date: '2023-07-23', precision: 'day', date_start: '2023-07-23', date_end: '2023-07-23' });
		expect(r.text).toBe("on Sunday (23 July)");
	});

	it('reads "yesterday" and "August 9" against the publication date', () => {
		expect(best('Maas accused Lukashenko yesterday.', 'en', '2021-11-12')?.date).toBe('2021-11-11');
		expect(best('The vote was held on August 9.', 'en', '2020-08-15')?.date).toBe('2020-08-09');
		// A month-day that would lie far after publication belongs to the year before.
		expect(best('Talks on December 30.', 'en', '2021-01-02')?.date).toBe('2020-12-30');
	});

	it('gives a month the 15th and the whole month as its interval (ACLED)', () => {
		expect(best('The invasion began in February 2022.', 'en', '2023-07-24')).toMatchObject({ precision: 'month', date: '2022-02-15', date_start: '2022-02-01', date_end: '2022-02-28' });
		expect(best('In June he allowed it.', 'en', '2023-07-24')).toMatchObject({ precision: 'month', date: '2023-06-15', date_start: '2023-06-01', date_end: '2023-06-30' });
		// A month later in the year than publication is last year's.
		expect(best('In November they met.', 'en', '2023-07-24')?.date).toBe('2022-11-15');
	});

	it('reads week expressions as 7-day intervals ending at or before publication, dated mid-week', () => {
		expect(best('Poland moved units earlier this week.', 'en', '2023-07-24')).toMatchObject({ precision: 'week', date_start: '2023-07-18', date_end: '2023-07-24', date: '2023-07-21' });
		expect(best('He gave an interview last week.', 'en', '2020-09-14')).toMatchObject({ precision: 'week', date_start: '2020-09-01', date_end: '2020-09-07', date: '2020-09-04' });
		expect(best('A few days ago, migrants tried to cross.', 'en', '2021-11-12')).toMatchObject({ precision: 'week', date_end: '2021-11-11' });
	});

	it('never lets an interval run past publication ("earlier this month")', () => {
		expect(best('Protests began earlier this month.', 'en', '2021-11-10')).toMatchObject({ precision: 'month', date_start: '2021-11-01', date_end: '2021-11-10', date: '2021-11-05' });
		expect(best('Protests began earlier this month.', 'en', '2021-11-20')).toMatchObject({ date_end: '2021-11-20', date: '2021-11-15' });
	});

	it('gives a year mid-year and the whole year, and ignores background years', () => {
		expect(best('In 2020, protesters took to the streets.', 'en', '2022-02-28')).toMatchObject({ precision: 'year', date: '2020-07-01', date_start: '2020-01-01', date_end: '2020-12-31' });
		expect(readDates('He has been in power since 1994.', 'en', '2022-02-28')).toEqual([]);
		expect(readDates('following the disputed August 9 elections', 'en', '2020-09-14')).toEqual([]);
	});

	it('drops plans after publication and anything relative when there is no publication date', () => {
		expect(readDates('The EU will act early next week.', 'en', '2021-11-12')).toEqual([]);
		expect(readDates('Belarus will hold drills next month.', 'en', '2023-03-10')).toEqual([]);
		expect(readDates('They met on Monday, yesterday, in June, last week.', 'en', null)).toEqual([]);
		expect(best('The invasion began in February 2022.', 'en', null)?.date).toBe('2022-02-15');
	});

	it('inherits the publication week when no date is stated, and nothing without one', () => {
		expect(inheritedDate('2020-09-14')).toMatchObject({ precision: 'week', date_start: '2020-09-08', date_end: '2020-09-14', date: '2020-09-11', text: null });
		expect(inheritedDate(null)).toMatchObject({ precision: 'unknown', date: null, date_start: null, date_end: null });
	});
});

describe('readDates (Arabic)', () => {
	it('reads "يوم الأحد (23 يوليو)" as 23 July of the publication year', () => {
		const r = best('التقى الكرملين يوم الأحد (23 يوليو) ، على حد قول الكرملين', 'ar', '2023-07-24')!;
		expect(r).toMatchObject({ date: '2023-07-23', precision: 'day' });
		expect(r.text).toBe('يوم الأحد (23 يوليو)');
	});

	it('puts a bare "الخميس" on the Thursday before publication', () => {
		expect(best('وقالت وزارة الدفاع البيلاروسية ، الخميس ، إن', 'ar', '2023-07-24')?.date).toBe('2023-07-20');
	});

	it('reads "في فبراير 2022" and "في يونيو" as months', () => {
		expect(best('لشن غزوها الشامل لأوكرانيا في فبراير 2022', 'ar', '2023-07-24')).toMatchObject({ precision: 'month', date: '2022-02-15' });
		expect(best('وفي يونيو سمح لوكاشينكو', 'ar', '2023-07-24')).toMatchObject({ precision: 'month', date: '2023-06-15' });
	});

	it('reads "في وقت سابق من هذا الأسبوع" as the week up to publication and "أمس" as the day before', () => {
		expect(best('قررت بولندا في وقت سابق من هذا الأسبوع نقل', 'ar', '2023-07-24')).toMatchObject({ precision: 'week', date_end: '2023-07-24' });
		expect(best('قال أمس إن', 'ar', '2023-07-24')?.date).toBe('2023-07-23');
	});

	it('leaves Arabic weekdays unknown without a publication date', () => {
		expect(readDates('التقى الرئيسان يوم الأحد', 'ar', null)).toEqual([]);
	});
});
