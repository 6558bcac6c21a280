import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { dashboardStyle, eventLayers, footprintLayers, typeColorExpression } from '$lib/map/layers';
import { basemapStyle, fontFaces, ARABIC_RANGES } from '$lib/map/basemap';
import { darkTheme, eventTypeColor, lightTheme, THEMES } from '$lib/map/theme';
import { FONT, LAYER, TOGGLES } from '$lib/map/ids';
import { EVENT_TYPES } from '$lib/domain/event';

const opts = { origin: 'http://localhost:3000' };

describe('map styles', () => {
	for (const theme of Object.values(THEMES)) {
		it(`the ${theme.name} dashboard style passes MapLibre's style validator`, () => {
			expect(validateStyleMin(dashboardStyle(theme, opts))).toEqual([]);
		});
		it(`the ${theme.name} basemap alone passes MapLibre's style validator`, () => {
			expect(validateStyleMin(basemapStyle(theme, opts))).toEqual([]);
		});
	}

	it('the validator does catch a broken layer (the test can fail)', () => {
		const style = dashboardStyle(lightTheme, opts);
		style.layers.push({ id: 'bad', type: 'circle', source: 'events', paint: { 'circle-radius': 'big' as never } });
		expect(validateStyleMin(style).length).toBeGreaterThan(0);
	});

	it('a style with layer toggles applied still validates, and the toggles set visibility', () => {
		const style = dashboardStyle(lightTheme, opts, { density: true, labels: false });
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.layers.find((l) => l.id === LAYER.density)!.layout).toMatchObject({ visibility: 'visible' });
		expect(style.layers.find((l) => l.id === LAYER.labels)!.layout).toMatchObject({ visibility: 'none' });
	});

	it('every layer id is unique and every toggle names existing layers', () => {
		const ids = dashboardStyle(lightTheme, opts).layers.map((l) => l.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const group of Object.values(TOGGLES)) for (const id of group) expect(ids).toContain(id);
	});

	it('labels use the bundled fonts through font-faces, with Arabic ranges on Noto Sans Arabic', () => {
		const faces = fontFaces('http://x');
		const regular = faces[FONT.regular] as { url: string; 'unicode-range'?: string[] }[];
		expect(regular[0]!.url).toBe('http://x/fonts/NotoSansArabic-Regular.ttf');
		expect(regular[0]!['unicode-range']).toEqual(ARABIC_RANGES);
		const style = dashboardStyle(lightTheme, opts);
		expect(style.glyphs).toBeUndefined();
		for (const l of style.layers) if (l.type === 'symbol') expect(Object.keys(faces)).toEqual(expect.arrayContaining(l.layout!['text-font'] as string[]));
	});

	it('no URL in the style leaves the given origin', () => {
		const text = JSON.stringify(dashboardStyle(darkTheme, opts));
		const urls = text.match(/https?:\/\/[^"]+/g) ?? [];
		expect(urls.length).toBeGreaterThan(0);
		for (const u of urls) expect(u.startsWith(opts.origin)).toBe(true);
	});

	it('each event type has its own colour and the map expression agrees with the d3 scale', () => {
		const colours = EVENT_TYPES.map((t) => eventTypeColor(t));
		expect(new Set(colours).size).toBe(EVENT_TYPES.length);
		const expr = typeColorExpression(lightTheme) as unknown[];
		expect(expr[expr.indexOf('ASSAULT') + 1]).toBe(eventTypeColor('ASSAULT'));
	});

	it('the dark theme scales line widths up for the wall', () => {
		const width = (t: typeof lightTheme) => footprintLayers(t).find((l) => l.id === LAYER.footprintCountry)!.paint as Record<string, number>;
		expect(width(darkTheme)['line-width']).toBeGreaterThan(width(lightTheme)['line-width']!);
	});

	it('clusters, points and the selection are not MapLibre layers (the overlay canvas draws them); only the density heatmap is', () => {
		expect(eventLayers(lightTheme).map((l) => l.id)).toEqual([LAYER.density]);
		expect(dashboardStyle(lightTheme, opts).layers.some((l) => l.type === 'circle' || ('source' in l && l.source === 'selection'))).toBe(false);
	});
});
