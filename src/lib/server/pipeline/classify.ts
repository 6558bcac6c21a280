// Finds PLOVER event triggers in a sentence from the multilingual lexicons in geodata/lexicon/.
import { EVENT_TYPES, isEventType, type EventType } from '../../domain/event';
import { normalizeWithMap, type NormalizedText } from '../text/normalize';
import { Matcher, type LexiconEntry } from './matcher';
import { clauseIndex, inSpans, quotedSpans } from './sentences';
import triggersEn from '../../../../geodata/lexicon/triggers.en.json';
import triggersAr from '../../../../geodata/lexicon/triggers.ar.json';
import triggersPl from '../../../../geodata/lexicon/triggers.pl.json';
import triggersRu from '../../../../geodata/lexicon/triggers.ru.json';
import triggersUk from '../../../../geodata/lexicon/triggers.uk.json';
import { profileFor } from './lang';

export interface Trigger {
	type: EventType;
	/** 0–1: how surely the words state an event of this type. */
	weight: number;
	/** Offsets into the sentence. */
	start: number;
	end: number;
	text: string;
	/** Stated as a plan, a possibility or a forecast ("will", "could", "expected to"). */
	modal: boolean;
}

interface LexiconFile {
	types: Record<string, [string, number][]>;
	exclude: string[];
}

interface Lexicon {
	triggers: Matcher<{ type: EventType; weight: number }>;
	exclude: Matcher<true> | null;
}

function compile(file: LexiconFile, name: string): Lexicon {
	const entries: LexiconEntry<{ type: EventType; weight: number }>[] = [];
	for (const [type, list] of Object.entries(file.types)) {
		if (!isEventType(type)) throw new Error(`${name}: types.${type}: not a PLOVER event type`);
		list.forEach(([pattern, weight], i) => {
			if (typeof pattern !== 'string' || typeof weight !== 'number' || weight < 0 || weight > 1) {
				throw new Error(`${name}: types.${type}[${i}]: expected [pattern, weight 0–1]`);
			}
			entries.push({ pattern, value: { type, weight } });
		});
	}
	const exclude = file.exclude.length ? new Matcher(file.exclude.map((pattern) => ({ pattern, value: true as const }))) : null;
	return { triggers: new Matcher(entries), exclude };
}

const LEXICONS: Record<string, Lexicon> = {
	en: compile(triggersEn as unknown as LexiconFile, 'geodata/lexicon/triggers.en.json'),
	ar: compile(triggersAr as unknown as LexiconFile, 'geodata/lexicon/triggers.ar.json'),
	ru: compile(triggersRu as unknown as LexiconFile, 'geodata/lexicon/triggers.ru.json'),
	uk: compile(triggersUk as unknown as LexiconFile, 'geodata/lexicon/triggers.uk.json'),
	pl: compile(triggersPl as unknown as LexiconFile, 'geodata/lexicon/triggers.pl.json')
};

/** The lexicon for a BCP 47 tag; null for languages without one (no events are extracted from them). */
function lexiconFor(language: string): Lexicon | null {
	let lex = LEXICON_OF.get(language);
	if (lex === undefined) LEXICON_OF.set(language, (lex = LEXICONS[language.split('-')[0]!.toLowerCase()] ?? null));
	return lex;
}

// Tags seen so far → their lexicon: looked up for every sentence, worked out once per tag.
const LEXICON_OF = new Map<string, Lexicon | null>();

// Words just before a trigger that deny it ("will not go", "لن يشاركوا") …
const NEGATION_EN = /\b(not|n't|never|no|without|nor|neither|denied that|refused to)\b[^,.;]{0,25}$|n[’']t\s+\w*\s*$/i;
// With or without a conjunction: "ولم تنسحب", "فلن".
const NEGATION_AR = /(?:^|\s)[وف]?(لن|لم|لا|ليس|ليست|غير|دون|بدون)\s+(?:\S+\s+){0,3}$/;
// "طائرة بدون طيار" (a drone: "an aircraft without a pilot") denies nothing.
const NOT_NEGATION_AR = /(?:^|\s)(?:بدون|دون)\s+طيار/g;
// … or make it hypothetical ("if the EU imposes", "any attack", "fears of a new offensive").
const HYPOTHETICAL_EN = /\b(if|unless|whether|any|fears?|feared|would|in case)\b[^.;]{0,60}$/i;
const HYPOTHETICAL_AR = /(?:^|\s)(إذا|اذا|لو|أي|اي|مخاوف)\s/;
// An act someone calls for, demands or wishes ("called for a retaliatory strike", "a desire for Ukraine to attack",
// "دعا إلى شن هجوم") has not happened: the call is the event (a REQUEST trigger of its own).
const REQUESTED_EN = /\b(?:call(?:s|ed|ing)? for|demand(?:s|ed|ing)? (?:for|that)|desire (?:for|to)|appeal(?:s|ed|ing)? for|push(?:es|ed|ing)? for|urg(?:e|es|ed|ing) (?:for|that))\b(?:\s+[\w'’-]+){0,5}\s+$/i;
const REQUESTED_AR = /(?:^|\s)(?:دعا|دعت|يدعو|تدعو|دعوا|طالب|طالبت|يطالب|تطالب|طالبوا)\s+(?:\S+\s+){0,3}$/;
const MODAL_EN = /\b(will|could|may|might|should|expected to|plans? to|planning to|set to|ready to|getting ready to|intends? to|threatened to)\s+(\w+\s+){0,2}$/i;
// An infinitive after words of permission, ability, attempt, wish, order or decision ("permission to attack", "tried
// to seize", "ordered the troops to withdraw") is not a report that it happened; "arrived in Sochi to meet" still is.
const INFINITIVE_EN = /\b(permission|permit(?:s|ted)?|allow(?:s|ed)?|authori[sz](?:e|es|ed)|ability|able|right|bid|attempts?|attempted|try|tries|trying|tried|seeks?|seeking|sought|aims?|aimed|wants?|wanted|wish(?:es|ed)?|hopes?|hoped|prepared|preparing|decided|decides|order(?:s|ed)?|told|asked|urged|call(?:s|ed)? on|vote[sd]?|proposed?|offer(?:s|ed)?)\b(?:\s+[\w'’-]+){0,3}\s+to\s+$/i;
// A capitalised "March" inside a sentence is the month.
const MONTH_EN = /^March$/;
// Negation after a noun trigger: "troops from Belarus will not go".
const NEGATION_AFTER_EN = /^[^,.;:]{0,30}?\b(will not|won't|would not|wouldn't|did not|didn't|do not|don't|never)\b/i;
// A future verb just before ("ستجري محادثات"); not a noun that starts like one (سيطرة control, سياسة policy, ستة six).
const MODAL_AR = /(?:^|\s)(سوف|(?!سيطر|سياس|سيار|سيد|ستة|سته|ستين|ستار)(?:سي|ست)\S{2,}|يعتزم|تعتزم)\s+(?:\S+\s+){0,1}$|(?:^|\s)سـ?$/;
// "قد" before an imperfect ("قد يقصف") is "may"; before a past verb ("قد قصفت") it is "has".
const MAY_AR = /(?:^|\s)قد\s+$/;
const MAY_IMPERFECT_AR = /(?:^|\s)قد\s+(?!تم\s)[يتن]\S+\s+$/;
// "أن تنسحب", "كي ترسل", "لترسل": an imperfect after these is a purpose or a wish, not a report.
const SUBJUNCTIVE_AR = /(?:^|\s)(?:أن|ان|كي|لكي|حتى)\s+$/;

// Habitual or background statements ("since then … met frequently") are not one event.
const HABITUAL_BEFORE = /\bsince then\b|\bover the years\b|منذ ذلك الحين/i;
const HABITUAL_AFTER = /^\s*(?:\S+\s+){0,3}?(frequently|repeatedly|regularly|بشكل متكرر|مرارا)/i;

const BACKGROUND_EN = /^\s*(after|before|following|since|despite|amid|while)\b/i;
const BACKGROUND_AR = /^\s*(بعد|قبل|منذ|رغم|بينما|وبينما)\s/;

const SCENE_EN = /\b(amid|amidst|since|following|despite)\s+(the\s+|a\s+|these\s+|those\s+)?$/i;
const SCENE_AR = /(?:^|\s)(خلال|وسط|منذ|عقب|رغم)\s+$/;

/** An Arabic trigger stated as a plan, a possibility or a purpose: by the words before it or by its own verb prefix. */
function isModalArabic(before: string, prefix: string, clitic: string): boolean {
	if (prefix.startsWith('س')) return true; // ستقصف: the future
	if (prefix && (clitic.endsWith('ل') || SUBJUNCTIVE_AR.test(before) || MAY_AR.test(before))) return true;
	return MODAL_AR.test(before) || MAY_IMPERFECT_AR.test(before);
}

function firstComma(sentence: string): number {
	const i = sentence.search(/[,\u060C;]/);
	return i === -1 ? sentence.length : i;
}

const AGREED_ON = new Set<EventType>(['SANCTION', 'AID', 'MOBILIZE', 'RETREAT', 'COOPERATE', 'CONCEDE']);

const PRIORITY = new Map<EventType, number>(
	(['ASSAULT', 'COERCE', 'MOBILIZE', 'PROTEST', 'SANCTION', 'AID', 'CONSULT', 'AGREE', 'THREATEN', 'ACCUSE', 'REJECT', 'REQUEST', 'SUPPORT', 'COOPERATE', 'CONCEDE', 'RETREAT'] as const).map(
		(t, i) => [t, i]
	)
);

/**
 * Event triggers in `sentence` (`startsInQuote`: it continues a quotation opened in an earlier sentence), negated,
 * hypothetical and quoted ones removed, strongest first (weight, then position). Empty for languages without a lexicon.
 */
export function findTriggers(sentence: string, language: string, norm: NormalizedText = normalizeWithMap(sentence), startsInQuote = false): Trigger[] {
	const lex = lexiconFor(language);
	if (!lex) return [];
	const arabic = language.startsWith('ar');
	const cues = profileFor(language).triggerCues;
	const hits = lex.triggers.find(sentence, norm);
	if (!hits.length) return []; // most sentences: no need to look for exclusions or quotations
	const excluded = lex.exclude?.find(sentence, norm) ?? [];
	const quotes = quotedSpans(sentence, startsInQuote);
	const out: Trigger[] = [];
	for (const hit of hits) {
		// An excluded phrase that takes the trigger's first or last word ("was fired on Monday", "launched an attack on
		// the policy") is another sense of it.
		if (excluded.some((x) => (x.start <= hit.start && hit.start < x.end) || (x.start < hit.end && hit.end <= x.end))) continue;
		// Look back within the clause only.
		const clauseStart = Math.max(...[',', ';', '\u060C', ':', '(', '"', '“'].map((p) => sentence.lastIndexOf(p, hit.start - 1))) + 1;
		const before = sentence.slice(clauseStart, hit.start);
		const beforeSentence = sentence.slice(0, hit.start);
		if (cues ? cues.negation.test(before) : arabic ? NEGATION_AR.test(before.replace(NOT_NEGATION_AR, ' ')) : NEGATION_EN.test(before)) continue;
		if (!arabic && !cues && hit.start > 0 && MONTH_EN.test(hit.text)) continue;
		if (!arabic && !cues && NEGATION_AFTER_EN.test(sentence.slice(hit.end))) continue;
		if (cues ? cues.hypothetical.test(beforeSentence.slice(-80)) : (arabic ? HYPOTHETICAL_AR : HYPOTHETICAL_EN).test(arabic ? before : beforeSentence.slice(-80))) continue;
		if (hit.value.type !== 'REQUEST' && (cues?.requested ?? (arabic ? REQUESTED_AR : REQUESTED_EN)).test(before)) continue;
		if (HABITUAL_BEFORE.test(beforeSentence) || HABITUAL_AFTER.test(sentence.slice(hit.end))) continue;
		// Inside a direct quotation: what someone said, not what happened.
		if (inSpans(quotes, hit.start)) continue;
		const modal = cues ? cues.modal.test(before) : arabic ? isModalArabic(before, hit.prefix, hit.clitic) : MODAL_EN.test(before) || INFINITIVE_EN.test(before);
		// An opening "After …," / "بعد أن …،" clause is the background of the sentence's main statement.
		let background = clauseStart === 0 && hit.start < firstComma(sentence) && (cues?.background ?? (arabic ? BACKGROUND_AR : BACKGROUND_EN)).test(sentence) ? 0.2 : 0;
		// A noun after "during the", "amid", "since the" … sets the scene for the sentence's act.
		if ((cues?.scene ?? (arabic ? SCENE_AR : SCENE_EN)).test(sentence.slice(Math.max(0, hit.start - 16), hit.start))) background += 0.3;
		out.push({ type: hit.value.type, weight: Math.round((hit.value.weight - background) * 100) / 100, start: hit.start, end: hit.end, text: hit.text, modal });
	}
	// "agreed a package of sanctions", "وافق على قرض": what was agreed is the event.
	for (const t of out) {
		if (t.type !== 'AGREE') continue;
		const next = out.find((o) => o !== t && AGREED_ON.has(o.type) && o.start >= t.end && o.start - t.end <= 40 && clauseIndex(sentence, o.start) === clauseIndex(sentence, t.start));
		if (next) t.weight = Math.round((t.weight - 0.2) * 100) / 100;
	}
	// Strongest first; between equals, the first in the sentence (usually the main verb), then material acts.
	return out.sort((a, b) => b.weight - a.weight || a.start - b.start || PRIORITY.get(a.type)! - PRIORITY.get(b.type)!);
}

/** The strongest trigger of each event type in the sentence, strongest first. */
export function classify(sentence: string, language: string, norm?: NormalizedText, startsInQuote = false): Trigger[] {
	const seen = new Set<EventType>();
	return findTriggers(sentence, language, norm, startsInQuote).filter((t) => (seen.has(t.type) ? false : (seen.add(t.type), true)));
}

export { EVENT_TYPES };
