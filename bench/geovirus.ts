// GeoVirus geoparsing benchmark (Gritta et al., ACL 2018): mention recall and accuracy@161 km of the gazetteer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadGazetteer } from '../src/lib/server/gazetteer/index';

export interface GeovirusResult {
	articles: number;
	mentions: number;
	/** Gold entries not scored: empty name or a span that does not spell the name. */
	skippedGold: number;
	recognised: number;
	recall: number;
	/** Share of recognised mentions resolved within 161 km of the gold point. */
	accuracy161Recognised: number;
	/** Share of all gold mentions resolved within 161 km (unrecognised ones count as misses). */
	accuracy161EndToEnd: number;
	gazetteerLoadMs: number;
	geoparseMs: number;
	/** CPU time of this process per article while geoparsing (steadier than wall time on a busy machine). */
	geoparseCpuMsPerArticle: number;
}

interface GoldLocation {
	name: string;
	start: number; // 0-based, end exclusive
	end: number;
	lat: number;
	lon: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function decode(s: string): string {
	return s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&amp;/g, '&');
}

function tag(block: string, name: string): string {
	const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block);
	return m ? decode(m[1]!) : '';
}

/** Parses GeoVirus.xml; its offsets are 1-based and converted here to 0-based, end-exclusive. */
export function parseGeovirus(xml: string): { text: string; gold: GoldLocation[]; skipped: number }[] {
	const articles: { text: string; gold: GoldLocation[]; skipped: number }[] = [];
	for (const a of xml.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
		const text = tag(a[1]!, 'text');
		const gold: GoldLocation[] = [];
		let skipped = 0;
		for (const l of a[1]!.matchAll(/<location>([\s\S]*?)<\/location>/g)) {
			const name = tag(l[1]!, 'name');
			const start = Number(tag(l[1]!, 'start')) - 1;
			const end = Number(tag(l[1]!, 'end')) - 1;
			const lat = Number(tag(l[1]!, 'lat'));
			const lon = Number(tag(l[1]!, 'lon'));
			// A few gold entries have an empty name or a span that does not match it; they are not scored.
			if (!name || !Number.isFinite(lat) || !Number.isFinite(lon) || text.slice(start, end) !== name) {
				skipped++;
				continue;
			}
			gold.push({ name, start, end, lat, lon });
		}
		articles.push({ text, gold, skipped });
	}
	return articles;
}

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const r = Math.PI / 180;
	const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export async function benchGeovirus(
	xmlPath = path.resolve(here, '../../shared/bench/geovirus/GeoVirus.xml'),
	opts: { verbose?: boolean } = {}
): Promise<GeovirusResult> {
	const t0 = performance.now();
	const gaz = loadGazetteer();
	const gazetteerLoadMs = performance.now() - t0;
	const articles = parseGeovirus(readFileSync(xmlPath, 'utf8'));
	let mentions = 0;
	let recognised = 0;
	let correct = 0;
	const t1 = performance.now();
	const cpu0 = process.cpuUsage();
	for (const a of articles) {
		const found = gaz.geoparseDocument(a.text, { language: 'en' });
		for (const g of a.gold) {
			mentions++;
			const hit = found.find((m) => m.start < g.end && m.end > g.start);
			if (!hit) {
				if (opts.verbose) console.log(`MISS\t${g.name}\t${a.text.slice(Math.max(0, g.start - 40), g.end + 30).replace(/\s+/g, " ")}`);
				continue;
			}
			recognised++;
			const d = km(hit.place.lat, hit.place.lon, g.lat, g.lon);
			if (d <= 161) correct++;
			else if (opts.verbose) console.log(`FAR\t${g.name}\t${hit.text}\t${hit.place.id}\t${hit.place.name}\t${Math.round(d)} km`);
		}
	}
	const geoparseMs = performance.now() - t1;
	const cpu = process.cpuUsage(cpu0);
	const result: GeovirusResult = {
		articles: articles.length,
		mentions,
		skippedGold: articles.reduce((s, a) => s + a.skipped, 0),
		recognised,
		recall: recognised / mentions,
		accuracy161Recognised: correct / Math.max(1, recognised),
		accuracy161EndToEnd: correct / mentions,
		gazetteerLoadMs,
		geoparseMs,
		geoparseCpuMsPerArticle: (cpu.user + cpu.system) / 1000 / Math.max(1, articles.length)
	};
	console.log(
		`GeoVirus: ${result.articles} articles, ${result.mentions} gold mentions (${result.skippedGold} unusable skipped); recall ${result.recall.toFixed(3)}, ` +
			`acc@161 recognised ${result.accuracy161Recognised.toFixed(3)}, end-to-end ${result.accuracy161EndToEnd.toFixed(3)}; ` +
			`gazetteer load ${gazetteerLoadMs.toFixed(0)} ms (${gaz.loadMs.toFixed(0)} ms to build or read the cache), geoparse ${geoparseMs.toFixed(0)} ms ` +
			`(${result.geoparseCpuMsPerArticle.toFixed(1)} ms CPU per article)`
	);
	return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const verbose = args.includes('--verbose');
	const file = args.find((a) => !a.startsWith('--'));
	await benchGeovirus(file ?? undefined, { verbose });
}
