// Framing maths: the box that holds a set of events or a place's footprint, and padding that fits the map's size.
import type { Geometry, Position } from 'geojson';

/** [west, south, east, north] in degrees; east may exceed 180 when the box crosses the antimeridian. */
export type Box = [number, number, number, number];

/** The box around points, crossing the antimeridian when that makes it narrower (Chukotka with Moscow, Fiji). */
export function pointsBox(points: Iterable<readonly [number, number] | Position>): Box | null {
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	// The same box with western-hemisphere longitudes shifted by +360: narrower when the points straddle 180°.
	let [w2, e2] = [Infinity, -Infinity];
	let any = false;
	for (const p of points) {
		const x = p[0]!;
		const y = p[1]!;
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		any = true;
		w = Math.min(w, x);
		e = Math.max(e, x);
		s = Math.min(s, y);
		n = Math.max(n, y);
		const x2 = x < 0 ? x + 360 : x;
		w2 = Math.min(w2, x2);
		e2 = Math.max(e2, x2);
	}
	if (!any) return null;
	return e2 - w2 < e - w ? [w2, s, e2, n] : [w, s, e, n];
}

function* positions(g: Geometry): Generator<Position> {
	switch (g.type) {
		case 'Point':
			yield g.coordinates;
			break;
		case 'MultiPoint':
		case 'LineString':
			yield* g.coordinates;
			break;
		case 'MultiLineString':
		case 'Polygon':
			for (const line of g.coordinates) yield* line;
			break;
		case 'MultiPolygon':
			for (const poly of g.coordinates) for (const ring of poly) yield* ring;
			break;
		case 'GeometryCollection':
			for (const part of g.geometries) yield* positions(part);
	}
}

/** The box around a footprint (a country, border or region shape), antimeridian-aware: Russia is 19°E…191°E. */
export function geometryBox(g: Geometry): Box | null {
	return pointsBox(positions(g));
}

/** Whether the box lies wholly inside the view box (both as [w, s, e, n]; longitudes compared modulo 360). */
export function boxInside(inner: Box, outer: Box): boolean {
	if (inner[1] < outer[1] || inner[3] > outer[3]) return false;
	for (const k of [-360, 0, 360]) if (inner[0] + k >= outer[0] && inner[2] + k <= outer[2]) return true;
	return false;
}

export interface Padding {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

/**
 * Padding for a fit: the wanted margins, shrunk so they leave at least half the map's width and height for the box
 * (MapLibre refuses, and leaves the camera where it was, a fit whose padding does not fit the canvas).
 */
export function fitPadding(width: number, height: number, want: Padding): Padding {
	const kx = Math.min(1, (width * 0.5) / Math.max(1, want.left + want.right));
	const ky = Math.min(1, (height * 0.5) / Math.max(1, want.top + want.bottom));
	return { top: Math.floor(want.top * ky), bottom: Math.floor(want.bottom * ky), left: Math.floor(want.left * kx), right: Math.floor(want.right * kx) };
}

/** Margins the dashboard fits within: room for the fit button (top right), legend (bottom left) and attribution. */
export const FIT_MARGINS: Padding = { top: 48, bottom: 40, left: 40, right: 48 };

/** Whether a screen point lies inside the map's area less its padding (the part the wall keeps its subject in). */
export function insideArea(x: number, y: number, width: number, height: number, pad: Padding): boolean {
	return x >= pad.left && x <= width - pad.right && y >= pad.top && y <= height - pad.bottom;
}
