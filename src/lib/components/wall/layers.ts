// The wall's event layers as pure MapLibre specs: dots coloured by type, a ring that pulses as an event appears.
// Time lives in feature-state (`o` opacity, `p` pulse), set per feature by the map bridge on each frame, so
// advancing the clock never re-tiles the source; only features whose look changed are touched.
import type { FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification, StyleSpecification } from 'maplibre-gl';
import { isDayDated, type EventType } from '$lib/domain/event';
import type { TimedEvent } from '$lib/domain/playback';
import type { MapTheme } from '$lib/map/theme';
import { basemapStyle } from '$lib/map/basemap';
import { typeColorExpression } from '$lib/map/layers';
import { pointLook } from '$lib/map/overlay';

const typeColor = (theme: MapTheme) => typeColorExpression(theme, 'k');

export const WALL_SOURCE = 'wall-events';
export const WALL_LAYER = { pulse: 'wall-pulse', points: 'wall-points' } as const;

/**
 * Properties the wall's source carries per feature: `k` event type, `g` geo precision (1 exact … 3 region/country),
 * `d` 1 when it is dated to a day (0: a week, month or year, drawn hollow as on the dashboard).
 */
export interface WallPointProps {
	k: EventType;
	g: 1 | 2 | 3;
	d: 0 | 1;
}

/** The slim GeoJSON the map draws; feature id = the event's index in the timeline (what feature-state keys on). */
export function wallFeatures(events: readonly TimedEvent[]): FeatureCollection<Point, WallPointProps> {
	return {
		type: 'FeatureCollection',
		features: events.map((e) => ({
			type: 'Feature',
			id: e.i,
			geometry: { type: 'Point', coordinates: e.coordinates },
			properties: { k: e.props.event_type, g: e.props.geo_precision, d: isDayDated(e.props) ? 1 : 0 }
		}))
	};
}


const opacity = ['coalesce', ['feature-state', 'o'], 0];
const pulse = ['coalesce', ['feature-state', 'p'], 0];

function luminance(hex: string): number {
	const c = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
	return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

function mixWithWhite(hex: string, f: number): string {
	return '#' + [1, 3, 5].map((k) => Math.round(parseInt(hex.slice(k, k + 2), 16) * (1 - f) + 255 * f).toString(16).padStart(2, '0')).join('');
}

/**
 * The theme with every event colour lifted towards white until it stands out from the land by at least 3:1
 * (WCAG's contrast for graphics): on the dark wall the palette's deep purple and wine would vanish. Light themes pass through.
 */
export function legibleColors(theme: MapTheme): MapTheme {
	if (!/^#[0-9a-f]{6}$/i.test(theme.land)) return theme;
	const ground = luminance(theme.land);
	if (ground > 0.4) return theme;
	const lift = (hex: string) => {
		if (!/^#[0-9a-f]{6}$/i.test(hex)) return hex;
		let f = 0;
		while (f < 1 && (luminance(mixWithWhite(hex, f)) + 0.05) / (ground + 0.05) < 3) f += 0.05;
		return mixWithWhite(hex, f);
	};
	const eventColors = Object.fromEntries(Object.entries(theme.eventColors).map(([k, v]) => [k, lift(v)])) as MapTheme['eventColors'];
	return { ...theme, eventColors };
}

/** The theme with its type and symbol scale multiplied for this screen: 1 at 1080 px tall, 2 at 2160. */
export function screenTheme(theme: MapTheme, viewportHeight: number): MapTheme {
	const px = Math.min(3, Math.max(0.6, viewportHeight / 1080));
	return { ...theme, scale: +(theme.scale * px).toFixed(3) };
}

/**
 * The wall's event layers, sized by `theme.scale` (see screenTheme). Exact places are filled dots;
 * regions and countries are rings, so they never pass for a precise point.
 */
export function wallLayers(theme: MapTheme): CircleLayerSpecification[] {
	const s = theme.scale;
	const r = 5.5 * s;
	// One value per look (geo precision × day-dated), from the dashboard's own pointLook at the wall's scale.
	const byLook = (pick: (look: ReturnType<typeof pointLook>) => number) => {
		const cases: (number | unknown[])[] = [];
		for (const g of [1, 2, 3]) for (const d of [0, 1]) cases.push(g * 2 + d, pick(pointLook(g, d === 1, s)));
		return ['match', ['+', ['*', ['get', 'g'], 2], ['get', 'd']], ...cases, pick(pointLook(1, true, s))];
	};
	return [
		{
			id: WALL_LAYER.pulse,
			type: 'circle',
			source: WALL_SOURCE,
			paint: {
				'circle-radius': ['+', r, ['*', r * 4, ['-', 1, pulse]]] as never,
				'circle-color': typeColor(theme) as never,
				'circle-opacity': ['*', 0.25, pulse] as never,
				'circle-stroke-color': typeColor(theme) as never,
				'circle-stroke-width': 1.4 * s,
				'circle-stroke-opacity': pulse as never
			}
		},
		{
			id: WALL_LAYER.points,
			type: 'circle',
			source: WALL_SOURCE,
			layout: { 'circle-sort-key': ['-', 3, ['get', 'g']] as never },
			paint: {
				'circle-radius': byLook((l) => l.r) as never,
				'circle-color': typeColor(theme) as never,
				'circle-opacity': ['*', opacity, byLook((l) => l.opacity)] as never,
				// The dashboard's marks (overlay.ts pointLook): a dark edge round a day-dated dot; a ring in the type's
				// colour round a nearly clear middle for a week, month or year (a circle layer has one stroke: the ring).
				'circle-stroke-color': ['case', ['==', ['get', 'd'], 1], theme.pointStroke, typeColor(theme)] as never,
				'circle-stroke-width': byLook((l) => (l.ring ? l.ring : l.stroke * s)) as never,
				'circle-stroke-opacity': ['*', opacity, byLook((l) => (l.ring ? l.ringOpacity : 1))] as never
			}
		}
	];
}

/** The wall's style: the dashboard's offline basemap (labels on top) with the wall's source and layers between. */
export function wallStyle(theme: MapTheme, origin: string): StyleSpecification {
	return basemapStyle(theme, { origin }, {
		sources: { [WALL_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
		layers: wallLayers(theme)
	}) as StyleSpecification;
}
