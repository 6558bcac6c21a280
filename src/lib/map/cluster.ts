// Time-aware clustering of the visible events, done on the page rather than in MapLibre's worker.
//
// MapLibre's clustered GeoJSON source rebuilds its whole cluster tree (every zoom) from every point on each
// setData: with 100,000 events that is seconds per time-slider step. Here the events' Web Mercator positions are
// computed once; each step groups only the visible events, only at the zoom being looked at, on a grid of cells
// one cluster radius wide (neighbouring cells whose centres are closer than the radius are merged, so a group
// of points on a cell edge is not split in two). The overlay (overlay.ts) then draws a few hundred groups, not 100k.
// At and above CLUSTER_MAX_ZOOM, events are drawn one by one, except that events at exactly the same spot
// are drawn as one stack with a count: a click lists them all.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { isDayDated, type EventFeature } from '$lib/domain/event';
import { CLUSTER_MAX_ZOOM } from './ids';
import { inBBox } from '$lib/domain/filter';
import type { MapPointProperties } from './layers';

/** Properties of a cluster (or a stack of events at one spot) as the map's layers read them. */
export interface ClusterProperties {
	cluster: true;
	cluster_id: number;
	point_count: number;
	point_count_abbreviated: string;
}
export type MapFeature = Feature<Point, MapPointProperties | ClusterProperties>;

/** Every event's position in Web Mercator world units ([0,1] on both axes) and its map point feature. */
export interface PointIndex {
	x: Float64Array;
	y: Float64Array;
	points: Feature<Point, MapPointProperties>[];
}

/** Pixel size of the world at zoom 0: MapLibre tiles are 512 px. */
const WORLD_PX = 512;
/** Cluster radius in pixels (MapLibre's `clusterRadius` default is 50; 40 keeps Minsk and Hrodna apart at zoom 6). */
export const CLUSTER_RADIUS = 40;
/** Quantum for "exactly the same spot": 2^-28 of the world is ~15 cm at the equator. */
const SAME_SPOT = 2 ** 28;
const MAX_LAT = 85.051129;

export function mercatorX(lon: number): number {
	return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
	const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
	return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}

function lonOf(x: number): number {
	return x * 360 - 180;
}

function latOf(y: number): number {
	return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

export function pointIndex(events: readonly EventFeature[]): PointIndex {
	const x = new Float64Array(events.length);
	const y = new Float64Array(events.length);
	const points = events.map((e, i): Feature<Point, MapPointProperties> => {
		const [lon, lat] = e.geometry.coordinates as [number, number];
		x[i] = mercatorX(lon);
		y[i] = mercatorY(lat);
		return { type: 'Feature', id: i, geometry: e.geometry, properties: { i, t: e.properties.event_type, g: e.properties.geo_precision, d: isDayDated(e.properties) ? 1 : 0 } };
	});
	return { x, y, points };
}

/** What the map is looking at: its zoom and, for the unclustered zooms, the area worth drawing ([w, s, e, n]). */
export interface ClusterViewport {
	zoom: number;
	bounds?: readonly [number, number, number, number] | null;
}

/** The grouped events for one time window and zoom: what the map draws, and who is in each cluster. */
export interface ClusterView {
	data: FeatureCollection<Point, MapPointProperties | ClusterProperties>;
	/** The integer zoom the groups were made for. */
	zoom: number;
	/** The events considered (the visible ones inside the bounds). */
	members: Int32Array;
	/** For each entry of `members`, the cluster id it belongs to, or -1 when drawn on its own. */
	groupOf: Int32Array;
}

export function abbreviate(n: number): string {
	return n >= 10000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n);
}

interface Grouping {
	/** Group per input entry. */
	groupOf: Int32Array;
	count: number[];
	sx: number[];
	sy: number[];
	/** First member (an event index) of each group. */
	first: number[];
}

/** Cells per world side at `zoom` for the cluster radius, or the "same spot" grid when zoom is past clustering. */
function cellsPerSide(zoom: number): number {
	return zoom >= CLUSTER_MAX_ZOOM ? SAME_SPOT : Math.ceil((WORLD_PX * 2 ** zoom) / CLUSTER_RADIUS);
}

/** Groups `list` (event indices) at integer `zoom`: cells, then merging of close neighbouring cells. */
function group(index: PointIndex, list: ArrayLike<number>, zoom: number): Grouping {
	const n = cellsPerSide(zoom);
	const cellOfKey = new Map<number, number>();
	const keys: number[] = [];
	const cx: number[] = [];
	const cy: number[] = [];
	const count: number[] = [];
	const sx: number[] = [];
	const sy: number[] = [];
	const first: number[] = [];
	const cellOf = new Int32Array(list.length);
	for (let j = 0; j < list.length; j++) {
		const i = list[j]!;
		const px = index.x[i]!;
		const py = index.y[i]!;
		const gx = Math.min(n - 1, Math.floor(px * n));
		const gy = Math.min(n - 1, Math.floor(py * n));
		const key = gx * n + gy;
		let c = cellOfKey.get(key);
		if (c === undefined) {
			c = keys.length;
			cellOfKey.set(key, c);
			keys.push(key);
			cx.push(gx);
			cy.push(gy);
			count.push(0);
			sx.push(0);
			sy.push(0);
			first.push(i);
		}
		count[c]!++;
		sx[c]! += px;
		sy[c]! += py;
		cellOf[j] = c;
	}
	if (zoom >= CLUSTER_MAX_ZOOM) return { groupOf: cellOf, count, sx, sy, first };

	// Merge: the fullest cells first absorb neighbouring cells whose centre lies within the radius of theirs.
	const cells = keys.length;
	const groupOfCell = new Int32Array(cells).fill(-1);
	const order = Array.from({ length: cells }, (_, c) => c).sort((a, b) => count[b]! - count[a]! || keys[a]! - keys[b]!);
	const g: Grouping = { groupOf: new Int32Array(list.length), count: [], sx: [], sy: [], first: [] };
	const r = CLUSTER_RADIUS / (WORLD_PX * 2 ** zoom);
	for (const c of order) {
		if (groupOfCell[c]! >= 0) continue;
		const id = g.count.length;
		groupOfCell[c] = id;
		let gc = count[c]!;
		let gsx = sx[c]!;
		let gsy = sy[c]!;
		const ox = gsx / gc;
		const oy = gsy / gc;
		for (let dx = -1; dx <= 1; dx++) {
			for (let dy = -1; dy <= 1; dy++) {
				if (!dx && !dy) continue;
				const nx = cx[c]! + dx;
				const ny = cy[c]! + dy;
				if (nx < 0 || ny < 0 || nx >= n || ny >= n) continue;
				const o = cellOfKey.get(nx * n + ny);
				if (o === undefined || groupOfCell[o]! >= 0) continue;
				const ddx = sx[o]! / count[o]! - ox;
				const ddy = sy[o]! / count[o]! - oy;
				if (ddx * ddx + ddy * ddy > r * r) continue;
				groupOfCell[o] = id;
				gc += count[o]!;
				gsx += sx[o]!;
				gsy += sy[o]!;
			}
		}
		g.count.push(gc);
		g.sx.push(gsx);
		g.sy.push(gsy);
		g.first.push(first[c]!);
	}
	for (let j = 0; j < list.length; j++) g.groupOf[j] = groupOfCell[cellOf[j]!]!;
	return g;
}

/**
 * Groups the visible events (`visible`: event indices) for the viewport. Below CLUSTER_MAX_ZOOM every visible
 * event takes part; at and above it only those inside `bounds` (when given), since the map then shows a small area.
 */
export function clusterView(index: PointIndex, visible: ArrayLike<number>, viewport: ClusterViewport): ClusterView {
	const zoom = Math.max(0, Math.floor(viewport.zoom));
	let members: Int32Array;
	if (zoom >= CLUSTER_MAX_ZOOM && viewport.bounds) {
		const b = viewport.bounds;
		const kept: number[] = [];
		for (let j = 0; j < visible.length; j++) {
			const i = visible[j]!;
			const [lon, lat] = index.points[i]!.geometry.coordinates as [number, number];
			if (inBBox(lon, lat, b)) kept.push(i);
		}
		members = Int32Array.from(kept);
	} else members = Int32Array.from(visible);

	const g = group(index, members, zoom);
	const features: MapFeature[] = [];
	const clusterIdOfGroup = new Int32Array(g.count.length).fill(-1);
	let clusters = 0;
	for (let k = 0; k < g.count.length; k++) {
		const c = g.count[k]!;
		if (c === 1) {
			features.push(index.points[g.first[k]!]!);
			continue;
		}
		const id = clusters++;
		clusterIdOfGroup[k] = id;
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [lonOf(g.sx[k]! / c), latOf(g.sy[k]! / c)] },
			properties: { cluster: true, cluster_id: id, point_count: c, point_count_abbreviated: abbreviate(c) }
		});
	}
	const groupOf = new Int32Array(members.length);
	for (let j = 0; j < members.length; j++) groupOf[j] = clusterIdOfGroup[g.groupOf[j]!]!;
	return { data: { type: 'FeatureCollection', features }, zoom, members, groupOf };
}

/** The events (indices, ascending: date order) in cluster `id` of a view. */
export function clusterMembers(view: ClusterView, id: number): number[] {
	const out: number[] = [];
	for (let j = 0; j < view.members.length; j++) if (view.groupOf[j] === id) out.push(view.members[j]!);
	return out.sort((a, b) => a - b);
}

/**
 * The zoom at which a cluster's events stop being one group (what a click on it zooms to), or null when they
 * never come apart: they sit at the same spot, and the map lists them instead.
 */
export function expansionZoom(index: PointIndex, members: readonly number[], zoom: number): number | null {
	for (let z = Math.floor(zoom) + 1; z <= CLUSTER_MAX_ZOOM; z++) if (group(index, members, z).count.length > 1) return z;
	return null;
}
