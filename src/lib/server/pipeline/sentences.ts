// Splits an article body into sentences with UTF-16 offsets (English and Arabic punctuation, line breaks).

export interface Span {
	text: string;
	start: number;
	end: number;
}

/** Abbreviations after which a full stop does not end a sentence (lower case, without the dot). */
const ABBREVIATIONS = new Set([
	'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'rep', 'sen', 'gov', 'pres',
	'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'ave', 'approx', 'est', 'dept', 'fig', 'vol',
	'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'u.s', 'u.k',
	'u.n', 'n.w', 'a.m', 'p.m'
]);

const TERMINAL = new Set(['.', '!', '?', '\u061F', '\u06D4']); // ؟ Arabic question mark, ۔ Arabic full stop
const CLOSERS = new Set(['"', "'", '\u201D', '\u2019', ')', ']', '\u00BB', '\u201C']);

function isSpace(ch: string | undefined): boolean {
	return ch === ' ' || ch === '\t' || ch === '\u00A0';
}

/** True when the full stop at `i` belongs to an abbreviation, an initial or a number. */
function isAbbreviationDot(line: string, i: number): boolean {
	let j = i;
	while (j > 0 && /[A-Za-z.]/.test(line[j - 1]!)) j--;
	const word = line.slice(j, i).toLowerCase();
	if (ABBREVIATIONS.has(word)) return true;
	// Initials and dotted acronyms: "U.S", "N.W", "J".
	if (/^([a-z]\.)*[a-z]$/.test(word) && line[i - 1] !== undefined && /[A-Z]/.test(line[i - 1]!)) return true;
	return false;
}

/**
 * The longest span the extractor reads as one sentence. Real sentences stay far below it; a longer run of text
 * without a full stop (a table, a pasted dump) is cut at its last clause mark or space before the limit, so the
 * per-sentence steps (clauses, places, triggers) cost at most a bounded amount each and an article costs linear time.
 */
export const MAX_SENTENCE = 1200;

function pushTrimmed(out: Span[], line: string, offset: number, from: number, to: number): void {
	let s = from;
	let e = to;
	while (s < e && /\s/.test(line[s]!)) s++;
	while (e > s && /\s/.test(line[e - 1]!)) e--;
	while (e - s > MAX_SENTENCE) {
		let cut = -1;
		for (let i = s + MAX_SENTENCE; i > s + MAX_SENTENCE / 2 && cut < 0; i--) if (/[,;:\u060C\u061B]/.test(line[i - 1]!)) cut = i;
		for (let i = s + MAX_SENTENCE; i > s + MAX_SENTENCE / 2 && cut < 0; i--) if (/\s/.test(line[i]!)) cut = i;
		if (cut < 0) cut = s + MAX_SENTENCE;
		// Never between the two halves of a surrogate pair.
		if (/[\uDC00-\uDFFF]/.test(line[cut] ?? '')) cut--;
		pushTrimmed(out, line, offset, s, cut);
		s = cut;
		while (s < e && /\s/.test(line[s]!)) s++;
	}
	if (e > s) out.push({ text: line.slice(s, e), start: offset + s, end: offset + e });
}

/** Sentences of `body`, in order; `body.slice(s.start, s.end) === s.text` for each. Line breaks always end one. */
export function splitSentences(body: string): Span[] {
	const out: Span[] = [];
	const lineRe = /[^\r\n]+/g;
	for (let m = lineRe.exec(body); m; m = lineRe.exec(body)) {
		const line = m[0];
		let from = 0;
		for (let i = 0; i < line.length; i++) {
			const ch = line[i]!;
			if (!TERMINAL.has(ch)) continue;
			// "$ 1.5", "9.5": a dot between digits; "..." runs: split after the last one.
			if (ch === '.' && /\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '')) continue;
			let k = i + 1;
			// Closing quotes, brackets and reference marks ("Kyiv.[3] The …") stay with the sentence they close.
			for (let more = true; more; ) {
				more = false;
				while (k < line.length && (TERMINAL.has(line[k]!) || CLOSERS.has(line[k]!))) k++;
				const ref = /^\[\d{1,3}\]/.exec(line.slice(k, k + 5));
				if (ref) {
					k += ref[0].length;
					more = true;
				}
			}
			if (k < line.length && !isSpace(line[k])) continue; // "rferl.org", "U.S.-led"
			if (ch === '.' && isAbbreviationDot(line, i)) continue;
			// The next sentence starts with a capital, a digit, a quote or a non-Latin letter, never a lower-case word.
			let n = k;
			while (n < line.length && isSpace(line[n])) n++;
			if (n < line.length && /[a-z]/.test(line[n]!)) continue;
			pushTrimmed(out, line, m.index, from, k);
			from = k;
			i = k - 1;
		}
		pushTrimmed(out, line, m.index, from, line.length);
	}
	return out;
}

const isClauseMark = (ch: string): boolean =>
	ch === ',' || ch === '\u060C' || ch === ';' || ch === '\u061B' || ch === ':' || ch === '\u2013' || ch === '\u2014';

/** Clause boundaries inside a sentence: commas (Latin and Arabic), semicolons, colons, dashes. */
export function clauseIndex(sentence: string, offset: number): number {
	let clause = 0;
	for (let i = 0; i < offset && i < sentence.length; i++) if (isClauseMark(sentence[i]!)) clause++;
	return clause;
}

/** `clauseIndex` for many offsets of one sentence: the marks found once, each offset then a binary search. */
export function clauseCounter(sentence: string): (offset: number) => number {
	const marks: number[] = [];
	for (let i = 0; i < sentence.length; i++) if (isClauseMark(sentence[i]!)) marks.push(i);
	return (offset) => {
		let lo = 0;
		let hi = marks.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (marks[mid]! < offset) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}

const QUOTE = /["“”«»]/;

/**
 * Quotations in a sentence as [start, end) offsets: from a quotation mark to the next one (or the end when it
 * stays open), the first one open from 0 when the sentence continues an earlier quotation. Quotes of ≤ 3 words
 * are names or scare quotes ("Bundestag", “victory”), not speech, and are left out.
 */
export function quotedSpans(sentence: string, startsInQuote = false): [number, number][] {
	const spans: [number, number][] = [];
	let open = startsInQuote ? 0 : -1;
	for (let i = 0; i < sentence.length; i++) {
		if (!QUOTE.test(sentence[i]!)) continue;
		if (open === -1) open = i;
		else {
			spans.push([open, i + 1]);
			open = -1;
		}
	}
	if (open !== -1) spans.push([open, sentence.length]);
	return spans.filter(([a, b]) => (a === 0 && startsInQuote) || b === sentence.length || sentence.slice(a, b).split(/\s+/).filter(Boolean).length > 3);
}

/** True when offset `at` lies inside one of `spans`. */
export function inSpans(spans: readonly [number, number][], at: number): boolean {
	return spans.some(([a, b]) => a <= at && at < b);
}
