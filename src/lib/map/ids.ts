// Source and layer ids of the map, defined once: the dashboard, the wall and the tests refer to them by these names.

export const SOURCE = {
	countries: 'countries',
	borders: 'borders',
	crimea: 'crimea',
	labels: 'country-labels',
	events: 'events',
	/** The selected event alone: its ring shows even when the event sits inside a cluster. */
	selection: 'selection',
	places: 'places'
} as const;

export const LAYER = {
	water: 'water',
	land: 'land',
	crimeaFill: 'crimea-fill',
	crimeaLine: 'crimea-line',
	coast: 'coast',
	borders: 'borders',
	labels: 'country-labels',
	footprintCountry: 'footprint-country',
	footprintLine: 'footprint-line',
	footprintArea: 'footprint-area',
	density: 'density',
	clusters: 'clusters',
	clusterCount: 'cluster-count',
	points: 'points',
	selected: 'selected'
} as const;

/** Layer groups the user toggles; each names the layers it shows or hides. */
export const TOGGLES = {
	points: [LAYER.clusters, LAYER.clusterCount, LAYER.points],
	density: [LAYER.density],
	footprints: [LAYER.footprintCountry, LAYER.footprintLine, LAYER.footprintArea],
	labels: [LAYER.labels]
} as const;
export type Toggle = keyof typeof TOGGLES;
export const TOGGLE_NAMES = Object.keys(TOGGLES) as Toggle[];

/** Font stacks declared in the style's `font-faces` (bundled TTFs, no glyph server). */
export const FONT = { regular: 'Noto Sans Regular', bold: 'Noto Sans Bold' } as const;

/** Zoom at and above which points are never clustered. */
export const CLUSTER_MAX_ZOOM = 7;
