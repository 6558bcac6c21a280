// Finds lexicon phrases in text: case- and accent-insensitive, Arabic folded, Arabic proclitics allowed.
import { foldChar, normalizeWithMap, type NormalizedText } from '../text/normalize';

export interface LexiconEntry<T> {
	/** A phrase; a trailing '*' allows any word ending. All-caps names of ≤ 3 letters ("US", "EU") match case-sensitively. */
	pattern: string;
	value: T;
}

export interface Hit<T> {
	/** UTF-16 offsets into the original text. */
	start: number;
	end: number;
	text: string;
	value: T;
}

const ARABIC = /[\u0600-\u06FF]/;
// Arabic words carry proclitics: conjunction و/ف, preposition ب/ل/ك, article ال (ل+ال → لل).
const AR_PREFIX = '(?:[وف])?(?:[بلك])?(?:ال|ل)?';

function foldPattern(pattern: string): string {
	let out = '';
	for (const ch of pattern) out += ch.length === 1 ? foldChar(ch) : ch;
	return out;
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a lexicon into one regular expression over normalised text; the longest phrase wins at a position. */
export class Matcher<T> {
	private readonly re: RegExp;
	private readonly entries: { value: T; exact: string | null }[];

	constructor(entries: readonly LexiconEntry<T>[]) {
		const compiled = entries
			.map((e) => {
				const star = e.pattern.endsWith('*');
				const phrase = foldPattern(star ? e.pattern.slice(0, -1) : e.pattern).trim();
				const arabic = ARABIC.test(phrase);
				let body = phrase.split(/\s+/).map(escape).join('\\s+');
				if (arabic) body = AR_PREFIX + body;
				const tail = star ? '[\\p{L}\\p{M}\\p{N}]*' : '';
				const exact = /^[A-Z.]{2,4}$/.test(e.pattern) ? e.pattern : null;
				return { src: `(?<![\\p{L}\\p{N}])(${body}${tail})(?![\\p{L}\\p{N}])`, len: phrase.length, value: e.value, exact };
			})
			.sort((a, b) => b.len - a.len);
		this.entries = compiled.map((c) => ({ value: c.value, exact: c.exact }));
		this.re = new RegExp(compiled.map((c) => c.src).join('|'), 'gu');
	}

	/** Every non-overlapping match in `text`, left to right. Pass `norm` when the text was already normalised. */
	find(text: string, norm: NormalizedText = normalizeWithMap(text)): Hit<T>[] {
		const hits: Hit<T>[] = [];
		this.re.lastIndex = 0;
		for (let m = this.re.exec(norm.text); m; m = this.re.exec(norm.text)) {
			let g = 1;
			while (g < m.length && m[g] === undefined) g++;
			const entry = this.entries[g - 1];
			if (!entry) continue;
			const start = norm.map[m.index]!;
			const end = norm.map[m.index + m[0].length - 1]! + 1;
			const original = text.slice(start, end);
			if (entry.exact !== null && original !== entry.exact) continue;
			hits.push({ start, end, text: original, value: entry.value });
		}
		return hits;
	}
}
