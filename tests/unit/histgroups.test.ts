// The timeline's stacks by country or actor: top N by events counted, "other" and "none", one group per event.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventFeature } from '$lib/domain/event';
import { topGroups } from '$lib/state/histgroups';
import { dayIndex, stackedHistogram } from '$lib/state/timeline';
import { sampleEvent } from './http-fixtures';

const ev = (id: string, countries: string[], actors: string[] = [], date = '2021-11-08', date_end = date): EventFeature =>
	sampleEvent(id, { country_codes: countries, actors, date, date_start: date, date_end });

describe('topGroups', () => {
	it('ranks the countries by events, keeps the top N and puts the rest under "other" and those naming none under "none"', () => {
		const events = [
			ev('a', ['BLR']),
			ev('b', ['BLR']),
			ev('c', ['BLR']),
			ev('d', ['POL']),
			ev('e', ['POL']),
			ev('f', ['UKR']),
			ev('g', ['LTU']),
			ev('h', [])
		];
		const { groups, of } = topGroups(events, 'country', undefined, 2);
		expect(groups).toEqual([
			{ kind: 'top', value: 'BLR', count: 3 },
			{ kind: 'top', value: 'POL', count: 2 },
			{ kind: 'other', value: null, count: 2 },
			{ kind: 'none', value: null, count: 1 }
		]);
		expect([...of]).toEqual([0, 0, 0, 1, 1, 2, 2, 3]);
	});

	it('counts an event naming several values once, under the highest-ranked one, so counts fall from the bottom stack up', () => {
		// Poland is named by 4 events, Belarus by 3; the border event (both) goes under Poland, and Belarus adds 2.
		const events = [ev('a', ['POL']), ev('b', ['POL']), ev('c', ['POL']), ev('d', ['BLR', 'POL']), ev('e', ['BLR']), ev('f', ['BLR'])];
		const { groups, of } = topGroups(events, 'country');
		expect(groups).toEqual([
			{ kind: 'top', value: 'POL', count: 4 },
			{ kind: 'top', value: 'BLR', count: 2 }
		]);
		expect(of[3]).toBe(0);
	});

	it('groups by actor the same way, an actor listed twice counting once', () => {
		const events = [ev('a', ['BLR'], ['Protesters', 'Police']), ev('b', ['BLR'], ['Police', 'Police']), ev('c', ['BLR'], ['Alexander Lukashenko']), ev('d', ['BLR'])];
		const { groups } = topGroups(events, 'actor', undefined, 1);
		expect(groups).toEqual([
			{ kind: 'top', value: 'Police', count: 2 },
			{ kind: 'other', value: null, count: 1 },
			{ kind: 'none', value: null, count: 1 }
		]);
	});

	it('ranks only the kept events, and breaks ties by value whatever the events’ order', () => {
		const events = [ev('a', ['UKR']), ev('b', ['POL']), ev('c', ['UKR']), ev('d', ['POL']), ev('e', ['UKR'])];
		const keep = (i: number) => i !== 4; // UKR and POL tie at 2 once e is filtered out
		expect(topGroups(events, 'country', keep, 1).groups[0]).toEqual({ kind: 'top', value: 'POL', count: 2 });
		expect(topGroups([...events].reverse(), 'country', (i) => i !== 0, 1).groups[0]).toEqual({ kind: 'top', value: 'POL', count: 2 });
	});

	it('does not mutate its input', () => {
		const events = [ev('a', ['BLR', 'POL'], ['Police', 'Police'])];
		const before = structuredClone(events);
		topGroups(events, 'actor');
		topGroups(events, 'country');
		expect(events).toEqual(before);
	});

	it('stacked by its groups, every bin adds up to the same events as the histogram by type (each event in one group)', () => {
		const country = fc.constantFrom('BLR', 'POL', 'UKR', 'RUS', 'LTU', 'LVA', 'MDA', 'DEU', 'SYR', 'TUR');
		const event = fc.record({
			countries: fc.array(country, { maxLength: 3 }),
			actors: fc.array(fc.constantFrom('Police', 'Protesters', 'Army', 'NATO', 'Wagner'), { maxLength: 3 }),
			start: fc.integer({ min: 0, max: 60 }),
			len: fc.integer({ min: 0, max: 40 }),
			kept: fc.boolean()
		});
		fc.assert(
			fc.property(fc.array(event, { maxLength: 60 }), fc.constantFrom('country' as const, 'actor' as const), fc.integer({ min: 1, max: 8 }), (rows, by, n) => {
				const day = (d: number) => new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10);
				const events = rows.map((r, i) => ev(`e${i}`, r.countries, r.actors, day(r.start), day(r.start + r.len)));
				const keep = (i: number) => rows[i]!.kept;
				const { groups, of } = topGroups(events, by, keep, n);
				expect(groups.filter((g) => g.kind === 'top').length).toBeLessThanOrEqual(n);
				expect(groups.reduce((a, g) => a + g.count, 0)).toBe(rows.filter((r) => r.kept).length);
				const idx = dayIndex(events);
				const stacked = stackedHistogram(idx, of, Math.max(1, groups.length), 0 + 18628, 100 + 18628, 25, keep);
				const byType = stackedHistogram(idx, null, 1, 0 + 18628, 100 + 18628, 25, keep);
				expect(stacked.map((b) => b.reduce((a, x) => a + x, 0))).toEqual(byType.map((b) => b[0]));
				// The per-group totals are the events each group holds.
				groups.forEach((g, k) => expect(events.filter((_, i) => keep(i) && of[i] === k).length).toBe(g.count));
			}),
			{ numRuns: 200 }
		);
	});
});
