// The ingest cache: what each input file gave, keyed by a hash of its name, its bytes and the pipeline's version, so
// a re-run skips unchanged files. Events are kept as their events.geojson lines: a hit is the same bytes as a miss.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Geometry } from 'geojson';
import type { Place } from '../../domain/place';
import { writeFileAtomic } from '../atomic';
import type { Gazetteer } from './types';

/** The cache file, beside events.geojson (a hidden file: the ingest never reads it as an article). */
export const CACHE_FILE = '.ingest-cache.jsonl';

export interface CachedArticle {
	source_id: string;
	/** True when the text was extracted (a page, feed item or JSON line), so it is stored under articles/.extracted/. */
	extracted: boolean;
	unplaced: number;
	mentions: number;
	/** Canonical events.geojson lines of the article's events, before corrections. */
	lines: string[];
}

/** What one input file gave. Whole-file failures are not cached: they are cheap to find again and may be transient. */
export interface CacheEntry {
	key: string;
	articles: CachedArticle[];
	failed: { item: string | null; reason: string }[];
	notes: string[];
}

/** A gazetteer answer for a place that events use, so places.geojson can be rebuilt without loading the gazetteer. */
export interface CachedPlace {
	place: string;
	byId: Place | null;
	shape: Geometry | null;
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
// Everything the events depend on besides the input: the code from file to event, its data, and the dependency versions.
const SOURCES = ['src/lib/server/pipeline', 'src/lib/server/inputs', 'src/lib/server/gazetteer', 'src/lib/server/text', 'src/lib/server/geo', 'src/lib/domain', 'geodata/lexicon', 'geodata/gazetteer'];

function listFiles(dir: string): string[] {
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch {
		return [];
	}
	return entries.sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

let version: string | null = null;

/** The pipeline's version: a hash of its source, its curated data and package-lock.json. Any edit there invalidates the cache. */
export function pipelineVersion(): string {
	if (version) return version;
	const h = createHash('sha256');
	for (const file of [...SOURCES.flatMap((d) => listFiles(path.join(ROOT, d))), path.join(ROOT, 'package-lock.json')]) {
		h.update(path.relative(ROOT, file)).update('\0');
		try {
			h.update(readFileSync(file));
		} catch {
			h.update('(missing)');
		}
		h.update('\0');
	}
	return (version = h.digest('hex').slice(0, 16));
}

/** The key of an input file: its name (source ids derive from it), its bytes and the pipeline's version. */
export function cacheKey(file: string, bytes: Uint8Array, pipeline: string): string {
	return createHash('sha256').update(pipeline).update('\0').update(path.basename(file)).update('\0').update(bytes).digest('hex');
}

export interface IngestCache {
	entries: Map<string, CacheEntry>;
	places: Map<string, CachedPlace>;
	/** Set by placeCache when a place was looked up in the gazetteer: the cache is then rewritten. */
	placesAdded?: boolean;
}

/**
 * A gazetteer whose `byId` and `shapeOf` answer from the cache's places when it can (the cache holds what
 * buildPlaces asked the last time), asking `gazetteer` — and recording its answer — only for new places.
 */
export function placeCache(cache: IngestCache, gazetteer: Gazetteer): Gazetteer {
	const lookup = (id: string): CachedPlace => {
		let p = cache.places.get(id);
		if (!p) {
			const byId = gazetteer.byId(id);
			p = { place: id, byId, shape: byId ? gazetteer.shapeOf(id) : null };
			cache.places.set(id, p);
			cache.placesAdded = true;
		}
		return p;
	};
	return {
		geoparseDocument: (text, o) => gazetteer.geoparseDocument(text, o),
		byId: (id) => lookup(id).byId,
		shapeOf: (id) => lookup(id).shape,
		search: (q, n) => gazetteer.search(q, n)
	};
}

/** Reads the cache written under `pipeline`; an absent, unreadable or other-version cache is an empty one. */
export async function readCache(dir: string, pipeline: string): Promise<IngestCache> {
	const cache: IngestCache = { entries: new Map(), places: new Map() };
	let text: string;
	try {
		// Synchronously: for a file of tens of MB Node's fast UTF-8 path is several times quicker than the stream decoder.
		text = readFileSync(path.join(dir, CACHE_FILE), 'utf8');
	} catch {
		return cache;
	}
	const lines = text.split('\n');
	try {
		if ((JSON.parse(lines[0]!) as { version?: unknown }).version !== pipeline) return cache;
		for (let i = 1; i < lines.length; i++) {
			const line = lines[i]!;
			if (!line) continue;
			if (line.startsWith('{"place":')) {
				const p = JSON.parse(line) as CachedPlace;
				cache.places.set(p.place, p);
				continue;
			}
			const head = JSON.parse(line) as Omit<CacheEntry, 'articles'> & { articles: (Omit<CachedArticle, 'lines'> & { events: number })[] };
			const articles = head.articles.map(({ events, ...a }): CachedArticle => {
				if (!Number.isInteger(events) || events < 0 || i + events >= lines.length) throw new Error('truncated');
				const own = lines.slice(i + 1, i + 1 + events);
				i += events;
				return { ...a, lines: own };
			});
			cache.entries.set(head.key, { key: head.key, articles, failed: head.failed, notes: head.notes });
		}
	} catch {
		// A damaged cache (a crash while it was written cannot do this: it is renamed into place) costs a full run.
		return { entries: new Map(), places: new Map() };
	}
	return cache;
}

/**
 * Replaces the cache with these entries and places (atomically: a reader sees the old or the new one). Each entry is
 * one line of JSON whose articles say how many event lines follow it: those are the events.geojson lines verbatim,
 * so reading the cache parses no event twice (a string of JSON inside JSON would cost a second parse and escaping).
 */
export async function writeCache(dir: string, pipeline: string, entries: Iterable<CacheEntry>, places: Iterable<CachedPlace>): Promise<void> {
	const out = [JSON.stringify({ version: pipeline })];
	for (const e of entries) {
		out.push(JSON.stringify({ key: e.key, articles: e.articles.map(({ lines, ...a }) => ({ ...a, events: lines.length })), failed: e.failed, notes: e.notes }));
		for (const a of e.articles) out.push(...a.lines);
	}
	for (const p of places) out.push(JSON.stringify(p));
	await writeFileAtomic(path.join(dir, CACHE_FILE), `${out.join('\n')}\n`);
}
