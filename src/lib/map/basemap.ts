// The offline basemap as a MapLibre style: sea, land, rivers and lakes, borders, Crimea as occupied Ukraine, and
// country, region and town labels in bundled fonts (collision on: bigger places win).
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONT, LAYER, SOURCE, VILLAGE_ZOOM } from './ids';
import type { MapTheme } from './theme';

/**
 * The basemap's vector tiles (cut on the server from Natural Earth and GSHHG, src/lib/server/geo/tiles.ts) and its
 * GeoJSON files (prerendered at build time, see src/routes/basemap).
 */
export const BASEMAP_TILES = '/basemap/tiles/{z}/{x}/{y}';
export const BASEMAP_FILES = {
	names: '/basemap/names.geojson',
	villages: '/basemap/villages.geojson'
} as const;

/** The vector tiles' layers (`source-layer`s of SOURCE.basemap). */
export const BASEMAP_LAYER = {
	countries: 'countries',
	borders: 'borders',
	crimea: 'crimea',
	labels: 'country-labels',
	water: 'water'
} as const;

/** Deepest zoom the tiles are cut at; MapLibre overzooms them beyond (1:50m borders hold no detail finer than that). */
export const BASEMAP_MAXZOOM = 10;

/** Unicode ranges drawn with Noto Sans Arabic; everything else (Latin, Cyrillic, Greek) with Noto Sans. */
export const ARABIC_RANGES = ['U+0600-06FF', 'U+0750-077F', 'U+08A0-08FF', 'U+FB50-FDFF', 'U+FE70-FEFF'];

export interface BasemapOptions {
	/** Absolute origin the files are served from, e.g. `location.origin` (the worker resolves URLs on its own). */
	origin: string;
	/** Show the Arabic country name under the English one. */
	arabicLabels?: boolean; // default true
}

/**
 * The style's `font-faces`: Noto Sans, a Latin/Cyrillic TTF plus the Arabic TTF for Arabic ranges. Only the faces a
 * symbol layer names are declared: MapLibre fetches every declared face at start (cluster counts, the one bold text,
 * are drawn on the overlay canvas with the page's own @font-face).
 */
export function fontFaces(origin: string): NonNullable<StyleSpecification['font-faces']> {
	const url = (file: string) => `${origin}/fonts/${file}`;
	return {
		[FONT.regular]: [
			{ url: url('NotoSansArabic-Regular.ttf'), 'unicode-range': ARABIC_RANGES },
			{ url: url('NotoSans-Regular.ttf') }
		]
	};
}

/**
 * Douglas–Peucker tolerance of the water tiles in screen pixels (the other layers keep 0.6; see server/geo/tiles.ts). Rivers and lake shores at
 * 0.6 px were ~140k triangle indices per software-GL frame at zoom 5 (a third of the frame); at 2 px ~50k, and a
 * thin river line two pixels off its surveyed course is not visible at any zoom.
 */
export const WATER_TOLERANCE = 2;

export function basemapSources(origin: string): Record<string, SourceSpecification> {
	return {
		// Country ids are ISO alpha-3, the key footprints set feature-state on.
		[SOURCE.basemap]: { type: 'vector', tiles: [origin + BASEMAP_TILES], maxzoom: BASEMAP_MAXZOOM, promoteId: { [BASEMAP_LAYER.countries]: 'iso_a3' } },
		// Labels only: no tile deeper than 10 is needed, and a small buffer keeps the ~7k names cheap to tile.
		[SOURCE.names]: { type: 'geojson', data: origin + BASEMAP_FILES.names, maxzoom: 10, buffer: 64 },
		// Empty until the map is zoomed to VILLAGE_ZOOM (see `loadVillagesWhenZoomed`).
		[SOURCE.villages]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, maxzoom: 10, buffer: 64 }
	};
}

/** A layer's source in the basemap tiles. */
const tiles = (layer: keyof typeof BASEMAP_LAYER) => ({ source: SOURCE.basemap, 'source-layer': BASEMAP_LAYER[layer] });

/** River line width by zoom, wider for the major rivers (WDBII levels 1–2). */
function riverWidth(theme: MapTheme, major: boolean): ExpressionSpecification {
	const k = (major ? 1 : 0.65) * theme.scale;
	return ['interpolate', ['linear'], ['zoom'], 4, 0.8 * k, 7, 2 * k, 12, 4 * k];
}

/**
 * River joins and ends: round only from zoom 8, where a river is wide enough to show its corners. A round join is a
 * fan of triangles at every vertex: below zoom 8 it more than doubled the rivers' triangles in each frame for
 * lines 1–2 px wide, where miter joins and butt ends look the same.
 */
const RIVER_LAYOUT = {
	'line-join': ['step', ['zoom'], 'miter', 8, 'round'],
	'line-cap': ['step', ['zoom'], 'butt', 8, 'round']
} as const;

/** Basemap layers under the data: sea, land, occupied Crimea, lakes and rivers, coasts and borders. */
export function basemapLayers(theme: MapTheme): LayerSpecification[] {
	return [
		{ id: LAYER.water, type: 'background', paint: { 'background-color': theme.water } },
		{ id: LAYER.land, type: 'fill', ...tiles('countries'), paint: { 'fill-color': theme.land } },
		{ id: LAYER.crimeaFill, type: 'fill', ...tiles('crimea'), paint: { 'fill-color': theme.occupiedFill } },
		{ id: LAYER.lakes, type: 'fill', ...tiles('water'), minzoom: 3, filter: ['==', ['get', 'kind'], 'lake'], paint: { 'fill-color': theme.lake, 'fill-outline-color': theme.river } },
		{
			id: LAYER.riversMajor,
			type: 'line',
			...tiles('water'),
			minzoom: 3.5,
			filter: ['all', ['==', ['get', 'kind'], 'river'], ['<=', ['get', 'level'], 2]],
			layout: RIVER_LAYOUT as never,
			paint: { 'line-color': theme.river, 'line-width': riverWidth(theme, true) }
		},
		{
			id: LAYER.riversMinor,
			type: 'line',
			...tiles('water'),
			minzoom: 5.5,
			filter: ['any', ['all', ['==', ['get', 'kind'], 'river'], ['>', ['get', 'level'], 2]], ['==', ['get', 'kind'], 'shore']],
			layout: RIVER_LAYOUT as never,
			paint: { 'line-color': theme.river, 'line-width': riverWidth(theme, false) }
		},
		{
			id: LAYER.coast,
			type: 'line',
			...tiles('countries'),
			paint: { 'line-color': theme.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.4, 8, 1.2] }
		},
		{
			id: LAYER.borders,
			type: 'line',
			...tiles('borders'),
			layout: { 'line-join': 'round' },
			paint: { 'line-color': theme.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6 * theme.scale, 8, 1.6 * theme.scale] }
		},
		{
			id: LAYER.crimeaLine,
			type: 'line',
			...tiles('crimea'),
			paint: { 'line-color': theme.occupiedLine, 'line-width': 1.2 * theme.scale, 'line-dasharray': [3, 2] }
		}
	];
}

/** Country names, English with the Arabic name beneath, in the bundled fonts. */
export function labelLayer(theme: MapTheme, arabic = true): LayerSpecification {
	const name: unknown[] = ['format', ['get', 'name'], {}];
	const text = arabic
		? ['case', ['has', 'name_ar'], [...name, '\n', {}, ['coalesce', ['get', 'name_ar'], ''], { 'font-scale': 0.85 }], ['get', 'name']]
		: ['get', 'name'];
	return {
		id: LAYER.labels,
		type: 'symbol',
		...tiles('labels'),
		minzoom: 2.5,
		layout: {
			'text-field': text as never,
			'text-font': [FONT.regular],
			'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11 * theme.scale, 7, 15 * theme.scale],
			'text-max-width': 8,
			'text-padding': 4
		},
		paint: { 'text-color': theme.label, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4, 'text-opacity': 0.85 }
	};
}

/** First-level regions (oblasts, voivodeships): spaced capitals in a muted colour, between the cities and the towns. */
export function regionLabelLayer(theme: MapTheme): LayerSpecification {
	return {
		id: LAYER.regionLabels,
		type: 'symbol',
		source: SOURCE.names,
		minzoom: 4,
		maxzoom: 9,
		filter: ['all', ['has', 'r'], ['<=', ['get', 'z'], ['zoom']]],
		layout: {
			'text-field': ['get', 'n'],
			'text-font': [FONT.regular],
			'text-transform': 'uppercase',
			'text-letter-spacing': 0.12,
			'text-size': ['interpolate', ['linear'], ['zoom'], 4, 9 * theme.scale, 8, 12 * theme.scale],
			'text-max-width': 7,
			'text-padding': 4,
			// The label point is often the regional capital's: let the name sit above or below the city, not give way to
			// it. Only centred anchors: a left or right anchor makes MapLibre lay out and draw each name once per
			// justification (three times), a third of the labels' glyphs in every frame.
			'text-variable-anchor': ['center', 'top', 'bottom'],
			'text-radial-offset': 1.6
		},
		paint: { 'text-color': theme.regionLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.2 }
	};
}

/** Towns from this population are placed before the region names; smaller ones give way to them. */
export const MAJOR_TOWN = 100_000;

/**
 * Towns and villages from GeoNames: each from the zoom its population earns (`z`, see server/geo/towns.ts), bigger
 * places placed first (the file's order) so that collision drops villages, never the city. Two layers: cities
 * (≥ MAJOR_TOWN) above the region names, which are placed next, and the smaller towns under them.
 */
export function townLabelLayer(theme: MapTheme, which: 'major' | 'minor' | 'village'): LayerSpecification {
	const s = theme.scale;
	const size: ExpressionSpecification = ['>=', ['get', 'p'], MAJOR_TOWN];
	const ids = { major: LAYER.townLabels, minor: LAYER.smallTownLabels, village: LAYER.villageLabels };
	const kind: ExpressionSpecification = which === 'village' ? ['literal', true] : ['all', ['!', ['has', 'r']], which === 'major' ? size : ['!', size]];
	return {
		id: ids[which],
		type: 'symbol',
		source: which === 'village' ? SOURCE.villages : SOURCE.names,
		minzoom: which === 'major' ? 3 : which === 'minor' ? 5 : VILLAGE_ZOOM,
		filter: ['all', kind, ['<=', ['get', 'z'], ['zoom']]],
		layout: {
			'text-field': ['get', 'n'],
			'text-font': [FONT.regular],
			// No symbol-sort-key: it draws each key (each population) in a draw call of its own, doubling a software-GL
			// frame. The file lists towns biggest first, and placement follows that order within a tile.
			// Bigger towns in bigger type: ~10 px for a village, ~15 px for a million-city (×1.6 on the wall).
			'text-size': ['interpolate', ['linear'], ['get', 'p'], 500, 10 * s, 100_000, 12.5 * s, 1_000_000, 15 * s],
			'text-max-width': 8,
			'text-padding': 3
		},
		paint: { 'text-color': theme.townLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.5 }
	};
}

/** What `loadVillagesWhenZoomed` needs of a MapLibre map. */
interface ZoomingMap {
	getZoom(): number;
	getSource(id: string): unknown;
	on(type: 'load' | 'zoomend', fn: () => void): unknown;
	off(type: 'load' | 'zoomend', fn: () => void): unknown;
}

/**
 * Fills the villages source the first time the map is at (or within half a step of) VILLAGE_ZOOM: ~12k names
 * tiled only for analysts who zoom in, not at every page load.
 */
export function loadVillagesWhenZoomed(map: ZoomingMap, origin: string): void {
	const check = () => {
		const source = map.getSource(SOURCE.villages) as { setData(data: string): void } | undefined;
		if (map.getZoom() < VILLAGE_ZOOM - 0.5 || !source) return;
		source.setData(origin + BASEMAP_FILES.villages);
		map.off('zoomend', check);
		map.off('load', check);
	};
	map.on('load', check);
	map.on('zoomend', check);
}

/** A complete style with the basemap only; `extraLayers` go between the borders and the labels. */
export function basemapStyle(theme: MapTheme, opts: BasemapOptions, extra: { sources?: Record<string, SourceSpecification>; layers?: LayerSpecification[]; top?: LayerSpecification[] } = {}): StyleSpecification {
	return {
		version: 8,
		name: `conflict-map-${theme.name}`,
		'font-faces': fontFaces(opts.origin),
		sources: { ...basemapSources(opts.origin), ...extra.sources },
		layers: [...basemapLayers(theme), ...(extra.layers ?? []), townLabelLayer(theme, 'village'), townLabelLayer(theme, 'minor'), regionLabelLayer(theme), townLabelLayer(theme, 'major'), labelLayer(theme, opts.arabicLabels ?? true), ...(extra.top ?? [])]
	};
}
