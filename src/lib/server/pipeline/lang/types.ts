// What the extractor needs to know about a language: the words that give a place mention its role in the sentence.
// A new language is one module beside this file (its word lists) plus its trigger lexicon and date parser.

export interface LanguageProfile {
	/** BCP 47 primary subtag. */
	code: string;
	/** Words right before a name that make it where something happened ("in", "near", "on the outskirts of"). */
	locative: RegExp;
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
	/** A photo caption's agency credit at the end of a line ("(Reuters)"). */
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
}
