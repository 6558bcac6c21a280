import { describe, expect, it } from 'vitest';
import { createExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { pointLook } from '../../src/lib/map/overlay';
import type { EventFeature } from '../../src/lib/domain/event';
import { timeline } from '../../src/lib/domain/playback';
import { THEMES, darkTheme } from '../../src/lib/map/theme';
import { legibleColors, screenTheme, wallFeatures, wallLayers, wallStyle, WALL_LAYER, WALL_SOURCE } from '../../src/lib/components/wall/layers';

describe('wall layers', () => {
	for (const theme of Object.values(THEMES)) {
		for (const height of [1080, 2160]) {
			it(`the ${theme.name} wall style at ${height} px passes MapLibre's style validator`, () => {
				expect(validateStyleMin(wallStyle(screenTheme(theme, height), 'http://localhost:3000'))).toEqual([]);
			});
		}
	}
	it('puts the wall layers above the basemap and below the labels, on the wall source', () => {
		const ids = wallStyle(darkTheme, 'http://x').layers.map((l) => l.id);
		expect(ids.indexOf(WALL_LAYER.points)).toBeGreaterThan(ids.indexOf('borders'));
		expect(ids.indexOf(WALL_LAYER.points)).toBeLessThan(ids.indexOf('country-labels'));
		expect(wallLayers(darkTheme).every((l) => l.source === WALL_SOURCE)).toBe(true);
	});
	it('scales sizes with the screen: twice the scale at 2160 px as at 1080 px', () => {
		expect(screenTheme(darkTheme, 2160).scale).toBeCloseTo(2 * screenTheme(darkTheme, 1080).scale);
		const width = (h: number) => wallLayers(screenTheme(darkTheme, h))[0]!.paint!['circle-stroke-width'] as number;
		expect(width(2160)).toBeCloseTo(2 * width(1080));
	});
	it("gives each feature its timeline index as id, for feature-state, and carries only what the layers read", () => {
		const f = (id: string, date: string): EventFeature => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [23, 52] },
			properties: { id, date_start: date, date_end: date, event_type: 'PROTEST', geo_precision: 2, source_id: 's', evidence_start: 0 } as EventFeature['properties']
		});
		const fc = wallFeatures(timeline([f('b', '2021-11-02'), f('a', '2021-11-01')]));
		expect(fc.features.map((x) => x.id)).toEqual([0, 1]);
		expect(fc.features[0]!.properties).toEqual({ k: 'PROTEST', g: 2, d: 0 }); // no date_precision: not dated to a day
	});
});

describe('the wall marks an event dated to a week, month or year as the dashboard does', () => {
	const theme = screenTheme(darkTheme, 1080);
	const points = wallLayers(theme).find((l) => l.id === WALL_LAYER.points)!;
	const evaluate = (prop: string, properties: Record<string, unknown>) => {
		const spec = latest.paint_circle[prop as keyof typeof latest.paint_circle];
		const e = createExpression(points.paint![prop as keyof typeof points.paint], spec as never);
		if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
		return e.value.evaluate({ zoom: 5 }, { type: 'Point', properties } as never, { o: 1, p: 0 });
	};
	for (const g of [1, 2, 3] as const) {
		it(`hollow at geo precision ${g}: the fill fades to the overlay's hollow share, the ring takes the type's colour`, () => {
			const day = { k: 'PROTEST', g, d: 1 };
			const month = { k: 'PROTEST', g, d: 0 };
			expect(evaluate('circle-opacity', day)).toBeCloseTo(pointLook(g, true, theme.scale).opacity);
			expect(evaluate('circle-opacity', month)).toBeCloseTo(pointLook(g, false, theme.scale).opacity);
			expect(evaluate('circle-opacity', month)).toBeLessThan(0.5 * evaluate('circle-opacity', day));
			expect(evaluate('circle-radius', month)).toBeCloseTo(evaluate('circle-radius', day)); // where stays as precise as it was
			expect(evaluate('circle-stroke-color', month).toString()).toBe(evaluate('circle-color', month).toString());
			expect(evaluate('circle-stroke-color', day).toString()).not.toBe(evaluate('circle-color', day).toString());
			expect(evaluate('circle-stroke-width', month)).toBeGreaterThan(evaluate('circle-stroke-width', day));
		});
	}
	it('carries whether each event is dated to a day', () => {
		const f = (id: string, precision: 'day' | 'month'): EventFeature => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [23, 52] },
			properties: { id, date_start: '2021-11-01', date_end: precision === 'day' ? '2021-11-01' : '2021-11-30', date_precision: precision, event_type: 'PROTEST', geo_precision: 1, source_id: 's', evidence_start: 0 } as EventFeature['properties']
		});
		expect(wallFeatures(timeline([f('a', 'day'), f('b', 'month')])).features.map((x) => x.properties.d)).toEqual([1, 0]);
	});
});

describe('legibleColors', () => {
	const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	const lum = (hex: string) => {
		const c = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
		return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
	};
	it('lifts every dark-theme event colour to at least 3:1 against the land, leaving bright ones as they are', () => {
		const lifted = legibleColors(darkTheme);
		for (const [type, colour] of Object.entries(lifted.eventColors)) {
			expect(ratio(lum(colour), lum(darkTheme.land)), type).toBeGreaterThanOrEqual(3);
		}
		expect(lifted.eventColors.ASSAULT).toBe(darkTheme.eventColors.ASSAULT.toLowerCase());
		expect(lifted.eventColors.PROTEST).not.toBe(darkTheme.eventColors.PROTEST.toLowerCase());
	});
	it('leaves the light theme alone', () => {
		expect(legibleColors(THEMES.light)).toBe(THEMES.light);
	});
});
