import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventTip, groupTip, placeTip, truncate, SUMMARY_MAX, TYPE_ROWS_MAX } from '$lib/map/tooltip';
import { isDayDated, type DatePrecision, type EventProperties, type EventType } from '$lib/domain/event';

function props(over: Partial<EventProperties> = {}): EventProperties {
	return {
		event_type: 'ASSAULT',
		date_start: '2022-03-12',
		date_end: '2022-03-12',
		date_precision: 'day',
		place_name: 'Kharkiv',
		summary: 'Attack in Kharkiv (Ukraine) — Russia',
		...over
	} as EventProperties;
}

describe('the hover tooltip of one event', () => {
	it('says the type in words, the date as precise as it is known, the place and the summary', () => {
		expect(eventTip(props())).toEqual({
			kind: 'event',
			type: 'ASSAULT',
			label: 'Attack',
			date: '2022-03-12',
			dayDated: true,
			place: 'Kharkiv',
			summary: 'Attack in Kharkiv (Ukraine) — Russia'
		});
		expect(eventTip(props({ event_type: 'MOBILIZE' })).label).toBe('Massing or deployment');
	});

	it('never shows a week, month or year as a day', () => {
		const cases: [DatePrecision, string, string, string][] = [
			['week', '2022-03-07', '2022-03-13', 'week of 2022-03-07'],
			['month', '2022-03-01', '2022-03-31', '2022-03'],
			['year', '2022-01-01', '2022-12-31', '2022']
		];
		for (const [date_precision, date_start, date_end, label] of cases) {
			const tip = eventTip(props({ date_precision, date_start, date_end }));
			expect(tip.date).toBe(label);
			expect(tip.dayDated).toBe(false);
		}
		expect(eventTip(props({ date_precision: 'unknown', date_start: null, date_end: null })).date).toBe('undated');
		expect(isDayDated({ date_precision: 'day', date_start: null })).toBe(false);
		expect(isDayDated({ date_precision: 'unknown', date_start: '2022-03-01' })).toBe(false);
	});

	it('cuts a long summary at a word, with an ellipsis, and keeps a short one whole', () => {
		const long = 'Attack in Kharkiv (Ukraine) — ' + Array.from({ length: 40 }, (_, i) => `Actor${i}`).join(', ');
		const tip = eventTip(props({ summary: long }));
		expect(Array.from(tip.summary).length).toBeLessThanOrEqual(SUMMARY_MAX);
		expect(tip.summary.endsWith('…')).toBe(true);
		expect(long.startsWith(tip.summary.slice(0, -1))).toBe(true);
		expect(tip.summary.slice(0, -1)).toMatch(/Actor\d+,?$/);
		expect(truncate('  short  ', 10)).toBe('short');
		expect(truncate('abcdefghij', 10)).toBe('abcdefghij');
		expect(truncate('abcdefghijk', 10)).toBe('abcdefghi…');
	});

	it('keeps Arabic text whole and drops bidi controls that could reorder what is read', () => {
		const tip = eventTip(props({ place_name: '\u202eخاركيف', summary: 'هجوم على خاركيف \u2066(أوكرانيا)\u2069' }));
		expect(tip.place).toBe('خاركيف');
		expect(tip.summary).toBe('هجوم على خاركيف (أوكرانيا)');
		// A cut never splits a character made of two UTF-16 units.
		expect(truncate('😀'.repeat(30), 10)).toBe('😀'.repeat(9) + '…');
	});
});

describe('the hover tooltip of a cluster', () => {
	it('counts the events by type, the most frequent first, ties in the ontology’s order', () => {
		const types: EventType[] = ['PROTEST', 'ASSAULT', 'ASSAULT', 'COERCE', 'ASSAULT', 'PROTEST', 'AGREE'];
		const tip = groupTip(types, false);
		expect(tip.total).toBe(7);
		expect(tip.rows).toEqual([
			{ type: 'ASSAULT', label: 'Attack', count: 3 },
			{ type: 'PROTEST', label: 'Protest', count: 2 },
			{ type: 'AGREE', label: 'Agreement', count: 1 },
			{ type: 'COERCE', label: 'Arrests or repression', count: 1 }
		]);
		expect(tip.others).toBe(0);
		expect(tip.hint).toMatch(/zoom/i);
		expect(groupTip(['ASSAULT', 'ASSAULT'], true).hint).toMatch(/list/i);
	});

	it('lists a few types and counts the rest, so the numbers always add up to the total', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom<EventType>('AGREE', 'AID', 'ACCUSE', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'), { minLength: 1, maxLength: 200 }), (types) => {
				const tip = groupTip(types, false);
				expect(tip.rows.length).toBeLessThanOrEqual(TYPE_ROWS_MAX);
				expect(tip.rows.reduce((n, r) => n + r.count, 0) + tip.others).toBe(types.length);
				for (let k = 1; k < tip.rows.length; k++) expect(tip.rows[k]!.count).toBeLessThanOrEqual(tip.rows[k - 1]!.count);
			})
		);
	});
});

describe('where the tooltip goes', () => {
	const map = { width: 800, height: 600 };
	const box = { width: 200, height: 90 };

	it('sits below and after the pointer, and flips to the other side near the right and bottom edges', () => {
		expect(placeTip({ x: 100, y: 100 }, box, map, 10)).toEqual({ left: 110, top: 110 });
		expect(placeTip({ x: 700, y: 100 }, box, map, 10)).toEqual({ left: 490, top: 110 });
		expect(placeTip({ x: 700, y: 580 }, box, map, 10)).toEqual({ left: 490, top: 480 });
	});

	it('stays inside the map wherever the pointer is, as long as it fits at all', () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 800, noNaN: true }), fc.double({ min: 0, max: 600, noNaN: true }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 300 }), (x, y, w, h) => {
				const at = placeTip({ x, y }, { width: w, height: h }, map);
				expect(at.left).toBeGreaterThanOrEqual(0);
				expect(at.top).toBeGreaterThanOrEqual(0);
				expect(at.left + w).toBeLessThanOrEqual(map.width);
				expect(at.top + h).toBeLessThanOrEqual(map.height);
			})
		);
	});
});
