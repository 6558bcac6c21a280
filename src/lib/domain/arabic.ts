// Arabic orthographic normalisation and proclitic stripping, used when matching names (never for display): by the gazetteer, the pipeline and the dashboard's search.

/** Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel. */
const DROPPED = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/;

const FOLD: Record<string, string> = {
	'\u0623': '\u0627', // أ → ا
	'\u0625': '\u0627', // إ → ا
	'\u0622': '\u0627', // آ → ا
	'\u0671': '\u0627', // ٱ → ا
	'\u0624': '\u0648', // ؤ → و
	'\u0626': '\u064A', // ئ → ي
	'\u0629': '\u0647', // ة → ه
	'\u0649': '\u064A', // ى → ي
	'\u06CC': '\u064A', // Persian yeh → ي
	'\u06A9': '\u0643' // keheh → ك
};

/**
 * Folds one UTF-16 code unit: '' when it is dropped (diacritic, tatweel), else exactly one code unit.
 * Eastern Arabic (٠–٩) and Persian (۰–۹) digits become ASCII digits.
 */
export function foldArabicChar(ch: string): string {
	if (DROPPED.test(ch)) return '';
	const folded = FOLD[ch];
	if (folded) return folded;
	const code = ch.charCodeAt(0);
	if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
	if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
	return ch;
}

/** Normalises Arabic text for matching: hamza forms → bare letters, ة → ه, ى → ي, no diacritics or tatweel, ASCII digits. */
export function normalizeArabic(text: string): string {
	let out = '';
	for (const ch of text) {
		if (ch.length === 1) out += foldArabicChar(ch);
		else out += ch;
	}
	return out;
}

/** True when the string contains Arabic letters. */
export function hasArabic(text: string): boolean {
	return /[\u0600-\u06FF]/.test(text);
}

export interface CliticReading {
	/** The word without its proclitics, normalised. */
	stem: string;
	/** How many (normalised) characters were stripped from the front. */
	stripped: number;
	/** Whether the stem carries the definite article ال (kept in `stem`). */
	article: boolean;
	/**
	 * Letters to skip from the word's start for a mention span: the one-letter proclitics (و ف ب ل ك), so the
	 * span begins at the name or at its article ("بالكرملين" → "الكرملين"); 0 extra when ل + ال is fused (لل).
	 */
	prefix: number;
}

const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك'];

/**
 * All readings of a normalised Arabic word with proclitics removed: conjunction و/ف, then preposition ب/ل/ك,
 * then the article ال (ل + ال is written لل). The unstripped word comes first; stems shorter than 2 letters are
 * not offered. Example: "وبالكرملين" → "وبالكرملين", "بالكرملين", "الكرملين", "كرملين", ….
 */
export function cliticReadings(word: string): CliticReading[] {
	const out: CliticReading[] = [];
	const seen = new Set<string>();
	const add = (stem: string, stripped: number, article: boolean, prefix: number) => {
		if (stem.length < 2 || seen.has(stem)) return;
		seen.add(stem);
		out.push({ stem, stripped, article, prefix });
	};
	const conjOptions = [0];
	if (CONJ.includes(word[0] ?? '')) conjOptions.push(1);
	for (const c of conjOptions) {
		const afterConj = word.slice(c);
		const prepOptions = [0];
		if (PREP.includes(afterConj[0] ?? '')) prepOptions.push(1);
		for (const p of prepOptions) {
			const rest = afterConj.slice(p);
			add(rest, c + p, rest.startsWith('ال'), c + p);
			if (rest.startsWith('ال')) add(rest.slice(2), c + p + 2, false, c + p);
			// ل + ال is written لل: "للعراق" = ل + العراق; the span then keeps both lams.
			if (p === 1 && afterConj[0] === 'ل' && rest.startsWith('ل') && !rest.startsWith('ال')) {
				add('ا' + rest, c + p, true, c);
				add(rest.slice(1), c + p + 1, false, c);
			}
		}
	}
	// Unstripped readings first, then by how little was stripped.
	return out.sort((a, b) => a.stripped - b.stripped);
}

/** Removes the definite article from the front of a normalised word, if any. */
export function stripArticle(word: string): string {
	return word.startsWith('ال') && word.length > 3 ? word.slice(2) : word;
}
