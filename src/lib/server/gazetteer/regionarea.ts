// The area a region covers, as the gazetteer knows it: the convex hull of its towns (or of its outline), widened a
// little so towns on its edge count as inside. Used to tell same-named towns apart by the region the text names.

/** [west, south, east, north] for a quick reject, then the hull as flat [lon, lat, lon, lat, …], counter-clockwise. */
export interface RegionArea {
	box: [number, number, number, number];
	hull: number[];
}

/** How far around each point the area reaches (degrees, ≈ 15 km). */
export const AREA_MARGIN = 0.15;

const cross = (ox: number, oy: number, ax: number, ay: number, bx: number, by: number) => (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);

/** The convex hull (Andrew's monotone chain) of the points, each widened to a small square of `margin` degrees. */
export function regionArea(points: [number, number][], margin = AREA_MARGIN): RegionArea {
	const pts: [number, number][] = [];
	for (const [x, y] of points) for (const [dx, dy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) pts.push([x + dx * margin, y + dy * margin]);
	pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const half = (list: [number, number][]) => {
		const out: [number, number][] = [];
		for (const p of list) {
			while (out.length >= 2 && cross(out[out.length - 2]![0], out[out.length - 2]![1], out[out.length - 1]![0], out[out.length - 1]![1], p[0], p[1]) <= 0) out.pop();
			out.push(p);
		}
		out.pop();
		return out;
	};
	const ring = [...half(pts), ...half([...pts].reverse())];
	const r6 = (n: number) => Math.round(n * 1e4) / 1e4;
	let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of ring) box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
	return { box: box.map(r6) as RegionArea['box'], hull: ring.flatMap(([x, y]) => [r6(x), r6(y)]) };
}

/** True when the point lies inside the area (on its edge counts). */
export function inRegionArea(a: RegionArea, lon: number, lat: number): boolean {
	if (lon < a.box[0] || lon > a.box[2] || lat < a.box[1] || lat > a.box[3]) return false;
	const h = a.hull;
	const n = h.length / 2;
	if (n < 3) return true;
	for (let i = 0; i < n; i++) {
		const j = (i + 1) % n;
		if (cross(h[2 * i]!, h[2 * i + 1]!, h[2 * j]!, h[2 * j + 1]!, lon, lat) < 0) return false;
	}
	return true;
}
