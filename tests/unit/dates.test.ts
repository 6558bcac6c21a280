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

/** Each reading's date and words, checking that its offsets point at those words in the sentence. */
function days(sentence: string, language: string, published: string | null, context = {}) {
	return readDates(sentence, language, published, context).map((r) => {
		expect(sentence.slice(r.start, r.end)).toBe(r.text);
		return [r.date, r.precision, r.text];
	});
}

describe('readDates: a day or month written without a year', () => {
	it('takes the year the narrative gives when there is no publication date', () => {
		expect(days('Police detained 40 people on 3 March.', 'en', null, { yearOf: () => 2021 })).toEqual([['2021-03-03', 'day', 'on 3 March']]);
		expect(days('اعتقلت الشرطة 40 شخصا في 3 آذار', 'ar', null, { yearOf: () => 2021 })).toEqual([['2021-03-03', 'day', 'في 3 آذار']]);
		expect(days('Riot police moved in during July.', 'en', null, { yearOf: () => 2020 })).toEqual([['2020-07-15', 'month', 'July']]);
	});

	it('falls back to the latest year the article stated, and drops the date when there is none', () => {
		expect(days('The convoy left on 9 October.', 'en', null, { lastYear: 2019 })).toEqual([['2019-10-09', 'day', 'on 9 October']]);
		expect(days('غادرت القافلة في 9 تشرين الأول', 'ar', null, { lastYear: 2019 })[0]?.slice(0, 2)).toEqual(['2019-10-09', 'day']);
		expect(readDates('The convoy left on 9 October.', 'en', null)).toEqual([]);
	});
});

describe('readDates: lists and ranges', () => {
	it('reads every day of a list whose days share months, each with its own offsets, the year written once applying to all', () => {
		expect(days('Strikes hit the depot on 5 and 19 August, 2 September and 11 October 2023.', 'en', null)).toEqual([
			['2023-08-05', 'day', '5 and 19 August'],
			['2023-08-19', 'day', '19 August'],
			['2023-09-02', 'day', '2 September'],
			['2023-10-11', 'day', '11 October 2023']
		]);
		expect(days('قصفت الطائرات المستودع في 5 و19 آب و2 أيلول 2023', 'ar', null)).toEqual([
			['2023-08-05', 'day', '5 و19 آب'],
			['2023-08-19', 'day', '19 آب'],
			['2023-09-02', 'day', '2 أيلول 2023']
		]);
		expect(days('Protests were held on March 4 and 11, 2021.', 'en', null).map((d) => d[0])).toEqual(['2021-03-04', '2021-03-11']);
	});

	it('takes a list year-less days\u2019 year from the narrative', () => {
		expect(days('Earlier raids had taken place on 7 and 21 March and 4 April.', 'en', null, { yearOf: () => 2020 }).map((d) => d[0])).toEqual(['2020-03-07', '2020-03-21', '2020-04-04']);
		expect(days('وقعت غارات سابقة في 7 و21 آذار/مارس و4 نيسان/أبريل', 'ar', null, { yearOf: () => 2020 }).map((d) => d[0])).toEqual(['2020-03-07', '2020-03-21', '2020-04-04']);
	});

	it('does not take a count after a list for a day', () => {
		expect(days('On April 2 and 24 people were hurt.', 'en', '2022-05-01').map((d) => d[0])).toEqual(['2022-04-02']);
	});

	it('reads both ends of a range, the year written at its end applying to its start', () => {
		expect(days('The siege lasted from 3 May to 20 June 2019.', 'en', null)).toEqual([
			['2019-05-03', 'day', '3 May'],
			['2019-06-20', 'day', '20 June 2019']
		]);
		expect(days('استمر الحصار من 3 أيار إلى 20 حزيران 2019', 'ar', null)).toEqual([
			['2019-05-03', 'day', '3 أيار'],
			['2019-06-20', 'day', '20 حزيران 2019']
		]);
		expect(days('The rally on 9–11 August 2020 drew thousands.', 'en', null).map((d) => d[0])).toEqual(['2020-08-09', '2020-08-11']);
	});
});

describe('readDates: day words and double month names', () => {
	it('reads an Arabic ordinal day with both the Levantine and the Egyptian month name and the year after them', () => {
		const [r] = readDates('في السابع عشر من تشرين الثاني/نوفمبر 2021 أغلقت السلطات المعبر', 'ar', null);
		expect(r).toMatchObject({ date: '2021-11-17', precision: 'day', text: 'في السابع عشر من تشرين الثاني/نوفمبر 2021' });
		expect(days('قصفت الطائرات الجسر في الثالث والعشرين من أيار/مايو 2021', 'ar', null).map((d) => d[0])).toEqual(['2021-05-23']);
		expect(days('في 24 شباط/فبراير عبرت القوات الحدود', 'ar', null, { yearOf: () => 2022 })).toEqual([['2022-02-24', 'day', 'في 24 شباط/فبراير']]);
	});

	it('reads the day behind "the night of" and "the morning of"', () => {
		expect(days('Drones struck the refinery on the night of 12 June 2020.', 'en', null).map((d) => d[0])).toEqual(['2020-06-12']);
		expect(days('Fires were still burning on the morning of 13 June.', 'en', null, { yearOf: () => 2020 }).map((d) => d[0])).toEqual(['2020-06-13']);
	});
});

describe('readDates: days counted from the narrative', () => {
	const context = { day: '2022-05-10' };

	it('counts "two days later", "that night", "the following morning" and "the day before" from the narrative\u2019s day', () => {
		expect(days('Two days later, troops withdrew from the town.', 'en', '2022-05-20', context)).toEqual([['2022-05-12', 'day', 'Two days later']]);
		expect(days('Shelling resumed that night and again the following morning.', 'en', null, context)).toEqual([
			['2022-05-10', 'day', 'that night'],
			['2022-05-11', 'day', 'the following morning']
		]);
		expect(days('Earlier that day, the governor had left.', 'en', null, context)).toEqual([['2022-05-10', 'day', 'Earlier that day']]);
		expect(days('The day before, the bridge had been closed.', 'en', null, context)).toEqual([['2022-05-09', 'day', 'The day before']]);
	});

	it('counts "اليوم التالي", "بعد ذلك بيومين", "الليلة نفسها" and "اليوم السابق" from the narrative\u2019s day', () => {
		expect(days('وفي اليوم التالي انسحبت القوات من البلدة', 'ar', '2022-05-20', context)).toEqual([['2022-05-11', 'day', 'في اليوم التالي']]);
		expect(days('وبعد ذلك بيومين أعلن الجيش السيطرة على البلدة', 'ar', '2022-05-20', context)).toEqual([['2022-05-12', 'day', 'بعد ذلك بيومين']]);
		expect(days('وفي الليلة نفسها قصفت الطائرات المطار', 'ar', null, context)).toEqual([['2022-05-10', 'day', 'في الليلة نفسها']]);
		expect(days('وفي اليوم السابق أغلقت السلطات الجسر', 'ar', null, context)).toEqual([['2022-05-09', 'day', 'في اليوم السابق']]);
	});

	it('counts from a day stated earlier in the same sentence', () => {
		expect(days('Troops entered the town on 10 May 2022 and left it two days later.', 'en', null).map((d) => d[0])).toEqual(['2022-05-10', '2022-05-12']);
		expect(days('دخلت القوات البلدة في 10 أيار 2022 وفي اليوم التالي انسحبت منها', 'ar', null).map((d) => d[0])).toEqual(['2022-05-10', '2022-05-11']);
	});

	it('never lands after publication, and reads nothing without a narrative day', () => {
		expect(readDates('Three days later, troops withdrew.', 'en', '2022-05-20', { day: '2022-05-19' })).toEqual([]);
		expect(readDates('وفي اليوم التالي انسحبت القوات', 'ar', '2022-05-20', { day: '2022-05-20' })).toEqual([]);
		expect(readDates('وفي اليوم التالي انسحبت القوات', 'ar', '2022-05-20')).toEqual([]);
		expect(readDates('The next day, troops withdrew.', 'en', '2022-05-20')).toEqual([]);
	});
});

describe('readDates: relative dates against publication', () => {
	const published = '2021-11-12'; // a Friday

	it('puts "two weeks ago" and "قبل أسبوعين" on the week around the day counted back, not the week of publication', () => {
		expect(best('Police raided the office two weeks ago.', 'en', published)).toMatchObject({ precision: 'week', date_start: '2021-10-26', date_end: '2021-11-01', date: '2021-10-29' });
		expect(best('داهمت الشرطة المكتب قبل أسبوعين', 'ar', published)).toMatchObject({ precision: 'week', date_start: '2021-10-26', date_end: '2021-11-01' });
	});

	it('reads "last year" and "العام الماضي" as the year before publication, "earlier this year" up to publication', () => {
		expect(best('He was jailed last year.', 'en', published)).toMatchObject({ precision: 'year', date_start: '2020-01-01', date_end: '2020-12-31' });
		expect(best('سجن المعارض العام الماضي', 'ar', published)).toMatchObject({ precision: 'year', date_start: '2020-01-01', date_end: '2020-12-31' });
		expect(best('Earlier this year, the talks collapsed.', 'en', published)).toMatchObject({ precision: 'year', date_start: '2021-01-01', date_end: '2021-11-12' });
	});

	it('reads no date in a duration ("for three weeks", "لمدة أسبوعين")', () => {
		expect(readDates('Protests have gripped the city for three weeks.', 'en', published)).toEqual([]);
		expect(readDates('استمرت الاحتجاجات في المدينة لمدة أسبوعين', 'ar', published)).toEqual([]);
	});

	it('reads a part of a day before a weekday ("مساء الاثنين") as that weekday, and "this morning" as the publication day', () => {
		expect(best('وصلت القوات إلى الحدود مساء الاثنين', 'ar', published)).toMatchObject({ precision: 'day', date: '2021-11-08' });
		expect(best('This morning, shelling resumed.', 'en', published)).toMatchObject({ precision: 'day', date: '2021-11-12', text: 'This morning' });
		expect(best('قصفت الطائرات المدينة هذا الصباح', 'ar', published)).toMatchObject({ precision: 'day', date: '2021-11-12' });
	});
});

describe('readDates: "since" a day is when what the sentence reports began; "since" a year is background', () => {
	const days = (s: string, language: string) => readDates(s, language, '2023-11-24').map((r) => [r.date, r.precision]);
	it.each([
		['en', 'Since 6 November truckers have blocked the road to the crossing.'],
		['ar', 'منذ 6 نوفمبر يغلق المزارعون الطريق إلى المعبر.'],
		['pl', 'Od 6 listopada przewoźnicy blokują dojazd do przejścia.'],
		['ru', 'С 6 ноября перевозчики блокируют дорогу к пункту пропуска.'],
		['uk', 'З 6 листопада перевізники блокують дорогу до пункту пропуску.']
	])('%s: "%s" is dated 6 November', (language, sentence) => {
		expect(days(sentence, language)).toEqual([['2023-11-06', 'day']]);
	});
	it.each([
		['en', 'Since 2014, Russia has occupied Crimea.'],
		['pl', 'Od 2014 roku Rosja okupuje Krym.'],
		['ru', 'С 2014 года Россия оккупирует Крым.'],
		['en', 'Until 6 November the crossing stayed open.']
	])('%s: "%s" has no date of its own', (language, sentence) => {
		expect(days(sentence, language)).toEqual([]);
	});
});
