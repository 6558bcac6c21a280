// Same-named towns told apart by the region the text names, US counties as places of their own, and English names
// of Russian regions named after a town.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';
import { inRegionArea, regionArea } from '../../src/lib/server/gazetteer/regionarea';

const g = loadGazetteer();
const ids = (text: string, language = 'en') => g.geoparseDocument(text, { language }).map((m) => `${m.text}=${m.place.id}`);

describe('geoparser: a region the text names picks the town inside it', () => {
	it('takes the smaller namesake inside the named state or krai over a bigger one elsewhere in the country', () => {
		// Springfield, Missouri (gn:4409896), not the Illinois capital; Zheleznogorsk in Krasnoyarsk Krai (gn:1538635),
		// not the one in Kursk Oblast — whose region's centre lies too far from the town for "nearby" to tell.
		expect(ids('A fire destroyed a barn near Springfield on Tuesday. Firefighters from across Missouri were called.')).toContain('Springfield=gn:4409896');
		expect(ids('Взрыв произошёл на заводе в Железногорске Красноярского края.', 'ru')).toEqual([
			'Железногорске=gn:1538635',
			'Красноярского края=admin:RUS:krasnoyarskiy-kray'
		]);
		expect(ids('Police in Kingston said a crash in Ulster County killed one driver.')).toEqual(['Kingston=gn:5123477', 'Ulster County=admin:USA:new-york:ulster-county']);
	});

	it('lets a region the first reading settled vouch for the rest ("Cleveland, White County, Georgia")', () => {
		// "Georgia" first reads as the country and "White County" as the biggest of its name; once both are read in
		// context, they place Cleveland in Georgia (gn:4188377), not in Mississippi.
		expect(ids('Police in Cleveland, White County, Georgia, arrested a man.')).toEqual([
			'Cleveland=gn:4188377',
			'White County=admin:USA:georgia:white-county',
			'Georgia=admin:USA:georgia'
		]);
		expect(ids('Police in Dublin, Laurens County, Georgia, arrested a man.')).toContain('Laurens County=admin:USA:georgia:laurens-county');
	});

	it('keeps the other namesake where the text names its region instead', () => {
		expect(ids('Беспилотник атаковал нефтебазу в Железногорске Курской области.', 'ru')).toEqual(['Железногорске=gn:463343', 'Курской области=admin:RUS:kurskaya-oblast']);
		expect(ids('Springfield police said the suspect fled. The governor of Illinois visited later.')).toContain('Springfield=gn:4250542');
	});

	it('reads a region’s area as the hull of its towns, a little widened', () => {
		const a = regionArea([
			[0, 0],
			[10, 0],
			[0, 10]
		]);
		expect(inRegionArea(a, 2, 2)).toBe(true);
		expect(inRegionArea(a, -0.1, -0.1)).toBe(true); // within the margin of a corner town
		expect(inRegionArea(a, 8, 8)).toBe(false); // inside the box, outside the triangle
		expect(inRegionArea(a, 20, 0)).toBe(false);
	});
});

describe('geoparser: US counties are counties, not the district of a namesake town', () => {
	it('places a county at its own outline, and a parish too', () => {
		expect(ids('Sheriff deputies in Licking County arrested two men on Friday.')).toEqual(['Licking County=admin:USA:ohio:licking-county']);
		expect(ids('Flooding closed roads across Orleans Parish overnight.')).toEqual(['Orleans Parish=admin:USA:louisiana:orleans-parish']);
		const licking = g.byId('admin:USA:ohio:licking-county')!;
		expect(Math.abs(licking.lat - 40.09)).toBeLessThan(0.1);
		expect(Math.abs(licking.lon + 82.48)).toBeLessThan(0.1);
		expect(licking.kind).toBe('admin');
	});

	it('still reads a district named after its town outside the US', () => {
		expect(ids('Shelling hit the Bakhmut district overnight.')[0]).toMatch(/^Bakhmut district=admin:gn-\d+-district$/);
	});
});

describe('geoparser: English names of regions named after a town', () => {
	it('reads "Krasnoyarsk Krai" and "Leningrad region" as the regions, not the cities', () => {
		expect(ids('An explosion was reported at a plant in Zheleznogorsk, Krasnoyarsk Krai.')).toEqual([
			'Zheleznogorsk=gn:1538635',
			'Krasnoyarsk Krai=admin:RUS:krasnoyarskiy-kray'
		]);
		expect(g.byId('admin:RUS:krasnoyarskiy-kray')!.name).toBe('Krasnoyarsk Krai');
		expect(ids('A drone fell on a factory in Kirovsk, in the Leningrad region.')).toContain('Leningrad region=admin:RUS:leningradskaya-oblast');
		expect(ids('Fires burned across Leningrad Oblast and Krasnodar Krai.')).toEqual([
			'Leningrad Oblast=admin:RUS:leningradskaya-oblast',
			'Krasnodar Krai=admin:RUS:krasnodarskiy-kray'
		]);
	});
});
