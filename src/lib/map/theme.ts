// Colours of the map and its event types: a light analyst theme and a dark high-contrast wall theme.
import { scaleOrdinal } from 'd3-scale';
import { EVENT_TYPES, type EventType } from '$lib/domain/event';

export interface MapTheme {
	name: 'light' | 'dark';
	water: string;
	land: string;
	coast: string;
	border: string;
	label: string;
	labelHalo: string;
	/** Rivers, lakes and reservoirs inland (the sea is `water`). */
	river: string;
	lake: string;
	townLabel: string;
	regionLabel: string;
	occupiedFill: string;
	occupiedLine: string;
	footprint: string;
	/** The outline of the spatial filter's box. */
	area: string;
	selected: string;
	clusterFill: string;
	clusterStroke: string;
	clusterText: string;
	pointStroke: string;
	/** Density ramp from transparent to hot, 5 stops. */
	density: [string, string, string, string, string];
	/** Multiplier for text and symbol sizes (the wall is read from metres away). */
	scale: number;
	eventColors: Record<EventType, string>;
}

/**
 * 16 event-type colours: Paul Tol's colour-blind-safe "bright" and "muted" qualitative schemes
 * (https://personal.sron.nl/~pault/), ordered so that the material-conflict types (the most common
 * on this map) get the most distinct hues. Points also carry a stroke so that hue is never the only cue.
 */
const TOL = [
	'#4477AA', // AGREE
	'#66CCEE', // CONSULT
	'#228833', // SUPPORT
	'#CCBB44', // CONCEDE
	'#117733', // COOPERATE
	'#44AA99', // AID
	'#BBBBBB', // RETREAT
	'#88CCEE', // REQUEST
	'#DDCC77', // ACCUSE
	'#999933', // REJECT
	'#AA4499', // THREATEN
	'#332288', // PROTEST
	'#882255', // SANCTION
	'#CC6677', // MOBILIZE
	'#EE6677', // COERCE
	'#EE7733' // ASSAULT (Tol vibrant orange)
];

/** The ordinal scale event type → colour (d3-scale), shared by the legend, the list and the map. */
export const eventTypeColor = scaleOrdinal<EventType, string>().domain(EVENT_TYPES).range(TOL);

function typeColors(): Record<EventType, string> {
	return Object.fromEntries(EVENT_TYPES.map((t) => [t, eventTypeColor(t)])) as Record<EventType, string>;
}

export const lightTheme: MapTheme = {
	name: 'light',
	water: '#dce8f0',
	land: '#f7f5f0',
	coast: '#9fb3c2',
	border: '#8a8a8a',
	label: '#333333',
	labelHalo: '#ffffff',
	river: '#7fa8c9',
	lake: '#c9dcea',
	townLabel: '#3d3d3d',
	regionLabel: '#8a7f73',
	occupiedFill: '#e6d3c4',
	occupiedLine: '#8c4a2f',
	footprint: '#d6336c',
	area: '#0b3d91',
	selected: '#000000',
	clusterFill: '#35506b',
	clusterStroke: '#ffffff',
	clusterText: '#ffffff',
	pointStroke: '#222222',
	density: ['rgba(255,255,178,0)', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
	scale: 1,
	eventColors: typeColors()
};

/** Dark, high contrast, large type: for the wall display. */
export const darkTheme: MapTheme = {
	name: 'dark',
	water: '#05080d',
	land: '#1b222c',
	coast: '#51606f',
	border: '#a7b3bf',
	label: '#f2f2f2',
	labelHalo: '#000000',
	river: '#2f5673',
	lake: '#0d1a26',
	townLabel: '#c9d1d9',
	regionLabel: '#7d8894',
	occupiedFill: '#3a2a22',
	occupiedLine: '#ff9e6b',
	footprint: '#ff5fa2',
	area: '#8fb8ff',
	selected: '#ffffff',
	clusterFill: '#e8eef4',
	clusterStroke: '#05080d',
	clusterText: '#05080d',
	pointStroke: '#ffffff',
	density: ['rgba(0,0,0,0)', '#3b0f70', '#8c2981', '#de4968', '#fe9f6d'],
	scale: 1.6,
	eventColors: typeColors()
};

export const THEMES = { light: lightTheme, dark: darkTheme } as const;

/**
 * The timeline's stacks by country or actor (src/lib/state/histgroups.ts), bottom-up: Okabe & Ito's colour-blind-safe
 * qualitative palette (https://jfly.uni-koeln.de/color/) without its black, yellow last (the faintest on white), then
 * grey for "other" and a lighter grey for events naming none. Not the event types' colours: a stack by country must not
 * read as a type.
 */
export const GROUP_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'] as const;
export const OTHER_COLOR = '#8C8C8C';
export const NONE_COLOR = '#D4D4D4';
