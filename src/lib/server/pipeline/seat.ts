// Where a state's organ acts: "Poland's foreign ministry summoned the chargé d'affaires", "МИД Белоруссии вызвал…",
// "وزارة الخارجية البولندية استدعت…" happen at the ministry, in the country's capital, not somewhere in the country
// (and not in the country the act is aimed at).
import type { LanguageProfile } from './lang';
import type { Span } from './sentences';

interface SeatRule {
	/** Right after the country's name: "'s foreign ministry", " Foreign Ministry", " МИД", " rząd". */
	after: RegExp;
	/** Right before it: "МИД ", "ministerstwo obrony ", "the government of ", "وزارة الخارجية ". */
	before: RegExp;
}

const rules = new WeakMap<LanguageProfile, SeatRule>();

function ruleOf(profile: LanguageProfile): SeatRule {
	let rule = rules.get(profile);
	if (!rule) {
		const organ = `(?:${profile.stateOrgan})`;
		rule = {
			after: new RegExp(`^(?:['’]s)?\\s+${organ}(?![\\p{L}\\p{M}])`, 'iu'),
			before: new RegExp(`(?<![\\p{L}\\p{M}])${organ}(?:\\s+of(?:\\s+the)?)?\\s+$`, 'iu')
		};
		rules.set(profile, rule);
	}
	return rule;
}

/**
 * The span (sentence offsets) of the state organ that the country named at `start`–`end` of the sentence owns, or
 * null when no organ stands right next to the name: "Poland's foreign ministry" and "the Belarusian Foreign Ministry"
 * (the organ after the name), "МИД Белоруссии", "MSZ Polski", "the government of Lithuania", "الحكومة الليتوانية"
 * (before it).
 */
export function organOf(sentence: Span, start: number, end: number, profile: LanguageProfile): { start: number; end: number } | null {
	const rule = ruleOf(profile);
	const after = rule.after.exec(sentence.text.slice(end, end + 80));
	if (after) return { start, end: end + after[0].length };
	const head = sentence.text.slice(Math.max(0, start - 80), start);
	const before = rule.before.exec(head);
	if (before) return { start: start - head.length + before.index, end };
	return null;
}
