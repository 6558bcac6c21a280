// Finds lexicon phrases in text: case- and accent-insensitive, Arabic folded, Arabic proclitics allowed.
// Token-indexed (first word → candidate phrases), so the cost grows with the text, not with the lexicon.
import { foldChar, normalizeWithMap, type NormalizedText } from '../text/normalize';

export interface LexiconEntry<T> {
	/** A phrase; a trailing '*' allows any word ending. All-caps names of ≤ 4 letters ("US", "EU") match case-sensitively. */
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
}

interface Compiled<T> {
	words: string[];
	/** Per word: may it take any ending? */
	stars: boolean[];
	star: boolean;
	arabic: boolean;
	exact: string | null;
	length: number;
	value: T;
}

interface Token {
	text: string;
	start: number; // offsets in the normalised text
	end: number;
}

const ARABIC = /[\u0600-\u06FF]/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// Between the words of one phrase: spaces, hyphens, dots of initials, apostrophes.
const JOINER = /^[\s\-.'’]*$/;

function fold(s: string): string {
	let out = '';
	for (const ch of s) out += ch.length === 1 ? foldChar(ch) : ch;
	return out;
}

/** The first two code units of a word as one number (a Map key without allocating a string). */
function prefixKey(word: string): number {
	return word.charCodeAt(0) * 65536 + (word.length > 1 ? word.charCodeAt(1) : 0);
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

export class Matcher<T> {
	private readonly byFirst = new Map<string, Compiled<T>[]>();
	/** Phrases whose first word is a stem ("protest*" alone, "arrest*"), keyed by its first two letters. */
	private readonly byPrefix = new Map<number, Compiled<T>[]>();

	constructor(entries: readonly LexiconEntry<T>[]) {
		for (const e of entries) {
			const star = e.pattern.endsWith('*');
			// A '*' inside a phrase ("اتصال* هاتفي*") lets that word take endings too.
			const stars = e.pattern.split(/\s+/).map((w) => w.endsWith('*'));
			const ws = words(fold(e.pattern.replace(/\*/g, '')));
			if (!ws.length) continue;
			const c: Compiled<T> = {
				words: ws,
				stars: stars.length === ws.length ? stars : ws.map((_, i) => i === ws.length - 1 && star),
				star,
				arabic: ARABIC.test(e.pattern),
				exact: /^[A-Z.]{2,4}$/.test(e.pattern) ? e.pattern : null,
				length: ws.join(' ').length,
				value: e.value
			};
			if (c.stars[0]) {
				const key = prefixKey(ws[0]!);
				this.byPrefix.set(key, [...(this.byPrefix.get(key) ?? []), c]);
			} else {
				this.byFirst.set(ws[0]!, [...(this.byFirst.get(ws[0]!) ?? []), c]);
			}
		}
	}

	/** The phrase `c` at token `i` (its first word read as `first`): the number of tokens it spans, 0 if none. */
	private span(c: Compiled<T>, tokens: Token[], i: number, first: string, norm: string): number {
		const n = c.words.length;
		if (i + n > tokens.length) return 0;
		for (let k = 0; k < n; k++) {
			const want = c.words[k]!;
			const got = k === 0 ? first : tokens[i + k]!.text;
			if (k > 0 && !JOINER.test(norm.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start))) return 0;
			if (c.stars[k] ? !got.startsWith(want) : got !== want) return 0;
		}
		return n;
	}

	/** Every non-overlapping match in `text`, leftmost-longest. Pass `norm` when the text was already normalised. */
	find(text: string, norm: NormalizedText = normalizeWithMap(text)): Hit<T>[] {
		const tokens: Token[] = [];
		WORD.lastIndex = 0;
		for (let m = WORD.exec(norm.text); m; m = WORD.exec(norm.text)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
		const hits: Hit<T>[] = [];
		for (let i = 0; i < tokens.length; i++) {
			const word = tokens[i]!.text;
			const forms = word.charCodeAt(0) >= 0x600 && ARABIC.test(word) ? arabicStems(word) : [word];
			let best: Compiled<T> | null = null;
			let bestN = 0;
			let bestForm = word;
			for (const f of forms) {
				for (let l = 0; l < 2; l++) {
					const list = l === 0 ? this.byFirst.get(f) : this.byPrefix.get(prefixKey(f));
					if (!list) continue;
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
			hits.push({ start, end, text: original, value: best.value, clitic: word.slice(0, word.length - bestForm.length) });
			i += bestN - 1;
		}
		return hits;
	}
}
