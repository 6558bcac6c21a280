// The offline basemap as a MapLibre style: water, land, borders, Crimea as occupied Ukraine, labels in bundled fonts.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONT, LAYER, SOURCE } from './ids';
import type { MapTheme } from './theme';

/** Where the basemap files are served (prerendered from world-atlas at build time, see src/routes/basemap). */
export const BASEMAP_FILES = {
	countries: '/basemap/countries.geojson',
	borders: '/basemap/borders.geojson',
	crimea: '/basemap/crimea.geojson',
	labels: '/basemap/labels.geojson'
} as const;

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

export function basemapSources(origin: string): Record<string, SourceSpecification> {
	const src = (path: string): SourceSpecification => ({ type: 'geojson', data: origin + path, tolerance: 0.6 });
	return {
		// Country ids are ISO alpha-3, the key footprints set feature-state on.
		[SOURCE.countries]: { ...src(BASEMAP_FILES.countries), promoteId: 'iso_a3' } as SourceSpecification,
		[SOURCE.borders]: src(BASEMAP_FILES.borders),
		[SOURCE.crimea]: src(BASEMAP_FILES.crimea),
		[SOURCE.labels]: src(BASEMAP_FILES.labels)
	};
}

/** Basemap layers under the data: water, land, occupied Crimea, coasts and borders. */
export function basemapLayers(theme: MapTheme): LayerSpecification[] {
	return [
		{ id: LAYER.water, type: 'background', paint: { 'background-color': theme.water } },
		{ id: LAYER.land, type: 'fill', source: SOURCE.countries, paint: { 'fill-color': theme.land } },
		{ id: LAYER.crimeaFill, type: 'fill', source: SOURCE.crimea, paint: { 'fill-color': theme.occupiedFill } },
		{
			id: LAYER.coast,
			type: 'line',
			source: SOURCE.countries,
			paint: { 'line-color': theme.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.4, 8, 1.2] }
		},
		{
			id: LAYER.borders,
			type: 'line',
			source: SOURCE.borders,
			layout: { 'line-join': 'round' },
			paint: { 'line-color': theme.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6 * theme.scale, 8, 1.6 * theme.scale] }
		},
		{
			id: LAYER.crimeaLine,
			type: 'line',
			source: SOURCE.crimea,
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
		source: SOURCE.labels,
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

/** A complete style with the basemap only; `extraLayers` go between the borders and the labels. */
export function basemapStyle(theme: MapTheme, opts: BasemapOptions, extra: { sources?: Record<string, SourceSpecification>; layers?: LayerSpecification[]; top?: LayerSpecification[] } = {}): StyleSpecification {
	return {
		version: 8,
		name: `conflict-map-${theme.name}`,
		'font-faces': fontFaces(opts.origin),
		sources: { ...basemapSources(opts.origin), ...extra.sources },
		layers: [...basemapLayers(theme), ...(extra.layers ?? []), labelLayer(theme, opts.arabicLabels ?? true), ...(extra.top ?? [])]
	};
}
