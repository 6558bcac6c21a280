// Generates N realistic synthetic events (with their articles and places) for benches and tests:
//   npx tsx scripts/synth-events.ts <folder> [N=1000] [seed=1]
// writes <folder>/events.geojson, <folder>/places.geojson and <folder>/articles/*.md. Deterministic per seed.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { EVENT_TYPES, FEATURE_LINES, type EventFeature, type EventProperties, type EventType, type PlaceKind, type GeoPrecision } from '../src/lib/domain/event';
import { addDays, fromDay, toDay } from '../src/lib/domain/time';
import { sharedBorder } from '../src/lib/server/geo/countries';

interface SynthPlace {
	id: string;
	name: string;
	ar: string;
	kind: PlaceKind;
	lon: number;
	lat: number;
	countries: string[];
	precision: GeoPrecision;
	geonames: number | null;
}

const PLACES: SynthPlace[] = [
	{ id: 'gn:625144', name: 'Minsk', ar: 'مينسك', kind: 'city', lon: 27.5667, lat: 53.9, countries: ['BLR'], precision: 1, geonames: 625144 },
	{ id: 'gn:627904', name: 'Hrodna', ar: 'غرودنو', kind: 'city', lon: 23.8258, lat: 53.6884, countries: ['BLR'], precision: 1, geonames: 627904 },
	{ id: 'gn:629634', name: 'Brest', ar: 'بريست', kind: 'city', lon: 23.7, lat: 52.0975, countries: ['BLR'], precision: 1, geonames: 629634 },
	{ id: 'gn:620127', name: 'Vitebsk', ar: 'فيتبسك', kind: 'city', lon: 30.2033, lat: 55.1904, countries: ['BLR'], precision: 1, geonames: 620127 },
	{ id: 'gn:627907', name: 'Gomel', ar: 'غوميل', kind: 'city', lon: 30.9754, lat: 52.4345, countries: ['BLR'], precision: 1, geonames: 627907 },
	{ id: 'gn:756135', name: 'Warsaw', ar: 'وارسو', kind: 'city', lon: 21.0118, lat: 52.2298, countries: ['POL'], precision: 1, geonames: 756135 },
	{ id: 'gn:776069', name: 'Białystok', ar: 'بياليستوك', kind: 'city', lon: 23.1688, lat: 53.1325, countries: ['POL'], precision: 1, geonames: 776069 },
	{ id: 'gn:858787', name: 'Kuźnica', ar: 'كوزنيتسا', kind: 'site', lon: 23.6527, lat: 53.5105, countries: ['POL'], precision: 1, geonames: 858787 },
	{ id: 'gn:765876', name: 'Lublin', ar: 'لوبلين', kind: 'city', lon: 22.5667, lat: 51.25, countries: ['POL'], precision: 1, geonames: 765876 },
	{ id: 'gn:703448', name: 'Kyiv', ar: 'كييف', kind: 'city', lon: 30.5234, lat: 50.4501, countries: ['UKR'], precision: 1, geonames: 703448 },
	{ id: 'gn:706483', name: 'Kharkiv', ar: 'خاركيف', kind: 'city', lon: 36.2304, lat: 49.9935, countries: ['UKR'], precision: 1, geonames: 706483 },
	{ id: 'gn:702550', name: 'Lviv', ar: 'لفيف', kind: 'city', lon: 24.0297, lat: 49.8397, countries: ['UKR'], precision: 1, geonames: 702550 },
	{ id: 'gn:698740', name: 'Odesa', ar: 'أوديسا', kind: 'city', lon: 30.7233, lat: 46.4825, countries: ['UKR'], precision: 1, geonames: 698740 },
	{ id: 'gn:693805', name: 'Simferopol', ar: 'سيمفيروبول', kind: 'city', lon: 34.1024, lat: 44.9521, countries: ['UKR'], precision: 1, geonames: 693805 },
	{ id: 'gn:524901', name: 'Moscow', ar: 'موسكو', kind: 'city', lon: 37.6173, lat: 55.7558, countries: ['RUS'], precision: 1, geonames: 524901 },
	{ id: 'gn:501175', name: 'Rostov-on-Don', ar: 'روستوف', kind: 'city', lon: 39.7015, lat: 47.2357, countries: ['RUS'], precision: 1, geonames: 501175 },
	{ id: 'gn:593116', name: 'Vilnius', ar: 'فيلنيوس', kind: 'city', lon: 25.2797, lat: 54.6872, countries: ['LTU'], precision: 1, geonames: 593116 },
	{ id: 'region:podlaskie', name: 'Podlaskie', ar: 'بودلاسكي', kind: 'admin', lon: 22.9, lat: 53.3, countries: ['POL'], precision: 2, geonames: 858785 },
	{ id: 'border:BLR-POL', name: 'Belarus–Poland border', ar: 'الحدود البيلاروسية البولندية', kind: 'border', lon: 23.75, lat: 52.9, countries: ['BLR', 'POL'], precision: 3, geonames: null },
	{ id: 'border:BLR-UKR', name: 'Belarus–Ukraine border', ar: 'الحدود البيلاروسية الأوكرانية', kind: 'border', lon: 27.5, lat: 51.6, countries: ['BLR', 'UKR'], precision: 3, geonames: null },
	{ id: 'border:BLR-LTU', name: 'Belarus–Lithuania border', ar: 'الحدود البيلاروسية الليتوانية', kind: 'border', lon: 25.5, lat: 54.2, countries: ['BLR', 'LTU'], precision: 3, geonames: null },
	{ id: 'country:BLR', name: 'Belarus', ar: 'بيلاروسيا', kind: 'country', lon: 28.03, lat: 53.53, countries: ['BLR'], precision: 3, geonames: 630336 },
	{ id: 'country:UKR', name: 'Ukraine', ar: 'أوكرانيا', kind: 'country', lon: 31.25, lat: 49.16, countries: ['UKR'], precision: 3, geonames: 690791 },
	{ id: 'country:POL', name: 'Poland', ar: 'بولندا', kind: 'country', lon: 19.39, lat: 52.13, countries: ['POL'], precision: 3, geonames: 798544 }
];

const ACTORS = ['Belarus', 'Poland', 'Russia', 'Ukraine', 'Lithuania', 'European Union', 'NATO', 'Alexander Lukashenko', 'Wagner Group', 'Polish Border Guard', 'migrants', 'protesters', 'United Nations'];

const VERBS: Record<EventType, [string, string]> = {
	AGREE: ['agreed on a new arrangement with', 'اتفقت على ترتيب جديد مع'],
	CONSULT: ['held talks with', 'أجرت محادثات مع'],
	SUPPORT: ['voiced support for', 'أعربت عن دعمها لـ'],
	CONCEDE: ['made concessions to', 'قدمت تنازلات لـ'],
	COOPERATE: ['stepped up cooperation with', 'عززت التعاون مع'],
	AID: ['sent humanitarian aid to', 'أرسلت مساعدات إنسانية إلى'],
	RETREAT: ['withdrew troops facing', 'سحبت قواتها في مواجهة'],
	REQUEST: ['asked for help from', 'طلبت المساعدة من'],
	ACCUSE: ['accused', 'اتهمت'],
	REJECT: ['rejected the demands of', 'رفضت مطالب'],
	THREATEN: ['threatened', 'هددت'],
	PROTEST: ['staged a protest against', 'نظمت احتجاجا ضد'],
	SANCTION: ['imposed sanctions on', 'فرضت عقوبات على'],
	MOBILIZE: ['moved troops near', 'حشدت قوات قرب'],
	COERCE: ['detained people linked to', 'احتجزت أشخاصا مرتبطين بـ'],
	ASSAULT: ['shelled positions held by', 'قصفت مواقع تابعة لـ']
};

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface SynthDataset {
	events: { type: 'FeatureCollection'; features: EventFeature[] };
	places: { type: 'FeatureCollection'; features: unknown[] };
	articles: { file: string; text: string }[];
}

const TYPE_WEIGHTS: Partial<Record<EventType, number>> = { ASSAULT: 6, MOBILIZE: 4, COERCE: 3, ACCUSE: 3, PROTEST: 2, THREATEN: 2, SANCTION: 2, CONSULT: 2 };

/**
 * `n` events between 2021-06-01 and 2023-12-31 spread over ~n/20 articles (at most 2000); about one article
 * in six is Arabic. Week/month-precision events carry intervals; a few events are undated.
 */
export function synthDataset(n: number, seed = 1): SynthDataset {
	const rand = rng(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
	const weighted: EventType[] = EVENT_TYPES.flatMap((t) => Array<EventType>(TYPE_WEIGHTS[t] ?? 1).fill(t));
	const first = toDay('2021-06-01');
	const span = toDay('2023-12-31') - first;
	const articleCount = Math.max(1, Math.min(2000, Math.ceil(n / 20)));
	const articles: { file: string; sourceId: string; lang: 'en' | 'ar'; published: string; title: string; publisher: string; body: string; sentences: { start: number; end: number; text: string }[] }[] = [];
	for (let a = 0; a < articleCount; a++) {
		const lang = a % 6 === 5 ? 'ar' : 'en';
		const sourceId = `synth_${String(a).padStart(4, '0')}`;
		articles.push({ file: `${sourceId}.md`, sourceId, lang, published: fromDay(first + Math.floor(rand() * span)), title: lang === 'ar' ? `تقرير ${a} عن الحدود` : `Border report ${a}`, publisher: pick(['Reuters', 'BelTA', 'Notes from Poland', 'Al Jazeera', 'Kyiv Independent']), body: '', sentences: [] });
	}
	const features: EventFeature[] = [];
	for (let i = 0; i < n; i++) {
		const art = articles[i % articleCount]!;
		const place = pick(PLACES);
		const type = pick(weighted);
		const actor = pick(ACTORS);
		const other = pick(ACTORS.filter((x) => x !== actor));
		const r = rand();
		const precision = r < 0.75 ? 'day' : r < 0.87 ? 'week' : r < 0.97 ? 'month' : r < 0.99 ? 'year' : 'unknown';
		const day = first + Math.floor(rand() * span);
		let start: string | null = fromDay(day);
		let end: string | null = start;
		let date: string | null = start;
		if (precision === 'week') end = addDays(start, 6), (date = addDays(start, 3));
		else if (precision === 'month') (start = start.slice(0, 8) + '01'), (end = fromDay(toDay(addDays(start, 31).slice(0, 8) + '01') - 1)), (date = start.slice(0, 8) + '15');
		else if (precision === 'year') (start = start.slice(0, 4) + '-01-01'), (end = start.slice(0, 4) + '-12-31'), (date = start.slice(0, 4) + '-07-01');
		else if (precision === 'unknown') start = end = date = null;
		const verb = VERBS[type][art.lang === 'ar' ? 1 : 0];
		const placeName = art.lang === 'ar' ? place.ar : place.name;
		const sentence = art.lang === 'ar' ? `قالت مصادر إن ${actor} ${verb} ${other} في ${placeName}.` : `${actor} ${verb} ${other} in ${placeName}, officials said.`;
		const offset = art.body.length;
		art.body += (art.sentences.length % 3 === 0 && art.body ? '\n\n' : art.body ? ' ' : '') + sentence;
		const evStart = art.body.length - sentence.length;
		art.sentences.push({ start: evStart, end: art.body.length, text: sentence });
		void offset;
		const jitter = place.precision === 1 ? 0.02 : 0;
		const props: EventProperties = {
			id: `${art.sourceId}-e${String(art.sentences.length).padStart(4, '0')}`,
			date,
			date_start: start,
			date_end: end,
			date_precision: precision,
			date_text: precision === 'unknown' ? null : start,
			event_type: type,
			summary: `${actor} ${VERBS[type][0]} ${other} in ${place.name}`,
			actors: [actor, other],
			place_id: place.id,
			place_name: place.name,
			place_text: placeName,
			place_kind: place.kind,
			country_codes: place.countries,
			geo_precision: place.precision,
			geonames_id: place.geonames,
			evidence: sentence,
			evidence_start: evStart,
			evidence_end: art.body.length,
			language: art.lang,
			source_id: art.sourceId,
			source_title: art.title,
			source_publisher: art.publisher,
			source_url: `https://example.org/${art.sourceId}`,
			source_published: art.published,
			confidence: Math.round((0.5 + rand() * 0.5) * 100) / 100
		};
		const coords: [number, number] = [+(place.lon + (rand() - 0.5) * jitter).toFixed(5), +(place.lat + (rand() - 0.5) * jitter).toFixed(5)];
		features.push({ type: 'Feature', id: props.id, geometry: { type: 'Point', coordinates: coords }, properties: props });
	}
	features.sort((a, b) => (a.properties.date_start ?? '9999') < (b.properties.date_start ?? '9999') ? -1 : (a.properties.date_start ?? '9999') > (b.properties.date_start ?? '9999') ? 1 : 0);
	const placeFeatures: unknown[] = [];
	for (const p of PLACES) {
		let geometry: unknown = { type: 'Point', coordinates: [p.lon, p.lat] };
		if (p.kind === 'border') {
			const line = sharedBorder(p.countries[0]!, p.countries[1]!);
			if (line) geometry = line.geometry;
		}
		placeFeatures.push({ type: 'Feature', geometry, properties: { place_id: p.id, name: p.name, kind: p.kind, country_codes: p.countries, geonames_id: p.geonames, lat: p.lat, lon: p.lon, event_count: features.filter((f) => f.properties.place_id === p.id).length } });
	}
	return {
		events: { type: 'FeatureCollection', features },
		places: { type: 'FeatureCollection', features: placeFeatures },
		articles: articles.map((a) => ({
			file: a.file,
			text: `---\ntitle: ${JSON.stringify(a.title)}\npublisher: ${a.publisher}\nurl: https://example.org/${a.sourceId}\npublished: ${a.published}\nlanguage: ${a.lang}\n---\n${a.body}\n`
		}))
	};
}

/**
 * A FeatureCollection written as the store lays it out (FEATURE_LINES: one feature a line), a megabyte at a time:
 * any number of features, never one string of them all (a million events is ~900 MB of text).
 */
function writeLines(file: string, features: readonly unknown[]): void {
	const fd = openSync(file, 'w');
	try {
		if (!features.length) return void writeSync(fd, FEATURE_LINES.empty);
		let piece: string = FEATURE_LINES.header;
		for (let i = 0; i < features.length; i++) {
			piece += JSON.stringify(features[i]) + (i < features.length - 1 ? ',\n' : '');
			if (piece.length > 1 << 20) writeSync(fd, piece), (piece = '');
		}
		writeSync(fd, piece + FEATURE_LINES.footer);
	} finally {
		closeSync(fd);
	}
}

/** Writes a synthetic dataset into `dir` (created if needed). */
export function writeSynth(dir: string, n: number, seed = 1): SynthDataset {
	const data = synthDataset(n, seed);
	mkdirSync(path.join(dir, 'articles'), { recursive: true });
	writeLines(path.join(dir, 'events.geojson'), data.events.features);
	writeLines(path.join(dir, 'places.geojson'), data.places.features);
	for (const a of data.articles) writeFileSync(path.join(dir, 'articles', a.file), a.text);
	return data;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [dir, n = '1000', seed = '1'] = process.argv.slice(2);
	if (!dir) {
		console.error('usage: npx tsx scripts/synth-events.ts <folder> [N=1000] [seed=1]');
		process.exit(2);
	}
	const data = writeSynth(dir, Number(n), Number(seed));
	console.log(`wrote ${data.events.features.length} events, ${data.articles.length} articles to ${dir}`);
}
