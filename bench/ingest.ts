// Ingest throughput on one core after start-up, over a synthetic corpus of ≥ 1,000 articles, and peak memory; the same
// articles as saved web pages; and a re-run over 10,000 unchanged articles with the cache (.ingest-cache.jsonl).
// The corpus is synthesised in a temp dir by recombining paragraphs of the founding articles (geodata/articles),
// each with a different publication date, so dates, places and triggers vary the way real articles do.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { loadGazetteer } from '../src/lib/server/gazetteer/index';
import { ingestArticleText, ingestPaths } from '../src/lib/server/pipeline/ingest';
import { parseArticle } from '../src/lib/server/pipeline/article';
import { addDays } from '../src/lib/domain/time';
import type { Gazetteer } from '../src/lib/server/pipeline/types';

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

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A saved-page-shaped file around an article: navigation, cookie banner, ads, related links, JSON-LD. */
function page(title: string, published: string, language: string, body: string): string {
	const paras = body.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`);
	paras.splice(2, 0, '<div class="ad-inline"><p>Sponsored: winter coats reviewed by our shopping team.</p></div>');
	return `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Bench Desk</title>
<link rel="canonical" href="https://bench.example/${published}/a"><meta property="og:site_name" content="Bench Desk">
<script type="application/ld+json">{"@type":"NewsArticle","headline":${JSON.stringify(title)},"datePublished":"${published}T09:00:00+02:00"}</script></head>
<body><div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies.</p></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>${paras.join('\n')}</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/b">Protests continue in Minsk</a></li></ul></aside></main>
<footer><p>© Bench Desk. All rights reserved.</p></footer></body></html>\n`;
}

/**
 * Writes the synthetic corpus into `dir` (`count` articles as .md, or as saved .html pages); returns its size in
 * characters. The same seed gives the same articles in either format.
 */
export async function synthesise(dir: string, count = ARTICLES, format: 'md' | 'html' = 'md'): Promise<number> {
	const pools = new Map<string, string[]>();
	for (const f of (await readdir('geodata/articles')).filter((n) => n.endsWith('.md')).sort()) {
		const a = parseArticle(await readFile(path.join('geodata/articles', f)), f);
		const paras = a.body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40);
		pools.set(a.meta.language, [...(pools.get(a.meta.language) ?? []), ...paras]);
	}
	const langs = [...pools.keys()].sort();
	const rand = prng(42);
	let bytes = 0;
	for (let i = 0; i < count; i++) {
		const language = langs[i % 5 === 4 ? langs.indexOf('ar') : langs.indexOf('en')] ?? langs[0]!;
		const pool = pools.get(language)!;
		const n = 6 + Math.floor(rand() * 8);
		const body = Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!).join('\n\n');
		const published = addDays('2019-01-01', Math.floor(rand() * 1800));
		const text =
			format === 'md'
				? `---\ntitle: Synthetic article ${i}\npublisher: Bench\nurl: null\npublished: ${published}\nlanguage: ${language}\n---\n${body}\n`
				: page(`Synthetic article ${i}`, published, language, body);
		bytes += text.length;
		await writeFile(path.join(dir, `a${String(i).padStart(5, '0')}.${format}`), text);
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
		await benchJobs(dir, gazetteer);
		await benchUnchanged(dir, gazetteer);
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

/** One timed run with `jobs` worker threads (1: this thread), no cache: articles per second, wall clock and CPU. */
async function timedRun(label: string, dir: string, out: string, gazetteer: Gazetteer, jobs: number): Promise<string> {
	await mkdir(path.dirname(out), { recursive: true });
	const t = performance.now();
	const s = await ingestPaths([dir], { out, gazetteer, jobs });
	const sec = (performance.now() - t) / 1000;
	console.log(`${label}, --jobs ${jobs}: ${(s.articles / sec).toFixed(0)} articles/s wall clock (${sec.toFixed(2)} s for ${s.articles}; ${s.events} events; ${s.failed.length} failed; worker start-up included)`);
	return readFile(out, 'utf8');
}

/** The 1,200 articles with --jobs 2, and the same articles as saved web pages (page furniture, JSON-LD) with 1 and 2. */
async function benchJobs(root: string, gazetteer: Gazetteer): Promise<void> {
	const one = await readFile(path.join(root, 'out.geojson'), 'utf8');
	const two = await timedRun(`${ARTICLES} .md articles`, root, path.join(root, 'jobs2', 'events.geojson'), gazetteer, 2);
	console.log(`  --jobs 2 output ${two === one ? 'byte-identical to' : 'DIFFERENT from'} --jobs 1 (${availableParallelism()} cores here)`);
	const PAGES = 600;
	const dir = path.join(root, 'pages');
	await mkdir(dir);
	const bytes = await synthesise(dir, PAGES, 'html');
	console.log(`saved pages: ${PAGES} synthetic .html pages (${(bytes / 1e6).toFixed(1)} MB), the same kind of articles inside navigation, a cookie banner, ads, related links and JSON-LD`);
	const p1 = await timedRun(`${PAGES} .html pages`, dir, path.join(root, 'pages1', 'events.geojson'), gazetteer, 1);
	const p2 = await timedRun(`${PAGES} .html pages`, dir, path.join(root, 'pages2', 'events.geojson'), gazetteer, 2);
	console.log(`  --jobs 2 output ${p1 === p2 ? 'byte-identical to' : 'DIFFERENT from'} --jobs 1`);
}

/** A re-run over 10,000 unchanged articles with the cache: every file is read and hashed, none extracted. */
async function benchUnchanged(root: string, gazetteer: Gazetteer): Promise<void> {
	const N = 10_000;
	const dir = path.join(root, 'ten-thousand');
	await mkdir(dir);
	await synthesise(dir, N);
	const out = path.join(root, 'cache-out', 'events.geojson');
	await mkdir(path.dirname(out));
	let t = performance.now();
	const cold = await ingestPaths([dir], { out, gazetteer, cache: true, jobs: availableParallelism() });
	const coldSec = (performance.now() - t) / 1000;
	const bytes = await readFile(out);
	let loads = 0;
	t = performance.now();
	const warm = await ingestPaths([dir], { out, gazetteer: () => (loads++, gazetteer), cache: true });
	const warmSec = (performance.now() - t) / 1000;
	const same = Buffer.compare(bytes, await readFile(out)) === 0;
	console.log(`cache: first run over ${cold.articles} articles ${coldSec.toFixed(1)} s with --jobs ${availableParallelism()} (${cold.events} events); no-change re-run ${warmSec.toFixed(2)} s (${warm.cached} of ${N} files from the cache, gazetteer loaded ${loads}×, output ${same ? 'byte-identical' : 'DIFFERENT'}; target ≤ 5 s)`);
}
