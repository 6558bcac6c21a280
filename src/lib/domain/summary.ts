// The one-line English summary of an event ("Protest in Minsk (Belarus) — Protesters"): written by the pipeline,
// written again by a correction that changes the event's type, place or actors.
import { countryName as isoCountryName } from './countries';
import type { EventProperties, EventType, PlaceKind } from './event';

export const TYPE_LABEL: Record<EventType, string> = {
	AGREE: 'Agreement',
	CONSULT: 'Meeting or talks',
	SUPPORT: 'Support',
	CONCEDE: 'Concession',
	COOPERATE: 'Cooperation',
	AID: 'Aid',
	RETREAT: 'Withdrawal',
	REQUEST: 'Request',
	ACCUSE: 'Accusation',
	REJECT: 'Rejection',
	THREATEN: 'Threat',
	PROTEST: 'Protest',
	SANCTION: 'Sanctions',
	MOBILIZE: 'Massing or deployment',
	COERCE: 'Arrests or repression',
	ASSAULT: 'Attack'
};

/** What the summary says of the place. */
export interface SummaryPlace {
	name: string;
	kind: PlaceKind;
	country_codes: readonly string[];
}

function placeLabel(place: SummaryPlace, country: (code: string) => string): string {
	if (place.kind === 'border') return `the ${place.country_codes.map(country).join('–')} border`;
	if (place.kind === 'country') return place.name;
	const code = place.country_codes[0];
	return code ? `${place.name} (${country(code)})` : place.name;
}

/**
 * One short English line: "Protest in Minsk (Belarus) — Protesters", "Massing or deployment at the Belarus–Poland
 * border". `country` names a country code (the pipeline passes the gazetteer's names; default: ISO's English).
 */
export function summarize(type: EventType, place: SummaryPlace, actors: readonly string[], country: (code: string) => string = isoCountryName): string {
	const where = place.kind === 'border' ? `at ${placeLabel(place, country)}` : `in ${placeLabel(place, country)}`;
	const who = actors.length ? ` — ${actors.slice(0, 3).join(', ')}` : '';
	return `${TYPE_LABEL[type]} ${where}${who}`;
}

/** The summary an event's own type, place and actors give. */
export function eventSummary(p: Pick<EventProperties, 'event_type' | 'place_name' | 'place_kind' | 'country_codes' | 'actors'>): string {
	return summarize(p.event_type, { name: p.place_name, kind: p.place_kind, country_codes: p.country_codes }, p.actors);
}
