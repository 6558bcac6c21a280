// Reads the dates a sentence states (chrono-node, English and Arabic) and resolves them against the publication day.
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../../domain/event';
import { addDays, fromDay, toDay } from '../../domain/time';

export interface DateReading {
	date: string | null;
	date_start: string | null;
	date_end: string | null;
	precision: DatePrecision;
	/** The words the date was read from; null when inherited from the publication date. */
	text: string | null;
	/** Offsets of `text` in the sentence (−1 when inherited). */
	start: number;
	end: number;
	/** How specific the reading is: 5 an explicit calendar day … 1 a year. */
	rank: number;
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

function monthReading(y: number, m: number, text: string, start: number): DateReading {
	const last = daysInMonth(y, m);
	return { date: iso(y, m, 15), date_start: iso(y, m, 1), date_end: iso(y, m, last), precision: 'month', text, start, end: start + text.length, rank: 2 };
}

function yearReading(y: number, text: string, start: number): DateReading {
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
const WEEK_WORD = /\bweek\b|أسبوع|اسبوع/i;
const LAST = /\b(last|past|previous)\b|الماضي|السابق/i;
const NEXT = /\b(next|coming)\b|المقبل|القادم|بعد/i;
// A date that modifies a noun ("the August 9 election", "the 2020 vote") is background, not the event's date.
const MODIFIED_NOUN = /^[\s'’s]*(presidential\s+|parliamentary\s+)?(election|elections|vote|poll|polls|ballot|invasion|war|revolution|uprising)\b/i;
const BACKGROUND_BEFORE = /\b(since|until|till|before)\s+(the\s+)?$|منذ\s*$|حتى\s*$/i;
// Words without which chrono finds nothing: a cheap test that spares parsing most sentences.
const MAY_HAVE_DATE =
	/\b\d{1,4}[/.-]\d{1,2}\b|\b(?:1[89]|20)\d\d\b|\d\s*(?:am|pm|a\.m|p\.m)|[٠-٩]|day|week|month|year|ago|yesterday|tomorrow|tonight|night|morning|noon|evening|afternoon|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|يوم|امس|أمس|غدا|أسبوع|اسبوع|شهر|عام|سنة|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين|ليلة|صباح|مساء/i;

// "now" is not a date of its own.
const NOT_A_DATE = /^(now|right now|الآن|الان|حاليا|حالياً)$/i;
const BARE_YEAR = /(?:\b(?:in|during)\s+|(?:^|\s)(?:في|عام|خلال)\s+)(19\d\d|20\d\d)\b/gi;

function parserFor(language: string): chrono.Chrono {
	return language.startsWith('ar') ? chrono.ar.casual : chrono.en.casual;
}

/** Latest day on or before `published` falling on `weekday` (0 = Sunday); a bare weekday never lands after it. */
export function weekdayOnOrBefore(published: string, weekday: number): string {
	const pub = toDay(published);
	const pubWeekday = (pub + 4) % 7; // 1970-01-01 was a Thursday
	return fromDay(pub - ((pubWeekday - weekday + 7) % 7));
}

/**
 * Every date the sentence states, resolved against `published` (`YYYY-MM-DD` or null): relative expressions
 * ("on Monday", "yesterday", "last week", "in June") need it and are dropped without it; dates after publication
 * and dates that only modify a noun ("the August 9 election", "since 1994") are dropped.
 */
export function readDates(sentence: string, language: string, published: string | null): DateReading[] {
	const out: DateReading[] = [];
	if (!MAY_HAVE_DATE.test(sentence)) return out;
	const instant = new Date(`${published ?? '2000-01-01'}T12:00:00Z`);
	const results = parserFor(language).parse(sentence, { instant, timezone: 0 }, { forwardDate: false });
	const pubYear = published ? +published.slice(0, 4) : null;
	for (const r of results) {
		const c = r.start;
		const text = r.text.replace(/[\s,\u060C.;:]+$/u, '');
		const start = r.index;
		const after = sentence.slice(start + text.length);
		const before = sentence.slice(0, start);
		if (NOT_A_DATE.test(text)) continue;
		if (MODIFIED_NOUN.test(after) || BACKGROUND_BEFORE.test(before)) continue;
		const explicitYear = c.isCertain('year') && EXPLICIT_YEAR.test(text);
		if (!published && !explicitYear) continue; // nothing to anchor a relative date to
		const y = c.get('year')!;
		const m = c.get('month')!;
		const d = c.get('day')!;
		let reading: DateReading | null = null;
		if (WEEK_WORD.test(text) && !c.isCertain('weekday')) {
			if (!published || NEXT.test(text)) continue;
			const first = LAST.test(text) ? addDays(published, -13) : addDays(published, -6);
			reading = weekReading(first, text, start);
		} else if (c.isCertain('day') && c.isCertain('month')) {
			let year = y;
			if (!explicitYear && !c.isCertain('year') && pubYear !== null) {
				// "August 9" in an article of 15 August 2020 is 2020; "December 30" in one of 2 January is last year's.
				year = pubYear;
				if (toDay(iso(year, m, Math.min(d, daysInMonth(year, m)))) > toDay(published!) + 31) year -= 1;
			}
			if (d > daysInMonth(year, m)) continue;
			reading = dayReading(iso(year, m, d), text, start, 5);
			if (VAGUE_DAYS.test(text) && published) reading = weekReading(addDays(published, -7), text, start);
		} else if (c.isCertain('day') || (c.isCertain('year') && c.isCertain('month') && c.isCertain('day'))) {
			reading = dayReading(iso(y, m, d), text, start, 4);
		} else if (c.isCertain('weekday')) {
			if (!published || NEXT.test(text)) continue;
			const wd = c.get('weekday')!;
			let day = weekdayOnOrBefore(published, wd);
			if (LAST.test(text) && day === published) day = addDays(day, -7);
			reading = dayReading(day, text, start, 4);
		} else if (c.isCertain('month')) {
			if (NEXT.test(text)) continue; // "next month": a plan
			let year = y;
			if (!explicitYear && pubYear !== null) year = m > +published!.slice(5, 7) ? pubYear - 1 : pubYear;
			if (!explicitYear && LAST.test(text) && pubYear !== null) year = y;
			reading = monthReading(year, m, text, start);
		} else if (c.isCertain('year') && explicitYear) {
			reading = yearReading(y, text, start);
		}
		if (!reading) continue;
		if (published && reading.date_start! > published) continue; // a plan or a forecast, not an event date
		out.push(published ? clipToPublication(reading, published) : reading);
	}
	// Bare years chrono leaves alone: "in 2020", "في 2022" — only within five years before publication.
	BARE_YEAR.lastIndex = 0;
	for (let m = BARE_YEAR.exec(sentence); m; m = BARE_YEAR.exec(sentence)) {
		const start = m.index + m[0].length - 4;
		if (out.some((r) => r.start <= start && start < r.end)) continue;
		const year = +m[1]!;
		if (MODIFIED_NOUN.test(sentence.slice(start + 4))) continue;
		if (pubYear !== null && (year > pubYear || year < pubYear - 5)) continue;
		out.push(yearReading(year, m[1]!, start));
	}
	return out.sort((a, b) => a.start - b.start);
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
