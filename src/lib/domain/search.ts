// Free-text search over events that forgives case, diacritics, Arabic letter forms, romanisations and actor aliases.
import { normalizeArabic } from './arabic';
import type { EventProperties } from './event';
import { translitKey } from './translit';
import actorsFile from '../../../geodata/lexicon/actors.json';

const LATIN: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Lower-cases, strips Latin and Arabic diacritics and tatweel, and unifies Arabic letter forms (hamza seats, ى, ة). */
export function foldText(text: string): string {
	return normalizeArabic(
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[łđøıßæœ]/g, (c) => LATIN[c]!)
	);
}

const WORD = /[\p{L}\p{N}'’]+/gu;

function words(folded: string): string[] {
	return folded.match(WORD) ?? [];
}

/** A romanisation key worth matching on (Kyiv and Kiev meet as "kav"): two letters would make unrelated words meet. */
function keyOf(word: string): string {
	const key = translitKey(word);
	return key.length >= 3 ? key : '';
}

/** A folded alias found in folded text: Arabic anywhere (proclitics attach: ولوكاشينكو), Latin at a word start. */
function aliasTest(folded: string): (text: string) => boolean {
	if (/[\u0600-\u06ff]/.test(folded)) return (text) => text.includes(folded);
	const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])${folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
	return (text) => re.test(text);
}

interface Lexicon {
	byAlias: Map<string, Set<string>>;
	spellings: Map<string, ((text: string) => boolean)[]>;
}

let lexicon: Lexicon | null = null;

/**
 * The actor lexicon (geodata/lexicon/actors.json) for search: `byAlias` maps each folded alias and its
 * romanisation key to canonical names; `spellings` maps a canonical name to tests for all its aliases. Built at the
 * first search, not when the page loads (folding and compiling every alias is work a page without a query skips).
 */
function actorLexicon(): Lexicon {
	if (lexicon) return lexicon;
	const byAlias = new Map<string, Set<string>>();
	const spellings = new Map<string, ((text: string) => boolean)[]>();
	const add = (k: string, name: string) => {
		const set = byAlias.get(k) ?? new Set<string>();
		set.add(name);
		byAlias.set(k, set);
	};
	for (const a of (actorsFile as { actors: { name: string; aliases: string[] }[] }).actors) {
		const tests: ((text: string) => boolean)[] = [];
		for (const alias of [a.name, ...a.aliases]) {
			const folded = foldText(alias.replace(/\*$/, '')).trim(); // "Name*" in the lexicon allows endings
			if (folded.length < 3) continue;
			add(folded, a.name);
			const key = keyOf(folded.replace(/\s+/g, ''));
			if (key) add(`~${key}`, a.name);
			tests.push(aliasTest(folded));
		}
		spellings.set(a.name, tests);
	}
	return (lexicon = { byAlias, spellings });
}

/** What one event offers the search: its folded text and the romanisation keys of its words. */
interface Searchable {
	text: string;
	keys: Set<string>;
}

// Event properties are read-only once loaded: fold each event's text once, not on every keystroke.
const searchables = new WeakMap<EventProperties, Searchable>();

function searchable(p: EventProperties): Searchable {
	let s = searchables.get(p);
	if (!s) {
		const text = foldText([p.summary, p.evidence, p.place_name, p.place_text, p.event_type, p.source_title, p.source_publisher ?? '', ...p.actors].join('\n'));
		const keys = new Set<string>();
		for (const w of words(text)) {
			const k = keyOf(w);
			if (k) keys.add(k);
		}
		s = { text, keys };
		searchables.set(p, s);
	}
	return s;
}

/**
 * A compiled search for `q` (compile once, test many). An event matches when its folded text holds the folded
 * query; or when every word of the query is in it, as text or as a romanisation of one of its words (Lukashenka,
 * Lukashenko; Kharkov, Kharkiv); or when the query names an actor by any alias in the actor lexicon and the event
 * lists that actor (under its canonical name) or names it in any of its spellings and scripts ("Lukashenka" finds
 * "Alexander Lukashenko" in the actors and "لوكاشينكو" in an Arabic title).
 */
export function textQuery(q: string): (p: EventProperties) => boolean {
	const folded = foldText(q).trim();
	const parts = words(folded).map((w) => ({ w, key: keyOf(w) }));
	const key = keyOf(folded.replace(/\s+/g, ''));
	const { byAlias, spellings: all } = actorLexicon();
	const actors = byAlias.get(folded) ?? (key ? byAlias.get(`~${key}`) : undefined) ?? null;
	const spellings = actors ? [...actors].flatMap((a) => all.get(a) ?? []) : [];
	return (p) => {
		if (actors && p.actors.some((a) => actors.has(a))) return true;
		const s = searchable(p);
		if (s.text.includes(folded)) return true;
		if (spellings.some((test) => test(s.text))) return true;
		return parts.length > 0 && parts.every(({ w, key }) => s.text.includes(w) || (key !== '' && s.keys.has(key)));
	};
}
