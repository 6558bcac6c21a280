// Shared scoring for the geoparsing benchmarks (GeoVirus, LGL, GeoWebNews): recall, acc@161 km, what was missed.
import { loadGazetteer } from '../src/lib/server/gazetteer/index';

/** One gold place mention: 0-based, end-exclusive UTF-16 offsets into its article's text. */
export interface GoldMention {
	name: string;
	start: number;
	end: number;
	lat: number;
	lon: number;
}

export interface GoldArticle {
	text: string;
	gold: GoldMention[];
	/** Gold entries not scored: no coordinates, or a span that does not spell the name. */
	skipped: number;
	/** Every annotated span, scored or not: a found mention overlapping none of them is counted as unannotated. */
	spans: [number, number][];
}

export interface GeoparseBenchResult {
	corpus: string;
	articles: number;
	mentions: number;
	skippedGold: number;
	recognised: number;
	recall: number;
	/** Share of recognised mentions resolved within 161 km of the gold point. */
	accuracy161Recognised: number;
	/** Share of all gold mentions resolved within 161 km (unrecognised ones count as misses). */
	accuracy161EndToEnd: number;
	/** Found mentions that overlap no annotated span at all (a rough count of false places; GeoWebNews annotates
	 * non-locational names too, so it is the telling one). */
	unannotated: number;
	/** What the first loadGazetteer() of this process took (0 when an earlier bench had loaded it). */
	gazetteerLoadMs: number;
	geoparseMs: number;
	/** CPU time of this process per article while geoparsing (steadier than wall time on a busy machine). */
	geoparseCpuMsPerArticle: number;
}

/** `GEOPARSE_VERBOSE=1 npm run bench lgl`: every missed gold mention and every one resolved > 161 km away. */
export const verbose = /^(1|true|yes)$/i.test(process.env.GEOPARSE_VERBOSE ?? '');

export function decodeXml(s: string): string {
	return s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&amp;/g, '&');
}

/** The text of the first `<name>` element in `block` (CDATA taken as is, other text entity-decoded); '' if none. */
export function xmlTag(block: string, name: string): string {
	const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(block);
	if (!m) return '';
	const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(m[1]!);
	return cdata ? cdata[1]! : decodeXml(m[1]!);
}

/** How one corpus spells a gold mention: its element, the tags of its fields, and its offset base. */
export interface GoldFormat {
	article: RegExp; // one match per article, group 1 its body
	mention: RegExp; // one match per mention inside an article, group 1 its body
	name: string;
	start: string;
	end: string;
	/** Tag that holds lat/lon inside a mention (LGL's gaztag), or '' for the mention itself. */
	within: string;
	lat: string;
	lon: string;
	offsetBase: 0 | 1;
	/** Mentions to leave out of the score altogether (GeoWebNews's non-locational ones). */
	keep?: (mention: string) => boolean;
}

/** Reads a corpus; gold entries without coordinates or whose span does not spell the name are counted, not scored. */
export function parseGold(xml: string, f: GoldFormat): GoldArticle[] {
	const articles: GoldArticle[] = [];
	for (const a of xml.matchAll(f.article)) {
		const text = xmlTag(a[1]!, 'text');
		const gold: GoldMention[] = [];
		const spans: [number, number][] = [];
		let skipped = 0;
		for (const t of a[1]!.matchAll(f.mention)) {
			const name = xmlTag(t[1]!, f.name);
			const start = Number(xmlTag(t[1]!, f.start)) - f.offsetBase;
			const end = Number(xmlTag(t[1]!, f.end)) - f.offsetBase;
			spans.push([start, end]);
			if (f.keep && !f.keep(t[1]!)) continue;
			const at = f.within ? xmlTag(t[1]!, f.within) : t[1]!;
			const lat = Number(xmlTag(at, f.lat) || NaN);
			const lon = Number(xmlTag(at, f.lon) || NaN);
			if (!name || !Number.isFinite(lat) || !Number.isFinite(lon) || text.slice(start, end) !== name) {
				skipped++;
				continue;
			}
			gold.push({ name, start, end, lat, lon });
		}
		gold.sort((x, y) => x.start - y.start);
		articles.push({ text, gold, skipped, spans });
	}
	return articles;
}

export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const r = Math.PI / 180;
	const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const context = (text: string, g: GoldMention) => text.slice(Math.max(0, g.start - 50), g.end + 40).replace(/\s+/g, ' ');

/**
 * Geoparses every article with the shared gazetteer and scores it: a gold mention is recognised when a found
 * mention overlaps its span, and correct when that mention's point lies within 161 km of the gold point.
 */
export function scoreCorpus(corpus: string, articles: GoldArticle[], published: string): GeoparseBenchResult {
	const t0 = performance.now();
	const gaz = loadGazetteer();
	const gazetteerLoadMs = performance.now() - t0;
	let mentions = 0;
	let recognised = 0;
	let correct = 0;
	let unannotated = 0;
	const t1 = performance.now();
	const cpu0 = process.cpuUsage();
	for (const a of articles) {
		const found = gaz.geoparseDocument(a.text, { language: 'en' });
		for (const m of found) {
			if (a.spans.some(([s, e]) => m.start < e && m.end > s)) continue;
			unannotated++;
			if (verbose) console.log(`EXTRA\t${m.text}\t${m.place.id}\t${m.place.name}\t${a.text.slice(Math.max(0, m.start - 50), m.end + 40).replace(/\s+/g, ' ')}`);
		}
		for (const g of a.gold) {
			mentions++;
			const hit = found.find((m) => m.start < g.end && m.end > g.start);
			if (!hit) {
				if (verbose) console.log(`MISS\t${g.name}\t${context(a.text, g)}`);
				continue;
			}
			recognised++;
			const d = km(hit.place.lat, hit.place.lon, g.lat, g.lon);
			if (d <= 161) correct++;
			else if (verbose) console.log(`FAR\t${g.name}\t${hit.text}\t${hit.place.id}\t${hit.place.name}\t${Math.round(d)} km\t${context(a.text, g)}`);
		}
	}
	const geoparseMs = performance.now() - t1;
	const cpu = process.cpuUsage(cpu0);
	const r: GeoparseBenchResult = {
		corpus,
		articles: articles.length,
		mentions,
		skippedGold: articles.reduce((s, a) => s + a.skipped, 0),
		recognised,
		recall: recognised / Math.max(1, mentions),
		accuracy161Recognised: correct / Math.max(1, recognised),
		accuracy161EndToEnd: correct / Math.max(1, mentions),
		unannotated,
		gazetteerLoadMs,
		geoparseMs,
		geoparseCpuMsPerArticle: (cpu.user + cpu.system) / 1000 / Math.max(1, articles.length)
	};
	console.log(
		`${corpus}: ${r.articles} articles, ${r.mentions} gold mentions (${r.skippedGold} unusable skipped); recall ${r.recall.toFixed(3)}, ` +
			`acc@161 recognised ${r.accuracy161Recognised.toFixed(3)}, end-to-end ${r.accuracy161EndToEnd.toFixed(3)}; ${unannotated} found mentions unannotated; ` +
			`geoparse ${geoparseMs.toFixed(0)} ms (${r.geoparseCpuMsPerArticle.toFixed(1)} ms CPU per article)` +
			(gazetteerLoadMs > 1 ? `; gazetteer ready in ${gazetteerLoadMs.toFixed(0)} ms (${gaz.loadMs.toFixed(0)} ms to build or read the cache)` : '') +
			`; peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`
	);
	console.log(`  published (acc@161): ${published}`);
	return r;
}
