// Finds actors (people, states, organisations) in a sentence from geodata/lexicon/actors.json; canonical names.
import type { NormalizedText } from '../text/normalize';
import { Matcher, type Hit } from './matcher';
import actorsFile from '../../../../geodata/lexicon/actors.json';

export type ActorKind = 'person' | 'state' | 'organisation' | 'group';

export interface Actor {
	name: string;
	kind: ActorKind;
	/** ISO3 of the country the actor belongs to, where known. */
	country: string | null;
}

interface ActorsFile {
	actors: { name: string; kind: string; country?: string; aliases: string[] }[];
}

const KINDS = new Set(['person', 'state', 'organisation', 'group']);

function compile(file: ActorsFile, name: string): Matcher<Actor> {
	const entries = file.actors.flatMap((a, i) => {
		if (typeof a.name !== 'string' || !a.name) throw new Error(`${name}: actors[${i}].name: expected a string`);
		if (!KINDS.has(a.kind)) throw new Error(`${name}: actors[${i}].kind: expected person|state|organisation|group`);
		if (!Array.isArray(a.aliases) || a.aliases.some((s) => typeof s !== 'string')) throw new Error(`${name}: actors[${i}].aliases: expected strings`);
		if (a.country !== undefined && !/^[A-Z]{3}$/.test(a.country)) throw new Error(`${name}: actors[${i}].country: expected an ISO3 code`);
		const actor: Actor = { name: a.name, kind: a.kind as ActorKind, country: a.country ?? null };
		return [a.name, ...a.aliases].map((pattern) => ({ pattern, value: actor }));
	});
	return new Matcher(entries);
}

const ACTORS = compile(actorsFile as ActorsFile, 'geodata/lexicon/actors.json');

// A state named as a location ("protests across Belarus", "في بيلاروسيا", "ببيلاروسيا") is where, not who.
// In Russian, Ukrainian and Polish: в, у, на, из, з, до, по, w, z, do, na ….
const LOCATIVE = /(?:\b(?:in|into|to|from|at|across|near|inside|throughout|towards|toward|around|of)\s+(?:the\s+)?|(?:^|\s)(?:في|إلى|الى|من|داخل|نحو|شوارع|مدينة|مدينه|العاصمة|العاصمه|ساحة|ساحه)\s+|(?:^|[^\p{L}])(?:в|во|у|на|из|изо|с|со|до|к|ко|по|под|від|з|із|зі|під|w|we|z|ze|do|na|pod|przez)\s+)$/iu;

// "Kremlin-controlled", "Russian-backed": the name describes something else, it does not act.
const MODIFIER_AFTER = /^[-\u2010\u2011](?:controlled|led|backed|owned|run|friendly|allied|leaning|aligned|sponsored|installed|appointed)\b/i;

// The adjective of a state's or capital's name ("российский", "Минский", "Київська", "warszawski") describes, it does not act.
const SLAVIC_ADJECTIVE = /(?:ск|цк|ськ|цьк|sk|ck)(?:ий|ый|ая|ое|ие|ые|ого|ому|ой|ом|им|ым|ую|их|ых|а|е|і|ої|ій|ою|ому|ими|i|a|ie|iego|iej|im|ich|ą)$/iu;

/** Actor names in `text` with their offsets, in order; a state named as a location is left out. */
export function findActorHits(text: string, norm?: NormalizedText): Hit<Actor>[] {
	return ACTORS.find(text, norm).filter(
		(hit) =>
			!/(?:anti|pro)-$/i.test(text.slice(Math.max(0, hit.start - 5), hit.start)) && // "anti-Kremlin placards", "pro-Moscow forces"
			!MODIFIER_AFTER.test(text.slice(hit.end, hit.end + 14)) && // "the Kremlin-controlled RT channel"
			!(hit.value.kind === 'state' && (LOCATIVE.test(text.slice(Math.max(0, hit.start - 30), hit.start)) || hit.clitic.includes('ب'))) &&
			!(hit.value.kind === 'state' && SLAVIC_ADJECTIVE.test(hit.text)) // "Минский городской суд" is a court, not Belarus
	);
}

/** The actors named in `text`, in order of first mention, each once. */
export function actorsIn(text: string, norm?: NormalizedText): Actor[] {
	const out: Actor[] = [];
	for (const hit of findActorHits(text, norm)) if (!out.some((a) => a.name === hit.value.name)) out.push(hit.value);
	return out;
}

/** Canonical names of the actors named in `text`, in order of first mention, each once. */
export function findActors(text: string): string[] {
	return actorsIn(text).map((a) => a.name);
}
