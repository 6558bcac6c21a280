// Mention → role: what a place name does in its sentence (where it happened, where from, where to, who acted).
import type { PlaceMention } from '../../domain/place';
import type { LanguageProfile } from './lang';
import type { Span } from './sentences';

/**
 * - `location`: where it happened ("in Bucha", "near the village of X", "at the airport of X");
 * - `origin`: where it came from ("from Belarus") or was heading when it happened ("on their way to X");
 * - `destination`: where it went or was aimed ("into Ukraine");
 * - `actor`: a state or capital standing for its government ("Moscow said", "Poland imposed");
 * - `addressee`: who was asked or spoken for ("at the request of France", "according to Kyiv");
 * - `demonym`: an adjective of nationality ("Russian forces"): almost never the place;
 * - `territory`: a demonym naming the country's own ground ("Polish territory", "Belarusian airspace");
 * - `name`: part of another name, not a place ("Moscow time", "بتوقيت موسكو");
 * - `other`: none of these (an object, a subject of a material act, a name in a list).
 */
export type MentionRole = 'location' | 'origin' | 'destination' | 'actor' | 'addressee' | 'demonym' | 'territory' | 'name' | 'other';

const COORDINATION = new Set(['and', 'or', '&', 'و', 'او', 'أو']);
// Nouns that say the next name is a place ("the city of Kyiv", "the capital Kyiv", "مدينة خاركيف"), not a government.
const PLACE_NOUNS = new Set(['capital', 'city', 'town', 'village', 'port', 'settlement', 'العاصمة', 'مدينة', 'بلدة', 'قرية']);
const APPOSITION = new Set(['capital', 'city', 'town', 'village', 'region', 'oblast', 'province', 'district', 'port', 'العاصمة', 'مدينة']);

/**
 * The role word before a name, reaching back over the noun phrase around it ("in the Ukrainian city of", "in Kyiv,
 * Kharkiv and"): the text left once phrase words, capitalised names and list joints are taken off its end.
 */
function roleContext(before: string, profile: LanguageProfile, isName: (at: number) => boolean): { context: string; placeNoun: boolean } {
	let rest = before.replace(/\s+$/u, '');
	let placeNoun = false;
	for (let steps = 0; steps < 12 && rest; steps++) {
		// The last word: a scan back to the space before it (a /\S+$/ regex would retry from every position).
		let at = rest.length;
		while (at > 0 && !/\s/u.test(rest[at - 1]!)) at--;
		const m = { index: at, 0: rest.slice(at) };
		const raw = m[0];
		const word = raw.replace(/^[("'“«]+|[,)"'”»]+$/gu, '');
		const lower = word.toLowerCase();
		// Capitalised words are reached over only when they are names themselves ("in Kyiv, Kharkiv and"), never "on Sunday".
		const isCapitalised = /^\p{Lu}/u.test(word) && isName(m.index);
		// "in the capital, Minsk", "in the village of X, Y": an apposition after a place-type noun.
		const listJoint = raw.endsWith(',') && (isCapitalised || COORDINATION.has(lower) || APPOSITION.has(lower));
		const ok = profile.phraseWords.has(lower) || COORDINATION.has(lower) || (isCapitalised && (!raw.endsWith(',') || listJoint)) || /^\d+(?:st|nd|rd|th)?$/.test(lower);
		// A comma ends the phrase unless it separates items of a list of names ("in Kyiv, Kharkiv and Odesa").
		if (!ok || (raw.endsWith(',') && !listJoint)) break;
		if (PLACE_NOUNS.has(lower)) placeNoun = true;
		rest = rest.slice(0, m.index).replace(/\s+$/u, '');
	}
	return { context: rest, placeNoun };
}

/**
 * The role of `m` in `sentence` (offsets of `m` are into the article; `sentence.start` maps them); `others` are the
 * sentence's other place mentions, which a role word before a list reaches over. `actsAsState`: the name may stand for
 * a government anywhere (a state, a state actor of the lexicon); `capital`: only as a subject that speaks or decides.
 */
export function mentionRole(sentence: Span, m: PlaceMention, profile: LanguageProfile, actsAsState: boolean, others: readonly PlaceMention[] = [], capital = false): MentionRole {
	const local = m.start - sentence.start;
	const after = sentence.text.slice(local + m.text.length, local + m.text.length + 60);
	const before = sentence.text.slice(Math.max(0, local - 120), local);
	if (m.name_kind === 'demonym') return profile.territoryAfter.test(after) || profile.territoryBefore.test(before) ? 'territory' : 'demonym';
	if (profile.notPlaceAfter.test(after) || profile.notPlaceBefore.test(before)) return 'name';
	// An Arabic proclitic glued to the name: بموسكو "in Moscow", لموسكو "to Moscow".
	const glued = profile.code === 'ar' && /[\u0621-\u064A]$/u.test(before) ? before.at(-1)! : '';
	if (glued === 'ب') return 'location';
	const offset = m.start - before.length; // article offset of before[0]
	const { context, placeNoun } = roleContext(before, profile, (at) => others.some((o) => o !== m && o.start <= offset + at && offset + at < o.end));
	// "Israel's security cabinet", "Ukraine's capital": the country's own institution or ground.
	if (m.place.kind === 'country' && /^['’]s\s+\p{L}/u.test(after) && !profile.origin.test(context)) return 'territory';
	if (profile.addressee.test(context)) return 'addressee';
	if (profile.route.test(context)) return 'origin'; // "on their way to Mariupol": not where it happened
	if (!glued && profile.locative.test(context)) return 'location';
	// "strikes on dozens of cities, including Kyiv": an example of the places just named.
	if (profile.including.test(context) && profile.placesBefore.test(context.replace(profile.including, ''))) return 'location';
	// A capital that stands for its government ("allowed Moscow to use", "سمح لموسكو", "asked by Tehran") is who acts,
	// unless the sentence says something happened in it.
	if (actsAsState && !placeNoun && (m.place.kind === 'city' || m.place.kind === 'site' || profile.agent.test(context))) return 'actor';
	if (glued === 'ل') return 'destination';
	if (profile.origin.test(context)) {
		// "missiles launched from Shakhtarsk": the launch happened there.
		return profile.launchBefore.test(context.replace(profile.origin, '')) ? 'location' : 'origin';
	}
	if (profile.destination.test(context)) return 'destination';
	const subject = context === '' || /[.,;:(]$/u.test(context) || /\b(?:the|and|but|as|when|while|after|then|that|if|because|since)$/i.test(context) || profile.code === 'ar';
	// "Moscow said", "Warsaw decided": a capital that speaks or decides is its government.
	if (subject && (actsAsState || capital) && m.place.kind !== 'border' && profile.actsAfter.test(after)) return 'actor';
	return 'other';
}
