// Matching normalisation that remembers where every normalised character came from in the original text.
import { foldArabicChar } from '../../domain/arabic';

export interface NormalizedText {
	/** Lower-cased, accent-free, Arabic-folded text. */
	text: string;
	/** `map[i]` = UTF-16 offset in the original of normalised character `i`; `map[text.length]` = original length. */
	map: number[];
}

const foldCache = new Map<string, string>();

/** Folds one code unit for matching: lower case, Latin accents removed, Arabic folded; '' or one code unit. */
export function foldChar(ch: string): string {
	const cached = foldCache.get(ch);
	if (cached !== undefined) return cached;
	let out: string;
	const code = ch.charCodeAt(0);
	if (code < 0x80) out = ch.toLowerCase();
	else if (code >= 0x0600 && code <= 0x06ff) out = foldArabicChar(ch);
	else if (code >= 0xd800 && code <= 0xdfff) out = ch;
	else {
		const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
		if (base.length === 1) out = base;
		else if (base.length === 0) out = '';
		else out = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
		// Typographic apostrophes fold to the ASCII one.
		if (ch === '\u2019' || ch === '\u2018' || ch === '\u02BC') out = "'";
	}
	foldCache.set(ch, out);
	return out;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Normalises `text` for matching and keeps an offset map back into it. */
export function normalizeWithMap(text: string): NormalizedText {
	// ASCII only (most English sentences): only capitals change, every character stays where it is.
	if (ASCII_ONLY.test(text)) {
		const map = new Array<number>(text.length + 1);
		for (let i = 0; i <= text.length; i++) map[i] = i;
		return { text: text.toLowerCase(), map };
	}
	const map: number[] = [];
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		// ASCII fast path: only capitals change.
		const folded = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!) : foldChar(text[i]!);
		if (folded.length === 0) continue;
		out += folded;
		map.push(i);
	}
	map.push(text.length);
	return { text: out, map };
}

/** Normalised form of a name, for index keys: tokens of letters and digits joined by single spaces. */
export function nameKey(name: string): string {
	// The same folding as normalizeWithMap, without the offset map (the gazetteer builds ~10⁶ keys).
	let text = '';
	for (let i = 0; i < name.length; i++) {
		const code = name.charCodeAt(i);
		text += code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : name[i]!) : foldChar(name[i]!);
	}
	return (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
