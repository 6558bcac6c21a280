// Reads the dates a sentence states (chrono-node, English and Arabic, plus the lists, ranges and narrative-relative
// phrases chrono misreads) and resolves them against the publication day and the narrative the sentence is read in.
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../../domain/event';
import { addDays, fromDay, toDay } from '../../domain/time';
import { profileFor } from './lang';

export interface DateReading {
	date: string | null;
	date_start: string | null;
	date_end: string | null;
	precision: DatePrecision;
	/** The words the date was read from (for an inherited date, those of the sentence or heading it came from); null when inherited from the publication date. */
	text: string | null;
	/** Offsets of `text` in the sentence (−1 when inherited). */
	start: number;
	end: number;
	/** How specific the reading is: 5 an explicit calendar day … 1 a year; 0 inherited. */
	rank: number;
}

/** What the narrative read so far tells about a sentence's dates (see `NarrativeTime`); every field optional. */
export interface DateContext {
	/** The narrative's current day: what "the next day", "that night", "اليوم التالي" count from. */
	day?: string | null;
	/** The year the narrative gives a date written without one (`day` null for a bare month), tried before publication. */
	yearOf?: (month: number, day: number | null) => number | null;
	/** The latest year the article has stated: the last resort, after publication, for a date without a year. */
	lastYear?: number | null;
}

export const UNKNOWN_DATE: DateReading = {
	date: null,
	date_start: null,
	date_end: null,
	precision: 'unknown',
	text: null,
	start: -1,
	end: -1,
	rank: 0
};

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function dayReading(day: string, text: string, start: number, rank: number): DateReading {
	return { date: day, date_start: day, date_end: day, precision: 'day', text, start, end: start + text.length, rank };
}

function weekReading(first: string, text: string, start: number): DateReading {
	return { date: addDays(first, 3), date_start: first, date_end: addDays(first, 6), precision: 'week', text, start, end: start + text.length, rank: 3 };
}

export function monthReading(y: number, m: number, text: string, start: number): DateReading {
	const last = daysInMonth(y, m);
	return { date: iso(y, m, 15), date_start: iso(y, m, 1), date_end: iso(y, m, last), precision: 'month', text, start, end: start + text.length, rank: 2 };
}

export function yearReading(y: number, text: string, start: number): DateReading {
	return { date: iso(y, 7, 1), date_start: iso(y, 1, 1), date_end: iso(y, 12, 31), precision: 'year', text, start, end: start + text.length, rank: 1 };
}

/**
 * When no date is stated, an event is dated by its article: the 7 days up to publication (precision `week`,
 * `date` = their middle, `date_text` null); without a publication date it is `unknown`.
 */
export function inheritedDate(published: string | null): DateReading {
	if (!published) return UNKNOWN_DATE;
	return { ...weekReading(addDays(published, -6), '', -1), text: null, start: -1, end: -1, rank: 0 };
}

const EXPLICIT_YEAR = /(?:^|[^\d])(1[89]\d\d|20\d\d|[١٢][٠-٩]{3})(?!\d)/;
const VAGUE_DAYS = /\b(few|several|couple of)\b|أيام|ايام/i;
const WEEK_WORD = /\bweeks?\b|أسبوع|اسبوع|أسابيع|اسابيع/i;
const LAST = /\b(last|past|previous)\b|الماضي|السابق/i;
const NEXT = /\b(next|coming)\b|المقبل|القادم|بعد/i;
// A date that modifies a noun ("the August 9 election", "the 2020 vote") is background, not the event's date.
const MODIFIED_NOUN = /^[\s'’s]*(presidential\s+|parliamentary\s+)?(election|elections|vote|poll|polls|ballot|invasion|war|revolution|uprising)\b/i;
const BACKGROUND_BEFORE = /\b(until|till|before)\s+(the\s+)?$|حتى\s*$/i;
// "since 6 November": the start of what the sentence reports (a blockade, a strike) — its date when that is a day.
const SINCE_BEFORE = /\bsince\s+(the\s+)?$|منذ\s*$/i;
// Words without which chrono finds nothing: a cheap test that spares parsing most sentences.
const MAY_HAVE_DATE =
	/\b\d{1,4}[/.-]\d{1,2}\b|\b(?:1[89]|20)\d\d\b|\d\s*(?:am|pm|a\.m|p\.m)|[٠-٩]|day|week|month|year|ago|yesterday|tomorrow|tonight|night|morning|noon|evening|afternoon|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|يوم|امس|أمس|غدا|أسبوع|اسبوع|شهر|عام|سنة|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين|ليلة|صباح|مساء|غداة/i;

// "for five weeks", "لمدة أسبوعين": how long, not when.
const DURATION = /^(?:for|within)\s|^(?:لمدة|طوال|على مدى)\s/i;
// "now" is not a date of its own.
const NOT_A_DATE = /^(now|right now|الآن|الان|حاليا|حالياً)$/i;
const BARE_YEAR = /(?:\b(?:in|during)\s+|(?:^|\s)(?:في|عام|خلال)\s+)(19\d\d|20\d\d)\b/gi;
// chrono marks what it read relative to the reference day ("yesterday", "two days ago", "أمس").
const RELATIVE_TAG = /^(?:casualReference\/|result\/relativeDate)/;

const EN_MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const EN_MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
// Egyptian (Gregorian loan words) and Levantine (Syriac) month names; articles often write both ("تشرين الأول/أكتوبر").
const AR_MONTH_NUMBER: Record<string, number> = {
	يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, ابريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7, أغسطس: 8, اغسطس: 8,
	سبتمبر: 9, أكتوبر: 10, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
	'كانون الثاني': 1, شباط: 2, آذار: 3, اذار: 3, نيسان: 4, أيار: 5, ايار: 5, حزيران: 6, تموز: 7, آب: 8, أيلول: 9, ايلول: 9,
	'تشرين الأول': 10, 'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12, 'كانون الاول': 12
};
const AR_MONTHS = Object.keys(AR_MONTH_NUMBER).sort((a, b) => b.length - a.length).join('|');
const NAMED_MONTH = new RegExp(`\\b(?:${EN_MONTHS})\\b|${AR_MONTHS}`, 'i');

function monthNumber(name: string): number {
	return AR_MONTH_NUMBER[name] ?? EN_MONTH_NUMBER[name.slice(0, 3).toLowerCase()]!;
}

const toWestern = (digits: string): number => +digits.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

// Lists and ranges of days, which chrono reads wrongly ("April, 12" out of "2 and 24 April, 12 May"; "from 3" as 3
// o'clock) or only in part: "2 and 24 April, 12 May and 18 June", "from 27 February to 31 March 2022", "9–11 August",
// "March 4 and 11, 2021", "من 3 أيار إلى 20 حزيران 2019", "في 2 و24 أبريل". A day without its month takes the next
// one named (little-endian) or the one before (middle-endian).
const YEAR = '(?:1[89]|20)\\d\\d\\b';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?(?![\\d:])';
const SEP = '(?:\\s*,\\s*(?:and\\s+)?|\\s+(?:and|&|or|to|until|till|through)\\s+|\\s*[-–—]\\s*)';
const EN_LITTLE_ITEM = `${DAY}(?:\\s+(?:of\\s+)?(?:${EN_MONTHS})\\b\\.?(?:,?\\s+${YEAR})?)?`;
const EN_LITTLE = new RegExp(`\\b${EN_LITTLE_ITEM}(?:${SEP}${EN_LITTLE_ITEM})+`, 'gi');
const EN_LITTLE_PART = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?(${EN_MONTHS})\\b\\.?(?:,?\\s+(${YEAR}))?)?`, 'gi');
const EN_MIDDLE_ITEM = `(?:(?:${EN_MONTHS})\\.?\\s+)?${DAY}`;
const EN_MIDDLE = new RegExp(`\\b(?:${EN_MONTHS})\\.?\\s+${DAY}(?:${SEP}${EN_MIDDLE_ITEM})+(?:,?\\s+${YEAR})?`, 'gi');
const EN_MIDDLE_PART = new RegExp(`(?:(${EN_MONTHS})\\.?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(${YEAR}))?`, 'gi');
const AR_DAY = '[\\d٠-٩]{1,2}(?![\\d٠-٩:])';
const AR_MONTH_PART = `(?:من\\s+)?(?:${AR_MONTHS})(?:\\s*[/(]\\s*(?:${AR_MONTHS})\\s*\\)?)?(?:\\s*[،,]?\\s*(?:عام|سنة)?\\s*[\\d٠-٩]{4}(?![\\d٠-٩]))?`;
const AR_ITEM = `${AR_DAY}(?:\\s*${AR_MONTH_PART})?`;
const AR_SEP = '(?:\\s*[،,]\\s*(?:و\\s*)?|\\s*و\\s*|\\s+(?:إلى|الى|حتى|وحتى|لغاية)\\s+|\\s*[-–—]\\s*)';
const AR_SEQUENCE = new RegExp(`(?<![\\d٠-٩])${AR_ITEM}(?:${AR_SEP}${AR_ITEM})+`, 'g');
const AR_PART_RE = new RegExp(`([\\d٠-٩]{1,2})(?![\\d٠-٩])(?:\\s*(?:من\\s+)?(${AR_MONTHS})(?:\\s*[/(]\\s*(?:${AR_MONTHS})\\s*\\)?)?(?:\\s*[،,]?\\s*(?:عام|سنة)?\\s*([\\d٠-٩]{4})(?![\\d٠-٩]))?)?`, 'g');
// After "April 2 and 24" a lower-case word other than these makes the last number a count ("April 2 and 24 people").
const AFTER_LIST = /^(?:\s*(?:$|[^\sa-z]|(?:in|at|on|and|when|while|as|after|before|during|the|respectively)\b))/;

// Dates counted from the narrative's current day, not from publication: [pattern, days after it].
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const AR_NUMBER_WORDS: Record<string, number> = { يوم: 1, يومين: 2, ثلاثة: 3, أربعة: 4, اربعة: 4, خمسة: 5, ستة: 6, سبعة: 7, ثمانية: 8, تسعة: 9, عشرة: 10 };
const PART = '(?:day|night|morning|evening|afternoon)';
const AR_PART = '(?:اليوم|الليلة|الصباح|المساء|يوم)';
const END_OF_CLAUSE = '(?=\\s*(?:[,.;:)]|$))';
const ANAPHORA: readonly { re: RegExp; days: (m: RegExpExecArray) => number }[] = [
	{ re: new RegExp(`\\b(?:(?:later|earlier)\\s+(?:on\\s+)?)?(?:(?:on|during|in|by)\\s+)?(?:that|the\\s+same)\\s+(?:same\\s+)?${PART}\\b(?!\\s+(?:before|after)\\b)`, 'gi'), days: () => 0 },
	{ re: new RegExp(`\\b(?:(?:on|during|in|by)\\s+)?the\\s+(?:next|following)\\s+${PART}\\b|\\b(?:a|one)\\s+day\\s+later\\b|\\bthe\\s+(?:day|night)\\s+after${END_OF_CLAUSE}`, 'gi'), days: () => 1 },
	{ re: new RegExp(`\\b(?:(?:on|during|in|by)\\s+)?the\\s+(?:previous|preceding)\\s+${PART}\\b|\\b(?:a|one)\\s+day\\s+(?:earlier|before)${END_OF_CLAUSE}|\\bthe\\s+(?:day|night)\\s+before${END_OF_CLAUSE}`, 'gi'), days: () => -1 },
	{ re: /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days\s+(later|afterwards|after|earlier|before)(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|when|the)\b)/gi, days: (m) => (NUMBER_WORDS[m[1]!.toLowerCase()] ?? +m[1]!) * (/later|after/i.test(m[2]!) ? 1 : -1) },
	{ re: /\b(a|one|two|three)\s+weeks?\s+later\b/gi, days: (m) => 7 * NUMBER_WORDS[m[1]!.toLowerCase()]! },
	{ re: new RegExp(`(?:في\\s+)?(?:وقت\\s+(?:لاحق|سابق)\\s+من\\s+)?(?:(?:ذلك|ذات|نفس)\\s+${AR_PART}|(?:اليوم|الليلة)\\s+(?:نفسها|نفسه|ذاتها|ذاته)|تلك\\s+الليلة)`, 'g'), days: () => 0 },
	{ re: new RegExp(`(?:في\\s+)?(?:(?:صباح|مساء|ليلة|فجر)\\s+)?${AR_PART}\\s+(?:التالية|التالي|الموالية|الموالي|اللاحقة|اللاحق)|(?:في\\s+)?اليوم\\s+الذي\\s+(?:تلاه|يليه)|غداة\\s+ذلك|في\\s+الغداة`, 'g'), days: () => 1 },
	{ re: new RegExp(`(?:في\\s+)?${AR_PART}\\s+(?:السابقة|السابق|الذي\\s+سبقه)`, 'g'), days: () => -1 },
	// "بعد ذلك بيومين", "وبعد يومين،": counted from the story only as a clause of its own (else "بعد يومين" is "in two days").
	{ re: /(?:بعد\s+ذلك\s+ب|قبل\s+ذلك\s+ب)(يومين|يوم|(?:ثلاثة|أربعة|اربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة)\s+أيام)|(?:^|(?<=[\s،,]))و?بعد\s+(يومين|(?:ثلاثة|أربعة|اربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة)\s+أيام)(?=\s*[،,])/g, days: (m) => (AR_NUMBER_WORDS[(m[1] ?? m[2])!.split(/\s+/)[0]!] ?? 1) * (m[0].includes('قبل') ? -1 : 1) }
];

// Cheap tests that spare the patterns above most sentences.
const MAY_BE_ANAPHORA = /\b(?:that|same|next|following|previous|preceding|later|earlier|after|before|afterwards)\b|التالي|الموالي|اللاحق|السابق|نفس|ذات|ذلك|تلك|الذي|غداة|الغداة|بعد/i;
const MAY_BE_SEQUENCE = /[\d٠-٩][^\d٠-٩]{0,30}?(?:,|\band\b|&|\bor\b|\bto\b|\buntil\b|\btill\b|\bthrough\b|[-–—]|و|إلى|الى|حتى)[^\d٠-٩]{0,20}?[\d٠-٩]/i;

const AGO = /\bago\b|قبل/i;
const THIS = /^(?:(?:early|earlier|late|later)\s+)?this\b|هذا|اليوم/i;
const PART_OF_TODAY = /^casualReference\/(?:morning|afternoon|evening|night|noon)$/;
// "مساء الاثنين" (Monday evening): chrono reads it as this evening; without the first word it reads the weekday.
const AR_PART_BEFORE_WEEKDAY = /(?:مساء|صباح|ظهر|عصر|فجر|ليلة)(?=\s+(?:يوم\s+)?(?:الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت))/g;

// "the night of 7 April", "on the morning of 25 February": chrono loses the date behind these words.
const PART_OF = new RegExp(`\\b(?:the\\s+)?(?:night|morning|evening|afternoon|early\\s+hours)\\s+of\\s+(?=(?:the\\s+)?\\d|(?:${EN_MONTHS})\\b)`, 'gi');
// Range words between two dates: "27 February to 31 March", "9–11 August", "من 27 فبراير إلى 31 مارس".
const RANGE_WORD = /(\s*(?:\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b|[-–—]|إلى|الى|وحتى|حتى)\s*)/;
// What may stand between the dates of one list or range, so that a year written once applies to all of them.
const CHAINED = /^[\s,،]*(?:and|or|to|until|till|through|و|إلى|الى|حتى|وحتى|[-–—])?[\s,،]*$/i;

function parserFor(language: string): chrono.Chrono {
	return language.startsWith('ar') ? chrono.ar.casual : chrono.en.casual;
}

/** Latest day on or before `published` falling on `weekday` (0 = Sunday); a bare weekday never lands after it. */
export function weekdayOnOrBefore(published: string, weekday: number): string {
	const pub = toDay(published);
	const pubWeekday = (pub + 4) % 7; // 1970-01-01 was a Thursday
	return fromDay(pub - ((pubWeekday - weekday + 7) % 7));
}

/** A calendar day the sentence names, before its year is settled. */
interface DayMention {
	month: number;
	day: number;
	/** The year written with it, or null. */
	year: number | null;
	text: string;
	start: number;
}

/** `sentence` with the spans blanked out, so chrono cannot read them again (offsets unchanged). */
function blank(sentence: string, spans: readonly [number, number][]): string {
	let s = sentence;
	for (const [a, b] of spans) s = s.slice(0, a) + ' '.repeat(b - a) + s.slice(b);
	return s;
}

/** The days of the lists and ranges in the sentence (see `EN_LITTLE`): one mention per day, with its own offsets. */
function sequenceMentions(sentence: string, language: string): DayMention[] {
	const out: DayMention[] = [];
	const read = (re: RegExp, part: RegExp, groups: { day: number; month: number; year: number }, littleEndian: boolean): void => {
		for (const seq of sentence.matchAll(re)) {
			const at = seq.index;
			if (out.some((o) => o.start >= at && o.start < at + seq[0].length)) continue;
			if (!littleEndian && !AFTER_LIST.test(sentence.slice(at + seq[0].length))) continue;
			const parts = [...seq[0].matchAll(part)].map((p) => ({
				day: toWestern(p[groups.day]!),
				month: p[groups.month] ? monthNumber(p[groups.month]!) : null,
				year: p[groups.year] ? toWestern(p[groups.year]!) : null,
				start: at + p.index,
				end: at + p.index + p[0].length
			}));
			// Months and years flow to the days that lack them: from the right in "2 and 24 April 2022", from the left in "March 4 and 11".
			const order = littleEndian ? [...parts].reverse() : parts;
			let month: number | null = null;
			let year: number | null = null;
			let end = -1;
			const found: DayMention[] = [];
			for (const p of order) {
				if (p.month !== null) [month, end] = [p.month, p.end];
				if (p.year !== null) year = p.year;
				if (month === null || p.day < 1 || p.day > 31) continue;
				const [from, to] = littleEndian ? [p.start, p.month !== null ? p.end : end] : [p.month !== null ? p.start : (found.at(-1)?.start ?? p.start), p.end];
				found.push({ month, day: p.day, year: p.year ?? (littleEndian ? year : null), text: sentence.slice(from, to).replace(/[\s,\u060C.]+$/u, ''), start: from });
			}
			if (found.length < 2) continue;
			// A year written once (last in "… 12 May and 18 June 2022", first in "12 May 2022 and 18 June") is every day's.
			const known = found.find((f) => f.year !== null)?.year ?? null;
			for (const f of found) f.year ??= known;
			out.push(...found.sort((x, y) => x.start - y.start));
		}
	};
	if (language.startsWith('ar')) read(AR_SEQUENCE, AR_PART_RE, { day: 1, month: 2, year: 3 }, true);
	else {
		read(EN_LITTLE, EN_LITTLE_PART, { day: 1, month: 2, year: 3 }, true);
		read(EN_MIDDLE, EN_MIDDLE_PART, { day: 2, month: 1, year: 3 }, false);
	}
	return out;
}

/**
 * Every date the sentence states, resolved against `published` (`YYYY-MM-DD` or null) and the narrative
 * (`context`): relative expressions ("on Monday", "yesterday", "last week") need publication and are dropped without
 * it; "the next day", "that night", "اليوم التالي" count from the narrative's current day; a day or month without a
 * year takes it from the list or range it is part of, the sentence, the narrative (`context.yearOf`), publication and
 * the article's latest year, in that order, and is dropped when none gives one. A list or range yields one reading
 * per day named. Dates after publication and dates that only modify a noun ("the August 9 election", "since 1994")
 * are dropped.
 */
export function readDates(sentence: string, language: string, published: string | null, context: DateContext = {}): DateReading[] {
	const out: DateReading[] = [];
	// A language with date words of its own (lang/); English and Arabic use the ones in this file.
	const words = profileFor(language).dates;
	if (!(words?.mayHaveDate ?? MAY_HAVE_DATE).test(sentence)) return out;
	const arabic = language.startsWith('ar');
	const bareYear = words?.bareYear ?? BARE_YEAR;
	const namedMonth = words?.namedMonth ?? NAMED_MONTH;
	const week = words?.week ?? WEEK_WORD;
	const last = words?.last ?? LAST;
	const next = words?.next ?? NEXT;
	const pubYear = published ? +published.slice(0, 4) : null;
	const taken: [number, number][] = [];
	const anaphora: { start: number; text: string; days: number }[] = [];
	for (const { re, days } of words ? words.anaphora : MAY_BE_ANAPHORA.test(sentence) ? ANAPHORA : []) {
		re.lastIndex = 0;
		for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
			if (taken.some(([a, b]) => m!.index < b && a < m!.index + m![0].length)) continue;
			anaphora.push({ start: m.index, text: m[0], days: days(m) });
			taken.push([m.index, m.index + m[0].length]);
		}
	}
	const days: DayMention[] = !words && MAY_BE_SEQUENCE.test(sentence) ? sequenceMentions(sentence, language) : [];
	for (const d of days) taken.push([d.start, d.start + d.text.length]);
	if (!arabic && !words) for (const m of sentence.matchAll(PART_OF)) taken.push([m.index, m.index + m[0].length]);
	// Genitive ordinals ("الحادي والعشرين") as chrono's dictionary spells them ("…والعشرون"), letter for letter.
	let parsed = blank(sentence, taken);
	if (words?.prepare) parsed = words.prepare(parsed);
	if (arabic) parsed = parsed.replace(/(وال(?:عشر|ثلاث))ين/g, '$1ون').replace(AR_PART_BEFORE_WEEKDAY, (w) => ' '.repeat(w.length));
	const instant = new Date(`${published ?? '2000-01-01'}T12:00:00Z`);
	const results = (words?.parser ?? parserFor(language)).parse(parsed, { instant, timezone: 0 }, { forwardDate: false });
	const yearsStated: { at: number; year: number }[] = []; // explicit years anywhere in the sentence
	for (const m of sentence.matchAll(bareYear)) yearsStated.push({ at: m.index + m[0].length - 4, year: +m[1]! });
	const months: { month: number; year: number | null; text: string; start: number; relative: boolean; y: number }[] = [];
	for (const r of results) {
		const c = r.start;
		// Some locales' patterns take the spaces before a date in (a blanked time of day): not part of its words.
		const start = r.index + r.text.length - r.text.trimStart().length;
		// chrono takes a count after a date for a year ("On 3 May, 12 people"): not part of the date's words.
		const text = sentence.slice(start, r.index + r.text.length).replace(/,\s*\d{1,3}$/, '').replace(/[\s,\u060C.;:]+$/u, '');
		const after = sentence.slice(start + text.length);
		const before = sentence.slice(0, start);
		if (NOT_A_DATE.test(text) || DURATION.test(text)) continue;
		if (MODIFIED_NOUN.test(after) || (words?.boundBefore ?? BACKGROUND_BEFORE).test(before)) continue;
		if ((words?.sinceBefore ?? SINCE_BEFORE).test(before) && !c.isCertain('day')) continue;
		const explicitYear = c.isCertain('year') && EXPLICIT_YEAR.test(text);
		if (explicitYear) yearsStated.push({ at: start, year: c.get('year')! });
		const relative = [...r.tags()].some((t) => RELATIVE_TAG.test(t));
		const y = c.get('year')!;
		const m = c.get('month')!;
		const d = c.get('day')!;
		let reading: DateReading | null = null;
		if (c.isCertain('day') && (words?.vagueDays ?? VAGUE_DAYS).test(text) && !week.test(text)) {
			if (!published) continue; // "a few days ago"
			reading = weekReading(addDays(published, -7), text, start);
		} else if (week.test(text) && !c.isCertain('weekday')) {
			if (!published || next.test(text)) continue;
			// "two weeks ago", "قبل أسبوعين": the 7 days around the day chrono counted back; "this week", "last week" as before.
			const ago = relative && c.isCertain('day') && (words?.ago ?? AGO).test(text);
			const first = ago ? addDays(iso(y, m, d), -3) : last.test(text) ? addDays(published, -13) : addDays(published, -6);
			reading = weekReading(first, text, start);
		} else if (c.isCertain('day') && c.isCertain('month') && !relative) {
			if (r.end && r.end.isCertain('day') && r.end.isCertain('month')) {
				// A range: both ends, each with its own words when it names its month ("27 February to 31 March 2022").
				const split = RANGE_WORD.exec(text);
				const head = split ? text.slice(0, split.index) : text;
				const tail = split ? text.slice(split.index + split[0].length) : text;
				const tailAt = start + text.length - tail.length;
				const endYear = r.end.isCertain('year') && EXPLICIT_YEAR.test(tail) ? r.end.get('year')! : null;
				const own = namedMonth.test(head);
				days.push({ month: m, day: d, year: explicitYear && own && EXPLICIT_YEAR.test(head) ? y : null, text: own ? head : text, start });
				days.push({ month: r.end.get('month')!, day: r.end.get('day')!, year: endYear, text: tail, start: tailAt });
			} else days.push({ month: m, day: d, year: explicitYear ? y : null, text, start });
			continue;
		} else if (c.isCertain('day')) {
			if (!published) continue; // "yesterday", "two days ago", "the 5th": counted from publication
			reading = dayReading(iso(y, m, d), text, start, 4);
		} else if (c.isCertain('weekday')) {
			if (!published || next.test(text)) continue;
			const wd = c.get('weekday')!;
			let day = weekdayOnOrBefore(published, wd);
			if (last.test(text) && day === published) day = addDays(day, -7);
			reading = dayReading(day, text, start, 4);
		} else if (c.isCertain('month')) {
			if (next.test(text)) continue; // "next month": a plan
			const named = namedMonth.test(text);
			if (!named && !published) continue; // "this month"
			months.push({ month: m, year: explicitYear ? y : null, text, start, relative: !named, y });
			continue;
		} else if (c.isCertain('year') && explicitYear) {
			reading = yearReading(y, text, start);
		} else if (c.isCertain('year') && published && !next.test(text)) {
			reading = yearReading(y, text, start); // "last year", "earlier this year", "العام الماضي": cut at publication below
		} else if (published && [...r.tags()].some((t) => PART_OF_TODAY.test(t)) && THIS.test(text)) {
			reading = dayReading(published, text, start, 4); // "this morning", "هذا الصباح"
		}
		if (reading) out.push(reading);
	}
	days.sort((a, b) => a.start - b.start);
	mergeDoubleMonthNames(days, months, sentence);

	// A year written once in a list or range applies to all its days ("2 and 24 April 2022", "27 February to 31 March 2022").
	for (let i = 0; i < days.length; i++) {
		if (days[i]!.year !== null) continue;
		for (let j = i + 1; j < days.length && chained(sentence, days[j - 1]!, days[j]!); j++) {
			if (days[j]!.year !== null) {
				days[i]!.year = days[j]!.year;
				break;
			}
		}
		for (let j = i - 1; days[i]!.year === null && j >= 0 && chained(sentence, days[j]!, days[j + 1]!); j--) days[i]!.year = days[j]!.year;
	}
	const sentenceYear = (at: number): number | null =>
		yearsStated.length ? [...yearsStated].sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0]!.year : null;
	const narrativeYear = (m: number, d: number | null, at: number): number | null =>
		sentenceYear(at) ?? context.yearOf?.(m, d) ?? null;
	for (const dm of days) {
		let year = dm.year ?? narrativeYear(dm.month, dm.day, dm.start);
		if (year !== null && dm.year === null && published && iso(year, dm.month, Math.min(dm.day, daysInMonth(year, dm.month))) > published) year = null;
		year ??= (published ? yearFromPublication(dm.month, dm.day, published) : null) ?? context.lastYear ?? null;
		if (year === null || dm.day > daysInMonth(year, dm.month)) continue;
		out.push(dayReading(iso(year, dm.month, dm.day), dm.text, dm.start, 5));
	}
	for (const mo of months) {
		let year = mo.year;
		if (year === null && mo.relative) year = mo.y; // "earlier this month": chrono counted it from publication
		year ??= narrativeYear(mo.month, null, mo.start);
		if (year !== null && mo.year === null && published && iso(year, mo.month, 1) > published) year = null;
		if (year === null && pubYear !== null) year = mo.month > +published!.slice(5, 7) ? pubYear - 1 : pubYear;
		year ??= context.lastYear ?? null;
		if (year === null) continue;
		if (last.test(mo.text) && mo.year === null && pubYear !== null) year = mo.y; // "last month"
		out.push(monthReading(year, mo.month, mo.text, mo.start));
	}
	// "The next day", "that night": counted from the latest day stated before them, in this sentence or the narrative.
	for (const a of anaphora) {
		const earlier = out.filter((r) => r.precision === 'day' && r.end <= a.start).sort((x, y) => x.end - y.end).at(-1);
		const anchor = earlier?.date ?? context.day ?? null;
		if (!anchor) continue;
		out.push(dayReading(addDays(anchor, a.days), a.text.trim(), a.start + (a.text.length - a.text.trimStart().length), 4));
	}
	// Bare years chrono leaves alone: "in 2020", "في 2022" — only within five years before publication.
	bareYear.lastIndex = 0;
	for (let m = bareYear.exec(sentence); m; m = bareYear.exec(sentence)) {
		const start = m.index + m[0].length - 4;
		if (out.some((r) => r.start <= start && start < r.end)) continue;
		const year = +m[1]!;
		if (MODIFIED_NOUN.test(sentence.slice(start + 4))) continue;
		if (pubYear !== null && (year > pubYear || year < pubYear - 5)) continue;
		out.push(yearReading(year, m[1]!, start));
	}
	return out
		.filter((r) => !published || r.date_start! <= published) // a plan or a forecast, not an event date
		.map((r) => (published ? clipToPublication(r, published) : r))
		.sort((a, b) => a.start - b.start);
}

/** "August 9" in an article of 15 August 2020 is 2020; "December 30" in one of 2 January is last year's. */
function yearFromPublication(month: number, day: number, published: string): number {
	const y = +published.slice(0, 4);
	return toDay(iso(y, month, Math.min(day, daysInMonth(y, month)))) > toDay(published) + 31 ? y - 1 : y;
}

function chained(sentence: string, a: DayMention, b: DayMention): boolean {
	const gap = b.start - (a.start + a.text.length);
	return gap <= 0 || CHAINED.test(sentence.slice(a.start + a.text.length, b.start));
}

/**
 * "الثامن من تشرين الأول/أكتوبر 2022": chrono reads the day with the first name and the year with the second; the
 * second name (and its year) joins the day before it when both name the same month.
 */
function mergeDoubleMonthNames(days: DayMention[], months: { month: number; year: number | null; text: string; start: number }[], sentence: string): void {
	for (const dm of days) {
		const end = dm.start + dm.text.length;
		const i = months.findIndex((mo) => mo.month === dm.month && mo.start >= end && /^\s*[/(\-–]\s*$/.test(sentence.slice(end, mo.start)));
		if (i === -1) continue;
		const mo = months[i]!;
		dm.year ??= mo.year;
		dm.text = sentence.slice(dm.start, mo.start + mo.text.length);
		months.splice(i, 1);
	}
}

/**
 * "Earlier this month" in an article of 10 November ends on 10 November: an interval never runs past publication;
 * its representative day moves to the middle of what is left when the usual one (the 15th, mid-week) is cut off.
 */
function clipToPublication(r: DateReading, published: string): DateReading {
	if (!r.date_end || r.date_end <= published) return r;
	const start = toDay(r.date_start!);
	const end = toDay(published);
	const date = r.date! <= published ? r.date : fromDay(start + Math.floor((end - start) / 2));
	return { ...r, date_end: published, date };
}

/** The words of a weekday right before an explicit date ("Sunday (23 July)") join it in `date_text`. */
export function widenDateText(sentence: string, reading: DateReading, all: readonly DateReading[]): DateReading {
	if (reading.rank !== 5) return reading;
	const prev = all.filter((r) => r.end <= reading.start && r.rank === 4).at(-1);
	if (!prev || !/^\s*[(\u060C,]?\s*$/.test(sentence.slice(prev.end, reading.start))) return reading;
	let end = reading.end;
	if (sentence[end] === ')') end++;
	return { ...reading, text: sentence.slice(prev.start, end), start: prev.start, end };
}
