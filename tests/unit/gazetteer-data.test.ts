import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCurated } from '../../src/lib/server/gazetteer/curated';
import { buildGazetteer, type GazetteerData } from '../../src/lib/server/gazetteer/build';
import { loadGazetteerData } from '../../src/lib/server/gazetteer/cache';

describe('curated gazetteer file', () => {
	it('names the file and the field of a bad entry', () => {
		const bad = JSON.stringify({ places: [{ id: 'site:x', name: 'X', kind: 'site', lat: 95, lon: 0, country_codes: ['RUS'] }], aliases: [], demonyms: [], border_words: [], common_words: [], person_titles: [] });
		expect(() => parseCurated(bad, 'curated.json')).toThrow('curated.json: places[0].lat: expected a latitude');
		expect(() => parseCurated('{', 'c.json')).toThrow(/^c\.json: \(root\): invalid JSON/);
		const noKind = bad.replace('"kind":"site"', '"kind":"planet"').replace('95', '5');
		expect(() => parseCurated(noKind, 'curated.json')).toThrow('curated.json: places[0].kind: expected a place kind');
	});
});

describe('gazetteer cache', () => {
	let built: GazetteerData | null = null;

	it('reads back from the cache exactly what the builder built', { timeout: 180_000 }, () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'gazcache-'));
		process.env.GAZETTEER_CACHE_DIR = dir;
		try {
			built = loadGazetteerData(); // builds and writes the cache
			const cached = loadGazetteerData(); // reads it
			expect(cached.store).not.toBe(built.store);
			expect(cached.store.size).toBe(built.store.size);
			expect(cached.maxTokens).toBe(built.maxTokens);
			for (const key of ['minsk', 'brest', 'kiev', 'روسيا البيضاء', 'بيضاء', 'washington', 'new york city', 'polish']) {
				const a = built!.store.lookup(key)?.map((e) => [e.place, e.prior, e.nameKind]);
				const b = cached.store.lookup(key)?.map((e) => [e.place, e.prior, e.nameKind]);
				expect(b, key).toEqual(a);
			}
			expect(cached.neighbours.get('BLR')).toEqual(built.neighbours.get('BLR'));
			expect(cached.atlasIds.get('POL')).toBe('616');
		} finally {
			delete process.env.GAZETTEER_CACHE_DIR;
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('builds places with valid coordinates, ISO3 codes and precision matching the kind', { timeout: 180_000 }, () => {
		const d = built ?? buildGazetteer();
		const precision = { city: 1, site: 1, admin: 2, region: 2, border: 2, country: 3 } as const;
		for (let i = 0; i < d.store.size; i += 97) {
			const p = d.store.placeAt(i);
			expect(Math.abs(p.lat), p.id).toBeLessThanOrEqual(90);
			expect(Math.abs(p.lon), p.id).toBeLessThanOrEqual(180);
			for (const c of p.country_codes) expect(c, p.id).toMatch(/^[A-Z]{3}$/);
			expect(p.geo_precision, p.id).toBe(precision[p.kind]);
		}
	});
});
