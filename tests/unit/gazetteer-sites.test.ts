import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import bbox from '@turf/bbox';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';
import { parseSites } from '../../src/lib/server/gazetteer/sites';

const g = loadGazetteer();
const found = (text: string) => g.geoparseDocument(text, { language: 'en' }).map((m) => `${m.text}=${m.place.id}`);
const file = 'geodata/gazetteer/sites.json';
const sites = parseSites(readFileSync(file, 'utf8'), file);

describe('curated sites file', () => {
	it('gives every site a source, a category and a point inside the box of its countries', () => {
		expect(sites.length).toBeGreaterThan(100);
		for (const s of sites) {
			expect(s.source, s.id).toMatch(/\w/);
			const boxes = s.country_codes.map((c) => bbox(g.shapeOf(`country:${c}`)!));
			const inside = boxes.some(([w, so, e, n]) => s.lon >= w! - 0.5 && s.lon <= e! + 0.5 && s.lat >= so! - 0.5 && s.lat <= n! + 0.5);
			expect(inside, `${s.id} at ${s.lat},${s.lon}`).toBe(true);
		}
	});

	it('refuses a site without a source or with an unknown category, naming the file and field', () => {
		const site = { id: 'site:x', name: 'X', kind: 'site', category: 'airport', lat: 50, lon: 30, country_codes: ['UKR'], aliases: [], source: 'a map' };
		expect(() => parseSites(JSON.stringify({ sites: [{ ...site, source: '' }] }), 'f.json')).toThrow(/f\.json: sites\[0\]\.source/);
		expect(() => parseSites(JSON.stringify({ sites: [{ ...site, category: 'castle' }] }), 'f.json')).toThrow(/f\.json: sites\[0\]\.category/);
		expect(() => parseSites(JSON.stringify({ sites: [site, site] }), 'f.json')).toThrow(/duplicate id/);
	});
});

describe('geoparser: sites', () => {
	it('finds curated sites by names that hold lower-case words', () => {
		expect(found('Shelling near the Rivne nuclear power plant and the Kaniv dam.')).toEqual([
			'Rivne nuclear power plant=site:rivne-npp',
			'Kaniv dam=site:kaniv-hpp'
		]);
		expect(found('Drones hit the Antonovsky Bridge; Zmiinyi Island was retaken.')).toEqual([
			'Antonovsky Bridge=site:antonivskyi-bridge',
			'Zmiinyi Island=site:snake-island'
		]);
	});

	it('reads "<town> airport" as the curated airport of that town, preferring an airport to an air base', () => {
		expect(found('Flights left Minsk airport for Lviv airport.')).toEqual(['Minsk airport=site:minsk-national-airport', 'Lviv airport=site:lviv-airport']);
	});

	it('makes "<town> railway station" a site at the town when no curated site fits', () => {
		const ms = g.geoparseDocument('A missile hit the Lozova railway station and a shopping centre.', { language: 'en' });
		expect(ms.map((m) => m.text)).toEqual(['Lozova railway station']);
		const [m] = ms;
		const town = g.search('Lozova', 1)[0]!;
		expect(m!.place).toMatchObject({ kind: 'site', lat: town.lat, lon: town.lon, geo_precision: 1, name: `${town.name} railway station` });
		expect(g.byId(m!.place.id)).toEqual(m!.place);
	});

	it('reads "<town> district" or "<town> raion" as the district around the town, at its point', () => {
		const ms = g.geoparseDocument('Shelling hit the Bakhmut district and the Pokrovsk raion.', { language: 'en' });
		expect(ms.map((m) => m.text)).toEqual(['Bakhmut district', 'Pokrovsk raion']);
		const town = g.search('Bakhmut', 1)[0]!;
		expect(ms[0]!.place).toMatchObject({ kind: 'admin', lat: town.lat, lon: town.lon, geo_precision: 2 });
		expect(g.byId(ms[1]!.place.id)).toEqual(ms[1]!.place);
	});

	it('lets a curated site outrank the village it is named after', () => {
		expect(found('Queues stretched at Shehyni on the border.')).toEqual(['Shehyni=site:medyka-shehyni-crossing']);
	});
});

describe('geoparser: "the border crossing at <town>" is the crossing, in every language', () => {
	const sites = (text: string, language: string) => g.geoparseDocument(text, { language }).map((m) => `${m.text}=${m.place.id}`);
	it('takes the curated crossing the town names, for every town of a list', () => {
		expect(sites('Truckers blocked the border crossings at Dorohusk, Hrebenne and Korczowa.', 'en')).toEqual([
			'Dorohusk=site:dorohusk-yahodyn-crossing',
			'Hrebenne=site:hrebenne-rava-ruska-crossing',
			'Korczowa=site:korczowa-krakovets-crossing'
		]);
		expect(sites('Od 6 listopada przewoźnicy blokują dojazd do trzech przejść: w Dorohusku, Hrebennem i Korczowej.', 'pl')).toEqual([
			'Dorohusku=site:dorohusk-yahodyn-crossing',
			'Hrebennem=site:hrebenne-rava-ruska-crossing',
			'Korczowej=site:korczowa-krakovets-crossing'
		]);
		expect(sites('Литва закрыла для движения пункт пропуска «Шальчининкай» на границе с Белоруссией.', 'ru')).toContain('Шальчининкай=site:salcininkai-benyakoni-crossing');
		expect(sites('أغلقت السلطات معبر بريست أمام الشاحنات.', 'ar')).toEqual(['بريست=site:terespol-brest-crossing']);
	});

	it('finds the crossing by its name where GeoNames lacks the village or has only namesakes far away', () => {
		expect(sites('W czwartek rano Polska zawiesiła ruch towarowy na przejściu granicznym w Bobrownikach.', 'pl')).toContain('Bobrownikach=site:bobrowniki-crossing');
	});

	it('finds a crossing curated in Latin by its Cyrillic name, through the folded romanisation, where the text names one of its countries', () => {
		expect(sites('Польські фермери заблокували пункт пропуску «Ягодин — Дорогуськ» на кордоні з Польщею.', 'uk')).toContain('Ягодин=site:dorohusk-yahodyn-crossing');
		expect(sites('В Польше фермеры рассыпали зерно у пункта пропуска «Шегини».', 'ru')).toContain('Шегини=site:medyka-shehyni-crossing');
		expect(sites('Фермеры рассыпали зерно у пункта пропуска «Шегини».', 'ru')).toEqual([]); // no country named: a spelling alone is no evidence
	});

	it('leaves the town a town where no crossing is said', () => {
		expect(sites('Polish police detained two men in Bobrowniki.', 'en')).toEqual(['Polish=country:POL', 'Bobrowniki=gn:3103154']);
		expect(sites('وصل الوفد إلى بريست.', 'ar')).toEqual(['بريست=gn:629634']);
	});
});
