import { describe, expect, it } from 'vitest';
import { borderLines, countryFeatures, countryLabels, crimeaFeature, sharedBorder, unwrapRing } from '$lib/server/geo/countries';
import { histogram, dayIndex, advanceWindow, nextStop, prevStop } from '$lib/state/timeline';
import { highlightSegments, paragraphAround, paragraphs } from '$lib/state/text';
import { facetCounts, facetIndex, facetMask } from '$lib/state/facets';
import { eventPredicate, filterEvents, type EventFilter } from '$lib/domain/filter';
import { toDay } from '$lib/domain/time';
import { synthDataset } from '../../scripts/synth-events';
import type { Position } from 'geojson';

function inside(ring: Position[], [x, y]: [number, number]): boolean {
	let c = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as [number, number];
		const [xj, yj] = ring[j] as [number, number];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
	}
	return c;
}
function contains(code: string, pt: [number, number]): boolean {
	const f = countryFeatures().features.find((c) => c.properties.iso_a3 === code)!;
	const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
	return polys.some((p) => inside(p[0]!, pt));
}
const SIMFEROPOL: [number, number] = [34.1, 44.95];

describe('country polygons', () => {
	it('draws Crimea inside Ukraine and not inside Russia (UN GA resolution 68/262)', () => {
		expect(contains('UKR', SIMFEROPOL)).toBe(true);
		expect(contains('RUS', SIMFEROPOL)).toBe(false);
		expect(contains('RUS', [37.6, 55.75])).toBe(true); // Moscow stays Russian
	});

	it('marks Crimea separately as occupied', () => {
		const c = crimeaFeature();
		expect(c.properties.status).toBe('occupied');
		expect(c.properties.iso_a3).toBe('UKR');
		expect(inside((c.geometry.coordinates as Position[][])[0]!, SIMFEROPOL)).toBe(true);
	});

	it('draws no border between Crimea and mainland Ukraine but keeps the Belarus–Poland border', () => {
		const perekop: [number, number] = [33.7, 46.15];
		const near = borderLines().geometry.coordinates.flat().some(([x, y]) => Math.abs(x! - perekop[0]) < 0.15 && Math.abs(y! - perekop[1]) < 0.1);
		expect(near).toBe(false);
		const bp = sharedBorder('BLR', 'POL')!;
		expect(bp.geometry.coordinates.flat().length).toBeGreaterThan(20);
		expect(sharedBorder('BLR', 'FRA')).toBeNull();
	});

	it('unwraps rings crossing 180° so no edge of Russia or Fiji jumps across the map', () => {
		for (const code of ['RUS', 'FJI']) {
			const f = countryFeatures().features.find((c) => c.properties.iso_a3 === code)!;
			const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
			for (const ring of polys.flat()) for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!)).toBeLessThan(180);
		}
		expect(unwrapRing([[179, 0], [-179, 1], [-178, 0], [179, 0]]).map((p) => p[0])).toEqual([179, 181, 182, 179]);
	});

	it('gives every country an ISO code and labels with English and Arabic names', () => {
		const codes = countryFeatures().features.map((f) => f.properties.iso_a3);
		expect(new Set(codes).size).toBe(codes.length);
		const blr = countryLabels().features.find((f) => f.properties.iso_a3 === 'BLR')!;
		expect(blr.properties.name_ar).toBe('بيلاروسيا');
		expect(contains('BLR', blr.geometry.coordinates as [number, number])).toBe(true);
	});
});

describe('timeline', () => {
	const events = synthDataset(400, 3).events.features;
	const idx = dayIndex(events);

	it('counts an interval event in every bin its interval overlaps', () => {
		const e = structuredClone(events[0]!);
		Object.assign(e.properties, { date_start: '2022-01-01', date_end: '2022-01-31', date_precision: 'month' });
		const one = dayIndex([e]);
		const start = toDay('2022-01-01');
		expect(histogram(one, start, start + 59, 6)).toEqual([1, 1, 1, 1, 0, 0]);
	});

	it('bins sum to at least the dated events in range, and the window filter agrees with the one filter', () => {
		const ext = idx.extent!;
		const dated = events.filter((e) => e.properties.date_start).length;
		expect(histogram(idx, ext.start, ext.end, 50).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(dated);
		const from = toDay('2022-03-01');
		const to = toDay('2022-04-15');
		const inWin = events.filter((_, i) => idx.start[i]! <= to && idx.end[i]! >= from).map((e) => e.properties.id);
		expect(inWin).toEqual(filterEvents(events, { from: '2022-03-01', to: '2022-04-15' }).map((e) => e.properties.id));
	});

	it('steps between event days and plays moving and cumulative windows', () => {
		const s = idx.stops[5]!;
		expect(nextStop(idx, s)).toBe(idx.stops[6]);
		expect(prevStop(idx, s)).toBe(idx.stops[4]);
		expect(advanceWindow({ start: 10, end: 20 }, 3, 'moving', 100)).toEqual({ start: 13, end: 23 });
		expect(advanceWindow({ start: 10, end: 20 }, 3, 'cumulative', 100)).toEqual({ start: 10, end: 23 });
		expect(advanceWindow({ start: 10, end: 100 }, 3, 'moving', 100)).toBeNull();
	});
});

describe('evidence text', () => {
	const body = 'First para one.\n\nSecond para: the evidence sentence here. More.\n\nThird.';
	const start = body.indexOf('the evidence');
	const end = start + 'the evidence sentence here.'.length;

	it('finds the paragraph around the evidence and highlights exactly it', () => {
		const para = paragraphAround(body, start, end);
		expect(body.slice(para.start, para.end)).toBe('Second para: the evidence sentence here. More.');
		const segs = highlightSegments(body.slice(para.start, para.end), [{ start: start - para.start, end: end - para.start }]);
		expect(segs.map((s) => s.text).join('')).toBe(body.slice(para.start, para.end));
		expect(segs.filter((s) => s.mark === 0).map((s) => s.text)).toEqual(['the evidence sentence here.']);
		expect(paragraphs(body)).toHaveLength(3);
	});

	it('keeps markup in article text as plain text segments', () => {
		const segs = highlightSegments('<img src=x onerror=alert(1)>', [{ start: 0, end: 4 }]);
		expect(segs.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)>');
	});
});

describe('facet counts', () => {
	it('counts each facet under every other filter but not its own', () => {
		const events = synthDataset(300, 4).events.features;
		const counts = facetCounts(events, { types: ['ASSAULT'], countries: ['BLR'] });
		expect(counts.types.get('PROTEST')).toBe(filterEvents(events, { types: ['PROTEST'], countries: ['BLR'] }).length);
		expect(counts.countries.get('POL')).toBe(filterEvents(events, { types: ['ASSAULT'], countries: ['POL'] }).length);
	});

	it('passes an event (mask 0) exactly when the one filter keeps it, for repeated, missing and shared values and a box', () => {
		const events = synthDataset(400, 8).events.features.map((e, i) => {
			if (i % 7 === 0) return { ...e, properties: { ...e.properties, actors: [] } };
			if (i % 11 === 0) return { ...e, properties: { ...e.properties, actors: [...e.properties.actors, ...e.properties.actors] } };
			return e;
		});
		const index = facetIndex(events);
		const filters: EventFilter[] = [{}, { actors: ['NATO'] }, { countries: ['BLR', 'UKR'], types: ['ASSAULT'] }, { bbox: [23, 51, 30, 55], languages: ['ar'] }, { q: 'border', places: [events[3]!.properties.place_id] }];
		for (const filter of filters) {
			const mask = facetMask(index, events, filter);
			const keep = eventPredicate(filter);
			events.forEach((e, i) => expect(mask[i] === 0, `${JSON.stringify(filter)} event ${i}`).toBe(keep(e)));
		}
		expect(filterEvents(events, { actors: ['NATO'] }).length).toBeGreaterThan(0);
	});

	it('agrees with the one filter for every value of every facet, with a window and free text', () => {
		const events = synthDataset(400, 8).events.features;
		const filters = [{}, { types: ['ASSAULT', 'PROTEST'] as ('ASSAULT' | 'PROTEST')[], languages: ['en'] }, { from: '2022-02-01', to: '2022-08-31', countries: ['BLR'], q: 'border' }, { actors: ['NATO'], sources: ['synth_0003', 'synth_0004'] }];
		for (const filter of filters) {
			const counts = facetCounts(events, filter);
			for (const [facet, values] of Object.entries(counts)) {
				for (const [v, n] of values) expect(n, `${JSON.stringify(filter)} ${facet}=${v}`).toBe(filterEvents(events, { ...filter, [facet]: [v] }).length);
			}
		}
	});
});
