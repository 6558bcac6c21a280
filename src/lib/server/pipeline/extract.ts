// Turns one parsed article into events: sentence → trigger → place → date → actors → a flat GeoJSON feature.
import { createHash } from 'node:crypto';
import type { EventFeature, EventProperties, EventType, GeoPrecision } from '../../domain/event';
import type { Place, PlaceMention } from '../../domain/place';
import { normalizeWithMap } from '../text/normalize';
import { findActorHits, type Actor } from './actors';
import type { Hit } from './matcher';
import { classify, type Trigger } from './classify';
import { widenDateText, type DateReading } from './dates';
import { NarrativeTime } from './narrative';
import { clauseIndex, inSpans, quotedSpans, splitSentences, type Span } from './sentences';
import type { Article, Gazetteer } from './types';

const BOILERPLATE =
	/cookie|leave a (comment|reply)|click to comment|^share\b|subscribe|newsletter|mailing list|copyright|all rights reserved|your email address|connect with us|^to top$|bloggers like this|contents published under|reprinted with|charitable donation|^source:|نستخدم تسجيلك|إلغاء الاشتراك|اتصل بنا|حصة هذه المادة|^الإعلانات$|ينشر برنامج|المواقف التي تم اتخاذها|وصــل حديــثاً|تم النشر/i;
const CAPTION = /\((Reuters|AFP|AP|Getty[^)]*|EPA|TASS|رويترز|فرانس برس)\)\s*$/i;
const TERMINATED = /[.!?\u061F\u06D4"”»)]\s*$/;

/** True for lines that are page furniture, headings or photo captions rather than reported sentences. */
export function isBoilerplate(sentence: string, title: string): boolean {
	if (BOILERPLATE.test(sentence) || CAPTION.test(sentence)) return true;
	if (sentence.includes(' | ') || (sentence === title && !TERMINATED.test(sentence))) return true;
	if (!TERMINATED.test(sentence)) {
		const words = sentence.split(/\s+/).filter(Boolean);
		if (words.length < 12) return true;
		const capitalised = words.filter((w) => /^[A-Z]/.test(w)).length;
		if (capitalised / words.length > 0.6) return true; // a Title Case headline
	}
	return false;
}

const LABEL: Record<EventType, string> = {
	AGREE: 'Agreement',
	CONSULT: 'Meeting or talks',
	SUPPORT: 'Support',
	CONCEDE: 'Concession',
	COOPERATE: 'Cooperation',
	AID: 'Aid',
	RETREAT: 'Withdrawal',
	REQUEST: 'Request',
	ACCUSE: 'Accusation',
	REJECT: 'Rejection',
	THREATEN: 'Threat',
	PROTEST: 'Protest',
	SANCTION: 'Sanctions',
	MOBILIZE: 'Massing or deployment',
	COERCE: 'Arrests or repression',
	ASSAULT: 'Attack'
};

// Types that may make a second event in a sentence: things done on the ground, not statements.
const MATERIAL = new Set<EventType>(['PROTEST', 'COERCE', 'ASSAULT', 'MOBILIZE', 'SANCTION', 'AID']);

// Seas and continents (`region`) say less about where something happened than a country does.
const SPECIFICITY: Record<string, number> = { site: 3, city: 3, border: 3, admin: 2, region: 0.5, country: 1 };
// A dateline: the capitalised place name that opens a line, then "--", a dash, a comma or "(" ("MINSK --").
const DATELINE_AFTER = /^\s*(?:--|[\u2013\u2014]|-\s|,|\()/;
// Capitalised words only between a country word and a person ("Russian President Vladimir Putin").
const TITLE_GAP = /^(?:\s+[A-Z][\p{L}.'\u2019-]*)*\s+$/u;
// A state named right before its verb ("Russia has promised", "Belarus denied") is who acts, not where.
const VERB_AFTER = /^\s+(?:has|have|had|says|said|warns|warned|accuses|accused|denies|denied|agrees|agreed|announces|announced|threatens|threatened|[a-z]+ed)\b/;
const SUBJECT_PRONOUN = /(?:^|[\s,;(])(?:he|she)\b/i;
// A name after these words is who asked or was told, not where it happened ("at the request of France").
const NOT_WHERE_BEFORE = /\b(?:request of|according to|on behalf of|told|urged|accused|accusing|called on|asked)\s+(?:the\s+)?$/i;
const QUOTE_MARKS = /["“”«»]/g;
const BORDER_WORD = /\b(border|borders|frontier|border crossing)\b|حدود|الحدود|حدودها|حدوده/i;

/** Stable event id: `ev-` + the first 12 hex digits of SHA-1 over source id, evidence offsets, place id and type. */
export function eventId(sourceId: string, start: number, end: number, placeId: string, type: EventType): string {
	const h = createHash('sha1').update(`${sourceId}\u0000${start}\u0000${end}\u0000${placeId}\u0000${type}`).digest('hex');
	return `ev-${h.slice(0, 12)}`;
}

function countryName(gazetteer: Gazetteer, code: string): string {
	return gazetteer.byId(`country:${code}`)?.name ?? code;
}

function placeLabel(place: Place, gazetteer: Gazetteer): string {
	if (place.kind === 'border') return `the ${place.country_codes.map((c) => countryName(gazetteer, c)).join('–')} border`;
	if (place.kind === 'country') return place.name;
	const country = place.country_codes[0];
	return country ? `${place.name} (${countryName(gazetteer, country)})` : place.name;
}

/** One short English line: "Protest in Minsk (Belarus) — Protesters". */
export function summarize(type: EventType, place: Place, actors: readonly string[], gazetteer: Gazetteer): string {
	const where = place.kind === 'border' ? `at ${placeLabel(place, gazetteer)}` : `in ${placeLabel(place, gazetteer)}`;
	const who = actors.length ? ` — ${actors.slice(0, 3).join(', ')}` : '';
	return `${LABEL[type]} ${where}${who}`;
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

const BORDER_LINK = /^\s*(?:with|between|of|مع|بين)\s/i;
const TWO_COUNTRIES = /\b(two|both) countries['’]?\s+borders?\b/i;

/**
 * A border the sentence names between two countries without the gazetteer having resolved it as one:
 * "its borders with Poland" (the other country: the nearest one named before, else the article's),
 * "حدودها مع روسيا البيضاء", "the two countries' borders" (the first two countries named).
 */
function inferBorder(sentence: Span, inSentence: readonly PlaceMention[], dominant: Place | null, gazetteer: Gazetteer): PlaceMention | null {
	if (inSentence.some((m) => m.place.kind === 'border')) return null;
	const countries = inSentence.filter((m) => m.place.kind === 'country' && m.place.country_codes.length === 1);
	const code = (m: PlaceMention): string => m.place.country_codes[0]!;
	const mention = (start: number, end: number, place: Place): PlaceMention => ({ text: sentence.text.slice(start - sentence.start, end - sentence.start), start, end, place, score: 0.6 });
	const lookup = (a: string, b: string): Place | null => (a === b ? null : gazetteer.byId(`border:${[a, b].sort().join('-')}`));
	const two = TWO_COUNTRIES.exec(sentence.text);
	if (two) {
		const codes = [...new Set(countries.filter((m) => m.start < sentence.start + two.index).map(code))];
		const place = codes.length >= 2 ? lookup(codes[0]!, codes[1]!) : null;
		if (place) return mention(sentence.start + two.index, sentence.start + two.index + two[0].length, place);
	}
	const re = new RegExp(BORDER_WORD.source, 'gi');
	for (let w = re.exec(sentence.text); w; w = re.exec(sentence.text)) {
		// "tried to cross the border into Poland from Belarus": exactly two countries right after a border word.
		const at = sentence.start + w.index;
		const clause = clauseIndex(sentence.text, w.index);
		const inClause = [
			...new Set(countries.filter((m) => m.start > at && m.start - at <= 60 && clauseIndex(sentence.text, m.start - sentence.start) === clause).map(code))
		];
		if (inClause.length === 2) {
			const place = lookup(inClause[0]!, inClause[1]!);
			if (place) return mention(sentence.start + w.index, sentence.start + w.index + w[0].length, place);
		}
		const wordEnd = sentence.start + w.index + w[0].length;
		if (!BORDER_LINK.test(sentence.text.slice(wordEnd - sentence.start))) continue;
		const x = countries.find((m) => m.start >= wordEnd && m.start - wordEnd <= 12);
		if (!x) continue;
		const y =
			countries.find((m) => m.start > x.end && m.start - x.end <= 8 && code(m) !== code(x)) ??
			countries.filter((m) => m.end <= sentence.start + w!.index && code(m) !== code(x)).at(-1);
		const other = y ? code(y) : dominant?.country_codes[0];
		const place = other ? lookup(code(x), other) : null;
		if (place) return mention(sentence.start + w.index, y && y.start > x.end ? y.end : x.end, place);
	}
	return null;
}

function clauseText(sentence: string, clause: number): string {
	return sentence.split(/[,;:\u060C\u061B\u2013\u2014]/)[clause] ?? '';
}

/** The most specific place of the sentence, preferring the trigger's clause and then the nearest to it. */
function choosePlace(sentence: Span, trigger: Trigger, candidates: readonly PlaceMention[], acting: readonly Hit<Actor>[]): PlaceMention | null {
	const clause = clauseIndex(sentence.text, trigger.start);
	let best: PlaceMention | null = null;
	let bestScore = -Infinity;
	for (const m of candidates) {
		const local = m.start - sentence.start;
		// A border also counts as in the trigger's clause when that clause names a border ("tried to cross the border").
		const borderHere = m.place.kind === 'border' && BORDER_WORD.test(clauseText(sentence.text, clause));
		const sameClause = clauseIndex(sentence.text, local) === clause || borderHere ? 2 : 0;
		const distance = Math.abs(local - trigger.start) / 200;
		const after = local >= trigger.end ? 0.3 : 0; // "arrested 774 people in … Minsk"
		// "at the request of France"; "allowed Moscow to use" (a capital standing for its government: a state actor's
		// name not after "in", "of", "the capital, " …): who asked or acts, not where.
		const metonymy =
			m.place.kind === 'city' &&
			!/\bcapital,?\s*$|العاصمة\s*$/i.test(sentence.text.slice(Math.max(0, local - 12), local)) &&
			acting.some((a) => a.value.kind === 'state' && a.start < local + m.text.length && local < a.end);
		const notWhere = NOT_WHERE_BEFORE.test(sentence.text.slice(Math.max(0, local - 25), local)) || metonymy ? 2 : 0;
		const score = (SPECIFICITY[m.place.kind] ?? 1) + sameClause + after - distance + m.score * 0.5 - notWhere;
		if (score > bestScore) {
			best = m;
			bestScore = score;
		}
	}
	return best;
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
	let mentionFrom = 0; // mentions are sorted: the first one that may lie in the current sentence
	let unplaced = 0;
	let paragraphEnd = -1;
	let quoteMarks = 0; // quotation marks seen so far in the current line: odd = inside a quotation
	const clock = new NarrativeTime(language, meta.published);
	for (const sentence of splitSentences(body)) {
		const paragraphStart = sentence.start > paragraphEnd;
		if (paragraphStart) {
			const nl = body.indexOf('\n', sentence.start);
			paragraphEnd = nl === -1 ? body.length : nl;
			quoteMarks = 0;
		}
		const startsInQuote = quoteMarks % 2 === 1;
		quoteMarks += sentence.text.match(QUOTE_MARKS)?.length ?? 0;
		const heading = isBoilerplate(sentence.text, meta.title);
		const time = clock.next(sentence.text, { heading, paragraphStart });
		if (heading) continue;
		const norm = normalizeWithMap(sentence.text);
		const triggers = classify(sentence.text, language, norm, startsInQuote);
		earlier.push(sentence.text);
		if (!triggers.length) continue;
		const quotes = quotedSpans(sentence.text, startsInQuote);
		const actorHits = findActorHits(sentence.text, norm);
		// Places inside quotations are what someone said, and a country word before a person's title ("Russian
		// President Vladimir Putin") says who the person is, not where it happened.
		while (mentionFrom < mentions.length && mentions[mentionFrom]!.start < sentence.start) mentionFrom++;
		let mentionTo = mentionFrom;
		while (mentionTo < mentions.length && mentions[mentionTo]!.start < sentence.end) mentionTo++;
		const inSentence = mentions.slice(mentionFrom, mentionTo).filter(
			(m) =>
				m.start >= sentence.start &&
				m.end <= sentence.end &&
				m !== dateline &&
				!inSpans(quotes, m.start - sentence.start) &&
				!(m.place.kind === 'country' && VERB_AFTER.test(body.slice(m.end, m.end + 20)) && actorHits.some((a) => a.value.kind === 'state' && a.start === m.start - sentence.start)) &&
				!(m.place.kind === 'country' && actorHits.some((a) => a.value.kind === 'person' && a.start >= m.end - sentence.start && a.start - (m.end - sentence.start) <= 40 && TITLE_GAP.test(sentence.text.slice(m.end - sentence.start, a.start))))
		);
		const border = inferBorder(sentence, inSentence, dominant, gazetteer);
		const candidates = border ? [...inSentence, border] : inSentence;
		const actors: Actor[] = []; // each actor once, in order of first mention (what `actorsIn` gives, without matching twice)
		for (const h of actorHits) if (!actors.some((x) => x.name === h.value.name)) actors.push(h.value);
		// Where an unplaced event falls back to: the country of an actor named outside quotations.
		const actingCountries = actorHits.filter((h) => h.value.country && !inSpans(quotes, h.start)).map((h) => h.value.country!);
		// "he said during a televised meeting": an English sentence naming no person whose subject is a pronoun
		// is about the person last named.
		if (language === 'en' && !actors.some((a) => a.kind === 'person') && SUBJECT_PRONOUN.test(sentence.text.replace(/["\u201C][^"\u201D]*["\u201D]?/g, ' '))) {
			const previousPerson = previousPersonOf(earlier.slice(0, -1));
			if (previousPerson) {
				actors.unshift(previousPerson);
				if (previousPerson.country) actingCountries.push(previousPerson.country);
			}
		}
		for (const [i, trigger] of triggers.entries()) {
			// One event per sentence, plus strong material acts with a place of their own in another clause.
			let mention = choosePlace(sentence, trigger, candidates, actorHits);
			if (i > 0) {
				if (trigger.weight < 0.8 || trigger.modal || !mention || !MATERIAL.has(trigger.type)) continue;
				if (/\bto\s+(?:\w+\s+)?$/i.test(sentence.text.slice(Math.max(0, trigger.start - 25), trigger.start))) continue; // "to impose sanctions": a purpose
				// A clause of its own ("…, as protests continued across Belarus"), with its own place in it.
				const clause = clauseIndex(sentence.text, trigger.start);
				if (clause === clauseIndex(sentence.text, triggers[0]!.start)) continue;
				if (clauseIndex(sentence.text, mention.start - sentence.start) !== clause) continue;
			}
			const stated = chooseDate(sentence.text, trigger, time.readings);
			// Weak words ("troops", "threat") make an event only with a date of their own.
			if (trigger.weight < 0.6 && !stated) continue;
			let fallback = false;
			let fromDateline = false;
			if (!mention) {
				// No place in the sentence: the dateline's place when no actor points elsewhere, else the country of its
				// first actor that has one, else the article's country.
				const actorCountry = actingCountries.map((c) => gazetteer.byId(`country:${c}`)).find((p) => p);
				const datelineFits = !!dateline && (actingCountries.length === 0 || dateline.place.country_codes.some((c) => actingCountries.includes(c)));
				const place = datelineFits ? dateline.place : (actorCountry ?? dominant);
				if (!place) {
					unplaced++;
					continue;
				}
				const first = mentions.find((m) => m.place.id === place.id) ?? mentions.find((m) => m.place.country_codes.includes(place.country_codes[0]!));
				mention = datelineFits && dateline ? { ...dateline, start: -1, end: -1, score: 0.5 } : { text: first?.text ?? place.name, start: -1, end: -1, place, score: 0.5 };
				fallback = !datelineFits;
				fromDateline = datelineFits;
			}
			const date = stated ?? time.inherited;
			const place = mention.place;
			const geo: GeoPrecision = fallback ? 3 : place.geo_precision;
			const names = actors.map((a) => a.name);
			const properties: EventProperties = {
				id: eventId(article.sourceId, sentence.start, sentence.end, place.id, trigger.type),
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
				place_text: mention.text,
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
				confidence: confidenceOf(trigger, geo, fallback || fromDateline, date, stated === null, mention.score)
			};
			events.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [round5(place.lon), round5(place.lat)] }, properties });
		}
	}
	return { events: dropRestatements(events), unplaced, mentions };
}

/**
 * An event dated only by its article that repeats the type and place (or, against a dated one, the type and all
 * its actors) of another event of the same article is a restatement ("He described the phone conversation as …",
 * "The meeting, in which Lukashenko thanked Putin …"): keep the better-dated one.
 */
function dropRestatements(events: EventFeature[]): EventFeature[] {
	return events.filter((e, i) => {
		const p = e.properties;
		if (p.date_text !== null) return true;
		return !events.some((o, j) => {
			const q = o.properties;
			if (j === i || q.event_type !== p.event_type) return false;
			// Two undated events with different first actors (most often the subjects) differ: Lukashenko’s threat is not Maas’s.
			if (q.date_text === null && p.actors.length > 0 && q.actors.length > 0 && p.actors[0] !== q.actors[0]) return false;
			const sameActors = p.actors.length >= 2 && p.actors.every((a) => q.actors.includes(a));
			// "Protests in Belarus on August 15" restates "… gripped by protests" placed at the dateline's Minsk.
			const sameCountry = (p.place_kind === 'country' || q.place_kind === 'country') && p.country_codes.join() === q.country_codes.join();
			if (q.place_id !== p.place_id && !(sameCountry && q.date_text !== null) && !(sameActors && q.date_text !== null)) return false;
			return q.date_text !== null || q.confidence > p.confidence || (q.confidence === p.confidence && j < i);
		});
	});
}

/** The events of one article (see `extractArticle` for the counts that go with them). */
export function extractEvents(article: Article, gazetteer: Gazetteer): EventFeature[] {
	return extractArticle(article, gazetteer).events;
}
