// Source and layer ids of the map, defined once: the dashboard, the wall and the tests refer to them by these names.

export const SOURCE = {
	/**
	 * The vector tiles of countries, borders, Crimea, country names and the region's rivers and lakes (GSHHG/WDBII,
	 * from scripts/basemap-water.ts), one `source-layer` each (BASEMAP_LAYER in basemap.ts).
	 */
	basemap: 'basemap',
	/** Towns (GeoNames) named from zoom VILLAGE_ZOOM − 1 down, and first-level regions (`r`), each with its zoom. */
	names: 'place-names',
	/** The smaller towns and villages, named from VILLAGE_ZOOM: fetched only once the map is zoomed that far. */
	villages: 'villages',
	/** The grouped visible events, only while the density heatmap is on. */
	events: 'events',
	places: 'places',
	/** The spatial filter's box (drawn, or while it is being dragged), from area.ts. */
	area: 'area'
} as const;

export const LAYER = {
	water: 'water',
	land: 'land',
	crimeaFill: 'crimea-fill',
	crimeaLine: 'crimea-line',
	coast: 'coast',
	borders: 'borders',
	labels: 'country-labels',
	lakes: 'lakes',
	riversMajor: 'rivers-major',
	riversMinor: 'rivers-minor',
	townLabels: 'town-labels',
	smallTownLabels: 'small-town-labels',
	villageLabels: 'village-labels',
	regionLabels: 'region-labels',
	footprintCountry: 'footprint-country',
	footprintLine: 'footprint-line',
	footprintArea: 'footprint-area',
	density: 'density',
	areaFill: 'area-fill',
	areaLine: 'area-line'
} as const;

/** Layer groups the user toggles; each names the layers it shows or hides. */
export const TOGGLES = {
	/** Clusters, points and the selection ring: drawn on the overlay canvas, not as MapLibre layers. */
	points: [],
	density: [LAYER.density],
	footprints: [LAYER.footprintCountry, LAYER.footprintLine, LAYER.footprintArea],
	labels: [LAYER.labels, LAYER.townLabels, LAYER.smallTownLabels, LAYER.villageLabels, LAYER.regionLabels]
} as const;
export type Toggle = keyof typeof TOGGLES;
export const TOGGLE_NAMES = Object.keys(TOGGLES) as Toggle[];

/** Font stacks declared in the style's `font-faces` (bundled TTFs, no glyph server). */
export const FONT = { regular: 'Noto Sans Regular' } as const;

/** Zoom from which villages and small towns are named (and their file fetched). */
export const VILLAGE_ZOOM = 7;

/** Zoom at and above which points are never clustered. */
export const CLUSTER_MAX_ZOOM = 7;
