// Case forms of place names in languages whose nouns decline (в Минске, у Харкові, w Warszawie): the nominatives a
// declined word may come from, by ending rules, so that a gazetteer of nominatives finds it. Rules, not lists of forms.
import { nameKey } from '../../text/normalize';

export interface CaseRules {
	/** An oblique-case ending → the nominative endings it may replace ('' none), written as in the language. */
	endings: Record<string, readonly string[]>;
	/**
	 * Vowels of the stem's last syllable that alternate when the nominative ends on a consonant, oblique → nominative
	 * (Ukrainian Харкова → Харків, Києва → Київ: о/е/є → і).
	 */
	closedSyllable?: Record<string, string>;
	/** Shortest stem left once an ending is taken off (shorter words are left alone). */
	minStem?: number;
}

export interface CompiledCaseRules {
	/** Endings, folded as index keys are (й → и, ó → o), longest first. */
	endings: readonly (readonly [string, readonly string[]])[];
	closedSyllable: ReadonlyMap<string, string>;
	vowels: RegExp;
	minStem: number;
}

const fold = (s: string): string => (s ? nameKey(s) : '');

/** Folds a language's rules once, as index keys and text tokens are folded. */
export function compileCaseRules(rules: CaseRules): CompiledCaseRules {
	const endings = Object.entries(rules.endings)
		.map(([end, noms]) => [fold(end), [...new Set(noms.map(fold))]] as const)
		.sort((a, b) => b[0].length - a[0].length);
	const closed = new Map(Object.entries(rules.closedSyllable ?? {}).map(([a, b]) => [fold(a), fold(b)]));
	const vowels = new RegExp(`[${[...closed.keys()].join('') || 'x'}](?=[^aeiouyаеёиоуыэюяіїє]*$)`, 'u');
	return { endings, closedSyllable: closed, vowels, minStem: rules.minStem ?? 3 };
}

/**
 * The nominatives a folded word may be a case form of, most likely first: every ending it has, replaced by each
 * nominative ending that ending may stand for (Минске → минск, минска, минско…). Never the word itself.
 */
export function nominativeReadings(word: string, rules: CompiledCaseRules): string[] {
	const out: string[] = [];
	for (const [end, noms] of rules.endings) {
		if (!word.endsWith(end) || word.length - end.length < rules.minStem) continue;
		const stem = word.slice(0, word.length - end.length);
		for (const nom of noms) {
			out.push(stem + nom);
			if (rules.closedSyllable.size && (nom === '' || nom === 'ь')) {
				const m = rules.vowels.exec(stem);
				if (m) out.push(stem.slice(0, m.index) + rules.closedSyllable.get(m[0])! + stem.slice(m.index + 1) + nom);
			}
		}
	}
	return [...new Set(out)].filter((w) => w !== word);
}

/** How a town's adjective is made (Минск → Минский, Київ → Київський, Warszawa → warszawski). */
export interface AdjectiveRules {
	/** Adjective endings in every case and gender ("ий", "ого", "ая" …). */
	endings: readonly string[];
	/** The adjective suffix left on the stem → what the town's name ends in instead ("ск" → "", "а", "о": Брестский, Полтавский, Гродненский). */
	suffixes: readonly (readonly [string, readonly string[]])[];
}

export interface CompiledAdjectiveRules {
	endings: readonly string[];
	suffixes: readonly (readonly [string, readonly string[]])[];
}

export function compileAdjectiveRules(rules: AdjectiveRules): CompiledAdjectiveRules {
	return {
		endings: [...new Set(rules.endings.map(fold))].sort((a, b) => b.length - a.length),
		suffixes: rules.suffixes.map(([suffix, ends]) => [fold(suffix), ends.map(fold)] as const)
	};
}

/** The town names a folded adjective may be made from, the stem itself first ("минский" → минск, мин, мина …). */
export function townsOfAdjective(word: string, rules: CompiledAdjectiveRules): string[] {
	const end = rules.endings.find((e) => word.endsWith(e) && word.length - e.length >= 3);
	if (!end) return [];
	const stem = word.slice(0, word.length - end.length);
	const out = [stem];
	for (const [suffix, ends] of rules.suffixes) {
		if (!stem.endsWith(suffix) || stem.length - suffix.length < 3) continue;
		for (const e of ends) out.push(stem.slice(0, stem.length - suffix.length) + e);
	}
	return [...new Set(out)];
}
