import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import { point } from '@turf/helpers';
import type { LineString, MultiLineString } from 'geojson';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';
import type { PlaceMention } from '../../src/lib/domain/place';

const gaz = loadGazetteer();
const en = (text: string) => gaz.geoparseDocument(text, { language: 'en' });
const ar = (text: string) => gaz.geoparseDocument(text, { language: 'ar' });
const find = (ms: PlaceMention[], text: string) => ms.find((m) => m.text === text);

function expectVerbatim(text: string, ms: PlaceMention[]) {
	let last = -1;
	for (const m of ms) {
		expect(text.slice(m.start, m.end)).toBe(m.text);
		expect(m.start).toBeGreaterThanOrEqual(last);
		expect(m.end).toBeGreaterThan(m.start);
		last = m.end;
	}
}

describe('gazetteer lookups', () => {
	it('returns the same shared instance on every call', () => {
		expect(loadGazetteer()).toBe(gaz);
	});

	it('finds GeoNames cities, countries and curated sites by id', () => {
		expect(gaz.byId('gn:625144')?.name).toBe('Minsk');
		expect(gaz.byId('country:BLR')).toMatchObject({ kind: 'country', country_codes: ['BLR'], geo_precision: 3 });
		expect(gaz.byId('site:kremlin')).toMatchObject({ kind: 'site', country_codes: ['RUS'], geo_precision: 1 });
		expect(gaz.byId('gn:0')).toBeNull();
	});

	it('gives countries a polygon shape and cities none', () => {
		expect(gaz.shapeOf('country:POL')?.type).toMatch(/Polygon$/);
		expect(gaz.shapeOf('gn:625144')).toBeNull();
	});

	it('puts a country’s representative point inside the country’s own outline', async () => {
		const { default: inside } = await import('@turf/boolean-point-in-polygon');
		for (const id of ['country:BLR', 'country:USA', 'country:AUS', 'country:IDN', 'country:RUS']) {
			const p = gaz.byId(id)!;
			const shape = gaz.shapeOf(id) as GeoJSON.Polygon | GeoJSON.MultiPolygon;
			expect(inside(point([p.lon, p.lat]), shape), id).toBe(true);
		}
	});
});

describe('borders', () => {
	it('puts the Belarus–Poland border point on the shared line, with both ISO3 codes', () => {
		const b = gaz.byId('border:BLR-POL')!;
		expect(b).toMatchObject({ kind: 'border', country_codes: ['BLR', 'POL'], geo_precision: 2 });
		const line = gaz.shapeOf('border:BLR-POL') as LineString | MultiLineString;
		expect(line.type).toMatch(/LineString$/);
		const snapped = nearestPointOnLine(line, point([b.lon, b.lat]), { units: 'kilometers' });
		expect(snapped.properties.dist).toBeLessThan(0.5);
		// The shared line runs north–south between about 51.5° and 54° N near 23.5° E.
		expect(b.lat).toBeGreaterThan(51.3);
		expect(b.lat).toBeLessThan(54.2);
		expect(b.lon).toBeGreaterThan(23);
		expect(b.lon).toBeLessThan(24.5);
	});

	it('gives the same border whichever order the countries come in', () => {
		expect(gaz.border('POL', 'BLR')?.id).toBe('border:BLR-POL');
	});

	it('has no border between countries that share none', () => {
		expect(gaz.border('BLR', 'FRA')).toBeNull();
		expect(gaz.byId('border:BLR-FRA')).toBeNull();
	});

	it('resolves English border phrases to border:BLR-POL', () => {
		const text =
			'Belarus strengthened its borders with Poland. Migrants gathered at the Polish border. ' +
			'The border between Belarus and Poland was closed. Troops reached the Belarus-Poland border.';
		const ms = en(text);
		expectVerbatim(text, ms);
		for (const phrase of ['borders with Poland', 'Polish border', 'border between Belarus and Poland', 'Belarus-Poland border'])
			expect(find(ms, phrase)?.place.id, phrase).toBe('border:BLR-POL');
	});

	it('reads possessives and leaves "cross-border" and the verb "borders" alone', () => {
		expect(en("Belarus accused Poland. Migrants camped at Poland's border.").at(-1)).toMatchObject({ text: "Poland's border", place: { id: 'border:BLR-POL' } });
		expect(en("Russia's border with Ukraine was tense.").map((m) => m.place.id)).toEqual(['border:RUS-UKR']);
		expect(en('Cross-border trade with Russia grew.').map((m) => m.place.id)).toEqual(['country:RUS']);
		expect(en('Iraq borders Turkey.').map((m) => m.place.id)).toEqual(['country:IRQ', 'country:TUR']);
	});

	it('resolves the Arabic "الحدود مع بولندا" in a Belarus article to border:BLR-POL', () => {
		const text = 'قالت بيلاروسيا إن المهاجرين تجمعوا على الحدود مع بولندا.';
		const ms = ar(text);
		expectVerbatim(text, ms);
		expect(find(ms, 'الحدود مع بولندا')?.place.id).toBe('border:BLR-POL');
	});
});

describe('disambiguation', () => {
	it('resolves Brest in an article about Belarus to Brest, Belarus', () => {
		const ms = en('Protesters gathered in Minsk on Sunday. In Brest, police detained dozens of people, Belarusian media said.');
		expect(find(ms, 'Brest')?.place.country_codes).toEqual(['BLR']);
	});

	it('resolves Brest in an article about Brittany to Brest, France', () => {
		const ms = en('Fishermen in Brittany protested. In Brest, the French navy said its ships stayed in port near Quimper.');
		expect(find(ms, 'Brest')?.place.country_codes).toEqual(['FRA']);
	});

	it('resolves Paris to Texas when the article is about Texas, and to France otherwise', () => {
		expect(find(en('Storms hit north Texas. In Paris, Texas, and in Dallas, roofs were torn off.'), 'Paris')?.place.country_codes).toEqual(['USA']);
		expect(find(en('Ministers met in Paris on Monday.'), 'Paris')?.place.country_codes).toEqual(['FRA']);
	});

	it('prefers the country when a name is both a country and a smaller place', () => {
		expect(find(en('Officials in Mexico confirmed the first cases.'), 'Mexico')?.place.id).toBe('country:MEX');
	});

	it('reads روسيا البيضاء as Belarus, not Russia', () => {
		const text = 'أعلنت روسيا البيضاء إغلاق حدودها.';
		const ms = ar(text);
		expectVerbatim(text, ms);
		expect(ms[0]).toMatchObject({ text: 'روسيا البيضاء', place: { id: 'country:BLR' } });
		expect(ms.some((m) => m.place.id === 'country:RUS')).toBe(false);
	});

	it('maps Kremlin, Bundestag and White House to their cities’ countries', () => {
		const ms = en('The Kremlin replied to the Bundestag and the White House.');
		expect(find(ms, 'Kremlin')?.place.country_codes).toEqual(['RUS']);
		expect(find(ms, 'Bundestag')?.place.country_codes).toEqual(['DEU']);
		expect(find(ms, 'White House')?.place.country_codes).toEqual(['USA']);
	});

	it('maps demonyms to countries: Belarusian, Belarussian and البيلاروسي', () => {
		expect(find(en('The Belarusian leader spoke.'), 'Belarusian')?.place.id).toBe('country:BLR');
		expect(find(en('The Belarussian leader spoke.'), 'Belarussian')?.place.id).toBe('country:BLR');
		expect(find(ar('قال الرئيس البيلاروسي'), 'البيلاروسي')?.place.id).toBe('country:BLR');
	});

	it('knows the old and new spellings Kiev/Kyiv/كييف and Grodno/Hrodna', () => {
		const ids = en('From Kiev to Kyiv, and from Grodno to Hrodna.').map((m) => m.place.id);
		expect(ids).toEqual(['gn:703448', 'gn:703448', 'gn:627904', 'gn:627904']);
		expect(ar('وصل إلى كييف').map((m) => m.place.id)).toEqual(['gn:703448']);
	});
});

describe('regions named after their capital', () => {
	it('resolves "Brest region", "Grodno Oblast" and "منطقة غرودنو" to the Belarusian regions', () => {
		const ms = en('Protests spread to the Brest region and to Grodno Oblast.');
		expect(ms.map((m) => [m.text, m.place.kind, m.place.country_codes[0]])).toEqual([
			['Brest region', 'admin', 'BLR'],
			['Grodno Oblast', 'admin', 'BLR']
		]);
		expect(ms[1]!.place.name).toBe('Hrodna Region');
		expect(ms[1]!.place.geo_precision).toBe(2);
		expect(ar('في منطقة غرودنو').map((m) => m.place.id)).toEqual([ms[1]!.place.id]);
	});

	it('does not make a region of a city whose region has another name', () => {
		expect(en('The Sacramento region was quiet.').map((m) => m.place.kind)).toEqual(['city']);
	});
});

describe('mention finding', () => {
	it('does not take common words or people for places', () => {
		const text = 'Most of them said Reading was nice. Mobile phones were seized. Angela Merkel called Vladimir Putin.';
		const ms = en(text);
		expect(ms.map((m) => m.text)).toEqual([]);
	});

	it('prefers the longest name: New York City over York', () => {
		const ms = en('He flew to New York City yesterday.');
		expect(ms.map((m) => m.text)).toEqual(['New York City']);
	});

	it('finds Arabic names behind clitics and keeps offsets verbatim', () => {
		const text = 'التقى الرئيس ببوتين في موسكو وبالكرملين، ثم سافر لبولندا وإلى ببيلاروسيا.';
		const ms = ar(text);
		expectVerbatim(text, ms);
		const ids = ms.map((m) => m.place.id);
		expect(ids).toEqual(['gn:524901', 'site:kremlin', 'country:POL', 'country:BLR']);
		// The span leaves out the one-letter proclitics and keeps the article.
		expect(ms.map((m) => m.text)).toEqual(['موسكو', 'الكرملين', 'بولندا', 'بيلاروسيا']);
	});

	it('keeps offsets verbatim across diacritics, emoji and accented names', () => {
		const text = '🙂 Talks in Genève and Kraków; then مُوسْكُو.';
		const ms = gaz.geoparseDocument(text, { language: 'en' });
		expectVerbatim(text, ms);
		expect(ms.map((m) => m.place.id)).toEqual(['gn:2660646', 'gn:3094802', 'gn:524901']);
	});
});

describe('Arabic articles', () => {
	it('finds the places of an Arabic news paragraph and nothing else', () => {
		const text =
			'قال رئيس الوزراء إن الحكومة ستعمل على تحسين الوضع الاقتصادي والأمن في البلاد. ' +
			'وأكد المتحدث أن الاتحاد الأوروبي فرض عقوبات جديدة على مينسك، بينما نددت الولايات المتحدة بالقمع. ' +
			'وتظاهر الآلاف في غرودنو وبريست يوم الأحد. وقال مسؤول إن الجيش الروسي نشر قوات قرب الحدود الأوكرانية.';
		const ms = ar(text);
		expectVerbatim(text, ms);
		expect(ms.map((m) => [m.text, m.place.id])).toEqual([
			['مينسك', 'gn:625144'],
			['الولايات المتحدة', 'country:USA'],
			['غرودنو', 'gn:627904'],
			['بريست', 'gn:629634'],
			['الروسي', 'country:RUS'],
			['الحدود الأوكرانية', 'border:RUS-UKR']
		]);
	});

	it('reads كيف as Kyiv only where a place is expected, and المالي never as Mali', () => {
		expect(ar('كيف يمكن أن نفهم ذلك؟')).toEqual([]);
		expect(ar('وصل الوفد إلى كيف أمس').map((m) => m.place.id)).toEqual(['gn:703448']);
		expect(ar('اجتماع بكيف').map((m) => m.place.id)).toEqual(['gn:703448']);
		expect(ar('الوضع المالي في مالي').map((m) => m.text)).toEqual(['مالي']);
	});

	it('tells the article from a hamza: ألمانيا is Germany but ماني and وزارة المالية are no places', () => {
		expect(ar('قال ماني إن وزارة المالية في ألمانيا').map((m) => [m.text, m.place.id])).toEqual([['ألمانيا', 'country:DEU']]);
		expect(ar('الحدود الألمانية البولندية').map((m) => m.place.id)).toEqual(['border:DEU-POL']);
	});
});

describe('mention invariants', () => {
	it('returns verbatim, sorted, non-overlapping mentions for any mix of names, clitics, marks and noise', () => {
		const pieces = ['Minsk', 'Brest', ' ', ', ', '. ', '-', 'the Polish border', 'border with Poland', 'و', 'ب', 'ال', 'موسكو', 'روسيا البيضاء', 'ُ', 'ـ', '🙂', 'é', 'New York', 'Of', 'most', '\n', 'الحدود مع ', 'بولندا', 'St.', "d'", 'Côte'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.constantFrom('en', 'ar'), (parts, language) => {
				const text = parts.join('');
				const ms = gaz.geoparseDocument(text, { language });
				let last = 0;
				for (const m of ms) {
					if (text.slice(m.start, m.end) !== m.text || m.start < last || m.end <= m.start) return false;
					if (!(m.score >= 0 && m.score <= 1)) return false;
					last = m.end;
				}
				return true;
			}),
			{ numRuns: 300 }
		);
	});

	it('finds nothing in an empty or place-free text', () => {
		expect(en('')).toEqual([]);
		expect(en('... !!! 123 the of and')).toEqual([]);
	});
});

describe('search', () => {
	it('ranks exact names first, then bigger places', () => {
		const res = gaz.search('Brest', 5);
		expect(res[0]?.id).toBe('gn:629634');
		expect(res.map((p) => p.id)).toContain('gn:3030300');
	});

	it('matches prefixes, aliases and Arabic names', () => {
		expect(gaz.search('Kiev', 3)[0]?.id).toBe('gn:703448');
		expect(gaz.search('Mins', 3)[0]?.id).toBe('gn:625144');
		expect(gaz.search('موسكو', 3)[0]?.id).toBe('gn:524901');
	});

	it('returns at most limit results', () => {
		expect(gaz.search('San', 7)).toHaveLength(7);
		expect(gaz.search('', 7)).toEqual([]);
	});
});
