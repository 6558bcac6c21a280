// Narrative time: the article read in order, so a sentence that states no date takes the date of the story it continues.
import { inheritedDate, readDates, type DateReading } from './dates';

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

/** Reads an article's sentences in order and keeps its narrative clock. One instance per article. */
export class NarrativeTime {
	constructor(
		private readonly language: string,
		private readonly published: string | null
	) {}

	/** The next sentence of the article, in text order (headings and page furniture too, flagged by `cue`). */
	next(sentence: string, cue: SentenceCue = {}): SentenceTime {
		void cue;
		return { readings: readDates(sentence, this.language, this.published), inherited: inheritedDate(this.published) };
	}
}
