// Ingest throughput on one core after start-up, over a synthetic corpus of ≥ 1,000 articles, and peak memory.
// The corpus is synthesised in a temp dir by recombining paragraphs of the founding articles (geodata/articles),
// each with a different publication date, so dates, places and triggers vary the way real articles do.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadGazetteer } from '../src/lib/server/gazetteer/index';
import { ingestArticleText, ingestPaths } from '../src/lib/server/pipeline/ingest';
import { parseArticle } from '../src/lib/server/pipeline/article';
import { addDays } from '../src/lib/domain/time';

const ARTICLES = 1200;

/** Deterministic PRNG (mulberry32) so every run benchmarks the same corpus. */
function prng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Writes the synthetic corpus into `dir`; returns its size in characters. */
export async function synthesise(dir: string): Promise<number> {
	const pools = new Map<string, string[]>();
	for (const f of (await readdir('geodata/articles')).filter((n) => n.endsWith('.md')).sort()) {
		const a = parseArticle(await readFile(path.join('geodata/articles', f)), f);
		const paras = a.body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40);
		pools.set(a.meta.language, [...(pools.get(a.meta.language) ?? []), ...paras]);
	}
	const langs = [...pools.keys()].sort();
	const rand = prng(42);
	let bytes = 0;
	for (let i = 0; i < ARTICLES; i++) {
		const language = langs[i % 5 === 4 ? langs.indexOf('ar') : langs.indexOf('en')] ?? langs[0]!;
		const pool = pools.get(language)!;
		const n = 6 + Math.floor(rand() * 8);
		const body = Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!).join('\n\n');
		const published = addDays('2019-01-01', Math.floor(rand() * 1800));
		const text = `---\ntitle: Synthetic article ${i}\npublisher: Bench\nurl: null\npublished: ${published}\nlanguage: ${language}\n---\n${body}\n`;
		bytes += text.length;
		await writeFile(path.join(dir, `a${String(i).padStart(5, '0')}.md`), text);
	}
	return bytes;
}

export async function benchIngest(): Promise<void> {
	const dir = await mkdtemp(path.join(tmpdir(), 'bench-ingest-'));
	try {
		const t0 = performance.now();
		const gazetteer = loadGazetteer();
		const loadMs = performance.now() - t0;
		const bytes = await synthesise(path.join(dir));
		const out = path.join(dir, 'out.geojson');
		// Warm-up on a copy of a few articles (JIT, lazily built border lines), not timed.
		await ingestPaths([path.join(dir, 'a00000.md'), path.join(dir, 'a00004.md')], { out, gazetteer });
		// Time the geocoder inside the same run (a wrapper), to show which stage the throughput depends on.
		let geoMsTotal = 0;
		const timed = {
			geoparseDocument: (text: string, o: { language: string }) => {
				const t = performance.now();
				const r = gazetteer.geoparseDocument(text, o);
				geoMsTotal += performance.now() - t;
				return r;
			},
			byId: (id: string) => gazetteer.byId(id),
			shapeOf: (id: string) => gazetteer.shapeOf(id),
			search: (q: string, n: number) => gazetteer.search(q, n)
		};
		const t1 = performance.now();
		const c1 = process.cpuUsage();
		const s = await ingestPaths([dir], { out, gazetteer: timed });
		const cpu = process.cpuUsage(c1);
		const sec = (performance.now() - t1) / 1000;
		const cpuSec = (cpu.user + cpu.system) / 1e6;
		const rssMb = process.resourceUsage().maxRSS / 1024;
		const geoMs = geoMsTotal / s.articles;
		console.log(`corpus: ${s.articles} synthetic articles (${(bytes / 1e6).toFixed(1)} MB) recombined from the founding articles' paragraphs, varied dates; ${s.failed.length} failed`);
		console.log(`gazetteer ready in ${(loadMs / 1000).toFixed(2)} s (start-up, not counted)`);
		console.log(`ingest: ${(s.articles / cpuSec).toFixed(0)} articles per CPU-second on one core (${(s.articles / sec).toFixed(0)}/s wall clock; ${sec.toFixed(2)} s for ${s.articles}; ${s.events} events, ${s.places} places; reading, extraction and both GeoJSON writes included)`);
		console.log(`  per article: ${((sec * 1000) / s.articles).toFixed(2)} ms, of which geoparsing (gazetteer) ${geoMs.toFixed(2)} ms`);
		console.log(`peak memory (max RSS): ${rssMb.toFixed(0)} MB`);
		// One line with no full stop, dense with places and triggers (the worst case for per-sentence work): linear.
		const phrase = 'troops shelled Kharkiv and protesters rallied in Minsk while police detained people near Brest on Monday ';
		for (const size of [200_000, 1_000_000 - 100]) {
			const line = phrase.repeat(Math.ceil(size / phrase.length)).slice(0, size);
			const t = performance.now();
			const r = ingestArticleText(`---\npublished: 2022-03-01\n---\n${line}\n`, 'long.md', gazetteer);
			console.log(`one ${(size / 1000).toFixed(0)} KB line without a full stop: ${((performance.now() - t) / 1000).toFixed(2)} s (${r.events.length} events)`);
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
