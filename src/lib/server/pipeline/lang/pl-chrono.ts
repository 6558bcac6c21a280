// Polish dates for chrono-node, which ships no Polish locale: day-month(-year) in the genitive ("15 marca 2022 r."),
// months in any case ("w marcu", "marzec 2022"), weekdays ("we wtorek", "w nocy z wtorku na środę"), and the
// relative words (wczoraj, przedwczoraj, dziś, "trzy dni temu", "w zeszłym tygodniu"). chrono's parsing, refiners
// and resolution are kept; only these parsers are Polish.
import * as chrono from 'chrono-node';

/** Month stems: every case form of a Polish month name starts with one (marca, marcu, marzec → marc/marz). */
const MONTHS: [RegExp, number][] = [
	[/^stycz|^styc/u, 1], [/^lut/u, 2], [/^marc|^marz/u, 3], [/^kwie/u, 4], [/^maj/u, 5], [/^czerw/u, 6], [/^lip/u, 7],
	[/^sierp/u, 8], [/^wrze/u, 9], [/^październ|^pazdziern/u, 10], [/^listopad/u, 11], [/^grud/u, 12]
];
const MONTH_WORD =
	'(?:stycznia|styczniu|styczeń|lutego|lutym|luty|marca|marcu|marzec|kwietnia|kwietniu|kwiecień|maja|maju|maj|czerwca|czerwcu|czerwiec|lipca|lipcu|lipiec|sierpnia|sierpniu|sierpień|września|wrześniu|wrzesień|października|październiku|październik|listopada|listopadzie|listopad|grudnia|grudniu|grudzień)';
/** Weekday stems → chrono's numbering (Sunday 0): niedziela/niedzielę/niedzieli, wtorek/wtorku, środa/środę … */
const WEEKDAYS: [RegExp, number][] = [
	[/^niedziel/u, 0], [/^poniedział/u, 1], [/^wtor/u, 2], [/^środ/u, 3], [/^czwart/u, 4], [/^piąt/u, 5], [/^sobot/u, 6]
];
const WEEKDAY_WORD = '(?:niedziel[aęi]|poniedziałek|poniedziałku|wtorek|wtorku|środ[aęy]|czwartek|czwartku|piątek|piątku|sobot[aęy])';
const NUMBERS: Record<string, number> = { dwa: 2, dwóch: 2, dwoje: 2, trzy: 3, trzech: 3, cztery: 4, czterech: 4, pięć: 5, sześć: 6, siedem: 7, osiem: 8, dziewięć: 9, dziesięć: 10 };
/** Not after a letter: JavaScript's \b knows only ASCII letters. */
const L = '(?<![\\p{L}\\d])';
const R = '(?![\\p{L}])';

const monthOf = (word: string): number => MONTHS.find(([re]) => re.test(word.toLowerCase()))![1];
const weekdayOf = (word: string): number => WEEKDAYS.find(([re]) => re.test(word.toLowerCase()))![1];

function dayOf(context: chrono.ParsingContext, days: number, tag: string): chrono.ParsingComponents {
	const ref = context.reference.instant;
	const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() + days, 12));
	return context.createParsingComponents({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }).addTag(tag);
}

const parsers: chrono.Parser[] = [
	{
		// "15 marca 2022 r.", "8 listopada", "15.03.2022" (the numeric form chrono's en reads as well, day first).
		pattern: () => new RegExp(`${L}(\\d{1,2})\\s+${MONTH_WORD}${R}(?:\\s+((?:1[89]|20)\\d\\d)(?:\\s*r(?:oku|\\.)?)?)?`, 'iu'),
		extract: (context, m) => {
			const month = monthOf(m[0].replace(/^\d+\s+/, ''));
			const c = context.createParsingComponents({ day: +m[1]!, month });
			if (m[2]) c.assign('year', +m[2]);
			else c.imply('year', context.reference.instant.getUTCFullYear());
			return c;
		}
	},
	{
		// "w marcu", "marzec 2022", "w listopadzie 2021 roku": a month.
		pattern: () => new RegExp(`${L}(?:(?:w|we)\\s+)?${MONTH_WORD}${R}(?:\\s+((?:1[89]|20)\\d\\d)(?:\\s*r(?:oku|\\.)?)?)?`, 'iu'),
		extract: (context, m) => {
			const word = m[0].replace(/^(?:w|we)\s+/iu, '');
			const c = context.createParsingComponents({ month: monthOf(word) });
			c.imply('day', 1);
			if (m[1]) c.assign('year', +m[1]);
			else c.imply('year', context.reference.instant.getUTCFullYear());
			return c;
		}
	},
	{
		// "we wtorek", "w poprzednią środę", "w nocy z wtorku na środę" (the night's date is the day it ends on).
		pattern: () => new RegExp(`${L}(?:(?:w|we)\\s+nocy\\s+z\\s+${WEEKDAY_WORD}\\s+na\\s+|(?:w|we)\\s+(?:(zeszł\\p{L}*|ubiegł\\p{L}*|poprzedni\\p{L}*|ostatni\\p{L}*)\\s+)?)(${WEEKDAY_WORD})${R}`, 'iu'),
		extract: (context, m) => {
			const ref = context.reference.instant;
			const wd = weekdayOf(m[2]!);
			let back = (ref.getUTCDay() - wd + 7) % 7;
			if (m[1] && back === 0) back = 7;
			const c = dayOf(context, -back, 'parser/PLWeekdayParser');
			c.delete(['day', 'month', 'year']);
			const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() - back, 12));
			c.imply('day', d.getUTCDate());
			c.imply('month', d.getUTCMonth() + 1);
			c.imply('year', d.getUTCFullYear());
			c.assign('weekday', wd);
			return c;
		}
	},
	{
		pattern: () => new RegExp(`${L}(przedwczoraj|wczoraj|dzisiaj|dziś)${R}`, 'iu'),
		extract: (context, m) => {
			const w = m[1]!.toLowerCase();
			return w === 'przedwczoraj' ? dayOf(context, -2, 'casualReference/yesterday') : w === 'wczoraj' ? dayOf(context, -1, 'casualReference/yesterday') : dayOf(context, 0, 'casualReference/today');
		}
	},
	{
		// "trzy dni temu", "2 dni temu", "tydzień temu", "dwa tygodnie temu".
		pattern: () => new RegExp(`${L}(\\d{1,2}|${Object.keys(NUMBERS).join('|')})?\\s*(dni|dzień|tydzień|tygodnie|tygodni)\\s+temu${R}`, 'iu'),
		extract: (context, m) => {
			const n = m[1] ? (NUMBERS[m[1].toLowerCase()] ?? +m[1]) : 1;
			const days = /^ty/iu.test(m[2]!) ? 7 * n : n;
			return dayOf(context, -days, 'result/relativeDate');
		}
	},
	{
		// "w zeszłym tygodniu", "w ubiegłym miesiącu", "w zeszłym roku": chrono's own last-week/month/year readings.
		pattern: () => new RegExp(`${L}w\\s+(?:zeszłym|ubiegłym|poprzednim)\\s+(tygodniu|miesiącu|roku)${R}`, 'iu'),
		extract: (context, m) => {
			const ref = context.reference.instant;
			const unit = m[1]!.toLowerCase();
			if (unit === 'tygodniu') return dayOf(context, -7, 'result/relativeDate');
			if (unit === 'miesiącu') {
				const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - 1, 1, 12));
				const c = context.createParsingComponents({ month: d.getUTCMonth() + 1, year: d.getUTCFullYear() });
				c.imply('day', 1);
				return c.addTag('result/relativeDate');
			}
			const c = context.createParsingComponents({ year: ref.getUTCFullYear() - 1 });
			c.imply('month', 7);
			c.imply('day', 1);
			return c.addTag('result/relativeDate');
		}
	}
];

/** The Polish parser: chrono's English refiners (merging, overlap removal) over Polish parsers. */
export const plChrono = new chrono.Chrono({ parsers, refiners: chrono.en.casual.refiners });
