// What the extractor needs to know about a language: the words that give a place mention its role in the sentence.
import type { Chrono } from 'chrono-node';
import type { CompiledAdjectiveRules, CompiledCaseRules } from './inflection';

// A new language is one module beside this file (its word lists) plus its trigger lexicon and date parser.

export interface LanguageProfile {
	/** BCP 47 primary subtag. */
	code: string;
	/** Words right before a name that make it where something happened ("in", "near", "on the outskirts of"). */
	locative: RegExp;
	/** Right before a town's name (its locative preposition included): the border crossing at that town ("the border
	 * crossing at", "na przejściu granicznym w", "пункт пропуска в"). */
	crossingBefore: RegExp;
	/** … that make it where something came from ("from", "out of"). */
	origin: RegExp;
	/** … that make it where something went or was aimed ("to", "into", "towards"). */
	destination: RegExp;
	/** … that make it where someone was going when it happened ("on their way to", "bound for"): not the place. */
	route: RegExp;
	/** … that make it who asked, was told or is spoken for ("according to", "at the request of"). */
	addressee: RegExp;
	/**
	 * Noun-phrase words between the role word and the name that the role reaches over: articles, place-type nouns,
	 * directions ("in the village of", "near the Ukrainian city of", "in central"). Tested word by word, lower-cased.
	 */
	phraseWords: ReadonlySet<string>;
	/** Right after a state or capital's name: a verb of saying or deciding, so the name is who acts ("Moscow said"). */
	actsAfter: RegExp;
	/** Right after a demonym: the country's own ground ("Polish territory", "Belarusian airspace"). */
	territoryAfter: RegExp;
	/** Right before a demonym: the same, where the noun comes first ("الأراضي البيلاروسية"). */
	territoryBefore: RegExp;
	/** "including", "such as": the name is an example of places named just before (`placesBefore`). */
	including: RegExp;
	placesBefore: RegExp;
	/** Right before a name: the agent of a passive ("asked by Tehran"), so a state's name is who acted. */
	agent: RegExp;
	/** Right before an origin: the trigger is the act of launching from there ("launched from", "fired from"). */
	launchBefore: RegExp;
	/** Around a name, words that make it part of another name, not a place: "Moscow time", "بتوقيت موسكو". */
	notPlaceBefore: RegExp;
	notPlaceAfter: RegExp;
	/** Page furniture: cookie banners, share buttons, newsletter boxes (a line with one is not a reported sentence). */
	furniture: RegExp;
	/** A photo caption's agency credit at the end of a line ("(Reuters)"); it ends in ")" (extract.ts tests that first). */
	caption: RegExp;
	/** A subject pronoun for a person ("he", "she"): the sentence is about the person last named. Null: none needed. */
	subjectPronoun: RegExp | null;
	/** Words for a border. */
	borderWord: RegExp;
	/** After a border word: the words that lead to the countries ("posts with", "between"); group 1 the linking word. */
	borderLink: RegExp;
	/** Linking words of `borderLink` that list the other side ("with", "مع"), not both sides ("between"). */
	borderWith: RegExp;
	/** "the two countries' borders": the first two countries named. */
	twoCountries: RegExp | null;
	/** Between two items of a list: a comma, "and", "or", "و". */
	listJoint: RegExp;
	/** A measure for a whole country ("declared martial law", "a nationwide curfew"): the event is the country's. */
	nationwide: RegExp;
	/** An anaphoric capital without a name ("in the capital"), resolved to the capital of the sentence's country. */
	capitalWord: RegExp;
	/**
	 * A state's organ that sits in its capital (a ministry, the government, the general staff; not an embassy), as a
	 * regular-expression source, written without anchors: seat.ts reads the country named right before it ("Poland's
	 * foreign ministry", "the Belarusian government") or right after it ("МИД Белоруссии", "MSZ Polski",
	 * "وزارة الخارجية البولندية").
	 */
	stateOrgan: string;
	/** The verb opens its clause and its subject follows ("استدعت وزارة الخارجية…", Arabic news's verb–subject–object). */
	verbFirst: boolean;
	/**
	 * Words before a trigger, in its clause, that deny it, make it hypothetical, a plan or a call for it; and words
	 * that open a background clause or set a scene. Null: classify.ts's own English and Arabic rules.
	 */
	triggerCues: TriggerCues | null;
	/** The date words of the language (null: dates.ts's own English and Arabic ones). */
	dates: DateWords | null;
	/** How place names decline (в Минске, у Харкові, w Warszawie); null where they do not. */
	caseRules: CompiledCaseRules | null;
	/**
	 * How a town's adjective is made: a capitalised one before a lower-case noun opens the name of something in the
	 * town ("Минский городской суд", "Київський вокзал"); null where that is not read.
	 */
	townAdjectives: CompiledAdjectiveRules | null;
	/** How first-level regions are named by an adjective ("Белгородская область"); null: by their names only. */
	regionWords: RegionWords | null;
}

export interface TriggerCues {
	negation: RegExp;
	hypothetical: RegExp;
	modal: RegExp;
	requested: RegExp;
	/** At the start of the sentence: "After …," */
	background: RegExp;
	/** Right before a noun trigger: "amid", "during". */
	scene: RegExp;
}

/** What `readDates` needs to know of a language besides chrono's parser for it. */
export interface DateWords {
	parser: Chrono;
	/** A rewrite of the sentence that keeps every offset (same length) before chrono reads it: spellings chrono lacks. */
	prepare: ((sentence: string) => string) | null;
	/** A cheap test that spares chrono most sentences: digits, month and weekday stems, relative words. */
	mayHaveDate: RegExp;
	/** A month written by its name (not "this month"). */
	namedMonth: RegExp;
	week: RegExp;
	/** "last", "previous" … and "next", "coming" …; "ago". */
	last: RegExp;
	next: RegExp;
	ago: RegExp;
	/** "a few days", "several days". */
	vagueDays: RegExp;
	/** Right before a date: it bounds something else ("until Monday", "before 2014"), not when it happened. */
	boundBefore: RegExp;
	/** Right before a date: what the sentence reports began then ("since 6 November"): its date when that is a day,
	 * background when coarser ("since 2014"). */
	sinceBefore: RegExp;
	/** "in 2020", "w 2020 r.": a bare year (global; group 1 the year). */
	bareYear: RegExp;
	/** Dates counted from the narrative's current day ("the next day", "накануне"): pattern (global), days after it. */
	anaphora: readonly { re: RegExp; days: (m: RegExpExecArray) => number }[];
}

/** A first-level region named by its adjective and a region noun: "Белгородской области", "w województwie lubelskim". */
export interface RegionWords {
	/** The region nouns in every case, folded as index keys are ("область", "области", "wojewodztwie", "obwodzie"). */
	nouns: ReadonlySet<string>;
	/** The noun comes first and the adjective after it, in lower case (Polish); else the adjective, capitalised, first. */
	nounFirst: boolean;
	/** A region named after its centre with a suffix (Харківщина, Белгородчина), folded; group 1 the centre's stem. */
	colloquial: RegExp | null;
	/** The adjective ending that stem takes to name the region (харків + ська: Харківська). */
	adjectiveEnding: string;
}
