// Finds lexicon phrases in text: case- and accent-insensitive, Arabic folded, Arabic proclitics and verb prefixes allowed.
// Token-indexed (first word → candidate phrases; a first word that takes endings in a letter trie), so each token
// checks only the phrases that can start with it and the cost grows with the text, not with the lexicon.
import { foldChar, normalizeWithMap, type NormalizedText } from '../text/normalize';

export interface LexiconEntry<T> {
	/**
	 * A phrase; a trailing '*' allows any word ending; a word '..' stands for up to four words ("fired .. missile*").
	 * An Arabic first word written '~ي…' is an imperfect verb: its ي may be any person prefix (ي ت ن) and take the
	 * future prefix س ("~يقصف*": يقصف، تقصف، ستقصف). All-caps names of ≤ 4 letters ("US", "EU") match case-sensitively.
	 */
	pattern: string;
	value: T;
}

export interface Hit<T> {
	/** UTF-16 offsets into the original text. */
	start: number;
	end: number;
	text: string;
	value: T;
	/** Arabic proclitics the match carried ("ب" in "ببيلاروسيا"), '' otherwise. */
	clitic: string;
	/** The Arabic imperfect prefix of a '~' verb ("ت", "سي" for the future), '' otherwise. */
	prefix: string;
}

interface Compiled<T> {
	words: string[];
	/** Per word: may it take any ending? */
	stars: boolean[];
	star: boolean;
	arabic: boolean;
	exact: string | null;
	length: number;
	/** The imperfect prefix this expansion of a '~' verb spells ('' when none). */
	prefix: string;
	value: T;
	/** Position in the order the phrases were given: ties between equal matches go to the first given. */
	seq: number;
}

interface Token {
	text: string;
	start: number; // offsets in the normalised text
	end: number;
	/** The word's readings: itself, then (Arabic) its stems without proclitics. */
	forms: string[];
}

/** A node of the letter trie of first words that take any ending: the phrases whose first word ends here. */
interface TrieNode<T> {
	next: Map<number, TrieNode<T>>;
	phrases: Compiled<T>[] | null;
}

const ARABIC = /[\u0600-\u06FF]/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// Between the words of one phrase: spaces, hyphens, dots of initials, apostrophes.
const JOINER = /^[\s\-.'’]*$/;
/** A pattern word standing for up to this many words of any kind. */
const GAP = '..';
const GAP_WORDS = 4;
// The person prefixes of an Arabic imperfect verb (he/it, she/they-feminine/you, we), each also in the future (س).
const IMPERFECT = ['ي', 'ت', 'ن'].flatMap((p) => [p, 'س' + p]);

function fold(s: string): string {
	let out = '';
	for (const ch of s) out += ch.length === 1 ? foldChar(ch) : ch;
	return out;
}

function words(s: string): string[] {
	return s.match(WORD) ?? [];
}

/** A word with its Arabic proclitics (و ف, ب ل ك, ال) stripped in every way that leaves ≥ 2 letters. */
function arabicStems(word: string): string[] {
	const out = [word];
	const conj = ['', 'و', 'ف'];
	const prep = ['', 'ب', 'ل', 'ك'];
	const art = ['', 'ال', 'ل'];
	for (const a of conj) {
		if (!word.startsWith(a)) continue;
		for (const b of prep) {
			if (!word.startsWith(a + b)) continue;
			for (const c of art) {
				const prefix = a + b + c;
				if (prefix && word.startsWith(prefix) && word.length - prefix.length >= 2) out.push(word.slice(prefix.length));
			}
		}
	}
	return out;
}

// The tokens of a normalised text, shared by every matcher run over it (triggers, exclusions, actors).
const TOKENS = new WeakMap<NormalizedText, Token[]>();

function tokensOf(norm: NormalizedText): Token[] {
	let tokens = TOKENS.get(norm);
	if (tokens) return tokens;
	tokens = [];
	WORD.lastIndex = 0;
	for (let m = WORD.exec(norm.text); m; m = WORD.exec(norm.text)) {
		const word = m[0];
		const forms = word.charCodeAt(0) >= 0x600 && ARABIC.test(word) ? arabicStems(word) : [word];
		tokens.push({ text: word, start: m.index, end: m.index + word.length, forms });
	}
	TOKENS.set(norm, tokens);
	return tokens;
}

export class Matcher<T> {
	private readonly byFirst = new Map<string, Compiled<T>[]>();
	/**
	 * Phrases whose first word is a stem ("protest*" alone, "arrest*"), in a trie of that word's letters: walking a
	 * token's letters finds exactly the stems it starts with.
	 */
	private readonly stems: TrieNode<T> = { next: new Map(), phrases: null };
	/** Phrases tried at tokens so far (each candidate a token's index offered): the matcher's work, for tests. */
	checked = 0;
	// Scratch list of the stem phrases a form may start, reused between tokens.
	private readonly found: Compiled<T>[] = [];

	constructor(entries: readonly LexiconEntry<T>[]) {
		let seq = 0;
		for (const e of entries) {
			const raw = e.pattern.trim().split(/\s+/);
			const verb = raw[0]!.startsWith('~');
			if (verb) raw[0] = raw[0]!.slice(1);
			const star = e.pattern.endsWith('*');
			// A '*' inside a phrase ("اتصال* هاتفي*") lets that word take endings too; "face-to-face" is three words.
			const ws: string[] = [];
			const stars: boolean[] = [];
			for (const w of raw) {
				const parts = w === GAP ? [GAP] : words(fold(w.replace(/\*/g, '')));
				parts.forEach((part, k) => (ws.push(part), stars.push(k === parts.length - 1 && w.endsWith('*'))));
			}
			if (!ws.length || ws[0] === GAP || ws[ws.length - 1] === GAP) continue;
			const base = {
				stars,
				star,
				arabic: ARABIC.test(e.pattern),
				exact: /^[A-Z.]{2,4}$/.test(e.pattern) ? e.pattern : null,
				length: ws.join(' ').length,
				value: e.value
			};
			// "~يقصف": every person and tense prefix in place of the ي, each its own phrase.
			const firsts = verb && ws[0]!.startsWith('ي') ? IMPERFECT.map((p) => [p + ws[0]!.slice(1), p] as const) : [[ws[0]!, ''] as const];
			for (const [first, prefix] of firsts) {
				const c: Compiled<T> = { ...base, words: [first, ...ws.slice(1)], prefix, seq: seq++ };
				if (c.stars[0]) {
					let node = this.stems;
					for (let k = 0; k < first.length; k++) {
						const code = first.charCodeAt(k);
						let child = node.next.get(code);
						if (!child) node.next.set(code, (child = { next: new Map(), phrases: null }));
						node = child;
					}
					(node.phrases ??= []).push(c);
				} else {
					this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), c]);
				}
			}
		}
	}

	/** The phrase `c` at token `i` (its first word read as `first`): the number of tokens it spans, 0 if none. */
	private span(c: Compiled<T>, tokens: Token[], i: number, first: string, norm: string): number {
		if (!(c.stars[0] ? first.startsWith(c.words[0]!) : first === c.words[0])) return 0;
		return 1 + Math.max(-1, this.rest(c, 1, tokens, i + 1, norm));
	}

	/** How many tokens from `j` on the pattern words from `k` on take, -1 when they do not match there. */
	private rest(c: Compiled<T>, k: number, tokens: Token[], j: number, norm: string): number {
		if (k === c.words.length) return 0;
		const want = c.words[k]!;
		if (want === GAP) {
			// The shortest gap that lets the rest match: "fired .. at" stops at the first "at".
			for (let g = 0; g <= GAP_WORDS && j + g <= tokens.length; g++) {
				if (g > 0 && !JOINER.test(norm.slice(tokens[j + g - 2]!.end, tokens[j + g - 1]!.start))) break;
				const n = this.rest(c, k + 1, tokens, j + g, norm);
				if (n >= 0) return n + g;
			}
			return -1;
		}
		if (j >= tokens.length || !JOINER.test(norm.slice(tokens[j - 1]!.end, tokens[j]!.start))) return -1;
		const got = tokens[j]!.text;
		if (c.stars[k] ? !got.startsWith(want) : got !== want) return -1;
		const n = this.rest(c, k + 1, tokens, j + 1, norm);
		return n >= 0 ? n + 1 : -1;
	}

	/**
	 * The phrases whose first word is a stem that `form` starts with, in the order given (into `this.found`). A
	 * one-letter stem takes only a one-letter word, as when these were keyed by their first two letters.
	 */
	private stemPhrases(form: string): Compiled<T>[] {
		const found = this.found;
		found.length = 0;
		let node: TrieNode<T> | undefined = this.stems;
		let lists = 0;
		for (let k = 0; k < form.length; k++) {
			node = node.next.get(form.charCodeAt(k));
			if (!node) break;
			if (node.phrases && (k > 0 || form.length === 1)) {
				for (const c of node.phrases) found.push(c);
				lists++;
			}
		}
		if (lists > 1) found.sort((a, b) => a.seq - b.seq);
		return found;
	}

	/** How many phrases a token spelling `word` is checked against (its Arabic stems' included). */
	candidates(word: string): number {
		const norm = normalizeWithMap(word);
		let n = 0;
		for (const f of tokensOf(norm)[0]?.forms ?? []) n += (this.byFirst.get(f)?.length ?? 0) + this.stemPhrases(f).length;
		return n;
	}

	/** Every non-overlapping match in `text`, leftmost-longest. Pass `norm` when the text was already normalised. */
	find(text: string, norm: NormalizedText = normalizeWithMap(text)): Hit<T>[] {
		const tokens = tokensOf(norm);
		const hits: Hit<T>[] = [];
		for (let i = 0; i < tokens.length; i++) {
			const word = tokens[i]!.text;
			let best: Compiled<T> | null = null;
			let bestN = 0;
			let bestForm = word;
			for (const f of tokens[i]!.forms) {
				for (let l = 0; l < 2; l++) {
					const list = l === 0 ? this.byFirst.get(f) : this.stems.next.has(f.charCodeAt(0)) ? this.stemPhrases(f) : undefined;
					if (!list) continue;
					this.checked += list.length;
					for (const c of list) {
						if (f !== word && !c.arabic) continue; // proclitics are Arabic only
						const n = this.span(c, tokens, i, f, norm.text);
						if (!n) continue;
						if (n > bestN || (n === bestN && best !== null && c.length > best.length)) {
							best = c;
							bestN = n;
							bestForm = f;
						}
					}
				}
			}
			if (!best) continue;
			const start = norm.map[tokens[i]!.start]!;
			const end = norm.map[tokens[i + bestN - 1]!.end - 1]! + 1;
			const original = text.slice(start, end);
			if (best.exact !== null && original !== best.exact) continue;
			hits.push({ start, end, text: original, value: best.value, clitic: word.slice(0, word.length - bestForm.length), prefix: best.prefix });
			i += bestN - 1;
		}
		return hits;
	}
}
