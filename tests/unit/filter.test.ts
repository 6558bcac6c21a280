import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventFeature, EventProperties } from '../../src/lib/domain/event';
import { filterEvents, filterToParams, parseFilterParams, FilterParamError, type EventFilter } from '../../src/lib/domain/filter';

function event(over: Partial<EventProperties> & { lon?: number; lat?: number } = {}): EventFeature {
	const { lon = 27.56, lat = 53.9, ...props } = over;
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [lon, lat] },
		properties: {
			id: 'e1', date: '2020-08-15', date_start: '2020-08-15', date_end: '2020-08-15', date_precision: 'day', date_text: 'August 15',
			event_type: 'PROTEST', summary: 'Protest in Minsk', actors: ['Protesters'], place_id: 'gn:625144', place_name: 'Minsk',
			place_text: 'Minsk', place_kind: 'city', country_codes: ['BLR'], geo_precision: 1, geonames_id: 625144,
			evidence: 'Thousands protested in Minsk.', evidence_start: 0, evidence_end: 29, language: 'en', source_id: 's1',
			source_title: 'T', source_publisher: 'P', source_url: null, source_published: '2020-08-16', confidence: 0.8,
			...props
		}
	};
}

describe('parseFilterParams', () => {
	it('reads every parameter, lists either repeated or comma-separated', () => {
		const f = parseFilterParams(new URLSearchParams('from=2020-08-01&to=2020-08-31&type=protest,COERCE&actor=Putin&actor=Lukashenko&country=blr&language=AR&q=%20minsk%20&bbox=23,51,33,56&source=a,b&place=gn:1'));
		expect(f).toEqual({
			from: '2020-08-01', to: '2020-08-31', types: ['PROTEST', 'COERCE'], actors: ['Putin', 'Lukashenko'], countries: ['BLR'],
			languages: ['ar'], q: 'minsk', bbox: [23, 51, 33, 56], sources: ['a', 'b'], places: ['gn:1']
		});
	});
	it.each([
		['from=2020-13-01', 'from'],
		['to=yesterday', 'to'],
		['from=2020-09-01&to=2020-08-01', 'from'],
		['type=RIOT', 'type'],
		['country=Belarus', 'country'],
		['bbox=1,2,3', 'bbox'],
		['bbox=a,b,c,d', 'bbox'],
		['bbox=0,60,10,50', 'bbox'],
		['undated=maybe', 'undated']
	])('rejects %s with an error naming the parameter %s', (query, param) => {
		let caught: unknown;
		try {
			parseFilterParams(new URLSearchParams(query));
		} catch (err) {
			caught = err;
		}
		expect(caught).toBeInstanceOf(FilterParamError);
		expect((caught as FilterParamError).param).toBe(param);
		expect((caught as Error).message).toContain(`"${param}"`);
	});
	it('round-trips any valid filter through its query string', () => {
		const arb = fc.record(
			{
				from: fc.constantFrom('2020-01-01', '2021-06-15'),
				to: fc.constantFrom('2021-12-31', '2022-02-28'),
				types: fc.uniqueArray(fc.constantFrom('PROTEST', 'CONSULT', 'ASSAULT' as const), { minLength: 1 }),
				actors: fc.uniqueArray(fc.constantFrom('Putin', 'Lukashenko', 'European Union'), { minLength: 1 }),
				countries: fc.uniqueArray(fc.constantFrom('BLR', 'POL'), { minLength: 1 }),
				q: fc.constantFrom('minsk', 'لوكاشينكو'),
				bbox: fc.constant([23.1, 51.2, 33.3, 56.4] as [number, number, number, number])
			},
			{ requiredKeys: [] }
		);
		fc.assert(
			fc.property(arb, (filter) => {
				const back = parseFilterParams(filterToParams(filter as EventFilter));
				const norm = (f: EventFilter) => JSON.stringify(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Array.isArray(v) && k !== 'bbox' ? [...v].sort() : v]).sort()));
				expect(norm(back)).toBe(norm(filter as EventFilter));
			})
		);
	});
});

describe('filterEvents', () => {
	const day = event({ id: 'day' });
	const month = event({ id: 'month', date: '2020-09-15', date_start: '2020-09-01', date_end: '2020-09-30', date_precision: 'month' });
	const undated = event({ id: 'undated', date: null, date_start: null, date_end: null, date_precision: 'unknown' });
	const arabic = event({ id: 'ar', language: 'ar', evidence: 'التقى بوتين ولوكاشينكو', actors: ['Vladimir Putin'], event_type: 'CONSULT', country_codes: ['RUS'], place_name: 'Moscow', place_text: 'الكرملين', summary: 'Meeting in Moscow', lon: 37.6, lat: 55.75 });
	const all = [day, month, undated, arabic];
	const ids = (f: EventFilter) => filterEvents(all, f).map((e) => e.properties.id);

	it('counts an event whose month interval overlaps the window as inside it', () => {
		expect(ids({ from: '2020-09-20', to: '2020-10-05' })).toEqual(['month']);
	});
	it('drops undated events from a time window unless asked to keep them', () => {
		expect(ids({ from: '2020-01-01', to: '2020-08-31' })).toEqual(['day', 'ar']);
		expect(ids({ from: '2020-01-01', to: '2020-08-31', undated: true })).toEqual(['day', 'undated', 'ar']);
	});
	it('ANDs across fields and ORs within a list', () => {
		expect(ids({ types: ['CONSULT', 'PROTEST'], countries: ['RUS'] })).toEqual(['ar']);
	});
	it('searches text regardless of case and Arabic letter forms', () => {
		expect(ids({ q: 'MINSK' })).toEqual(['day', 'month', 'undated']);
		expect(ids({ q: 'لوكاشينكو' })).toEqual(['ar']);
		expect(ids({ q: 'التقي' })).toEqual(['ar']); // alef maqsura written as ya
	});
	it('keeps points inside the bbox only', () => {
		expect(ids({ bbox: [30, 50, 40, 60] })).toEqual(['ar']);
	});
	it('never keeps more events when a filter field is narrowed (monotone)', () => {
		fc.assert(
			fc.property(fc.constantFrom('PROTEST', 'CONSULT'), fc.constantFrom('BLR', 'RUS'), (type, country) => {
				expect(filterEvents(all, { types: [type], countries: [country] }).length).toBeLessThanOrEqual(filterEvents(all, { types: [type] }).length);
			})
		);
	});
	it('does not mutate its input', () => {
		const before = JSON.stringify(all);
		filterEvents(all, { q: 'minsk', from: '2020-01-01' });
		expect(JSON.stringify(all)).toBe(before);
	});
});
