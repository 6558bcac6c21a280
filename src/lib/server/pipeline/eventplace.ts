// Role → event place: the most specific place the sentence says it happened at, else the place of the story it continues.
import type { EventType } from '../../domain/event';
import { distanceKm, type PlaceMention } from '../../domain/place';
import type { Trigger } from './classify';
import type { MentionRole } from './roles';
import { clauseCounter, type Span } from './sentences';

/** A place mention of the sentence with the role the sentence gives it. */
export interface Candidate {
	mention: PlaceMention;
	role: MentionRole;
}

// Seas and continents (a `region` of no or several countries) say less about where something happened than a country
// does; a region inside one country (Crimea, Donbas) is as specific as a province.
const SPECIFICITY: Record<string, number> = { site: 3.2, city: 3, border: 3, admin: 2, region: -1.5, country: 1 };

function specificity(m: PlaceMention): number {
	if (m.place.kind === 'region' && m.place.country_codes.length === 1) return 2;
	// A strait, gulf or lake between two countries (the Kerch Strait) is as specific as a country, not a continent.
	if (m.place.kind === 'region' && m.place.country_codes.length === 2) return 1;
	return SPECIFICITY[m.place.kind] ?? 1;
}
// Acts whose target is where they happen ("fired missiles into Kremenchuk", "troops moved to the border").
const AIMED = new Set<EventType>(['ASSAULT', 'MOBILIZE', 'COERCE', 'AID', 'SANCTION', 'PROTEST']);

function roleScore(role: MentionRole, type: EventType): number {
	switch (role) {
		case 'location':
			return 1.5;
		case 'territory':
			return 0.8;
		case 'destination':
			return AIMED.has(type) ? 0.9 : 0.2;
		case 'other':
			return 0;
		case 'origin':
			return -3; // only when nothing else is named ("flights from Minsk were suspended")
		case 'addressee':
			return -2;
		case 'actor':
			return -2.5;
		case 'demonym':
		case 'name':
			return -5;
	}
}

/**
 * Whether a candidate may be the event's place at all: demonyms ("Russian forces") and names inside other names never
 * are; states and capitals acting or addressed ("Moscow said", "urged Poland") only through the fallback to the
 * countries of the actors.
 */
export function canBePlace(c: Candidate): boolean {
	return c.role !== 'demonym' && c.role !== 'name' && c.role !== 'actor' && c.role !== 'addressee';
}

/**
 * The event's place among the sentence's candidates: specificity, role, the trigger's clause, nearness to the trigger;
 * null when none may be a place.
 */
export function choosePlace(sentence: Span, trigger: Trigger, candidates: readonly Candidate[], borderWord: RegExp, phraseWords: ReadonlySet<string>): Candidate | null {
	const clauseOf = clauseCounter(sentence.text);
	const clause = clauseOf(trigger.start);
	const clauseText = sentence.text.split(/[,;:\u060C\u061B\u2013\u2014]/)[clause] ?? '';
	const borderInClause = borderWord.test(clauseText);
	let best: Candidate | null = null;
	let bestScore = -Infinity;
	for (const c of candidates) {
		if (!canBePlace(c)) continue;
		const m = c.mention;
		const local = m.start - sentence.start;
		// A border also counts as in the trigger's clause when that clause names a border ("tried to cross the border").
		const borderHere = m.place.kind === 'border' && borderInClause;
		const sameClause = clauseOf(local) === clause || borderHere ? 2 : 0;
		const distance = Math.abs(local - trigger.start) / 200;
		const after = local >= trigger.end ? 0.3 : 0; // "arrested 774 people in … Minsk"
		// The act's direct object ("shelled the town of Kupiansk", "captured Antonov Airport", "قصفت ميناء أوديسا"): its target.
		const object = c.role === 'other' && local >= trigger.end && isPhraseGap(sentence.text.slice(trigger.end, local), phraseWords) ? 1.5 : 0;
		const score = specificity(m) + roleScore(c.role, trigger.type) + object + sameClause + after - distance + m.score * 0.5;
		if (score > bestScore) {
			best = c;
			bestScore = score;
		}
	}
	return best && (best.mention.place.kind === 'admin' || best.mention.place.kind === 'region') ? (townOfRegion(sentence, best, candidates) ?? best) : best;
}

/** Farthest a town may lie from the middle of the region named right after it and still be taken as in it. */
const TOWN_IN_REGION_KM = 300;
const QUALIFIER_GAP = /^[\s,]*(?:\p{L}{1,3}\s+)?(?:the\s+)?$/u;

/**
 * "Nikopol in the Dnipropetrovsk region", "Нікополь на Дніпропетровщині", "Razumnoye, Belgorod district": a region
 * named right after a town of its own qualifies the town, which is where it happened.
 */
function townOfRegion(sentence: Span, region: Candidate, candidates: readonly Candidate[]): Candidate | null {
	const r = region.mention;
	for (const c of candidates) {
		const m = c.mention;
		if (c === region || !canBePlace(c) || (c.role !== 'other' && c.role !== 'location') || (m.place.kind !== 'city' && m.place.kind !== 'site')) continue;
		if (m.end > r.start || r.start - m.end > 40 || !QUALIFIER_GAP.test(sentence.text.slice(m.end - sentence.start, r.start - sentence.start))) continue;
		if (m.place.country_codes[0] !== r.place.country_codes[0] || distanceKm(m.place, r.place) > TOWN_IN_REGION_KM) continue;
		return c;
	}
	return null;
}


/** Only noun-phrase words (articles, place-type nouns, directions) between a verb and a name: at most four of them. */
function isPhraseGap(gap: string, phraseWords: ReadonlySet<string>): boolean {
	const words = gap.trim().split(/\s+/u).filter(Boolean);
	return words.length <= 4 && words.every((w) => phraseWords.has(w.toLowerCase()));
}

/** True when `a` lies in (or is) the country or countries of `b`: a narrative place may refine a named country. */
export function within(a: PlaceMention, countryCodes: readonly string[]): boolean {
	return a.place.country_codes.some((c) => countryCodes.includes(c));
}

const LOCAL_KINDS = new Set(['city', 'site', 'border', 'admin']);

/** A place more specific than a country (what a narrative place must be to be worth inheriting). */
export function isLocal(m: PlaceMention): boolean {
	return LOCAL_KINDS.has(m.place.kind) || (m.place.kind === 'region' && m.place.country_codes.length === 1);
}
