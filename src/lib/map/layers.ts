// The dashboard's MapLibre layers over the basemap: footprints of border- and country-level events and the density
// heatmap. Clusters and points are not here: overlay.ts draws them on a 2D canvas.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { EVENT_TYPES } from '$lib/domain/event';
import { BASEMAP_LAYER, basemapStyle, type BasemapOptions } from './basemap';
import { LAYER, SOURCE, TOGGLES, type Toggle } from './ids';
import { areaLayers } from './area';
import type { MapTheme } from './theme';

/**
 * What the map keeps per event (the overlay draws from it; the density source receives it): small on purpose.
 * The feature id is the event's index in the page's array; `t` the type, `g` geo precision, `d` 1 when the event is
 * dated to the day and 0 when only to a week, month, year or vaguer (`isDayDated`).
 */
export interface MapPointProperties {
	i: number;
	t: string;
	g: number;
	d: 0 | 1;
}

export function eventSources(): Record<string, SourceSpecification> {
	return {
		// The density heatmap's input, fed only while it is on: the groups made on the page (cluster.ts), a few hundred.
		[SOURCE.events]: {
			type: 'geojson',
			data: { type: 'FeatureCollection', features: [] },
			maxzoom: 12, // a heatmap needs no deeper tiles: fewer to rebuild after each window change
			buffer: 32,
			tolerance: 0
		},
		[SOURCE.places]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'place_id' },
		[SOURCE.area]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
	};
}

/** `match` expression from event type to its theme colour. */
export function typeColorExpression(theme: MapTheme, prop = 't'): ExpressionSpecification {
	const pairs = EVENT_TYPES.flatMap((t) => [t, theme.eventColors[t]]);
	return ['match', ['get', prop], ...pairs, '#888888'] as unknown as ExpressionSpecification;
}

/** Feature-state key that turns a footprint on: set per place (places source) or per country (countries source). */
export const FOOTPRINT_STATE = 'on';

/** Opacity `on` when the feature's footprint state is set, else 0: a paint-only change, no re-tiling per time step. */
function footprintOpacity(on: number): ExpressionSpecification {
	return ['case', ['boolean', ['feature-state', FOOTPRINT_STATE], false], on, 0];
}

/** Footprints go under the points: never a fake-precise dot alone for border- and country-level events. */
export function footprintLayers(theme: MapTheme): LayerSpecification[] {
	return [
		{
			id: LAYER.footprintCountry,
			type: 'line',
			source: SOURCE.basemap,
			'source-layer': BASEMAP_LAYER.countries,
			paint: { 'line-color': theme.footprint, 'line-width': 2 * theme.scale, 'line-opacity': footprintOpacity(0.8), 'line-dasharray': [2, 1] }
		},
		{
			id: LAYER.footprintArea,
			type: 'fill',
			source: SOURCE.places,
			filter: ['==', ['geometry-type'], 'Polygon'],
			paint: { 'fill-color': theme.footprint, 'fill-opacity': footprintOpacity(0.08) }
		},
		{
			id: LAYER.footprintLine,
			type: 'line',
			source: SOURCE.places,
			filter: ['!=', ['geometry-type'], 'Point'],
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': theme.footprint, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 2.5 * theme.scale, 8, 5 * theme.scale], 'line-opacity': footprintOpacity(0.75) }
		}
	];
}

/**
 * The density heatmap, fed from the events source only while it is on. Clusters, points and the selection ring
 * are not MapLibre layers: they are drawn on the overlay canvas (see overlay.ts for why).
 */
export function eventLayers(theme: MapTheme): LayerSpecification[] {
	const s = theme.scale;
	return [
		{
			id: LAYER.density,
			type: 'heatmap',
			source: SOURCE.events,
			layout: { visibility: 'none' },
			paint: {
				'heatmap-weight': ['case', ['has', 'point_count'], ['min', 1, ['/', ['ln', ['+', 1, ['get', 'point_count']]], 3]], 0.3],
				'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 0, 0.8, 8, 2],
				'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 0, 12 * s, 8, 28 * s],
				'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, theme.density[0], 0.2, theme.density[1], 0.45, theme.density[2], 0.7, theme.density[3], 1, theme.density[4]],
				'heatmap-opacity': 0.8
			}
		}
	];
}

/** The whole dashboard style: basemap, footprints, event layers; `visible` says which toggles are on. */
export function dashboardStyle(theme: MapTheme, opts: BasemapOptions, visible?: Partial<Record<Toggle, boolean>>): StyleSpecification {
	const style = basemapStyle(theme, opts, {
		sources: eventSources(),
		layers: footprintLayers(theme),
		top: [...eventLayers(theme), ...areaLayers(theme)]
	});
	if (visible) {
		for (const layer of style.layers) {
			for (const [toggle, ids] of Object.entries(TOGGLES) as [Toggle, readonly string[]][]) {
				if (ids.includes(layer.id) && visible[toggle] !== undefined) {
					layer.layout = { ...layer.layout, visibility: visible[toggle] ? 'visible' : 'none' } as never;
				}
			}
		}
	}
	return style;
}
