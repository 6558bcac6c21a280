// Turns one parsed article into events: sentence → trigger → place → date → actors → a flat GeoJSON feature.
import { createHash } from 'node:crypto';
import type { EventFeature, EventProperties, EventType, GeoPrecision } from '../../domain/event';
import type { Place, PlaceMention } from '../../domain/place';
import { summarize as summarizeEvent } from '../../domain/summary';
import { normalizeWithMap } from '../text/normalize';
import { findActorHits, type Actor } from './actors';
import { classify, type Trigger } from './classify';
import { widenDateText, type DateReading } from './dates';
import { NarrativeTime } from './narrative';
import { clauseIndex, inSpans, quotedSpans, splitSentences, type Span } from './sentences';
import { choosePlace, isLocal, within, type Candidate } from './eventplace';
import { PROFILE_LIST, profileFor, type LanguageProfile } from './lang';
import { mentionRole, type MentionRole } from './roles';
import { capitalOf } from './capitals';
import { organOf } from './seat';
import type { Article, Gazetteer } from './types';

// A full stop, perhaps followed by reference marks ("… Antonov Airport.[6]").
const TERMINATED = /[.!?\u061F\u06D4"”»)](?:\[\d{1,3}\])*\s*$/;
// How every language's caption credit ends ("(Reuters)"): most sentences end otherwise, and skip those patterns.
const CLOSING_PAREN = /\)\s*$/;

/** True for lines that are page furniture, headings or photo captions rather than reported sentences. */
export function isBoilerplate(sentence: string, title: string): boolean {
	if (PROFILE_LIST.some((p) => p.furniture.test(sentence))) return true;
	if (CLOSING_PAREN.test(sentence) && PROFILE_LIST.some((p) => p.caption.test(sentence))) return true;
	if (sentence.includes(' | ') || (sentence === title && !TERMINATED.test(sentence))) return true;
	if (!TERMINATED.test(sentence)) {
		const words = sentence.split(/\s+/).filter(Boolean);
		if (words.length < 12) return true;
		const capitalised = words.filter((w) => /^[A-Z]/.test(w)).length;
		if (capitalised / words.length > 0.6) return true; // a Title Case headline
	}
	return false;
}

// Types that may make a second event in a sentence: things done on the ground, not statements.
const MATERIAL = new Set<EventType>(['PROTEST', 'COERCE', 'ASSAULT', 'MOBILIZE', 'SANCTION', 'AID', 'RETREAT']);

// A dateline: the capitalised place name that opens a line, then "--", a dash, a comma or "(" ("MINSK --").
const DATELINE_AFTER = /^\s*(?:--|[\u2013\u2014]|-\s|,|\()/;
// Capitalised words only between a country word and a person ("Russian President Vladimir Putin").
const TITLE_GAP = /^(?:\s+[A-Z][\p{L}.'\u2019-]*)*\s+$/u;
const QUOTE_MARKS = /["“”«»]/g;

/** Stable event id: `ev-` + the first 12 hex digits of SHA-1 over source id, evidence offsets, place id and type. */
export function eventId(sourceId: string, start: number, end: number, placeId: string, type: EventType): string {
	const h = createHash('sha1').update(`${sourceId}\u0000${start}\u0000${end}\u0000${placeId}\u0000${type}`).digest('hex');
	return `ev-${h.slice(0, 12)}`;
}

function countryName(gazetteer: Gazetteer, code: string): string {
	return gazetteer.byId(`country:${code}`)?.name ?? code;
}

/** One short English line: "Protest in Minsk (Belarus) — Protesters" (the shared writer, with the gazetteer's country names). */
export function summarize(type: EventType, place: Place, actors: readonly string[], gazetteer: Gazetteer): string {
	return summarizeEvent(type, place, actors, (code) => countryName(gazetteer, code));
}

/** The country the article is most about (mentions counted per country, borders for both; ties: first named). */
function dominantCountry(mentions: readonly PlaceMention[], gazetteer: Gazetteer): Place | null {
	const counts = new Map<string, { n: number; first: number }>();
	for (const m of mentions) {
		for (const code of m.place.country_codes) {
			const c = counts.get(code) ?? { n: 0, first: m.start };
			c.n++;
			counts.set(code, c);
		}
	}
	const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0];
	return best ? gazetteer.byId(`country:${best[0]}`) : null;
}

/** The place of the article's dateline ("MINSK -- A defiant …"), or null: a place in capitals opening a line. */
export function datelineOf(body: string, mentions: readonly PlaceMention[]): PlaceMention | null {
	for (const m of mentions) {
		if (m.place.kind === 'border' || m.text !== m.text.toUpperCase() || m.text === m.text.toLowerCase()) continue;
		if (!/(?:^|\n)[ \t]*$/.test(body.slice(Math.max(0, m.start - 20), m.start))) continue;
		if (DATELINE_AFTER.test(body.slice(m.end, m.end + 4))) return m;
	}
	return null;
}


/**
 * A border the sentence names between two countries without the gazetteer having resolved it as one:
 * "its borders with Poland" (the other country: the nearest one named before, else the article's),
 * "حدودها مع روسيا البيضاء", "the two countries' borders" (the first two countries named).
 */
function inferBorders(sentence: Span, inSentence: readonly PlaceMention[], dominant: Place | null, gazetteer: Gazetteer, lang: LanguageProfile): PlaceMention[] {
	// A border the geoparser found counts, unless it is an organisation's name ("the Ukrainian Border Service").
	const named = (m: PlaceMention) => lang.notPlaceAfter.test(sentence.text.slice(m.end - sentence.start, m.end - sentence.start + 30));
	if (inSentence.some((m) => m.place.kind === 'border' && !named(m))) return [];
	const body = (a: number, b: number): string => sentence.text.slice(a - sentence.start, b - sentence.start);
	const countries = inSentence.filter((m) => m.place.kind === 'country' && m.place.country_codes.length === 1);
	const code = (m: PlaceMention): string => m.place.country_codes[0]!;
	const mention = (start: number, end: number, place: Place): PlaceMention => ({ text: sentence.text.slice(start - sentence.start, end - sentence.start), start, end, place, score: 0.6 });
	const lookup = (a: string, b: string): Place | null => (a === b ? null : gazetteer.byId(`border:${[a, b].sort().join('-')}`));
	const two = lang.twoCountries?.exec(sentence.text);
	if (two) {
		const codes = [...new Set(countries.filter((m) => m.start < sentence.start + two.index).map(code))];
		const place = codes.length >= 2 ? lookup(codes[0]!, codes[1]!) : null;
		if (place) return [mention(sentence.start + two.index, sentence.start + two.index + two[0].length, place)];
	}
	const re = new RegExp(lang.borderWord.source, 'gi');
	for (let w = re.exec(sentence.text); w; w = re.exec(sentence.text)) {
		const wordEnd = sentence.start + w.index + w[0].length;
		const link = lang.borderLink.exec(sentence.text.slice(wordEnd - sentence.start));
		const x = link ? countries.find((m) => m.start >= wordEnd && m.start - wordEnd <= 12 + link[0].length) : undefined;
		const y = x
			? (countries.find((m) => m.start > x.end && m.start - x.end <= 8 && code(m) !== code(x)) ??
				countries.filter((m) => m.end <= sentence.start + w!.index && code(m) !== code(x)).at(-1))
			: undefined;
		const listed = !!x && !!y && y.start > x.end && lang.listJoint.test(body(x.end, y.start));
		// "its border posts with Russia and Belarus": one border with each country listed, from the country it is of.
		if (link && x && y && lang.borderWith.test(link[1]!) && listed) {
			const list = [x];
			for (const m of countries) if (m.start > list.at(-1)!.end && lang.listJoint.test(body(list.at(-1)!.end, m.start))) list.push(m);
			const listedCodes = new Set(list.map(code));
			// Whose border: a country or demonym named before ("Lithuania said its …", "the Ukrainian border service"),
			// a country of a border organisation's name, else the article's country.
			const before = inSentence.filter((m) => m.end <= sentence.start + w!.index && m.place.kind !== 'region');
			const own =
				before.flatMap((m) => m.place.country_codes.filter((c) => !listedCodes.has(c))).at(-1) ??
				(dominant && !listedCodes.has(dominant.country_codes[0]!) ? dominant.country_codes[0] : undefined);
			const found = own ? list.map((m) => ({ m, place: lookup(code(m), own) })).filter((f): f is { m: PlaceMention; place: Place } => !!f.place) : [];
			if (found.length) return found.map((f) => mention(f.m.start, f.m.end, f.place));
		}
		// "tried to cross the border into Poland from Belarus": exactly two countries right after a border word.
		const at = sentence.start + w.index;
		const clause = clauseIndex(sentence.text, w.index);
		const inClause = [
			...new Set(countries.filter((m) => m.start > at && m.start - at <= 60 && clauseIndex(sentence.text, m.start - sentence.start) === clause).map(code))
		];
		if (inClause.length === 2) {
			const place = lookup(inClause[0]!, inClause[1]!);
			if (place) return [mention(sentence.start + w.index, sentence.start + w.index + w[0].length, place)];
		}
		if (!link || !x) continue;
		const other = y ? code(y) : dominant?.country_codes[0];
		const place = other ? lookup(code(x), other) : null;
		if (place) return [mention(sentence.start + w.index, y && y.start > x.end ? y.end : x.end, place)];
	}
	return [];
}

function chooseDate(sentence: string, trigger: Trigger, readings: readonly DateReading[]): DateReading | null {
	if (!readings.length) return null;
	const clause = clauseIndex(sentence, trigger.start);
	const scored = readings.map((r) => ({
		r,
		s: (clauseIndex(sentence, r.start) === clause ? 10 : 0) + r.rank - Math.abs(r.start - trigger.start) / 1000
	}));
	scored.sort((a, b) => b.s - a.s);
	return widenDateText(sentence, scored[0]!.r, readings);
}

// "== Background ==", "## Reactions": a section heading.
const SECTION_HEADING = /^\s*(?:={2,}|#{1,6}\s)/;

/** Acts done on the ground (not decided in an office): never placed at the capital that reports them. */
const GROUND_TYPES = new Set<EventType>(['ASSAULT', 'MOBILIZE', 'PROTEST', 'COERCE', 'RETREAT']);
/** … the same for a state organ's act, but for a protest: a ministry's protest is a diplomatic note, made at its seat. */
const ORGAN_GROUND_TYPES = new Set<EventType>([...GROUND_TYPES].filter((t) => t !== 'PROTEST'));

/** Kinds of event that happen somewhere (a sentence without a place of its own continues the story's). */
const STORY_TYPES = new Set<EventType>([...MATERIAL, 'CONCEDE', 'CONSULT']);

/** Roles of a mention that say the story is there (not who acted, spoke or where something came from). */
const STORY_ROLES = new Set(['location', 'destination', 'other', 'territory']);

/**
 * Day readings listed with `first` in the sentence ("on 2 and 24 April, 12 May and 18 June"): each joined to the
 * previous by a comma or "and"/"و", in order after it.
 */
function listedWith(sentence: string, first: DateReading, readings: readonly DateReading[], lang: LanguageProfile): DateReading[] {
	if (first.precision !== 'day') return [];
	// Readings of one list may overlap ("2 and 24 April" and "24 April"): overlapping ones are joined too.
	const joint = (a: DateReading, b: DateReading) => b.precision === 'day' && (b.start < a.end || lang.listJoint.test(sentence.slice(a.end, b.start)));
	const sorted = [...readings].sort((a, b) => a.start - b.start);
	// `first` may be a widened copy of its reading ("Sunday (23 July)"): find the reading by its date and span.
	const at = sorted.findIndex((r) => r.date === first.date && r.start < first.end && first.start < r.end);
	if (at < 0) return [];
	let lo = at;
	let hi = at;
	while (lo > 0 && joint(sorted[lo - 1]!, sorted[lo]!)) lo--;
	while (hi < sorted.length - 1 && joint(sorted[hi]!, sorted[hi + 1]!)) hi++;
	const out: DateReading[] = [];
	for (const r of sorted.slice(lo, hi + 1)) if (r.date !== first.date && !out.some((o) => o.date === r.date)) out.push(r);
	return out;
}

/**
 * Places listed with the chosen one, of its kind and role ("in Kyiv, Kharkiv and Odesa", "borders with Russia and
 * Belarus"): each joined to the previous by a comma or "and"/"و".
 */
function listedPlaces(chosen: Candidate, candidates: readonly Candidate[], sentence: Span, lang: LanguageProfile): PlaceMention[] {
	const sorted = candidates.filter((c) => c.mention.place.kind === chosen.mention.place.kind).sort((a, b) => a.mention.start - b.mention.start);
	const at = sorted.indexOf(chosen);
	const text = (a: number, b: number) => sentence.text.slice(a - sentence.start, b - sentence.start);
	const out: PlaceMention[] = [];
	for (const dir of [-1, 1]) {
		let prev = chosen;
		for (let k = at + dir; k >= 0 && k < sorted.length; k += dir) {
			const c = sorted[k]!;
			const gap = dir > 0 ? text(prev.mention.end, c.mention.start) : text(c.mention.end, prev.mention.start);
			if (!lang.listJoint.test(gap) || c.mention.place.id === chosen.mention.place.id) break;
			if (c.role === 'demonym' || c.role === 'actor' || c.role === 'addressee' || c.role === 'origin') break;
			if (!out.some((m) => m.place.id === c.mention.place.id)) out.push(c.mention);
			prev = c;
		}
	}
	return out.sort((a, b) => a.start - b.start);
}

/**
 * The most specific place the headline names (a city, site, border or region), or null: what a sentence that
 * names none is about, when it lies in the countries the sentence points to.
 */
function headlinePlace(
	title: string,
	body: string,
	mentions: readonly PlaceMention[],
	gazetteer: Gazetteer,
	language: string,
	roleOf: (span: Span, m: PlaceMention, found: readonly PlaceMention[]) => MentionRole
): PlaceMention | null {
	if (!title) return null;
	// The headline is most often the body's first line; its mentions are then already resolved in context.
	const at = body.indexOf(title);
	const found = at >= 0 && at < 400 ? mentions.filter((m) => m.start >= at && m.end <= at + title.length) : gazetteer.geoparseDocument(title, { language });
	const span = { text: title, start: at >= 0 && at < 400 ? at : 0, end: (at >= 0 && at < 400 ? at : 0) + title.length };
	const quotes = quotedSpans(title, false);
	const local = found.filter((m) => isLocal(m) && !inSpans(quotes, m.start - span.start) && STORY_ROLES.has(roleOf(span, m, found)));
	const rank: Record<string, number> = { site: 0, city: 1, border: 2, admin: 3 };
	local.sort((a, b) => rank[a.place.kind]! - rank[b.place.kind]! || a.start - b.start);
	return local[0] ?? null;
}

const DATE_SCORE: Record<string, number> = { day: 1, week: 0.6, month: 0.5, year: 0.3, unknown: 0 };
const GEO_SCORE: Record<GeoPrecision, number> = { 1: 1, 2: 0.8, 3: 0.5 };

/** 0–1: trigger strength, place precision and date precision lined up; a plan or fallback place costs. */
function confidenceOf(trigger: Trigger, geo: GeoPrecision, fallbackPlace: boolean, date: DateReading, inherited: boolean, mentionScore: number): number {
	const placeScore = fallbackPlace ? 0.3 : GEO_SCORE[geo] * (0.5 + 0.5 * mentionScore);
	const dateScore = inherited ? 0.25 : DATE_SCORE[date.precision]!;
	let c = 0.15 + 0.4 * trigger.weight + 0.25 * placeScore + 0.2 * dateScore;
	if (trigger.modal) c -= 0.15;
	return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100;
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

export interface Extraction {
	events: EventFeature[];
	/** Sentences with an event trigger but no place to put it (skipped). */
	unplaced: number;
	/** Place mentions the gazetteer resolved in the article. */
	mentions: PlaceMention[];
}

/** The first person a sentence names (most often its subject), or null. */
function firstPersonIn(text: string): Actor | null {
	return findActorHits(text).find((h) => h.value.kind === 'person')?.value ?? null;
}

/** The subject-most person of the nearest of the (up to three) sentences before that names one, looked up only when a pronoun needs one. */
function previousPersonOf(earlier: readonly string[]): Actor | null {
	for (let k = earlier.length - 1; k >= Math.max(0, earlier.length - 3); k--) {
		const p = firstPersonIn(earlier[k]!);
		if (p) return p;
	}
	return null;
}

/** Extracts events with their place, date, type and actors from one article (see geodata/README.md). */
export function extractArticle(article: Article, gazetteer: Gazetteer): Extraction {
	const { body, meta } = article;
	const language = meta.language;
	const mentions = [...gazetteer.geoparseDocument(body, { language })].sort((a, b) => a.start - b.start || b.end - a.end);
	const dominant = dominantCountry(mentions, gazetteer);
	const dateline = datelineOf(body, mentions);
	const events: EventFeature[] = [];
	const earlier: string[] = []; // sentences so far, for what "he"/"she" refers to
	const profile = profileFor(language);
	// The local place the paragraph's story is at (the last one a sentence said things happen in), and the headline's.
	let narrative: { mention: PlaceMention; paragraph: number } | null = null;
	let paragraph = 0;
	// A state, a national capital or a state actor of the lexicon ("the Kremlin") may stand for a government.
	const isCapital = (m: PlaceMention) => m.place.kind === 'city' && m.place.country_codes.length === 1 && capitalOf(m.place.country_codes[0]!, gazetteer)?.id === m.place.id;
	const roleOf = (sentence: Span, m: PlaceMention, hits: readonly { value: Actor; start: number; end: number }[], others: readonly PlaceMention[]) =>
		mentionRole(sentence, m, profile, m.place.kind === 'country' || hits.some((a) => a.value.kind === 'state' && a.start < m.end - sentence.start && m.start - sentence.start < a.end), others, isCapital(m));
	const titlePlace = headlinePlace(meta.title, body, mentions, gazetteer, language, (span, m, found) => roleOf(span, m, [], found));
	let mentionFrom = 0; // mentions are sorted: the first one that may lie in the current sentence
	let unplaced = 0;
	let paragraphEnd = -1;
	let quoteMarks = 0; // quotation marks seen so far in the current line: odd = inside a quotation
	const clock = new NarrativeTime(language, meta.published);
	for (const sentence of splitSentences(body)) {
		const paragraphStart = sentence.start > paragraphEnd;
		if (paragraphStart) {
			paragraph++;
			const nl = body.indexOf('\n', sentence.start);
			paragraphEnd = nl === -1 ? body.length : nl;
			quoteMarks = 0;
		}
		const startsInQuote = quoteMarks % 2 === 1;
		quoteMarks += sentence.text.match(QUOTE_MARKS)?.length ?? 0;
		const heading = isBoilerplate(sentence.text, meta.title);
		const time = clock.next(sentence.text, { heading, paragraphStart });
		if (heading) {
			if (SECTION_HEADING.test(sentence.text)) narrative = null; // a new section tells another story
			continue;
		}
		const norm = normalizeWithMap(sentence.text);
		const triggers = classify(sentence.text, language, norm, startsInQuote);
		earlier.push(sentence.text);
		while (mentionFrom < mentions.length && mentions[mentionFrom]!.start < sentence.start) mentionFrom++;
		const quotes = quotedSpans(sentence.text, startsInQuote);
		if (!triggers.length) {
			// No event here, but the story moves on to the places the sentence says things happen in.
			let last: PlaceMention | null = null;
			let to = mentionFrom;
			while (to < mentions.length && mentions[to]!.start < sentence.end) to++;
			const here = mentions.slice(mentionFrom, to);
			for (const m of here) {
				if (m.end > sentence.end || m === dateline || !isLocal(m) || inSpans(quotes, m.start - sentence.start)) continue;
				if (STORY_ROLES.has(mentionRole(sentence, m, profile, false, here))) last = m;
			}
			if (last) narrative = { mention: last, paragraph };
			continue;
		}
		const actorHits = findActorHits(sentence.text, norm);
		// Places inside quotations are what someone said, and a country word before a person's title ("Russian
		// President Vladimir Putin") says who the person is, not where it happened.
		let mentionTo = mentionFrom;
		while (mentionTo < mentions.length && mentions[mentionTo]!.start < sentence.end) mentionTo++;
		const inSentence = mentions.slice(mentionFrom, mentionTo).filter(
			(m) =>
				m.start >= sentence.start &&
				m.end <= sentence.end &&
				m !== dateline &&
				!inSpans(quotes, m.start - sentence.start) &&
				!(m.place.kind === 'country' && actorHits.some((a) => a.value.kind === 'person' && a.start >= m.end - sentence.start && a.start - (m.end - sentence.start) <= 40 && TITLE_GAP.test(sentence.text.slice(m.end - sentence.start, a.start))))
		);
		const borders = inferBorders(sentence, inSentence, dominant, gazetteer, profile);
		// "at Sunday's rally in the capital": the capital of the country the sentence or the article is about.
		const anaphora = profile.capitalWord.exec(sentence.text);
		const capitalCountry = inSentence.find((m) => m.place.kind === 'country')?.place.country_codes[0] ?? dominant?.country_codes[0];
		const capital = anaphora && capitalCountry && !inSentence.some((m) => m.place.kind === 'city') && !inSpans(quotes, anaphora.index) ? capitalOf(capitalCountry, gazetteer) : null;
		if (capital && anaphora) {
			const at = sentence.start + anaphora.index + anaphora[0].length - (anaphora[0].match(/\S+$/u)?.[0].length ?? 0);
			inSentence.push({ text: body.slice(at, sentence.start + anaphora.index + anaphora[0].length), start: at, end: sentence.start + anaphora.index + anaphora[0].length, place: capital, score: 0.6 });
		}
		const candidates: Candidate[] = [...inSentence, ...borders].map((m) => ({ mention: m, role: roleOf(sentence, m, actorHits, inSentence) }));
		// "Poland's foreign ministry summoned…", "МИД Белоруссии вызвал…": a state's organ acts where it sits, the capital.
		const seats: { organ: { start: number; end: number }; candidate: Candidate }[] = [];
		for (const c of candidates) {
			const { place } = c.mention;
			if (place.kind !== 'country' || place.country_codes.length !== 1 || inSpans(quotes, c.mention.start - sentence.start)) continue;
			const organ = organOf(sentence, c.mention.start - sentence.start, c.mention.end - sentence.start, profile);
			const capital = organ && capitalOf(place.country_codes[0]!, gazetteer);
			if (organ && capital) seats.push({ organ, candidate: { mention: { ...c.mention, place: capital, score: 0.6 }, role: 'actor' } });
		}
		const actors: Actor[] = []; // each actor once, in order of first mention (what `actorsIn` gives, without matching twice)
		for (const h of actorHits) if (!actors.some((x) => x.name === h.value.name)) actors.push(h.value);
		// Where an unplaced event falls back to: the country of an actor named outside quotations.
		const actingCountries = actorHits.filter((h) => h.value.country && !inSpans(quotes, h.start)).map((h) => h.value.country!);
		// … or of a state the sentence names as acting or addressed ("Germany also granted", "urged Poland").
		for (const c of candidates) if ((c.role === 'actor' || c.role === 'addressee') && c.mention.place.country_codes.length === 1) actingCountries.push(c.mention.place.country_codes[0]!);
		// "he said during a televised meeting": an English sentence naming no person whose subject is a pronoun
		// is about the person last named.
		if (profile.subjectPronoun && !actors.some((a) => a.kind === 'person') && profile.subjectPronoun.test(sentence.text.replace(/["\u201C][^"\u201D]*["\u201D]?/g, ' '))) {
			const previousPerson = previousPersonOf(earlier.slice(0, -1));
			if (previousPerson) {
				actors.unshift(previousPerson);
				if (previousPerson.country) actingCountries.push(previousPerson.country);
			}
		}
		// The story's place so far in this paragraph, before this sentence adds to it.
		// News paragraphs are a sentence or two: the story carries into the next paragraph, no further.
		const story = narrative && narrative.paragraph >= paragraph - 1 ? narrative.mention : null;
		let storyNext: PlaceMention | null = null;
		for (const c of candidates) if (isLocal(c.mention) && STORY_ROLES.has(c.role)) storyNext = c.mention;
		let firstDate: string | null = null;
		for (const [i, trigger] of triggers.entries()) {
			// One event per sentence, plus strong material acts with a place of their own in another clause.
			let chosen = choosePlace(sentence, trigger, candidates, profile.borderWord, profile.phraseWords);
			// "Germany also granted permission for strikes inside Russia": a statement or decision is made where the state
			// that makes it is, not at the places it is about (named after the verb).
			const speaker = STORY_TYPES.has(trigger.type) ? undefined : candidates.find((c) => c.role === 'actor' && c.mention.start - sentence.start < trigger.start);
			if (speaker && (!chosen || chosen.mention.start - sentence.start >= trigger.end)) chosen = speaker;
			// The organ nearest before the verb is its subject (right after the verb where the verb comes first). Its act is
			// at its seat unless the sentence says where the act itself took place (a town, a border: "the defence ministry
			// moved troops to the border"); a statement's place after the verb is what it is about.
			const verbEnd = trigger.start + (sentence.text.slice(trigger.start).match(/^\S+/u)?.[0].length ?? 0);
			const organ =
				seats.findLast((x) => x.organ.end <= trigger.start) ??
				(profile.verbFirst ? seats.find((x) => x.organ.start >= verbEnd && !/\S/u.test(sentence.text.slice(verbEnd, x.organ.start))) : undefined);
			const placeOfAct = chosen && chosen.mention.place.kind !== 'country' && (STORY_TYPES.has(trigger.type) || chosen.mention.start - sentence.start < trigger.start);
			const atSeat = !!organ && !placeOfAct && !ORGAN_GROUND_TYPES.has(trigger.type);
			if (atSeat) chosen = organ.candidate;
			let mention = chosen?.mention ?? null;
			const stated = chooseDate(sentence.text, trigger, time.readings);
			if (i === 0) firstDate = stated?.date ?? null;
			if (i > 0) {
				if (trigger.modal || !MATERIAL.has(trigger.type)) continue;
				if (/\bto\s+(?:\w+\s+)?$/i.test(sentence.text.slice(Math.max(0, trigger.start - 25), trigger.start))) continue; // "to impose sanctions": a purpose
				// A clause of its own ("…, as protests continued across Belarus") with its own place in it, or with its own
				// date ("The battle lasted from 27 February to 31 March, when Russian forces withdrew").
				const clause = clauseIndex(sentence.text, trigger.start);
				if (clause === clauseIndex(sentence.text, triggers[0]!.start)) continue;
				const ownPlace = trigger.weight >= 0.8 && !!mention && clauseIndex(sentence.text, mention.start - sentence.start) === clause;
				const ownDate = trigger.weight >= 0.6 && !!stated && !!firstDate && stated.date !== firstDate;
				if (!ownPlace && !ownDate) continue;
			}
			// Weak words ("troops", "threat") make an event only with a date of their own.
			if (trigger.weight < 0.6 && !stated) continue;
			let fallback = false;
			let fromDateline = false;
			// A sentence that names no place, or only a country it does not say it happened in ("Russian forces withdrew",
			// "Ukraine's forces regained control"), continues the story: the place its paragraph named last, else the
			// place of the headline, when they lie in that country.
			// "Zelenskyy declared martial law": a measure for a whole country is the country's, not the story's place.
			const national = !chosen && profile.nationwide.test(sentence.text) ? actingCountries.map((c) => gazetteer.byId(`country:${c}`)).find((p) => p) : undefined;
			if (national) {
				const first = mentions.find((m) => m.place.country_codes.includes(national.country_codes[0]!));
				mention = { text: first?.text ?? national.name, start: -1, end: -1, place: national, score: 0.6 };
			}
			// Statements are placed where their speakers are, not where the story is.
			const vague = !national && STORY_TYPES.has(trigger.type) && (!chosen || (!isLocal(chosen.mention) && (chosen.role === 'other' || chosen.mention.place.kind === 'region')));
			if (vague) {
				const named = chosen?.mention.place.country_codes;
				const codes = named?.length ? named : !chosen && actingCountries.length ? actingCountries : null;
				const inherit = [story, titlePlace].find((p): p is PlaceMention => !!p && (!codes || within(p, codes)));
				if (inherit) {
					mention = { ...inherit, start: -1, end: -1, score: 0.5 };
					fromDateline = true;
				}
			}
			if (!mention) {
				// No place in the sentence: the dateline's place when no actor points elsewhere, else the country of its
				// first actor that has one, else the article's country.
				const actorCountry = actingCountries.map((c) => gazetteer.byId(`country:${c}`)).find((p) => p);
				const datelineFits = !!dateline && (actingCountries.length === 0 || dateline.place.country_codes.some((c) => actingCountries.includes(c)));
				// A capital or seat of power that speaks ("Berlin said", "the Kremlin announced") is where its statement is made.
				// Not for acts on the ground: "Moscow said its forces repelled attacks near X" did not happen in Moscow.
				const seat = GROUND_TYPES.has(trigger.type) ? undefined : candidates.find((c) => c.role === 'actor' && isLocal(c.mention))?.mention;
				const place = datelineFits ? dateline.place : seat ? seat.place : (actorCountry ?? dominant);
				if (!place) {
					unplaced++;
					continue;
				}
				const first = mentions.find((m) => m.place.id === place.id) ?? mentions.find((m) => m.place.country_codes.includes(place.country_codes[0]!));
				mention =
					datelineFits && dateline
						? { ...dateline, start: -1, end: -1, score: 0.5 }
						: seat
							? { ...seat, score: 0.5 }
							: { text: first?.text ?? place.name, start: -1, end: -1, place, score: 0.5 };
				fallback = !datelineFits && !seat;
				fromDateline = datelineFits || !!seat;
			}
			// The seat an organ speaks from is not where the story is.
			if (i === 0 && isLocal(mention) && !fallback && !atSeat) storyNext = mention.start >= 0 ? mention : (storyNext ?? mention);
			const names = actors.map((a) => a.name);
			// "attacks on 2 and 24 April, 12 May and 18 June": one event per listed day, the first keeping the usual id;
			// "strikes on Kyiv, Kharkiv and Odesa", "border posts with Russia and Belarus": one per listed place.
			const dates = stated ? [stated, ...listedWith(sentence.text, stated, time.readings, profile)] : [time.inherited];
			const spots = chosen && chosen.mention === mention ? [mention, ...listedPlaces(chosen, candidates, sentence, profile)] : [mention];
			for (const spot of spots)
			for (const [k, date] of dates.entries()) {
			const place = spot.place;
			// A place inferred from the story, headline, dateline or a speaking capital is "near here" at best (ACLED 2).
			const geo: GeoPrecision = fallback ? 3 : fromDateline ? (Math.max(2, place.geo_precision) as GeoPrecision) : place.geo_precision;
						const properties: EventProperties = {
				id: eventId(article.sourceId, sentence.start, sentence.end, k === 0 ? place.id : `${place.id}@${date.date}`, trigger.type),
				date: date.date,
				date_start: date.date_start,
				date_end: date.date_end,
				date_precision: date.precision,
				date_text: date.text,
				event_type: trigger.type,
				summary: summarize(trigger.type, place, names, gazetteer),
				actors: names,
				place_id: place.id,
				place_name: place.name,
				place_text: spot.text,
				place_kind: place.kind,
				country_codes: [...place.country_codes],
				geo_precision: geo,
				geonames_id: place.geonames_id,
				evidence: sentence.text,
				evidence_start: sentence.start,
				evidence_end: sentence.end,
				language,
				source_id: article.sourceId,
				source_title: meta.title,
				source_publisher: meta.publisher,
				source_url: meta.url,
				source_published: meta.published,
				confidence: confidenceOf(trigger, geo, fallback || fromDateline, date, stated === null, spot.score)
			};
			events.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [round5(place.lon), round5(place.lat)] }, properties });
			}
		}
		if (storyNext) narrative = { mention: storyNext, paragraph };
	}
	return { events: dropRestatements(events), unplaced, mentions };
}

/** Whether the event's date was read from its own sentence (not inherited from the story or the publication). */
const statesDate = (p: EventProperties): boolean => p.date_text !== null && p.evidence.includes(p.date_text);

/**
 * An event dated only by its article that repeats the type and place (or, against a dated one, the type and all
 * its actors) of another event of the same article is a restatement ("He described the phone conversation as …",
 * "The meeting, in which Lukashenko thanked Putin …"): keep the better-dated one. And the same happening told twice
 * (same type, place and dates) is one event: the first, or the more confident, telling.
 */
function dropRestatements(events: EventFeature[]): EventFeature[] {
	const kept = events.filter((e, i) => {
		const p = e.properties;
		// Only an event dated by publication alone may be a restatement; one dated by its story is its own happening.
		if (p.date_text !== null) return true;
		return !events.some((o, j) => {
			const q = o.properties;
			if (j === i || q.event_type !== p.event_type) return false;
			// Two undated events with different first actors (most often the subjects) differ: Lukashenko’s threat is not Maas’s.
			if (!statesDate(q) && p.actors.length > 0 && q.actors.length > 0 && p.actors[0] !== q.actors[0]) return false;
			const sameActors = p.actors.length >= 2 && p.actors.every((a) => q.actors.includes(a));
			// "Protests in Belarus on August 15" restates "… gripped by protests" placed at the dateline's Minsk.
			// A town its own sentence names ("In Kharkiv, explosions damaged …") tells where, which "Russia struck Ukraine" did not.
			const finerHere = q.place_kind === 'country' && p.place_kind !== 'country' && p.evidence.includes(p.place_text);
			const sameCountry = !finerHere && (p.place_kind === 'country' || q.place_kind === 'country') && p.country_codes.join() === q.country_codes.join();
			if (q.place_id !== p.place_id && !(sameCountry && statesDate(q)) && !(sameActors && statesDate(q))) return false;
			return statesDate(q) || q.confidence > p.confidence || (q.confidence === p.confidence && j < i);
		});
	});
	const best = new Map<string, EventFeature>();
	for (const e of kept) {
		const p = e.properties;
		// Different first actors (most often the subjects) make different happenings: Lukashenko’s threat is not Maas’s.
		const key = `${p.event_type}|${p.place_id}|${p.date_start}|${p.date_end}|${p.actors[0] ?? ''}`;
		const prev = best.get(key);
		if (!prev || p.confidence > prev.properties.confidence) best.set(key, e);
	}
	const chosen = new Set(best.values());
	return kept.filter((e) => chosen.has(e));
}

/** The events of one article (see `extractArticle` for the counts that go with them). */
export function extractEvents(article: Article, gazetteer: Gazetteer): EventFeature[] {
	return extractArticle(article, gazetteer).events;
}
