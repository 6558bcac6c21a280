// Finds place mentions in a text and resolves each to one gazetteer place, using the whole document as context.
import { distanceKm, type Place, type PlaceMention } from '../../domain/place';
import { normalizeWithMap } from '../text/normalize';
import { cliticReadings, hasArabic, stripArticle } from '../../domain/arabic';
import type { GazetteerData, IndexEntry } from './build';
import { inRegionArea, type RegionArea } from './regionarea';
import { nameKey } from '../text/normalize';
import { REGION_ADJECTIVE_PREFIX, TRANSLIT_PREFIX, translitKey } from '../../domain/translit';
import { profileFor, type LanguageProfile } from '../pipeline/lang';
import type { RegionWords } from '../pipeline/lang/types';
import { nominativeReadings, townsOfAdjective, type CompiledAdjectiveRules, type CompiledCaseRules } from '../pipeline/lang/inflection';
import type { CuratedSite, SiteCategory } from './sites';
import actorsFile from '../../../../geodata/lexicon/actors.json';

export interface GeoparseOptions {
	/** BCP 47 language of the text ('en', 'ar', …). */
	language: string;
}

/** Resolves a border between two countries (ISO3), or null when they share none. */
export type BorderLookup = (a: string, b: string) => Place | null;

interface Token {
	norm: string;
	start: number; // original offsets
	end: number;
	arabic: boolean;
	upper: boolean; // first letter is a capital
	allCaps: boolean;
	sentenceInitial: boolean;
	/** First token of a line in capitals followed by "--", "—", "," or "(": a dateline ("MINSK --", "KYIV, Ukraine (AP) —"). */
	dateline?: boolean;
	/** Right after an apostrophe inside a word: the rest of one name ("Куп'янськ", "Слов’янськ"), whatever its case. */
	inWord?: boolean;
}

interface Match {
	first: number; // token indexes, inclusive
	last: number;
	start: number;
	end: number;
	key: string;
	entries: IndexEntry[];
	chosen?: IndexEntry;
	score: number;
	/** Found only under its folded romanisation key (translit.ts): kept only where the document's places agree. */
	fuzzy?: boolean;
	/** Read as a case form of the name (its surface is not a spelling of the name: no romanisation competes). */
	declined?: boolean;
	/** "Bakhmut district", "Brest raion": the town's district, a word that `last` includes. */
	district?: string;
	/** Read from a town's adjective ("Брестская крепость"): the name of something in the town, or named after it. */
	adjective?: boolean;
}

/** Words after a town's name that name the district around it, which is named after the town. */
const DISTRICT_WORDS = new Set(['district', 'raion', 'rayon', 'county', 'municipality', 'hromada', 'powiat', 'gmina']);

/** Words that make a name a region: "Brest region", "Washington state". */
const ADMIN_WORDS = new Set(['state', 'province', 'region', 'oblast', 'governorate', 'prefecture', 'county', 'voblast', 'krai']);

// Lower-case words allowed inside a capitalised name: "Port-au-Prince", "Côte d'Ivoire", "Dar es Salaam".
const CONNECTORS = new Set(['of', 'the', 'and', 'upon', 'on', 'by', 'de', 'la', 'le', 'les', 'du', 'des', 'del', 'della', 'dei', 'di', 'da', 'do', 'dos', 'das', 'los', 'las', 'y', 'e', 'i', 'a', 'au', 'aux', 'en', 'sur', 'sous', 'et', 'd', 'l', 'am', 'an', 'der', 'den', 'im', 'in', 'bei', 'op', 'aan', 'van', 'ter', 'na', 'nad', 'pod', 'al', 'el', 'es', 'as', 'bin', 'ibn', 's']);
const JOINABLE_GAP = /^[ \t\u00A0\-\u2010-\u2013'\u2019.]{1,3}$/;
const APOSTROPHE = /^['\u2019\u02BC]$/;
const SENTENCE_END = /[.!?؟\n]\s/;
const SENTENCE_BREAK = /[.!?:;"\u201C\u201D\n(\[]/;
// "anti-Kremlin", "pro-Moscow forces", "Kremlin-controlled RT": a name inside a modifier, not a location.
const MODIFIER_PREFIXES = new Set(['anti', 'pro', 'non', 'ex', 'post', 'pre']);
const MODIFIER_SUFFIXES = new Set(['controlled', 'led', 'backed', 'owned', 'run', 'friendly', 'allied', 'leaning', 'aligned', 'sponsored', 'installed', 'appointed']);
// "Nov 9", "Sept. 3": a month, not a town called Nov.
const MONTH_WORDS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const HYPHEN = /^[\-\u2010\u2011]$/;
const DATELINE_END = /^\s*(?:--|[\u2013\u2014]|-\s|,|\()/;

/**
 * Names of people and armed groups from the actor lexicon (geodata/lexicon/actors.json), as name keys: a place
 * name inside one ("Merkel", "Lapid", "Thomas" of "Linda Thomas-Greenfield") is part of a name, not a place.
 */
const PERSON_NAMES: { keys: Set<string>; maxWords: number } = (() => {
	const keys = new Set<string>();
	let maxWords = 1;
	for (const a of (actorsFile as { actors: { name: string; kind: string; aliases: string[] }[] }).actors) {
		if (a.kind !== 'person' && a.kind !== 'group') continue;
		for (const alias of [a.name, ...a.aliases]) {
			const key = nameKey(alias.replace(/\*/g, ''));
			if (!key) continue;
			keys.add(key);
			maxWords = Math.max(maxWords, key.split(' ').length);
		}
	}
	return { keys, maxWords };
})();


function tokenize(text: string): Token[] {
	const { text: norm, map } = normalizeWithMap(text);
	const tokens: Token[] = [];
	let prevEnd = 0;
	for (const m of norm.matchAll(/[\p{L}\p{N}]+/gu)) {
		const ns = m.index;
		const ne = ns + m[0].length;
		const start = map[ns]!;
		const end = map[ne - 1]! + 1;
		const surface = text.slice(start, end);
		const c = surface[0]!;
		const gap = text.slice(prevEnd, start);
		tokens.push({
			norm: m[0],
			start,
			end,
			arabic: hasArabic(m[0]),
			upper: c !== c.toLowerCase() && c === c.toUpperCase(),
			// A word that opens in lower case is not all capitals (spares upper-casing most words).
			allCaps: surface.length > 1 && c === c.toUpperCase() && surface === surface.toUpperCase() && surface !== surface.toLowerCase(),
			sentenceInitial: tokens.length === 0 || SENTENCE_BREAK.test(gap),
			// Not the possessive: "Britain's" is Britain.
			inWord: tokens.length > 0 && APOSTROPHE.test(gap) && !/\p{Lu}/u.test(c) && m[0] !== 's'
		});
		prevEnd = end;
	}
	markDatelines(text, tokens);
	return tokens;
}

/** Marks the capitalised words that open a line and end in a dateline separator ("MINSK --", "KYIV, Ukraine (AP) —"). */
function markDatelines(text: string, tokens: Token[]): void {
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (!t.allCaps || t.arabic) continue;
		const lineStart = i === 0 ? /^\s*$/.test(text.slice(0, t.start)) : /\n\s*$/.test(text.slice(tokens[i - 1]!.end, t.start));
		if (!lineStart) continue;
		let j = i;
		while (j + 1 < tokens.length && j - i < 3 && tokens[j + 1]!.allCaps && /^[ \u00A0]$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) j++;
		if (!DATELINE_END.test(text.slice(tokens[j]!.end, tokens[j]!.end + 4))) continue;
		for (let k = i; k <= j; k++) tokens[k]!.dateline = true;
		i = j;
	}
}

/** How many tokens from `i` on are joined by name-internal gaps (spaces, hyphens, apostrophes, dots). */
function joinableRun(text: string, tokens: Token[], i: number, max: number): number {
	let n = 1;
	while (n < max && i + n < tokens.length) {
		const gap = text.slice(tokens[i + n - 1]!.end, tokens[i + n]!.start);
		if (!JOINABLE_GAP.test(gap)) break;
		// A full stop and a space join only after an abbreviation ("St. Petersburg", "Mt. Pleasant"), not across a
		// sentence end ("… in Minsk. Minsk said").
		if (/\.\s/.test(gap) && tokens[i + n - 1]!.norm.length > 3) break;
		n++;
	}
	return n;
}

function findMatches(text: string, tokens: Token[], g: GazetteerData, lang: LanguageProfile): Match[] {
	const matches: Match[] = [];
	const cases = lang.caseRules;
	const regions = cases && lang.regionWords;
	for (let i = 0; i < tokens.length; ) {
		const first = tokens[i]!;
		// "Белгородской области", "w województwie lubelskim": a region by its adjective and a region noun.
		const region = regions ? regionMatch(text, tokens, i, g, regions, cases) : null;
		if (region) {
			matches.push(region);
			i = region.last + 1;
			continue;
		}
		// A Latin name starts with a capital: most words are skipped here, before any lookup.
		if (!first.arabic && !first.upper) {
			i++;
			continue;
		}
		let found: Match | null = null;
		const readings = first.arabic ? cliticReadings(first.norm) : [{ stem: first.norm, stripped: 0, article: false, prefix: 0 }];
		const words = readings.map((r) => g.store.maxWordsFrom(r.stem));
		const run = joinableRun(text, tokens, i, Math.max(0, ...words));
		const limits = words.map((w) => Math.min(run, w));
		const longest = Math.max(0, ...limits);
		for (let n = longest; n >= 1 && !found; n--) {
			const last = tokens[i + n - 1]!;
			let rest = '';
			for (let k = i + 1; k < i + n; k++) rest += ' ' + tokens[k]!.norm;
			for (let ri = 0; ri < readings.length; ri++) {
				if (limits[ri]! < n) continue;
				const r = readings[ri]!;
				const key = r.stem + rest;
				const entries = g.store.lookup(key);
				if (!entries) continue;
				const ok = first.arabic ? entries : latinEntries(entries, tokens.slice(i, i + n), key);
				if (ok.length === 0) continue;
				// Offsets of the prefix letters: Arabic letters map one-to-one (diacritics were dropped before).
				let start = first.start;
				for (let skipped = 0; skipped < r.prefix && start < first.end; start++)
					if (!/[\u064B-\u065F\u0670\u0640]/.test(text[start]!)) skipped++;
				found = { first: i, last: i + n - 1, start, end: last.end, key, entries: ok, score: 0 };
				break;
			}
		}
		if (!found && !first.arabic && cases) found = caseMatch(text, tokens, i, g, cases);
		if (!found && !first.arabic && lang.townAdjectives) found = townAdjectiveMatch(text, tokens, i, g, lang.townAdjectives);
		if (!found && !first.arabic) found = translitMatch(text, tokens, i, g);
		else if (found && !first.arabic && !found.declined) {
			// "Vinnitsa" spells a Russian hamlet exactly and Vinnytsia by romanisation: the town competes too.
			const top = Math.max(...found.entries.map((e) => e.prior));
			const toks = tokens.slice(found.first, found.last + 1);
			const key = translitKey(toks.map((t) => t.norm).join(''));
			const more = key ? (g.store.lookup(TRANSLIT_PREFIX + key) ?? []).filter((e) => e.prior > top + 1 && !found!.entries.some((x) => x.place.id === e.place.id)) : [];
			if (more.length > 0) found.entries = [...found.entries, ...latinEntries(more, toks, key)];
		}
		if (found && !first.arabic) {
			// "Bakhmut district", "Brest raion", "Licking County": a town's district, named after it.
			const w = tokens[found.last + 1];
			const towns = found.entries.filter((e) => e.place.kind === 'city');
			if (w && DISTRICT_WORDS.has(w.norm) && towns.length > 0 && /^[ \u00A0]$/.test(text.slice(tokens[found.last]!.end, w.start))) {
				found.entries = towns;
				found.last++;
				found.end = w.end;
				found.district = w.norm;
			}
		}
		// A name never ends inside a word: "Kup" is not a place in "Kup'yansk".
		if (found && tokens[found.last + 1]?.inWord) found = null;
		if (found) {
			matches.push(found);
			i = found.last + 1;
		} else i++;
	}
	return matches;
}

interface Abbreviation {
	re: RegExp; // sticky, at the abbreviation's first letter
	place: Place;
	dotted: boolean; // has an inner full stop ("W.Va.", "D.C.")
}
const abbreviationTable = new WeakMap<GazetteerData, Map<string, Abbreviation[]>>();

/** The abbreviations by the normalised first word they start with ("w" for "W.Va.", "calif" for "Calif."). */
function abbreviationsOf(g: GazetteerData): Map<string, Abbreviation[]> {
	let table = abbreviationTable.get(g);
	if (table) return table;
	table = new Map();
	for (const a of g.curated.postal_abbreviations) {
		const place = g.store.place(a.target);
		if (!place) throw new Error(`curated.json: postal_abbreviations: unknown target ${a.target}`);
		for (const n of a.names) {
			const first = nameKey(n).split(' ')[0]!;
			const body = n.replace(/\./g, '\\.').replace(/ /g, '\\s?');
			const list = table.get(first) ?? [];
			list.push({ re: new RegExp(`${body}(?![\\p{L}\\p{N}])`, 'uy'), place, dotted: /\.\s?\p{L}/u.test(n) });
			table.set(first, list);
		}
	}
	abbreviationTable.set(g, table);
	return table;
}

/**
 * Adds region abbreviations ("W.Va.", "D.C.", "Calif.") that no other match covers: one with an inner full stop
 * anywhere, a one-word one only after a comma ("Charleston, W.Va.", "Norman, Okla."), where it names the region of
 * the place before it (and helps pick that place).
 */
function abbreviations(text: string, tokens: Token[], g: GazetteerData, matches: Match[]): Match[] {
	const table = abbreviationsOf(g);
	const added: Match[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (!t.upper || text.charCodeAt(t.end) !== 46 /* . */) continue;
		const list = table.get(t.norm);
		if (!list) continue;
		if (text.charCodeAt(t.start - 1) === 46 || /[\p{L}\p{N}]/u.test(text[t.start - 1] ?? '')) continue;
		for (const a of list) {
			a.re.lastIndex = t.start;
			const hit = a.re.exec(text);
			if (!hit) continue;
			if (!a.dotted && !/,\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start))) continue;
			const end = t.start + hit[0].length - 1; // without the final full stop
			let last = i;
			while (last + 1 < tokens.length && tokens[last + 1]!.end <= end) last++;
			const entry: IndexEntry = { place: a.place, prior: 6, nameKind: 'alias' };
			const over = matches.filter((m) => m.start < end && m.end > t.start);
			// "Kansas City, Kan.": the state after the comma, not a town spelt like the abbreviation without its stop
			// (Kan, Russia); a longer name over it stays.
			if (over.length === 1 && over[0]!.first === i && over[0]!.last === last) {
				Object.assign(over[0]!, { key: nameKey(hit[0]), entries: [entry], declined: false, fuzzy: false });
				i = last;
				break;
			}
			if (over.length > 0) break;
			added.push({ first: i, last, start: t.start, end: tokens[last]!.end, key: nameKey(hit[0]), entries: [entry], score: 0 });
			i = last;
			break;
		}
	}
	return added.length === 0 ? matches : [...matches, ...added].sort((a, b) => a.start - b.start);
}

/** Most words a declined name is looked up with ("в Нижнем Новгороде", "w Białej Podlaskiej"). */
const CASE_MAX_WORDS = 3;
/** Most readings of a run looked up (three declined words would give thousands). */
const CASE_MAX_KEYS = 400;

/**
 * A capitalised name that matches no name as written, in a language whose names decline: the gazetteer's
 * nominatives it may be a case form of ("Минске" → Минск, "Харкові" → Харків, "Hajnówce" → Hajnówka), every word of
 * a two-word name declined alike, longest run first.
 */
function caseMatch(text: string, tokens: Token[], i: number, g: GazetteerData, cases: CompiledCaseRules): Match | null {
	const run = joinableRun(text, tokens, i, CASE_MAX_WORDS);
	for (let n = run; n >= 1; n--) {
		const toks = tokens.slice(i, i + n);
		if (toks.some((t) => !(t.upper || t.inWord) || t.arabic)) continue;
		let keys = [''];
		for (let k = 0; k < n; k++) {
			const t = toks[k]!;
			// Only a word's last piece declines: "Куп'янську" is куп + янську.
			const forms = k + 1 < n && toks[k + 1]!.inWord ? [t.norm] : [t.norm, ...nominativeReadings(t.norm, cases)];
			keys = keys.flatMap((key) => forms.map((f) => (key ? `${key} ${f}` : f))).slice(0, CASE_MAX_KEYS);
		}
		for (const key of keys) {
			if (key === toks.map((t) => t.norm).join(' ')) continue; // as written: already looked up
			const entries = g.store.lookup(key);
			const ok = entries ? latinEntries(entries, toks, key) : [];
			if (ok.length > 0) return { first: i, last: i + n - 1, start: toks[0]!.start, end: toks[n - 1]!.end, key, entries: ok, score: 0, declined: true };
		}
	}
	return null;
}

/**
 * A first-level region named as its languages name it: its adjective with a region noun ("Белгородской области",
 * "Харківська область", "w województwie lubelskim", "w obwodzie charkowskim"), or after its centre (Харківщина,
 * Белгородчина). The adjective's nominatives are looked up under the folded key of the regions' romanised adjectives.
 */
function regionMatch(text: string, tokens: Token[], i: number, g: GazetteerData, words: RegionWords, cases: CompiledCaseRules): Match | null {
	const t = tokens[i]!;
	if (t.arabic) return null;
	const next = tokens[i + 1];
	const spaced = !!next && /^[ \u00A0]+$/.test(text.slice(t.end, next.start));
	const lookup = (adjectives: string[]): IndexEntry[] => {
		for (const a of adjectives) {
			const key = translitKey(a);
			const entries = key.length >= 5 ? g.store.lookup(REGION_ADJECTIVE_PREFIX + key)?.filter((e) => e.place.kind === 'admin') : undefined;
			if (entries?.length) return entries;
		}
		return [];
	};
	const readings = (w: string): string[] => [w, ...nominativeReadings(w, cases)];
	let entries: IndexEntry[] = [];
	let last = i;
	if (words.nounFirst) {
		if (spaced && words.nouns.has(t.norm) && !next!.arabic) entries = lookup(readings(next!.norm));
		last = i + 1;
	} else if (t.upper) {
		if (spaced && words.nouns.has(next!.norm)) {
			entries = lookup(readings(t.norm));
			last = i + 1;
		} else if (words.colloquial) {
			const stems = readings(t.norm).flatMap((r) => words.colloquial!.exec(r)?.[1] ?? []);
			entries = lookup(stems.map((stem) => nameKey(stem + words.adjectiveEnding)));
		}
	}
	if (!entries.length) return null;
	const end = tokens[last]!;
	return { first: i, last, start: t.start, end: end.end, key: nameKey(text.slice(t.start, end.end)), entries, score: 0, declined: true };
}

/** A town's adjective names something in it only for towns of this prior and up (≈ 10,000 people). */
const TOWN_ADJECTIVE_MIN_PRIOR = 4;

/**
 * "Минский городской суд", "Київський вокзал", "Sąd Warszawski": a town's capitalised adjective inside a sentence,
 * before a lower-case noun, opens the name of something in that town (a court, a station, a plant).
 */
function townAdjectiveMatch(text: string, tokens: Token[], i: number, g: GazetteerData, rules: CompiledAdjectiveRules): Match | null {
	const t = tokens[i]!;
	const next = tokens[i + 1];
	if (t.sentenceInitial || t.allCaps || !next || next.upper || next.arabic || !/^[ \u00A0]+$/.test(text.slice(t.end, next.start))) return null;
	for (const town of townsOfAdjective(t.norm, rules)) {
		const entries = g.store.lookup(town)?.filter((e) => e.place.kind === 'city' && e.prior >= TOWN_ADJECTIVE_MIN_PRIOR);
		if (entries?.length) return { first: i, last: i, start: t.start, end: t.end, key: t.norm, entries, score: 0, declined: true, adjective: true };
	}
	return null;
}

const CYRILLIC_WORD = /^[\u0400-\u04FF]/;
/** Most words a romanised name is looked up with ("Ivano-Frankovsk", "Velikiye Luki"). */
const TRANSLIT_MAX_WORDS = 3;

/**
 * The fallback for a capitalised Latin name that matches no name exactly: the region's towns under the same folded
 * romanisation key ("Kharkov", "Mahilyow", "Baranovichi" in spellings GeoNames lacks), longest run first.
 */
function translitMatch(text: string, tokens: Token[], i: number, g: GazetteerData): Match | null {
	const run = joinableRun(text, tokens, i, TRANSLIT_MAX_WORDS);
	for (let n = run; n >= 1; n--) {
		const toks = tokens.slice(i, i + n);
		if (toks.some((t) => !t.upper || t.arabic)) continue;
		// A Cyrillic word that opens a sentence is capitalised for that alone ("Уночі", "Вчера"): its folded spelling
		// resembling a town's is no evidence. (GeoNames spells the region's towns in Cyrillic; those match exactly.)
		if (n === 1 && toks[0]!.sentenceInitial && CYRILLIC_WORD.test(toks[0]!.norm)) continue;
		const key = translitKey(toks.map((t) => t.norm).join(''));
		if (!key) continue;
		const entries = g.store.lookup(TRANSLIT_PREFIX + key);
		if (!entries) continue;
		const ok = latinEntries(entries, toks, key);
		if (ok.length === 0) continue;
		const norm = toks.map((t) => t.norm).join(' ');
		return { first: i, last: i + n - 1, start: toks[0]!.start, end: toks[n - 1]!.end, key: norm, entries: ok, score: 0, fuzzy: true };
	}
	return null;
}

/** Case cues for Latin-script names: capitalised words, codes only in capitals. */
function latinEntries(entries: IndexEntry[], toks: Token[], key: string): IndexEntry[] {
	const first = toks[0]!;
	if (!first.upper) return [];
	// Lower-case words inside a name only for curated sites and regions ("Zaporizhzhia nuclear power plant").
	if (toks.slice(1).some((t) => !t.upper && !t.inWord && !CONNECTORS.has(t.norm) && !ADMIN_WORDS.has(t.norm))) {
		entries = entries.filter((e) => e.place.kind === 'site' || e.place.kind === 'region');
		if (entries.length === 0) return [];
	}
	const allCaps = toks.every((t) => t.allCaps || t.norm.length === 1);
	return entries.filter((e) => {
		if (e.nameKind === 'code') return allCaps;
		// A short all-caps word (WHO, DA, FAO) is an acronym, not a town; a longer one (SHARE) is a heading word
		// unless it names a big place.
		if (toks.length === 1 && first.allCaps && !first.dateline && (key.length <= 4 || (e.prior < 5 && e.place.kind === 'city'))) return false;
		return key.replace(/ /g, '').length >= 3;
	});
}

/**
 * Token indexes that belong to people's names: a known first name or a title (President, Mr) followed by
 * capitalised words ("Vladimir Putin", "Linda Thomas-Greenfield", "Prime Minister Naftali Bennett"), and later
 * lone uses of those surnames ("Merkel said").
 */
function personTokens(text: string, tokens: Token[], g: GazetteerData, multi: Set<number>): { spans: Set<number>; echoes: Set<number> } {
	const out = new Set<number>();
	const echoes = new Set<number>();
	const surnames = new Set<string>();
	const joined = (a: Token, b: Token) => /^[ \u00A0\-\u2010\u2011]$/.test(text.slice(a.end, b.start));
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.arabic || !t.upper || t.allCaps || multi.has(i)) continue;
		const prev = tokens[i - 1];
		const prev2 = tokens[i - 2];
		const titled =
			(prev && prev.upper && g.personTitles.has(prev.norm) && joined(prev, t)) ||
			(prev && prev2 && prev2.upper && g.personTitles.has(`${prev2.norm} ${prev.norm}`) && joined(prev, t));
		const next = tokens[i + 1];
		const first =
			g.firstNames.has(t.norm) && !g.commonWords.has(t.norm) && next && next.upper && !next.allCaps && !g.commonWords.has(next.norm) && joined(t, next);
		if (!titled && !first) continue;
		let j = i;
		while (j + 1 < tokens.length && j - i < 3 && tokens[j + 1]!.upper && !tokens[j + 1]!.arabic && joined(tokens[j]!, tokens[j + 1]!)) j++;
		for (let k = i; k <= j; k++) out.add(k);
		if (j > i || titled) surnames.add(tokens[j]!.norm);
		i = j;
	}
	tokens.forEach((t, i) => {
		if (surnames.has(t.norm) && t.upper && !out.has(i)) echoes.add(i);
	});
	return { spans: out, echoes };
}

/** True when tokens `a..b` are one name: joined only by spaces, hyphens, apostrophes or dots. */
function joinedRun(text: string, tokens: Token[], a: number, b: number): boolean {
	for (let k = a; k < b; k++) if (!JOINABLE_GAP.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return false;
	return true;
}

/** The match lies inside the name of a known person or armed group ("Angela Merkel", "Linda Thomas-Greenfield"). */
function inActorName(text: string, tokens: Token[], m: Match): boolean {
	const max = PERSON_NAMES.maxWords;
	for (let a = Math.max(0, m.last - max + 1); a <= m.first; a++) {
		if (!tokens[a]!.arabic && !tokens[a]!.upper) continue;
		for (let b = m.last; b < tokens.length && b - a < max; b++) {
			if (!joinedRun(text, tokens, a, b)) break;
			let key = tokens[a]!.norm;
			for (let k = a + 1; k <= b; k++) key += ' ' + tokens[k]!.norm;
			if (PERSON_NAMES.keys.has(key)) return true;
		}
	}
	return false;
}

/** "anti-Kremlin", "pro-Moscow", "Kremlin-controlled": the name is part of a modifier, not a location. */
function inModifier(text: string, tokens: Token[], m: Match): boolean {
	const prev = tokens[m.first - 1];
	if (prev && !prev.arabic && MODIFIER_PREFIXES.has(prev.norm) && HYPHEN.test(text.slice(prev.end, tokens[m.first]!.start))) return true;
	const next = tokens[m.last + 1];
	return !!next && !next.arabic && MODIFIER_SUFFIXES.has(next.norm) && HYPHEN.test(text.slice(tokens[m.last]!.end, next.start));
}

/**
 * Words after a place name that make the phrase name a thing called after the place: an agreement, a format, a
 * church ("the Minsk agreements", "the Normandy format", "the Budapest Memorandum", "the Moscow Patriarchate").
 */
const THING_WORDS = new Set([
	'agreement', 'agreements', 'accord', 'accords', 'protocol', 'protocols', 'memorandum', 'format', 'group', 'pact',
	'treaty', 'convention', 'conventions', 'declaration', 'patriarchate', 'process', 'formula', 'doctrine', 'syndrome',
	'consensus', 'triangle', 'quartet', 'communique', 'communiqué', 'charter', 'principles'
]);

/** "the Minsk agreements", "the Normandy format": the place names a thing, and is not where something happens. */
function namesAThing(text: string, tokens: Token[], m: Match): boolean {
	const next = tokens[m.last + 1];
	if (!next || next.arabic || !THING_WORDS.has(next.norm) || !/^[ \u00A0]$/.test(text.slice(tokens[m.last]!.end, next.start))) return false;
	return !m.entries.some((e) => e.place.kind === 'site');
}

/** A town that shares a demonym's spelling stays a candidate from this size on (10⁵ people). */
const DEMONYM_TOWN_PRIOR = 5;

/** Drops matches that are far more likely ordinary words or parts of people's names. */
function filterMatches(text: string, matches: Match[], tokens: Token[], g: GazetteerData, lowerWords: Set<string>): Match[] {
	const out: Match[] = [];
	const matchStarts = new Set(matches.map((m) => m.first));
	const multi = new Set<number>();
	for (const m of matches) if (m.last > m.first) for (let k = m.first; k <= m.last; k++) multi.add(k);
	const inMatch = new Set<number>();
	for (const m of matches) for (let k = m.first; k <= m.last; k++) inMatch.add(k);
	const people = personTokens(text, tokens, g, multi);
	const arabicCommon = new Set(g.curated.arabic_common_words.map((w) => normalizeWithMap(w).text));
	const arabicPreps = new Set(g.curated.arabic_place_prepositions.map((w) => normalizeWithMap(w).text));
	const notPlaces = new Set(g.curated.not_places.map((w) => (hasArabic(w) ? normalizeWithMap(w).text : nameKey(w))));
	for (const m of matches) {
		const first = tokens[m.first]!;
		if (inActorName(text, tokens, m) || inModifier(text, tokens, m) || namesAThing(text, tokens, m)) continue;
		// "the State Duma", "Verkhovna Rada", "الدوما": an institution that shares a place's name.
		if (notPlaces.has(first.arabic ? normalizeWithMap(text.slice(m.start, m.end)).text : m.key)) continue;
		if (first.arabic) {
			if (m.first === m.last && arabicCommon.has(stripArticle(m.key))) {
				// "كيف" is "how" far more often than Kyiv, "المالي" is "financial": such names count only without the
				// article and after "في/إلى/من …" or with a ب/ل proclitic.
				const prev = tokens[m.first - 1];
				const surface = normalizeWithMap(text.slice(m.start, m.end)).text;
				const clitic = m.start > first.start && /[بل]/.test(text.slice(first.start, m.start));
				if (surface.startsWith('ال') || (!clitic && !(prev && prev.arabic && arabicPreps.has(prev.norm)))) continue;
			}
			out.push(m);
			continue;
		}
		if (m.first === m.last && (people.spans.has(m.first) || people.echoes.has(m.first))) {
			// People named after countries or regions (Israel Katz, Georgia …) are rarer than the places; a lone
			// surname seen earlier in a name ("Merkel said") still names a big city when it is one.
			const echo = !people.spans.has(m.first);
			m.entries = m.entries.filter((e) => e.place.kind === 'country' || e.place.kind === 'region' || (e.place.kind === 'admin' && e.prior >= 6) || (echo && e.prior >= 6));
			if (m.entries.length === 0) continue;
		}
		// "English", "Welsh": a country's or region's demonym is no small town of that name (English, Indiana).
		if (m.entries.some((e) => e.nameKind === 'demonym')) {
			m.entries = m.entries.filter((e) => e.nameKind === 'demonym' || e.place.kind !== 'city' || e.prior >= DEMONYM_TOWN_PRIOR);
		}
		if (m.first === m.last) {
			const after = tokens[m.first + 1];
			if (MONTH_WORDS.has(m.key) && after && /^\d{1,2}$/.test(after.norm) && /^\.?\s$/.test(text.slice(first.end, after.start))) continue;
			// "Eastern Creek", "Piccadilly Circus", "Scott County": a small or common-word place glued to a following
			// capitalised word is part of a longer name we do not know.
			const next = tokens[m.first + 1];
			const glued = next && next.upper && !next.arabic && /^[ \u00A0]$/.test(text.slice(first.end, next.start));
			// A declined name ("в Самборі Андрій …") ends where its ending does.
			if (glued && !matchStarts.has(m.first + 1) && !m.declined) {
				m.entries = m.entries.filter((e) => e.place.kind === 'country' || (e.prior >= 5.5 && !g.commonWords.has(m.key)));
				if (m.entries.length === 0) continue;
			}
			// "Muswell Hill", "West Midlands", "Mahim Bay": glued to a capitalised word before it that is no place.
			const prev = tokens[m.first - 1];
			const gluedBefore =
				prev && prev.upper && !prev.arabic && !prev.sentenceInitial && !inMatch.has(m.first - 1) && /^[ \u00A0]$/.test(text.slice(prev.end, first.start));
			// An acronym before a name is no part of it ("обстреляли из РСЗО Шебекино", "KGB Minsk").
			if (gluedBefore && !(prev.allCaps && !first.allCaps)) {
				m.entries = m.entries.filter((e) => e.place.kind === 'country' || (e.prior >= 5.5 && !g.commonWords.has(m.key)));
				if (m.entries.length === 0) continue;
			}
			const common = g.commonWords.has(m.key);
			// Common words name a country only by its own name ("Chad", "Turkey"), never by an alias ("Island").
			if (common) m.entries = m.entries.filter((e) => e.nameKind === 'name');
			if (common && next && next.upper && /^[ \u00A0]$/.test(text.slice(first.end, next.start))) continue; // "Western Europe"
			if ((common || lowerWords.has(m.key)) && !first.dateline) {
				// A common word is a country or a region by its own name, never a province ("Western officials" are no
				// Western Province) nor a town.
				const big = m.entries.filter((e) => e.place.kind !== 'city' && e.place.kind !== 'site' && e.nameKind !== 'code' && !(common && e.place.kind === 'admin'));
				if (big.length > 0 && !common) m.entries = big;
				else if (big.length > 0 && common && !first.sentenceInitial) m.entries = big;
				else if (first.sentenceInitial || common) continue;
				else m.entries = m.entries.filter((e) => e.prior >= 5);
				if (m.entries.length === 0) continue;
			}
		}
		out.push(m);
	}
	return out;
}

/**
 * "в Константиновском дворце в Стрельне", "w Pałacu Zamojskim w Warszawie": a town's adjective naming a building that
 * the text then places in another town by a locative — the building is named after the first, and stands in the second.
 */
function namedAfterElsewhere(m: Match, next: Match | undefined, text: string, lang: LanguageProfile): boolean {
	// A declined name followed by a lower-case noun reads as an adjective too ("Константиновском дворце").
	if (!(m.adjective || m.declined) || !next) return false;
	const gap = text.slice(m.end, next.start);
	// One lower-case noun, then a locative preposition: "дворце в"; not "Стрия на Львівщині" (no noun), not "под
	// Харьковом и в Киеве" (a list of two towns).
	const words = /^[ \u00A0]+(\p{Ll}+)[ \u00A0]+(\p{Ll}+)[ \u00A0]+$/u.exec(gap);
	return !!words && !lang.listJoint.test(words[1]!) && !lang.locative.test(words[1]!) && lang.locative.test(words[2]!);
}

/** How many times the context pass runs (see resolve). */
const CONTEXT_ROUNDS = 2;

/** Support for a town inside a first-level region the document names (in prior units: 1 ≈ ten times the people). */
const ADMIN_CONTEXT_BONUS = 1.5;

/** What separates two items of one list: a comma, "and", "or", or both. */
const LIST_GAP = /^(\s*,\s*(and\s+|or\s+)?|\s+(and|or)\s+)$/;

function countryOf(e: IndexEntry): string | null {
	return e.place.country_codes.length === 1 ? e.place.country_codes[0]! : null;
}

/** "Washington state", "the state of Washington", "Nyanza Province": the text says the place is a region. */
function saysAdmin(m: Match, tokens: Token[]): boolean {
	const next = tokens[m.last + 1];
	const prev = tokens[m.first - 1];
	const prev2 = tokens[m.first - 2];
	return (!!next && ADMIN_WORDS.has(next.norm)) || (!!prev && !!prev2 && prev.norm === 'of' && ADMIN_WORDS.has(prev2.norm));
}

/**
 * Picks one place per match: population prior + the countries the document is about + nearness to its other places.
 * A romanisation match left unsupported keeps `fuzzy` set, and the caller drops it.
 */
function resolve(matches: Match[], text: string, tokens: Token[], adminAreas: Map<string, RegionArea>): void {
	// Pass 1: the prior alone, and what each match says about the document's countries. Mentions of the same
	// name count once and never vouch for each other ("Paris … Paris" is no evidence for France).
	const byKey = new Map<string, Map<string, number>>();
	const docCountries = new Map<string, number>();
	for (const m of matches) {
		const sorted = [...m.entries].sort((a, b) => b.prior - a.prior);
		m.chosen = sorted[0];
		if (byKey.has(m.key)) continue;
		const c = new Map<string, number>();
		const best = sorted[0]!;
		const code = countryOf(best);
		if (code) {
			if (best.place.kind === 'country' || best.place.kind === 'admin' || best.place.kind === 'region') c.set(code, 1);
			else {
				const rivals = sorted.filter((e) => e.prior > best.prior - 1 && countryOf(e) !== code);
				if (rivals.length === 0) c.set(code, 0.5);
			}
		}
		byKey.set(m.key, c);
		for (const [k, v] of c) docCountries.set(k, (docCountries.get(k) ?? 0) + v);
	}
	// The context pass twice: the second reads the places the first chose, so a town that the first placed by the
	// document's region now vouches for its namesake neighbours too (a county seat, then the county's villages).
	for (let round = 0; round < CONTEXT_ROUNDS; round++) {
		// The choices so far: the prior alone in the first round, the first round's context choices in the second.
		const firstPass = matches.map((m) => m.chosen!);
		// Points the other mentions most likely name, once per name.
		const anchors: { key: string; place: Place }[] = [];
		const seenAnchor = new Set<string>();
		matches.forEach((m, j) => {
			const p = firstPass[j]!.place;
			if (p.kind === 'country' || p.kind === 'region' || seenAnchor.has(m.key)) return;
			seenAnchor.add(m.key);
			anchors.push({ key: m.key, place: p });
		});
		// Regions the document names (a state, an oblast, a voivodeship, a US county), once per name.
		const docAdmins: { key: string; area: RegionArea; code: string }[] = [];
		matches.forEach((m, j) => {
			const p = firstPass[j]!.place;
			const area = adminAreas.get(p.id);
			if (area && !docAdmins.some((a) => a.key === m.key)) docAdmins.push({ key: m.key, area, code: p.country_codes[0]! });
		});
		// Pass 2: context.
		matches.forEach((m, i) => {
			const own = byKey.get(m.key)!;
			// A name that is also a country ("Mexico", "Georgia") gets no context bonus from that same country.
			const selfCodes = new Set(m.entries.filter((e) => e.place.kind === 'country').map((e) => e.place.country_codes[0]!));
			const adminHint = saysAdmin(m, tokens);
			const topPrior = Math.max(...m.entries.map((e) => e.prior));
			// Items of one list ("Utah, Virginia, Washington and Wisconsin") are places of one kind.
			const listKinds = new Map<string, number>();
			const listed: number[] = [];
			for (const j of [i - 1, i + 1]) {
				const o = matches[j];
				if (!o) continue;
				const gap = j < i ? text.slice(o.end, m.start) : text.slice(m.end, o.start);
				if (LIST_GAP.test(gap)) {
					const kind = firstPass[j]!.place.kind;
					listKinds.set(kind, (listKinds.get(kind) ?? 0) + 1);
					listed.push(j);
				}
			}
			// "Buffalo, New York." / "Hrodna, Belarus": a town, a comma, then the region or country that holds it — not
			// a list (nothing follows it in one, and the town opens no list itself).
			const prev = matches[i - 1];
			const holds =
				prev && /^\s*,\s*$/.test(text.slice(prev.end, m.start)) && !listed.includes(i + 1) && !(matches[i - 2] && LIST_GAP.test(text.slice(matches[i - 2]!.end, prev.start)))
					? firstPass[i - 1]!.place
					: null;
			const scored = m.entries.map((e) => {
				let s = e.prior;
				if (adminHint && e.place.kind === 'admin') s += 3;
				// Both neighbours of one kind ("Georgia, New Mexico, New York, Ohio"): a stronger sign than one.
				if (e.place.kind !== 'country') s += Math.min(2, listKinds.get(e.place.kind) ?? 0);
				if (holds && holds.kind === 'city' && e.place.kind === 'admin' && e.place.country_codes[0] === holds.country_codes[0] && distanceKm(e.place, holds) < 400) s += 2;
				const codes = e.place.country_codes;
				if (e.place.kind !== 'country') {
					const w = Math.max(0, ...codes.filter((c) => !selfCodes.has(c)).map((c) => (docCountries.get(c) ?? 0) - (own.get(c) ?? 0)));
					// Weighted: a named country or region (1) counts fully, a city that only points at one (0.5) half.
					if (w > 0) s += 1.5 * Math.min(1, w) + Math.min(1, w / 3);
					// "Pandi, Bulacan" / "Paris, Texas": the next match names the region that contains it.
					const next = matches[i + 1];
					if (next && /^\s*,\s*$/.test(text.slice(m.end, next.start))) {
						if (next.entries.some((n) => (n.place.kind === 'country' || n.place.kind === 'admin') && codes.includes(n.place.country_codes[0]!) && (n.place.kind === 'country' || distanceKm(n.place, e.place) < 400)))
							s += 1.5;
					}
					// Near the document's other places (cities, regions): +1. Hopeless candidates (a village called
					// Washington) skip the distance checks, which would otherwise grow with mentions × candidates.
					if ((e.place.kind === 'city' || e.place.kind === 'admin' || e.place.kind === 'site') && e.prior > topPrior - 4) {
						const near = anchors.some((o) => o.key !== m.key && distanceKm(o.place, e.place) < 300);
						if (near) s += 1;
						// Inside a region the document names ("Paris" in a story that says "Texas"): the same-named towns
						// elsewhere in the country get no such support, so this tells them apart where the country cannot.
						if (docAdmins.some((a) => a.key !== m.key && a.code === codes[0] && inRegionArea(a.area, e.place.lon, e.place.lat))) s += ADMIN_CONTEXT_BONUS;
					}
				}
				return { e, s };
			});
			scored.sort((a, b) => b.s - a.s || a.e.place.id.localeCompare(b.e.place.id));
			const best = scored[0]!;
			m.chosen = best.e;
			// A romanisation match stands only where the document's other places name its country ("Gamal said" is a
			// man, not Homel; "Gamal … in Belarus" still could be).
			// A border crossing stands where the document names either of its countries.
			if (m.fuzzy) m.fuzzy = !best.e.place.country_codes.some((code) => (docCountries.get(code) ?? 0) - (own.get(code) ?? 0) > 0);
			let z = 0;
			for (const x of scored) if (x.e.place.id !== best.e.place.id) z += Math.exp(x.s - best.s);
			m.score = 1 / (1 + z);
		});
	}
}

/** Merges "the Polish border", "border between Belarus and Poland", "الحدود مع بولندا" into border mentions. */
function borders(matches: Match[], tokens: Token[], text: string, g: GazetteerData, border: BorderLookup): Match[] {
	const borderWords = new Set(g.curated.border_words.map((w) => normalizeWithMap(w).text));
	const isBorder = (t: Token) =>
		t.arabic ? cliticReadings(t.norm).some((r) => borderWords.has(r.stem)) : borderWords.has(t.norm);
	const skip = new Set(['the', 'between', 'with', 'of', 'and', 'its', 'their', 'his', 'her', 'بين', 'مع']);
	const countryAt = new Map<number, number>(); // token index → match index, for country mentions
	matches.forEach((m, i) => {
		if (m.chosen?.place.kind === 'country') for (let t = m.first; t <= m.last; t++) countryAt.set(t, i);
	});
	// The document's main countries, by how often they are named.
	const weight = new Map<string, number>();
	for (const m of matches) if (m.chosen?.place.kind === 'country') weight.set(m.chosen.place.id, (weight.get(m.chosen.place.id) ?? 0) + 1);
	const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id.slice(8));
	const merged: { from: number; to: number; start: number; end: number; place: Place }[] = [];
	const used = new Set<number>();
	for (let b = 0; b < tokens.length; b++) {
		if (!isBorder(tokens[b]!) || countryAt.has(b)) continue;
		const found: number[] = [];
		// Before: "the Belarus-Poland border", "Polish border".
		for (let t = b - 1; t >= 0 && found.length < 2; t--) {
			const mi = countryAt.get(t);
			if (mi === undefined) {
				if (tokens[t]!.norm === 'and' && found.length === 1) continue;
				if (tokens[t]!.norm === 's' && found.length === 0 && /^['\u2019]$/.test(text.slice(tokens[t - 1]?.end ?? 0, tokens[t]!.start))) continue; // "Poland's border"
				break;
			}
			if (!found.includes(mi) && !used.has(mi)) found.unshift(mi);
			t = matches[mi]!.first;
		}
		const before = found.length;
		// After: "border between Belarus and Poland", "borders with Poland", "الحدود البولندية". In English a
		// connector must come first ("Iraq borders Turkey" is a verb).
		let connected = tokens[b]!.arabic;
		let partners = false; // "with"/"مع": the countries after it are the other side, each its own border
		for (let t = b + 1, steps = 0; t < tokens.length && found.length < 2 && steps < 4; t++, steps++) {
			const mi = countryAt.get(t);
			if (mi === undefined) {
				const tok = tokens[t]!;
				const stem = tok.arabic ? cliticReadings(tok.norm).map((r) => r.stem) : [tok.norm];
				if (stem.some((s) => skip.has(s)) || (tok.arabic && stem.includes('و'))) {
					if (found.length === before && stem.some((s) => s === 'with' || s === 'مع')) partners = true;
					connected = true;
					continue;
				}
				break;
			}
			if (!connected) break;
			if (!found.includes(mi) && !used.has(mi)) found.push(mi);
			t = matches[mi]!.last;
		}
		// "Iraq borders Turkey": a verb, not a place.
		if (!connected && tokens[b]!.norm === 'borders' && countryAt.has(b + 1)) continue;
		if (found.length === 0) continue;
		// "its borders with Russia and Belarus", "حدودها مع روسيا وبيلاروسيا": two borders of a third country, which the
		// extractor reads from the sentence; not one border between the two.
		if (partners && found.length - before === 2) continue;
		const codes = found.map((mi) => matches[mi]!.chosen!.place.country_codes[0]!);
		if (codes.length === 1) {
			// "Belarus strengthened its borders with Poland": the partner is the country named just before in the
			// sentence, else the document's most-named neighbour.
			const near = g.neighbours.get(codes[0]!) ?? [];
			let partner: string | undefined;
			for (let k = Math.min(...found) - 1; k >= 0 && !partner; k--) {
				const pm = matches[k]!;
				if (SENTENCE_END.test(text.slice(pm.end, tokens[b]!.start))) break;
				const c = pm.chosen?.place.kind === 'country' ? pm.chosen.place.country_codes[0] : undefined;
				if (c && c !== codes[0] && near.includes(c)) partner = c;
			}
			partner ??= ranked.find((c) => c !== codes[0] && near.includes(c));
			if (!partner) continue;
			codes.push(partner);
		}
		const place = border(codes[0]!, codes[1]!);
		if (!place) continue;
		const firstM = matches[found[0]!]!;
		const lastM = matches[found[found.length - 1]!]!;
		const start = before > 0 ? firstM.start : tokens[b]!.start;
		const end = found.length > before ? lastM.end : tokens[b]!.end;
		for (const mi of found) used.add(mi);
		merged.push({ from: Math.min(b, firstM.first), to: Math.max(b, lastM.last), start, end, place });
	}
	if (merged.length === 0) return matches;
	const out = matches.filter((_, i) => !used.has(i));
	for (const m of merged) {
		const entry: IndexEntry = { place: m.place, prior: 7, nameKind: 'name' };
		out.push({ first: m.from, last: m.to, start: m.start, end: m.end, key: text.slice(m.start, m.end), entries: [entry], chosen: entry, score: 0.8 });
	}
	return out.sort((a, b) => a.start - b.start);
}

/**
 * Words after a town's name that make the mention a site there, longest first, each with the curated site
 * categories that fit: "Kramatorsk railway station", "Boryspil airport", "Zaporizhzhia nuclear power plant".
 */
const SITE_PHRASES: [string, SiteCategory[]][] = (
	[
		['international airport', ['airport', 'airbase']],
		['airport', ['airport', 'airbase']],
		['air base', ['airbase', 'airport']],
		['airbase', ['airbase', 'airport']],
		['airfield', ['airbase', 'airport']],
		['aerodrome', ['airbase', 'airport']],
		['nuclear power plant', ['nuclear']],
		['nuclear power station', ['nuclear']],
		['nuclear plant', ['nuclear']],
		['npp', ['nuclear']],
		['hydroelectric power plant', ['dam']],
		['hydroelectric power station', ['dam']],
		['hydroelectric plant', ['dam']],
		['hydroelectric station', ['dam']],
		['hpp', ['dam']],
		['thermal power plant', []],
		['power plant', ['nuclear', 'dam']],
		['power station', ['nuclear', 'dam']],
		['dam', ['dam']],
		['bridge', ['bridge']],
		['railway station', ['station']],
		['railroad station', ['station']],
		['train station', ['station']],
		['bus station', ['station']],
		['metro station', ['station']],
		['station', ['station']],
		['border crossing', ['crossing']],
		['border checkpoint', ['crossing']],
		['checkpoint', ['crossing']],
		['crossing point', ['crossing']],
		['drama theatre', ['theatre']],
		['drama theater', ['theatre']],
		['theatre', ['theatre']],
		['theater', ['theatre']],
		['shopping mall', ['mall']],
		['shopping centre', ['mall']],
		['shopping center', ['mall']],
		['mall', ['mall']],
		['monastery', ['monastery']],
		['lavra', ['monastery']],
		['cathedral', ['cathedral']],
		['military base', ['base', 'airbase', 'navalbase']],
		['naval base', ['navalbase']],
		['base', ['base', 'airbase', 'navalbase']],
		['oil refinery', []],
		['refinery', []],
		['oil depot', []],
		['fuel depot', []],
		['ammunition depot', []],
		['seaport', ['port']],
		['sea port', ['port']],
		['port', ['port']]
	] as [string, SiteCategory[]][]
).sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);
const SITE_PHRASE_MAX_WORDS = 3;
/** How far from the town a curated site of the phrase's kind may be to be the one meant ("Minsk airport"). */
const SITE_NEAR_KM = 50;

/**
 * A place at a town's point that the text names by the town: the site "<town> <label>" when no curated site fits
 * (`site:gn-<geonameid>-<label-slug>`), or the district around it (`admin:gn-<geonameid>-district`).
 */
export function townPart(town: Place, label: string, kind: 'site' | 'admin'): Place {
	return Object.freeze({
		id: `${kind}:${town.id.replace(':', '-')}-${label.replace(/ /g, '-')}`,
		name: `${town.name} ${label}`,
		kind,
		lat: town.lat,
		lon: town.lon,
		country_codes: town.country_codes,
		geonames_id: null,
		population: null,
		geo_precision: kind === 'site' ? 1 : 2
	} satisfies Place);
}

const crossingTable = new WeakMap<GazetteerData, { s: CuratedSite; towns: Set<string> }[]>();

/** The curated border crossings, each with the towns it is named by ("Dorohusk–Yahodyn border crossing": villages
 * GeoNames may lack), made once per gazetteer. */
function crossingsOf(g: GazetteerData): { s: CuratedSite; towns: Set<string> }[] {
	let list = crossingTable.get(g);
	if (!list) {
		list = g.sites
			.filter((s) => s.category === 'crossing')
			.map((s) => ({ s, towns: new Set(s.name.replace(/\s+(?:border\s+)?crossing$/i, '').split(/\s*[–—-]\s*/).map((t) => nameKey(t))) }));
		crossingTable.set(g, list);
	}
	return list;
}

/** How far from its town a curated border crossing may lie to be the one "the crossing at <town>" means. */
const CROSSING_NEAR_KM = 15;

/**
 * "na przejściu granicznym w Bobrownikach", "the border crossing at Dorohusk, Hrebenne and Korczowa", "пункт пропуска
 * «Шальчининкай»": the curated crossing at that town. Of same-named towns the one with a crossing is meant.
 */
function crossingSites(matches: Match[], text: string, g: GazetteerData, lang: LanguageProfile): void {
	const crossings = crossingsOf(g);
	let previous: Match | null = null;
	for (const m of matches) {
		const listed = previous && lang.listJoint.test(text.slice(previous.end, m.start));
		previous = null;
		if (!listed && !lang.crossingBefore.test(text.slice(Math.max(0, m.start - 60), m.start))) continue;
		// The crossing named by the town first, then the one nearest a namesake: Hrebenne near Zosin is not Hrebenne
		// of the Hrebenne–Rava-Ruska crossing.
		let best: { entry: IndexEntry; site: Place; named: boolean; d: number } | null = null;
		for (const e of m.entries) {
			if (e.place.kind !== 'city') continue;
			const key = nameKey(e.place.name);
			for (const { s, towns } of crossings) {
				const named = towns.has(key);
				const d = distanceKm(e.place, s as unknown as Place);
				if (!named && d > CROSSING_NEAR_KM) continue;
				if (!best || (named && !best.named) || (named === best.named && d < best.d)) best = { entry: e, site: g.store.place(s.id)!, named, d };
			}
		}
		if (!best) continue;
		const entry: IndexEntry = { place: best.site, prior: best.entry.prior, nameKind: 'name' };
		m.entries = [entry];
		m.chosen = entry;
		previous = m;
	}
}

/** "Kramatorsk railway station", "Boryspil airport": a town followed by a site word is a site there; "Bakhmut
 * district" is the district around the town. */
function townSites(matches: Match[], tokens: Token[], text: string, g: GazetteerData): void {
	for (const m of matches) {
		const town = m.chosen?.place;
		if (!town || town.kind !== 'city') continue;
		if (m.district) {
			const entry: IndexEntry = { place: townPart(town, m.district, 'admin'), prior: m.chosen!.prior, nameKind: 'name' };
			m.entries = [entry];
			m.chosen = entry;
			continue;
		}
		let words: string[] = [];
		for (let k = m.last + 1; k <= m.last + SITE_PHRASE_MAX_WORDS && k < tokens.length; k++) {
			if (!/^[ \u00A0]$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) || tokens[k]!.arabic) break;
			words = [...words, tokens[k]!.norm];
		}
		const said = words.join(' ');
		const hit = SITE_PHRASES.find(([p]) => said === p || said.startsWith(p + ' '));
		if (!hit) continue;
		const [label, categories] = hit;
		const n = label.split(' ').length;
		// The nearest curated site of the first category that has one near ("Minsk airport" is the airport, not
		// the air base nearer to town).
		let best: { place: Place; d: number } | null = null;
		for (const category of categories) {
			for (const s of g.sites) {
				if (s.category !== category) continue;
				const d = distanceKm(town, s as unknown as Place);
				if (d <= SITE_NEAR_KM && (!best || d < best.d)) best = { place: g.store.place(s.id)!, d };
			}
			if (best) break;
		}
		const place = best?.place ?? townPart(town, label, 'site');
		const entry: IndexEntry = { place, prior: m.chosen!.prior, nameKind: 'name' };
		m.last += n;
		m.end = tokens[m.last]!.end;
		m.entries = [entry];
		m.chosen = entry;
	}
}

/** Whitespace-delimited chunks that hold a '/' or "www." (web addresses, paths), as [start, end) pairs in order. */
function urlSpans(text: string): (readonly [number, number])[] {
	const out: (readonly [number, number])[] = [];
	const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
	for (let at = text.search(/\/|www\./); at >= 0 && at < text.length; ) {
		let a = at;
		while (a > 0 && !isSpace(text.charCodeAt(a - 1))) a--;
		let b = at;
		while (b < text.length && !isSpace(text.charCodeAt(b))) b++;
		out.push([a, b]);
		const next = text.slice(b).search(/\/|www\./);
		at = next < 0 ? -1 : b + next;
	}
	return out;
}

/**
 * Place mentions in `text`, non-overlapping, sorted by start; offsets are UTF-16 units into `text`.
 * Each word is matched by its script (Arabic words with clitic stripping, Latin words with case cues), so quotes
 * in the other script work; `language` decides whether lower-case Latin words are evidence of ordinary English.
 */
export function geoparse(text: string, opts: GeoparseOptions, g: GazetteerData, border: BorderLookup): PlaceMention[] {
	const arabicText = opts.language.toLowerCase().startsWith('ar');
	const tokens = tokenize(text);
	const lowerWords = new Set<string>();
	// In an English text a word also seen in lower case ("reading") is an ordinary word when capitalised.
	// Words of web addresses and file names ("…-amid-minsk-protests/3078.html") are no evidence.
	if (!arabicText) {
		const urls = urlSpans(text);
		let u = 0;
		for (const t of tokens) {
			while (u < urls.length && urls[u]![1] <= t.start) u++;
			if (u < urls.length && urls[u]![0] <= t.start) continue;
			if (!t.arabic && !t.upper && !t.sentenceInitial) lowerWords.add(t.norm);
		}
	}
	const lang = profileFor(opts.language);
	let matches = filterMatches(text, abbreviations(text, tokens, g, findMatches(text, tokens, g, lang)), tokens, g, lowerWords);
	matches = matches.filter((m, i) => !namedAfterElsewhere(m, matches[i + 1], text, lang));
	resolve(matches, text, tokens, g.adminAreas);
	matches = matches.filter((m) => !m.fuzzy);
	townSites(matches, tokens, text, g);
	crossingSites(matches, text, g, lang);
	matches = borders(matches, tokens, text, g, border);
	return matches.map((m) => ({
		text: text.slice(m.start, m.end),
		start: m.start,
		end: m.end,
		place: m.chosen!.place,
		score: Math.round(m.score * 1000) / 1000,
		name_kind: m.chosen!.nameKind
	}));
}
