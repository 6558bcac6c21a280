import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterView, pointIndex } from '$lib/map/cluster';
import { clusterRadius, drawEvents, hitTest, HIT_SLOP, pointLook, RING_RADIUS, type Overlay2D } from '$lib/map/overlay';
import { darkTheme, lightTheme } from '$lib/map/theme';
import type { DatePrecision, EventFeature, EventType } from '$lib/domain/event';

/** A 2D context that records what was drawn: discs (with their fill colour and alpha), rings and texts. */
function recorder() {
	const discs: { x: number; y: number; r: number; fill: string; alpha: number }[] = [];
	const rings: { x: number; y: number; r: number; colour: string; width: number }[] = [];
	const texts: { text: string; x: number; y: number }[] = [];
	let path: { x: number; y: number; r: number } | null = null;
	let cleared = 0;
	const ctx = {
		fillStyle: '',
		strokeStyle: '',
		lineWidth: 1,
		globalAlpha: 1,
		font: '',
		textAlign: 'start',
		textBaseline: 'alphabetic',
		clearRect: () => void cleared++,
		setTransform: () => {},
		beginPath: () => void (path = null),
		arc: (x: number, y: number, r: number) => void (path = { x, y, r }),
		fill() {
			discs.push({ ...path!, fill: String(this.fillStyle), alpha: this.globalAlpha });
		},
		stroke() {
			rings.push({ ...path!, colour: String(this.strokeStyle), width: this.lineWidth });
		},
		fillText: (text: string, x: number, y: number) => void texts.push({ text, x, y })
	};
	return { ctx: ctx as unknown as Overlay2D, discs, rings, texts, cleared: () => cleared };
}

function event(i: number, lon: number, lat: number, type: EventType = 'ASSAULT', geo = 1, precision: DatePrecision = 'day'): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [lon, lat] },
		properties: { id: `e${i}`, event_type: type, place_kind: 'city', geo_precision: geo, date_start: '2022-03-01', date_precision: precision } as EventFeature['properties']
	};
}

/** A flat projection: 100 px per degree, origin at 20°E 60°N. */
const project = (lon: number, lat: number) => ({ x: (lon - 20) * 100, y: (60 - lat) * 100 });
const size = { width: 1500, height: 1500 };

describe('the events overlay', () => {
	it('draws each single event as a disc in its type colour, sized and faded by geo precision', () => {
		const events = [event(0, 21, 55, 'ASSAULT', 1), event(1, 25, 52, 'PROTEST', 2), event(2, 30, 50, 'COERCE', 4)];
		const idx = pointIndex(events);
		const rec = recorder();
		const frame = drawEvents(rec.ctx, clusterView(idx, [0, 1, 2], { zoom: 9 }), project, lightTheme, null, size);
		expect(rec.discs).toEqual([
			{ x: 100, y: 500, r: 6, fill: lightTheme.eventColors.ASSAULT, alpha: 0.95 },
			{ x: 500, y: 800, r: 8, fill: lightTheme.eventColors.PROTEST, alpha: 0.75 },
			{ x: 1000, y: 1000, r: 11, fill: lightTheme.eventColors.COERCE, alpha: 0.35 }
		]);
		expect(frame.marks.map((m) => [m.i, m.count, m.cluster])).toEqual([
			[0, 1, -1],
			[1, 1, -1],
			[2, 1, -1]
		]);
		expect(rec.texts).toEqual([]);
		expect(rec.cleared()).toBe(1);
	});

	it('draws an event dated only to a week, month or year as a ring in its type colour around a nearly clear middle, the same size as a dated one', () => {
		const events = [event(0, 21, 55, 'ASSAULT', 1, 'day'), event(1, 25, 52, 'ASSAULT', 1, 'month'), event(2, 30, 50, 'PROTEST', 3, 'week'), event(3, 31, 50, 'PROTEST', 3, 'year')];
		const rec = recorder();
		drawEvents(rec.ctx, clusterView(pointIndex(events), [0, 1, 2, 3], { zoom: 9 }), project, lightTheme, null, size);
		const at = (x: number, y: number) => ({ discs: rec.discs.filter((d) => d.x === x && d.y === y), rings: rec.rings.filter((r) => r.x === x && r.y === y) });
		const day = at(100, 500);
		const month = at(500, 800);
		// The day: one solid disc with a dark outline and no coloured ring.
		expect(day.discs).toEqual([{ x: 100, y: 500, r: 6, fill: lightTheme.eventColors.ASSAULT, alpha: 0.95 }]);
		expect(day.rings.map((r) => r.colour)).toEqual([lightTheme.pointStroke]);
		// The month: the same radius, a faint fill, the dark outline and a thick ring in the type colour just inside it.
		expect(month.discs).toHaveLength(1);
		expect(month.discs[0]!.r).toBe(6);
		expect(month.discs[0]!.alpha).toBeLessThan(0.25);
		expect(month.rings.map((r) => r.colour)).toEqual([lightTheme.pointStroke, lightTheme.eventColors.ASSAULT]);
		expect(month.rings[1]!.width).toBeGreaterThanOrEqual(2);
		expect(month.rings[1]!.r + month.rings[1]!.width / 2).toBeLessThanOrEqual(6);
		// Vague places keep their size when hollow too, and both coarse dates look alike.
		for (const [x, y] of [
			[1000, 1000],
			[1100, 1000]
		] as const) {
			const m = at(x, y);
			expect(m.discs[0]!.r).toBe(pointLook(3, true, 1).r);
			expect(m.rings.at(-1)!.colour).toBe(lightTheme.eventColors.PROTEST);
		}
	});

	it('a mark is hollow exactly when its event is not dated to the day, whatever its geo precision', () => {
		for (const geo of [1, 2, 3, 4]) {
			const solid = pointLook(geo, true, 1);
			const hollow = pointLook(geo, false, 1);
			expect(solid.ring).toBe(0);
			expect(hollow.ring).toBeGreaterThan(0);
			expect(hollow.r).toBe(solid.r);
			expect(hollow.opacity).toBeLessThan(solid.opacity);
			expect(hollow.ringOpacity).toBeGreaterThanOrEqual(0.6);
		}
		// A vague place stays fainter than an exact one when hollow as well.
		expect(pointLook(3, false, 1).ringOpacity).toBeLessThan(pointLook(1, false, 1).ringOpacity);
		expect(pointIndex([event(0, 21, 55, 'ASSAULT', 1, 'day'), event(1, 21, 55, 'ASSAULT', 1, 'week'), event(2, 21, 55, 'ASSAULT', 1, 'unknown')]).points.map((p) => p.properties.d)).toEqual([1, 0, 0]);
	});

	it('draws a cluster as one disc with its count written in it, whose radius grows with the count', () => {
		const events = Array.from({ length: 12 }, (_, i) => event(i, 24 + i * 0.001, 53));
		const rec = recorder();
		const frame = drawEvents(rec.ctx, clusterView(pointIndex(events), events.map((_, i) => i), { zoom: 3 }), project, lightTheme, null, size);
		expect(rec.discs).toHaveLength(1);
		expect(rec.discs[0]!.fill).toBe(lightTheme.clusterFill);
		expect(rec.texts).toEqual([{ text: '12', x: rec.discs[0]!.x, y: rec.discs[0]!.y }]);
		expect(frame.marks).toEqual([expect.objectContaining({ i: -1, cluster: 0, count: 12, r: clusterRadius(12, 1) })]);
		expect(clusterRadius(2, 1)).toBe(11);
		expect(clusterRadius(100, 1)).toBe(18);
		expect(clusterRadius(10000, 1)).toBe(30);
		expect(clusterRadius(50000, 1)).toBe(30);
		expect(clusterRadius(12, 1)).toBeGreaterThan(11);
		expect(clusterRadius(12, 1)).toBeLessThan(18);
	});

	it('every visible event is accounted for exactly once by what is drawn on screen', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.double({ min: 20.5, max: 34.5, noNaN: true }), fc.double({ min: 45.5, max: 59.5, noNaN: true })), { minLength: 1, maxLength: 150 }),
				fc.integer({ min: 0, max: 9 }),
				(coords, zoom) => {
					const events = coords.map(([lon, lat], i) => event(i, lon, lat));
					const visible = events.map((_, i) => i).filter((i) => i % 3 !== 0);
					const rec = recorder();
					const frame = drawEvents(rec.ctx, clusterView(pointIndex(events), visible, { zoom }), project, lightTheme, null, size);
					expect(frame.marks.reduce((n, m) => n + m.count, 0)).toBe(visible.length);
					const singles = frame.marks.filter((m) => m.cluster < 0).map((m) => m.i);
					for (const i of singles) expect(visible).toContain(i);
				}
			)
		);
	});

	it('skips what lies wholly off the canvas', () => {
		const events = [event(0, 21, 55), event(1, 80, 55)];
		const rec = recorder();
		const frame = drawEvents(rec.ctx, clusterView(pointIndex(events), [0, 1], { zoom: 9 }), project, lightTheme, null, size);
		expect(frame.marks.map((m) => m.i)).toEqual([0]);
		expect(rec.discs).toHaveLength(1);
	});

	it('rings the selected event, larger and thicker in the wall theme, and draws nothing at all without a view', () => {
		const events = [event(0, 21, 55)];
		const view = clusterView(pointIndex(events), [0], { zoom: 9 });
		for (const theme of [lightTheme, darkTheme]) {
			const rec = recorder();
			const frame = drawEvents(rec.ctx, view, project, theme, [21, 55], size);
			expect(frame.ring).toEqual({ x: 100, y: 500 });
			expect(rec.rings.at(-1)).toEqual({ x: 100, y: 500, r: RING_RADIUS * theme.scale, colour: theme.selected, width: 3 * theme.scale });
		}
		expect(darkTheme.scale).toBeGreaterThan(lightTheme.scale);
		expect(pointLook(1, true, darkTheme.scale).r).toBeGreaterThan(pointLook(1, true, lightTheme.scale).r);
		const rec = recorder();
		expect(drawEvents(rec.ctx, null, project, lightTheme, [21, 55], size)).toEqual({ marks: [], ring: null });
		expect(rec.discs).toEqual([]);
		expect(rec.cleared()).toBe(1);
	});

	it('a click finds every event within reach (stacked events all of them), else the cluster under it, else nothing', () => {
		const frame = {
			marks: [
				{ x: 100, y: 100, r: 20, i: -1, cluster: 4, count: 30 },
				{ x: 300, y: 300, r: 6, i: 7, cluster: -1, count: 1 },
				{ x: 303, y: 300, r: 6, i: 2, cluster: -1, count: 1 },
				{ x: 400, y: 300, r: 6, i: 9, cluster: -1, count: 1 }
			],
			ring: null
		};
		expect(hitTest(frame, 301, 300)).toEqual({ events: [2, 7] });
		expect(hitTest(frame, 400 + 6 + HIT_SLOP, 300)).toEqual({ events: [9] });
		expect(hitTest(frame, 400 + 6 + HIT_SLOP + 1, 300)).toBeNull();
		expect(hitTest(frame, 110, 110)).toEqual({ cluster: frame.marks[0] });
		expect(hitTest(frame, 130, 100)).toBeNull();
	});
});
