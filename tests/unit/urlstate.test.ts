import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENT_TYPES } from '$lib/domain/event';
import { fromDay } from '$lib/domain/time';
import { TOGGLE_NAMES } from '$lib/map/ids';
import { HIST_BY } from '$lib/state/histgroups';
import { dashboardHref, defaultView, parseViewParams, viewToParams, type ViewState } from '$lib/state/url';

const day = fc.integer({ min: 15_000, max: 21_000 });
const word = fc.stringMatching(/^[A-Za-z][A-Za-z .:-]{0,15}[A-Za-z]$/);

const viewArb: fc.Arbitrary<ViewState> = fc
	.record({
		camera: fc.option(fc.record({ lon: fc.integer({ min: -1800000, max: 1800000 }).map((n) => n / 1e4), lat: fc.integer({ min: -850000, max: 850000 }).map((n) => n / 1e4), zoom: fc.integer({ min: 0, max: 2200 }).map((n) => n / 100) }), { nil: null }),
		days: fc.option(fc.tuple(day, day), { nil: null }),
		types: fc.uniqueArray(fc.constantFrom(...EVENT_TYPES), { maxLength: 4 }),
		actors: fc.uniqueArray(word, { maxLength: 3 }),
		countries: fc.uniqueArray(fc.constantFrom('BLR', 'POL', 'UKR', 'RUS'), { maxLength: 3 }),
		sources: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { maxLength: 2 }),
		languages: fc.uniqueArray(fc.constantFrom('en', 'ar', 'ru'), { maxLength: 2 }),
		q: fc.option(word, { nil: undefined }),
		selected: fc.option(fc.stringMatching(/^[a-z0-9_:-]{1,20}$/), { nil: null }),
		layers: fc.record(Object.fromEntries(TOGGLE_NAMES.map((t) => [t, fc.boolean()])) as Record<(typeof TOGGLE_NAMES)[number], fc.Arbitrary<boolean>>),
		mode: fc.constantFrom('moving' as const, 'cumulative' as const),
		speed: fc.constantFrom(1, 7, 30, 90),
		// A box as the URL writes it (5 decimals), possibly across the antimeridian (west > east).
		bbox: fc.option(fc.tuple(fc.integer({ min: -18_000_000, max: 18_000_000 }), fc.integer({ min: -9_000_000, max: 9_000_000 }), fc.integer({ min: -18_000_000, max: 18_000_000 }), fc.integer({ min: -9_000_000, max: 9_000_000 })), { nil: null }),
		followView: fc.boolean(),
		hist: fc.constantFrom(...HIST_BY)
	})
	.map((r) => {
		const filter: ViewState['filter'] = {};
		if (r.days) {
			const [a, b] = r.days[0] <= r.days[1] ? r.days : [r.days[1], r.days[0]];
			filter.from = fromDay(a);
			filter.to = fromDay(b);
		}
		if (r.types.length) filter.types = [...r.types].sort();
		if (r.actors.length) filter.actors = [...r.actors].sort();
		if (r.countries.length) filter.countries = [...r.countries].sort();
		if (r.sources.length) filter.sources = [...r.sources].sort();
		if (r.languages.length) filter.languages = [...r.languages].sort();
		if (r.q) filter.q = r.q.trim();
		if (r.bbox) {
			const [w, s, e, n] = r.bbox.map((v) => v / 1e5);
			filter.bbox = [w!, Math.min(s!, n!), e!, Math.max(s!, n!)];
		}
		return { camera: r.camera, filter, selected: r.selected, layers: r.layers, mode: r.mode, speed: r.speed, followView: r.followView, hist: r.hist };
	});

describe('URL view state', () => {
	it('round-trips every view through its query string unchanged', () => {
		fc.assert(
			fc.property(viewArb, (view) => {
				const parsed = parseViewParams(new URLSearchParams(viewToParams(view).toString()));
				expect(parsed.errors).toEqual([]);
				expect(parsed.view).toEqual(view);
			}),
			{ numRuns: 300 }
		);
	});

	it('writes the same URL for the same view whatever the order the lists were built in', () => {
		const a = { ...defaultView(), filter: { types: ['PROTEST', 'ASSAULT'] as ('PROTEST' | 'ASSAULT')[], countries: ['POL', 'BLR'] } };
		const b = { ...defaultView(), filter: { countries: ['BLR', 'POL'], types: ['ASSAULT', 'PROTEST'] as ('PROTEST' | 'ASSAULT')[] } };
		expect(viewToParams(a).toString()).toBe(viewToParams(b).toString());
		expect(viewToParams(a).toString()).toBe('type=ASSAULT%2CPROTEST&country=BLR%2CPOL');
	});

	it('leaves defaults out of the URL', () => {
		expect(viewToParams(defaultView()).toString()).toBe('');
	});

	it('reads the camera as zoom/lat/lon', () => {
		expect(parseViewParams(new URLSearchParams('map=6.5/53.9/27.56')).view.camera).toEqual({ zoom: 6.5, lat: 53.9, lon: 27.56 });
	});

	it('reports a bad parameter by name and keeps the good ones', () => {
		const { view, errors } = parseViewParams(new URLSearchParams('type=ASSAULT,BOMBING&country=BLR&map=99/0/0&layers=points,sparkles&mode=sideways&speed=-1'));
		expect(errors.some((e) => e.includes('"type"'))).toBe(true);
		expect(errors.some((e) => e.includes('"map"'))).toBe(true);
		expect(errors.some((e) => e.includes('"layers"'))).toBe(true);
		expect(errors.some((e) => e.includes('"mode"'))).toBe(true);
		expect(errors.some((e) => e.includes('"speed"'))).toBe(true);
		expect(view.filter).toEqual({ countries: ['BLR'] });
		expect(view.camera).toBeNull();
		expect(view.layers.points).toBe(true);
		expect(view.layers.density).toBe(false);
	});

	it('says "only events in view" with area=view beside the box, and reads it back', () => {
		const view = { ...defaultView(), filter: { bbox: [23.5, 51, 32.25, 56] as [number, number, number, number] }, followView: true };
		const q = viewToParams(view).toString();
		expect(q).toBe('bbox=23.5%2C51%2C32.25%2C56&area=view');
		expect(parseViewParams(new URLSearchParams(q)).view).toEqual(view);
		// A drawn box is the box alone.
		expect(viewToParams({ ...view, followView: false }).toString()).toBe('bbox=23.5%2C51%2C32.25%2C56');
		const bad = parseViewParams(new URLSearchParams('area=everywhere&bbox=1,2,3,4'));
		expect(bad.errors).toEqual(['query parameter "area": expected view (the box follows the map), got "everywhere"']);
		expect(bad.view.followView).toBe(false);
		expect(bad.view.filter.bbox).toEqual([1, 2, 3, 4]);
	});

	it('reads the histogram grouping from "hist", and reports any other value by name, keeping stacks by type', () => {
		expect(parseViewParams(new URLSearchParams('hist=country')).view.hist).toBe('country');
		expect(viewToParams({ ...defaultView(), hist: 'actor' }).toString()).toBe('hist=actor');
		const { view, errors } = parseViewParams(new URLSearchParams('hist=place&country=BLR'));
		expect(errors).toEqual(['query parameter "hist": expected type, country, actor, got "place"']);
		expect(view.hist).toBe('type');
		expect(view.filter).toEqual({ countries: ['BLR'] });
	});

	it('drops a reversed time window as a whole rather than keeping half of it', () => {
		const { view, errors } = parseViewParams(new URLSearchParams('from=2022-05-01&to=2022-01-01&type=AID'));
		expect(errors).toHaveLength(1);
		expect(view.filter).toEqual({ types: ['AID'] });
	});
});

describe('dashboardHref (the way back from the full-article page)', () => {
	it('returns to the very view it was given, or selects another event in it', () => {
		fc.assert(
			fc.property(viewArb, (view) => {
				const q = viewToParams(view).toString();
				expect(dashboardHref(q)).toBe(q ? `/?${q}` : '/');
				const other = new URL(dashboardHref(q, 'ev-0123456789ab'), 'http://x');
				expect(parseViewParams(other.searchParams).view).toEqual({ ...parseViewParams(new URLSearchParams(q)).view, selected: 'ev-0123456789ab' });
			})
		);
	});

	it('drops what is no view of the dashboard: bad values, foreign parameters, script URLs', () => {
		expect(dashboardHref('type=PROTEST&from=2021-13-01&evil=1&map=javascript:alert(1)')).toBe('/?type=PROTEST');
		expect(dashboardHref(null)).toBe('/');
		expect(dashboardHref(null, 'ev-1')).toBe('/?sel=ev-1');
	});
});
