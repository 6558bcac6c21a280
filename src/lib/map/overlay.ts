// The events drawn over the map on a 2D canvas: clusters with counts, points by type and precision, the selection ring.
//
// Why not MapLibre layers: in software WebGL (SwiftShader, what headless Chromium and GPU-less wall PCs use) one
// WebGL frame of the dashboard costs ~85 ms, and a GeoJSON setData costs three of them (a frame before the
// worker answers, one with the new tiles, one more for symbol placement), so a time-slider step took ~300 ms
// before any of our code mattered. Drawn here, a step redraws a few hundred circles on a 2D canvas and the
// WebGL map does not repaint at all. The canvas is redrawn on every MapLibre `render` too, so pans stay in step.
import type { EventType } from '$lib/domain/event';
import type { ClusterProperties, ClusterView } from './cluster';
import type { MapPointProperties } from './layers';
import type { MapTheme } from './theme';

/** The part of CanvasRenderingContext2D the overlay uses (tests pass a recorder). */
export type Overlay2D = Pick<CanvasRenderingContext2D, 'clearRect' | 'beginPath' | 'arc' | 'fill' | 'stroke' | 'fillText' | 'setTransform'> & {
	fillStyle: CanvasRenderingContext2D['fillStyle'];
	strokeStyle: CanvasRenderingContext2D['strokeStyle'];
	lineWidth: number;
	globalAlpha: number;
	font: string;
	textAlign: CanvasTextAlign;
	textBaseline: CanvasTextBaseline;
};

/** One thing drawn, in CSS pixels of the map: what a click or a test can find. */
export interface Mark {
	x: number;
	y: number;
	r: number;
	/** The event's index, or -1 for a cluster. */
	i: number;
	/** The cluster's id in the view, or -1 for a single event. */
	cluster: number;
	/** Events it stands for (1 for a single event). */
	count: number;
}

/** What one draw put on screen, in drawing order (the last is on top). */
export interface OverlayFrame {
	marks: Mark[];
	/** Where the selection ring is, or null when nothing selected is on screen. */
	ring: { x: number; y: number } | null;
}

/** Cluster disc radius in px, growing with the count (2 → 11, 100 → 18, 10,000 → 30, times the theme scale). */
export function clusterRadius(count: number, scale: number): number {
	const stops: [number, number][] = [
		[2, 11],
		[100, 18],
		[10000, 30]
	];
	if (count <= stops[0]![0]) return stops[0]![1] * scale;
	for (let k = 1; k < stops.length; k++) {
		const [c1, r1] = stops[k]!;
		const [c0, r0] = stops[k - 1]!;
		if (count <= c1) return (r0 + ((r1 - r0) * (count - c0)) / (c1 - c0)) * scale;
	}
	return stops[stops.length - 1]![1] * scale;
}

/** How one event is drawn: its radius, fill opacity and outline width, and for a coarse date its ring's width. */
export interface PointLook {
	r: number;
	opacity: number;
	stroke: number;
	/** Width of the ring in the type's colour for an event not dated to the day; 0 for a solid dot. */
	ring: number;
	/** The ring's opacity: a vague place stays fainter than a precise one, hollow or not. */
	ringOpacity: number;
}

/** The middle of a hollow mark: a trace of the colour, so it is still seen as one mark over busy basemap lines. */
const HOLLOW_FILL = 0.2;

/**
 * A point's look by geo and date precision. Where: exact places (1) small and solid, localities (2) larger,
 * regions/borders/countries (3+) large and faint, so an imprecise place never reads as a precise dot. When: an
 * event dated to the day is a filled disc; one dated only to a week, month or year keeps the same size (the place
 * is as precise as it was) but is hollow: a ring in its type's colour around a nearly clear middle, so it never
 * reads as "on this day".
 */
export function pointLook(geoPrecision: number, dayDated: boolean, scale: number): PointLook {
	const where = geoPrecision === 1 ? { r: 6 * scale, opacity: 0.95, stroke: 1 } : geoPrecision === 2 ? { r: 8 * scale, opacity: 0.75, stroke: 1.5 } : { r: 11 * scale, opacity: 0.35, stroke: 1.5 };
	if (dayDated) return { ...where, ring: 0, ringOpacity: 0 };
	return { r: where.r, opacity: HOLLOW_FILL * where.opacity, stroke: 1, ring: 2.5 * scale, ringOpacity: Math.max(0.6, where.opacity) };
}

export const RING_RADIUS = 13;

type Project = (lon: number, lat: number) => { x: number; y: number };

/**
 * Draws the view's clusters, then its single events, then the ring around `selected` ([lon, lat] of the selected
 * event, or null), on a canvas of `width`×`height` CSS px (the caller sets the device-pixel transform).
 * Marks wholly off the canvas are skipped. Returns what was drawn, for hit-testing.
 */
export function drawEvents(
	ctx: Overlay2D,
	view: ClusterView | null,
	project: Project,
	theme: MapTheme,
	selected: readonly [number, number] | null,
	size: { width: number; height: number }
): OverlayFrame {
	ctx.clearRect(0, 0, size.width, size.height);
	const marks: Mark[] = [];
	if (!view) return { marks, ring: null };
	const s = theme.scale;
	const onScreen = (x: number, y: number, r: number) => x + r >= 0 && y + r >= 0 && x - r <= size.width && y - r <= size.height;
	const singles: { x: number; y: number; p: MapPointProperties }[] = [];

	ctx.globalAlpha = 1;
	ctx.font = `700 ${Math.round(12 * s)}px "Noto Sans", sans-serif`;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	for (const f of view.data.features) {
		const [lon, lat] = f.geometry.coordinates as [number, number];
		const { x, y } = project(lon, lat);
		if (!('cluster' in f.properties)) {
			singles.push({ x, y, p: f.properties });
			continue;
		}
		const c = f.properties as ClusterProperties;
		const r = clusterRadius(c.point_count, s);
		if (!onScreen(x, y, r)) continue;
		ctx.beginPath();
		ctx.arc(x, y, r, 0, 2 * Math.PI);
		ctx.globalAlpha = 0.85;
		ctx.fillStyle = theme.clusterFill;
		ctx.fill();
		ctx.globalAlpha = 1;
		ctx.lineWidth = 1.5 * s;
		ctx.strokeStyle = theme.clusterStroke;
		ctx.stroke();
		ctx.fillStyle = theme.clusterText;
		ctx.fillText(c.point_count_abbreviated, x, y);
		marks.push({ x, y, r, i: -1, cluster: c.cluster_id, count: c.point_count });
	}
	for (const { x, y, p } of singles) {
		const look = pointLook(p.g, p.d === 1, s);
		if (!onScreen(x, y, look.r)) continue;
		const colour = theme.eventColors[p.t as EventType] ?? '#888888';
		ctx.beginPath();
		ctx.arc(x, y, look.r, 0, 2 * Math.PI);
		ctx.globalAlpha = look.opacity;
		ctx.fillStyle = colour;
		ctx.fill();
		ctx.globalAlpha = 1;
		ctx.lineWidth = look.stroke;
		ctx.strokeStyle = theme.pointStroke;
		ctx.stroke();
		if (look.ring) {
			// Inside the outline, so the mark keeps its size and the dark edge still separates pale colours from the land.
			ctx.beginPath();
			ctx.arc(x, y, look.r - look.stroke / 2 - look.ring / 2, 0, 2 * Math.PI);
			ctx.globalAlpha = look.ringOpacity;
			ctx.lineWidth = look.ring;
			ctx.strokeStyle = colour;
			ctx.stroke();
			ctx.globalAlpha = 1;
		}
		marks.push({ x, y, r: look.r, i: p.i, cluster: -1, count: 1 });
	}
	let ring: OverlayFrame['ring'] = null;
	if (selected) {
		const { x, y } = project(selected[0], selected[1]);
		const r = RING_RADIUS * s;
		if (onScreen(x, y, r)) {
			ctx.beginPath();
			ctx.arc(x, y, r, 0, 2 * Math.PI);
			ctx.lineWidth = 3 * s;
			ctx.strokeStyle = theme.selected;
			ctx.stroke();
			ring = { x, y };
		}
	}
	return { marks, ring };
}

/** Pixels of slack around a point for a click: small dots stay easy to hit, and close ones are all found. */
export const HIT_SLOP = 6;

/**
 * What a click at (x, y) reaches: every single event whose dot is within HIT_SLOP px (so events stacked at one
 * place are all found), in event order; otherwise the topmost cluster under the pointer; otherwise nothing.
 */
export function hitTest(frame: OverlayFrame, x: number, y: number): { events: number[] } | { cluster: Mark } | null {
	const events: number[] = [];
	let cluster: Mark | null = null;
	for (const m of frame.marks) {
		const d = Math.hypot(m.x - x, m.y - y);
		if (m.cluster < 0 && d <= m.r + HIT_SLOP) events.push(m.i);
		else if (m.cluster >= 0 && d <= m.r) cluster = m;
	}
	if (events.length) return { events: [...new Set(events)].sort((a, b) => a - b) };
	return cluster ? { cluster } : null;
}

