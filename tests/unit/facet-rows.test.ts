// Facet rows: every value reachable (show all, search inside the facet), chosen values always shown; country names.
import { describe, expect, it } from 'vitest';
import { facetRows } from '../../src/lib/state/facets';
import { countryName } from '../../src/lib/domain/countries';

const counts = new Map(Array.from({ length: 30 }, (_, k) => [`actor ${String(k).padStart(2, '0')}`, 30 - k] as const));

describe('facetRows', () => {
	it('shows the top values by count and says how many are held back', () => {
		const { rows, hidden } = facetRows(counts, [], { limit: 12 });
		expect(rows.map(([v]) => v)).toEqual([...counts.keys()].slice(0, 12));
		expect(hidden).toBe(18);
	});

	it('with all, shows every value; with a search, every value that matches and none held back', () => {
		expect(facetRows(counts, [], { limit: 12, all: true })).toEqual({ rows: [...counts.entries()], hidden: 0 });
		const found = facetRows(counts, [], { limit: 12, matches: (v) => v.endsWith('7') });
		expect(found.rows.map(([v]) => v)).toEqual(['actor 07', 'actor 17', 'actor 27']);
		expect(found.hidden).toBe(0);
	});

	it('keeps a chosen value on screen even when the limit or the search would hide it', () => {
		expect(facetRows(counts, ['actor 29'], { limit: 12 }).rows.at(-1)).toEqual(['actor 29', 1]);
		expect(facetRows(counts, ['gone'], { limit: 12, matches: () => false }).rows).toEqual([['gone', 0]]);
	});
});

describe('countryName', () => {
	it('names countries by their common English short name, never by code or abbreviation', () => {
		expect(countryName('BLR')).toBe('Belarus');
		expect(countryName('RUS')).toBe('Russia');
		expect(countryName('GBR')).toBe('United Kingdom');
		expect(countryName('USA')).toBe('United States');
		expect(countryName('XKX')).toBe('Kosovo');
		expect(countryName('MDA')).toBe('Moldova');
		expect(countryName('QQQ')).toBe('QQQ');
	});
});
