// Narrative time: the article read in order, so a sentence that states no date takes the date of the story it continues.
import { inheritedDate, monthReading, readDates, yearReading, type DateReading } from './dates';

/** What one sentence says about time: the dates it states, and the date it inherits when it states none. */
export interface SentenceTime {
	/** Dates the sentence itself states, resolved (see `readDates`). */
	readings: DateReading[];
	/**
	 * The date an event in this sentence takes when the sentence states none: the narrative's current date (a
	 * reading from an earlier sentence or heading, `text` its words), else the publication fallback (`text` null).
	 */
	inherited: DateReading;
}

export interface SentenceCue {
	/** A heading, dateline or other line that is not a reported sentence (it still sets the narrative's time). */
	heading?: boolean;
	/** The sentence opens a paragraph. */
	paragraphStart?: boolean;
}

const BYLINE = /^\s*(?:by\s|published\b|posted\b|updated\b|نشر|بتاريخ)/i;
const YEAR_IN_HEADING = /(?:^|[^\d])((?:19|20)\d\d)(?!\d)/g;
const YEAR_ONLY_HEADING = /^[^\p{L}\p{N}]*((?:19|20)\d\d)[^\p{L}\p{N}]*$/u;

/** A reading as an inherited date: its interval and words, no offsets in the inheriting sentence. */
function asInherited(r: DateReading): DateReading {
	return { ...r, start: -1, end: -1, rank: 0 };
}

/** A reading widened to its month (a year stays a year, a week its own 7 days). */
function toMonth(r: DateReading): DateReading {
	if (r.precision !== 'day' || !r.date) return r;
	return monthReading(+r.date.slice(0, 4), +r.date.slice(5, 7), r.text ?? '', r.start);
}

/**
 * Reads an article's sentences in order and keeps its narrative clock. One instance per article.
 *
 * How far a date reaches (a sentence that states none inherits the first of these):
 * 1. the latest date stated earlier in the same paragraph, at its own precision: a paragraph tells one stretch of the story;
 * 2. the date of the section's heading ("24 February" under "February 2022", an infobox's "Date: 8 April 2022"), at
 *    its precision, until a later heading states another: a heading dates what is written under it;
 * 3. in a text without a publication date (Wikipedia-like), the previous paragraph's latest date widened to its month:
 *    the story has moved on, but rarely far;
 * 4. the week up to publication (`text` null), or `unknown` without a publication date. In a dated news item a new
 *    paragraph without a date of its own is more often background or reaction than the day told above, so it takes
 *    publication rather than (3).
 * A dateline ("Sunday, June 2, 2024" alone on a line before the first sentence) stands in for a missing publication date.
 * A day or month written without a year takes the year of the same day stated earlier, else (in a text without a
 * publication date) of the paragraph, else of the section (a heading, the title "2022 … explosion"), else
 * publication's, else the latest year the article stated.
 */
export class NarrativeTime {
	private published: string | null;
	private paragraph: DateReading | null = null; // latest date stated in the current paragraph
	private paragraphYear: number | null = null;
	private section: DateReading | null = null; // date of the latest dated heading
	private sectionYear: number | null = null;
	private previous: DateReading | null = null; // latest date stated in a sentence (not a heading)
	private day: string | null = null; // the narrative's current day: what "the next day" counts from
	private lastYear: number | null = null;
	private readonly knownDays = new Map<string, number>(); // "MM-DD" → year, for days stated with a year
	private body = false; // a reported sentence has been read
	private fallback: DateReading; // the publication fallback, computed once

	constructor(
		private readonly language: string,
		published: string | null
	) {
		this.published = published;
		this.fallback = inheritedDate(published);
	}

	// In a dated news item a day without a year is most often this year's (publication decides, after the same day
	// stated earlier and a dated heading); in an undated text its paragraph's year is the best guess.
	private readonly yearOf = (month: number, day: number | null): number | null =>
		(day !== null ? this.knownDays.get(`${month}-${day}`) : undefined) ?? (this.published ? null : this.paragraphYear) ?? this.sectionYear;

	/** The next sentence of the article, in text order (headings and page furniture too, flagged by `cue`). */
	next(sentence: string, cue: SentenceCue = {}): SentenceTime {
		const heading = !!cue.heading;
		if (heading || cue.paragraphStart) {
			this.paragraph = null;
			this.paragraphYear = null;
		}
		const readings = readDates(sentence, this.language, this.published, { day: this.day, yearOf: this.yearOf, lastYear: this.lastYear });
		const inherited = this.inherited();
		if (heading && this.isDateline(sentence, readings)) return { readings, inherited };
		this.remember(sentence, readings, heading, inherited);
		return { readings, inherited };
	}

	private inherited(): DateReading {
		if (this.paragraph) return asInherited(this.paragraph);
		if (this.section) return asInherited(this.section);
		if (!this.published && this.previous) return asInherited(toMonth(this.previous));
		return this.fallback;
	}

	/**
	 * A dateline or byline ("Sunday, June 2, 2024", "By … Service August 15, 2020"): a heading that states the
	 * publication day is the publication stamp, not a date for the story under it. Before the first sentence, a line
	 * that is only a date or a byline stands in for a missing publication date (an infobox's "Date: 8 April 2022" is
	 * the event's, and dates its section instead).
	 */
	private isDateline(sentence: string, readings: readonly DateReading[]): boolean {
		const r = readings.length === 1 ? readings[0]! : null;
		if (!r || r.precision !== 'day' || !/\d{4}|[٠-٩]{4}/.test(r.text ?? '')) return false;
		if (this.published !== null && this.published !== r.date) return false; // a dated heading
		if (this.published === null) {
			if (this.body) return false;
			if (!BYLINE.test(sentence) && /[\p{L}\p{N}]/u.test(sentence.replace(r.text!, ''))) return false;
			this.published = r.date;
			this.fallback = { ...inheritedDate(r.date), text: r.text };
		}
		this.lastYear = +r.date!.slice(0, 4);
		this.sectionYear ??= this.lastYear;
		return true;
	}

	private remember(sentence: string, readings: readonly DateReading[], heading: boolean, inherited: DateReading): void {
		for (const r of readings) {
			if (!r.date) continue;
			const year = +r.date.slice(0, 4);
			this.lastYear = year;
			if (!heading) this.paragraphYear = year;
			if (r.precision === 'day') this.knownDays.set(`${+r.date.slice(5, 7)}-${+r.date.slice(8, 10)}`, year);
		}
		// A bare year is most often background ("built in 2018", "annexed in 2014"): it dates what follows only when the
		// narrative has nothing finer, and in a heading only when it is the whole heading.
		const finer = inherited.text !== null && inherited.precision !== 'year';
		const last = readings.filter((r) => r.precision !== 'year').at(-1) ?? (heading || finer ? undefined : readings.at(-1));
		if (heading) {
			const only = YEAR_ONLY_HEADING.exec(sentence);
			if (last) {
				this.section = last;
				this.sectionYear = +last.date!.slice(0, 4);
				this.day = last.precision === 'day' ? last.date : null;
			} else if (only) {
				this.section = yearReading(+only[1]!, only[1]!, sentence.indexOf(only[1]!));
				this.sectionYear = +only[1]!;
				this.day = null;
			} else {
				// A year in a title or heading ("2022 missile explosion in …") dates the days written under it.
				for (const m of sentence.matchAll(YEAR_IN_HEADING)) this.sectionYear = +m[1]!;
			}
			return;
		}
		if (!this.body && sentence.split(/\s+/).length >= 8) this.body = true; // not a short line of page furniture
		if (!last) return;
		this.paragraph = last;
		this.previous = last;
		const lastDay = readings.filter((r) => r.precision === 'day').at(-1);
		if (lastDay) this.day = lastDay.date;
	}
}
