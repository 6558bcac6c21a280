import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abbreviate, clusterMembers, clusterView, expansionZoom, mercatorX, mercatorY, pointIndex, CLUSTER_RADIUS, type ClusterProperties } from '$lib/map/cluster';
import { CLUSTER_MAX_ZOOM } from '$lib/map/ids';
import type { MapPointProperties } from '$lib/map/layers';
import type { EventFeature } from '$lib/domain/event';

/** Minimal events at the given positions: clustering reads only geometry, type, place kind and precision. */
function events(coords: [number, number][]): EventFeature[] {
	return coords.map(
		([lon, lat], i) =>
			({
				type: 'Feature',
				id: `e${i}`,
				geometry: { type: 'Point', coordinates: [lon, lat] },
				properties: { id: `e${i}`, event_type: 'PROTEST', place_kind: 'city', geo_precision: 1 }
			}) as unknown as EventFeature
	);
}

const isCluster = (p: MapPointProperties | ClusterProperties): p is ClusterProperties => 'cluster' in p;

/** Every event index the view draws, singles and cluster members alike. */
function drawn(view: ReturnType<typeof clusterView>): number[] {
	const out: number[] = [];
	for (const f of view.data.features) {
		if (isCluster(f.properties)) out.push(...clusterMembers(view, f.properties.cluster_id));
		else out.push(f.properties.i);
	}
	return out.sort((a, b) => a - b);
}

/** Pixel distance between two lon/lat positions at zoom z (512 px tiles). */
function px([a, b]: number[], [c, d]: number[], z: number): number {
	const s = 512 * 2 ** z;
	return Math.hypot((mercatorX(a!) - mercatorX(c!)) * s, (mercatorY(b!) - mercatorY(d!)) * s);
}

const minsk: [number, number] = [27.5667, 53.9];
const warsaw: [number, number] = [21.0118, 52.2298];

describe('clustering the visible events', () => {
	it('draws every visible event exactly once and no hidden one, at every zoom', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.double({ min: 14, max: 40, noNaN: true }), fc.double({ min: 44, max: 58, noNaN: true })), { minLength: 1, maxLength: 300 }),
				fc.integer({ min: 0, max: 12 }),
				fc.integer({ min: 1, max: 4 }),
				(coords, zoom, every) => {
					const index = pointIndex(events(coords as [number, number][]));
					const visible = coords.map((_, i) => i).filter((i) => i % every === 0);
					const view = clusterView(index, visible, { zoom });
					expect(drawn(view)).toEqual(visible);
					const counted = view.data.features.reduce((n, f) => n + (isCluster(f.properties) ? f.properties.point_count : 1), 0);
					expect(counted).toBe(visible.length);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('groups nearby events at a low zoom and keeps distant cities apart', () => {
		const coords: [number, number][] = [minsk, [27.6, 53.92], [27.5, 53.88], warsaw];
		const index = pointIndex(events(coords));
		const low = clusterView(index, [0, 1, 2, 3], { zoom: 4 });
		const clusters = low.data.features.filter((f) => isCluster(f.properties));
		expect(clusters).toHaveLength(1);
		expect((clusters[0]!.properties as ClusterProperties).point_count).toBe(3);
		expect(low.data.features.filter((f) => !isCluster(f.properties)).map((f) => (f.properties as MapPointProperties).i)).toEqual([3]);
		// The cluster sits at its members' centre, not at a grid corner.
		expect(px(clusters[0]!.geometry.coordinates, [27.5556, 53.9], 4)).toBeLessThan(1);
	});

	it('counts only the events in the time window: a cluster shrinks as the window drops its members', () => {
		const index = pointIndex(events([minsk, minsk, minsk, minsk]));
		const all = clusterView(index, [0, 1, 2, 3], { zoom: 3 });
		const two = clusterView(index, [1, 3], { zoom: 3 });
		expect((all.data.features[0]!.properties as ClusterProperties).point_count).toBe(4);
		expect((two.data.features[0]!.properties as ClusterProperties).point_count).toBe(2);
		expect(clusterMembers(two, 0)).toEqual([1, 3]);
	});

	it('two events a few pixels apart across a grid cell edge still form one cluster', () => {
		const z = 5;
		const n = Math.ceil((512 * 2 ** z) / CLUSTER_RADIUS);
		const edgeX = Math.ceil(mercatorX(25) * n) / n; // a cell edge just east of 25°E
		const lonAt = (x: number) => x * 360 - 180;
		const step = 3 / (512 * 2 ** z); // 3 px
		const coords: [number, number][] = [
			[lonAt(edgeX - step), 53],
			[lonAt(edgeX + step), 53]
		];
		const view = clusterView(pointIndex(events(coords)), [0, 1], { zoom: z });
		expect(view.data.features).toHaveLength(1);
		expect((view.data.features[0]!.properties as ClusterProperties).point_count).toBe(2);
	});

	it('no two groups drawn at a clustering zoom are closer than half the cluster radius', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.double({ min: 20, max: 32, noNaN: true }), fc.double({ min: 48, max: 56, noNaN: true })), { minLength: 2, maxLength: 200 }),
				fc.integer({ min: 0, max: CLUSTER_MAX_ZOOM - 1 }),
				(coords, zoom) => {
					const view = clusterView(pointIndex(events(coords as [number, number][])), coords.map((_, i) => i), { zoom });
					const at = view.data.features.map((f) => f.geometry.coordinates);
					for (let a = 0; a < at.length; a++) for (let b = a + 1; b < at.length; b++) expect(px(at[a]!, at[b]!, zoom)).toBeGreaterThan(CLUSTER_RADIUS / 2 - 1e-6);
				}
			),
			{ numRuns: 100 }
		);
	});

	it('past the clustering zooms, events are drawn one by one and only a stack at the very same spot is grouped', () => {
		const coords: [number, number][] = [minsk, minsk, minsk, [27.5668, 53.9], warsaw];
		const index = pointIndex(events(coords));
		const view = clusterView(index, [0, 1, 2, 3, 4], { zoom: CLUSTER_MAX_ZOOM + 2 });
		const stacks = view.data.features.filter((f) => isCluster(f.properties));
		expect(stacks).toHaveLength(1);
		expect(clusterMembers(view, 0)).toEqual([0, 1, 2]);
		expect(view.data.features.filter((f) => !isCluster(f.properties)).map((f) => (f.properties as MapPointProperties).i).sort()).toEqual([3, 4]);
	});

	it('past the clustering zooms, only events inside the given bounds are drawn', () => {
		const index = pointIndex(events([minsk, warsaw]));
		const view = clusterView(index, [0, 1], { zoom: CLUSTER_MAX_ZOOM, bounds: [25, 50, 30, 56] });
		expect(drawn(view)).toEqual([0]);
		// Below it, bounds are ignored: panning at a low zoom never shows a half-empty map.
		expect(drawn(clusterView(index, [0, 1], { zoom: 3, bounds: [25, 50, 30, 56] }))).toEqual([0, 1]);
	});

	it('a cluster expands at the first zoom where it comes apart, and never when its events share one spot', () => {
		const index = pointIndex(events([minsk, [27.9, 53.9], minsk, minsk]));
		const z = expansionZoom(index, [0, 1], 2)!;
		expect(z).toBeGreaterThan(2);
		expect(clusterView(index, [0, 1], { zoom: z }).data.features).toHaveLength(2);
		expect(clusterView(index, [0, 1], { zoom: z - 1 }).data.features).toHaveLength(1);
		expect(expansionZoom(index, [0, 2, 3], 2)).toBeNull();
	});

	it('abbreviates counts the way cluster labels read', () => {
		expect([abbreviate(7), abbreviate(999), abbreviate(1234), abbreviate(12345)]).toEqual(['7', '999', '1.2k', '12k']);
	});

	it('keeps a single event as the same feature object, with the event index as its id', () => {
		const index = pointIndex(events([minsk, warsaw]));
		const view = clusterView(index, [1], { zoom: 6 });
		expect(view.data.features[0]).toBe(index.points[1]);
		expect(view.data.features[0]!.id).toBe(1);
	});
});
