// A folded transliteration key, so that romanisations of one Slavic name meet: Kharkov/Kharkiv, Lvov/Lwów/Lviv.

/** Index keys of folded romanisations start with this, which no name key does (those are letters and digits). */
export const TRANSLIT_PREFIX = '~';
/** Index keys of the region's first-level regions under the folded key of their own adjective ("Belgorodskaya"). */
export const REGION_ADJECTIVE_PREFIX = '~~';

const CYRILLIC: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i',
	к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts',
	ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', ё: 'e'
};
const LATIN: Record<string, string> = { ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i', þ: 'th' };

/**
 * Rules, in order, applied to the lower-cased, accent-free name (Cyrillic already romanised): Polish and German
 * spellings of the same sounds first (szcz, cz, sz, rz, tsch), then the letters romanisations disagree on — kh/h/g
 * (Kharkiv/Harkiv, Hrodna/Grodno, Chernihiv/Chernigov), w/v (Lwów/Lviv), x/ks, q/k, tz/ts — then doubled letters
 * (Odessa/Odesa, Zaporizhzhia), and finally every run of vowels, y and j becomes one vowel, so endings and
 * Belarusian vowels meet (-ov/-iv/-ow, Mahilyow/Mogilev, Baranavichy/Baranovichi, Kyiv/Kiev).
 */
const RULES: [RegExp, string][] = [
	[/szcz/g, 'shch'],
	[/tsch/g, 'ch'],
	[/cz/g, 'ch'],
	[/sz/g, 'sh'],
	[/rz/g, 'zh'],
	[/zs/g, 'zh'],
	[/kh/g, 'g'],
	[/gh/g, 'g'],
	[/ph/g, 'f'],
	[/(^|[^csz])h/g, '$1g'],
	[/w/g, 'v'],
	[/x/g, 'ks'],
	[/q/g, 'k'],
	[/t[zc](?!h)/g, 'ts'],
	[/(zh|sh|ch)\1/g, '$1'],
	[/([b-df-hk-np-tv-xz])\1+/g, '$1'],
	[/[aeiouyj]+/g, 'a']
];

/**
 * The folded key of a name (any case, Latin or Cyrillic script; spaces, hyphens and apostrophes ignored), or '' when
 * it holds other letters. Two spellings with the same key are taken as romanisations of one name.
 */
export function translitKey(name: string): string {
	const hit = memo.get(name);
	if (hit !== undefined) return hit;
	const key = fold(name);
	// The geoparser asks for every capitalised word it cannot match; names repeat, so a bounded memo pays.
	if (memo.size >= MEMO_SIZE) memo.clear();
	memo.set(name, key);
	return key;
}

const memo = new Map<string, string>();
const MEMO_SIZE = 50_000;

function fold(name: string): string {
	let s = '';
	// Belarusian Łacinka's ŭ is a v at the end of a syllable (Mahiloŭ = Mahilyow).
	for (const ch of name.replace(/[ŭŬ]/g, 'v').normalize('NFD').toLowerCase()) {
		const code = ch.charCodeAt(0);
		if (code >= 0x300 && code <= 0x36f) continue; // combining accents
		if (code >= 0x61 && code <= 0x7a) s += ch;
		else if (ch in CYRILLIC) s += CYRILLIC[ch];
		else if (ch in LATIN) s += LATIN[ch];
		else if (/[\p{L}\p{N}]/u.test(ch)) return '';
	}
	for (const [re, to] of RULES) s = s.replace(re, to);
	return s;
}
