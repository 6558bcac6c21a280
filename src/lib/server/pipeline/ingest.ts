// The ingest run: files in, events.geojson + places.geojson out (one all-or-nothing commit), corrections re-applied on top.
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { applyCorrections, type Correction, type CorrectionLog } from '../../domain/corrections';
import type { EventFeature } from '../../domain/event';
import { EXTRACTED_DIR, extractedArticleText } from '../inputs/extracted';
import { INPUT_EXT, isExtracted, itemOf, readInput } from '../inputs/index';
import { commitFiles, type FileWrite } from '../journal';
import { knownLine, remember } from '../lines';
import { MAX_BODY, parseArticle } from './article';
import { cacheKey, placeCache, pipelineVersion, readCache, writeCache, type CacheEntry } from './cache';
import { extractArticle } from './extract';
import { FileError, workerPool, type Pool } from './pool';
import { buildPlaces, canonicalFeature, serializeEvents, serializePlaces } from './output';
import type { Article, Gazetteer } from './types';

export interface IngestedArticle {
	article: Article;
	events: EventFeature[];
	/** Sentences with an event trigger but no place to put it. */
	unplaced: number;
	/** Place mentions the gazetteer resolved. */
	mentions: number;
}

/**
 * Parses and extracts one article from its raw text (the server's "add an article" calls this).
 * Throws `ArticleError` (message names the file and field) when the article is unreadable.
 */
export function ingestArticleText(raw: string | Buffer, fileName: string, gazetteer: Gazetteer): IngestedArticle {
	const article = parseArticle(raw, fileName);
	const { events, unplaced, mentions } = extractArticle(article, gazetteer);
	return { article, events, unplaced, mentions: mentions.length };
}

/** What one input file gives: its cache entry (events as canonical lines) and the texts to store for extracted articles. */
export interface FileResult {
	entry: CacheEntry;
	texts: { sourceId: string; text: string }[];
}

/**
 * Reads and extracts one input file (a worker's unit of work). Throws an Error starting with the file name when the
 * whole file is unreadable; a bad item (a feed item, a JSON line) is in `entry.failed` and the others still count.
 */
export function extractFile(bytes: Buffer, file: string, gazetteer: Gazetteer, key = ''): FileResult {
	const input = readInput(bytes, file);
	const extracted = isExtracted(file);
	const result: FileResult = { entry: { key, articles: [], failed: input.failed, notes: input.notes }, texts: [] };
	for (const article of input.articles) {
		try {
			const r = extractArticle(article, gazetteer);
			const lines = r.events.map((f) => knownLine(canonicalFeature(f))!);
			result.entry.articles.push({ source_id: article.sourceId, extracted, unplaced: r.unplaced, mentions: r.mentions.length, lines });
			if (extracted) result.texts.push({ sourceId: article.sourceId, text: extractedArticleText(article, path.basename(file)) });
		} catch (err) {
			const item = itemOf(article, file);
			const msg = (err as Error).message;
			result.entry.failed.push({ item, reason: msg.startsWith(`${article.file}: `) ? msg.slice(article.file.length + 2) : msg });
		}
	}
	return result;
}

/** Largest article file read (bytes): a body of MAX_BODY characters at up to 4 UTF-8 bytes each, plus front matter. */
export const MAX_ARTICLE_BYTES = 4 * MAX_BODY + 64 * 1024;

/**
 * Reads one article file: a regular file (not a FIFO, device or socket: opened non-blocking, so a FIFO cannot
 * hang the run) of at most MAX_ARTICLE_BYTES. Throws an Error whose message starts with the file name.
 */
export function readArticleFile(file: string): Buffer {
	const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		const info = fstatSync(fd);
		if (!info.isFile()) throw new Error(`${file}: is not a regular file (a FIFO, device or socket); give article files only`);
		if (info.size > MAX_ARTICLE_BYTES) {
			throw new Error(`${file}: is ${info.size.toLocaleString('en')} bytes; an article file may have at most ${MAX_ARTICLE_BYTES.toLocaleString('en')} bytes (split it into articles)`);
		}
		// Read at most one byte past the limit, whatever the file grew to since fstat.
		const buf = Buffer.alloc(Math.min(info.size, MAX_ARTICLE_BYTES) + 1);
		let n = 0;
		for (let got; n < buf.length && (got = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += got;
		if (n > MAX_ARTICLE_BYTES) throw new Error(`${file}: grew past the ${MAX_ARTICLE_BYTES.toLocaleString('en')} bytes an article file may have while it was read`);
		return buf.subarray(0, n);
	} finally {
		closeSync(fd);
	}
}

/**
 * Input files under `paths` (files as given, directories walked recursively for the extensions readInput knows), sorted, unique.
 * Inside a folder, symbolic links are not followed: a linked article is reported (its target may lie outside the
 * folder or be ingested twice under two names); give the target itself as a PATH to ingest it.
 */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; failed: { file: string; reason: string }[] }> {
	const files = new Set<string>();
	const failed: { file: string; reason: string }[] = [];
	async function walk(dir: string): Promise<void> {
		for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			if (entry.name.startsWith('.')) continue;
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) await walk(full);
			else if (!INPUT_EXT.test(entry.name)) continue;
			else if (entry.isSymbolicLink()) failed.push({ file: full, reason: 'is a symbolic link, which is not followed inside a folder; give its target as a PATH, or copy the file in' });
			// Regular files, and FIFOs, devices or sockets with an article's name, which readArticleFile refuses by name.
			else files.add(full);
		}
	}
	for (const p of paths) {
		try {
			const info = await stat(p);
			if (info.isDirectory()) await walk(p);
			else files.add(p);
		} catch (err) {
			failed.push({ file: p, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message });
		}
	}
	return { files: [...files].sort(), failed };
}

const OPS = new Set(['patch', 'drop', 'add', 'undo']);

/** Reads the correction log (absent → empty); a malformed log is an error naming the file and entry. */
export async function readCorrections(file: string): Promise<CorrectionLog> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, corrections: [] };
		throw err;
	}
	let log: unknown;
	try {
		log = JSON.parse(text);
	} catch (err) {
		throw new Error(`${file}: invalid JSON: ${(err as Error).message}`);
	}
	const l = log as Partial<CorrectionLog>;
	if (!l || l.version !== 1) throw new Error(`${file}: version: expected 1`);
	if (!Array.isArray(l.corrections)) throw new Error(`${file}: corrections: expected an array`);
	l.corrections.forEach((c: Partial<Correction>, i) => {
		if (!c || typeof c.id !== 'string') throw new Error(`${file}: corrections[${i}].id: expected a string`);
		if (typeof c.op !== 'string' || !OPS.has(c.op)) throw new Error(`${file}: corrections[${i}].op: expected patch|drop|add|undo`);
		if (c.op !== 'undo' && typeof c.event_id !== 'string') throw new Error(`${file}: corrections[${i}].event_id: expected a string`);
		if (c.op === 'add' && (!c.feature || typeof c.feature !== 'object')) throw new Error(`${file}: corrections[${i}].feature: expected a feature`);
		if (c.op === 'patch' && (!c.set || typeof c.set !== 'object')) throw new Error(`${file}: corrections[${i}].set: expected an object`);
	});
	return l as CorrectionLog;
}

export interface IngestSummary {
	articles: number;
	events: number;
	places: number;
	/** Sentences with an event trigger but no resolvable place (skipped). */
	unplaced: number;
	mentions: number;
	/** Files, or items of a file ("item 3: …", "line 7: …"), that could not be read; the others went in. */
	failed: { file: string; reason: string }[];
	/** Files read despite a flaw (an encoding declaration their bytes contradict). */
	notes: { file: string; note: string }[];
	/** Input files whose result came from the cache (unchanged since the last run). */
	cached: number;
	/** Worker threads started beside this one (0: every file was extracted on this thread; --jobs N starts N - 1). */
	workers: number;
	orphans: Correction[];
	corrections: number;
	out: string;
	placesOut: string;
	/** False when nothing was written: every input failed, so the stored files were left as they were. */
	written: boolean;
}

export interface IngestOptions {
	/** events.geojson path; places.geojson, corrections.json and the cache are read/written beside it. */
	out: string;
	/** The gazetteer, or how to load it: loaded only when a file is not in the cache or a place's shape is unknown. */
	gazetteer: Gazetteer | (() => Gazetteer);
	onProgress?: (done: number, total: number, file: string) => void;
	/** Skip files unchanged since the last cached run (pipelineVersion() keys the cache): false by default. */
	cache?: boolean;
	/**
	 * Worker threads that extract the files not in the cache (default 1: this thread, with `gazetteer`). Each worker
	 * loads the project's gazetteer (loadGazetteer), so more than one job means the real gazetteer.
	 */
	jobs?: number;
}

/** A gazetteer that is loaded on its first use. */
function lazy(g: Gazetteer | (() => Gazetteer)): Gazetteer {
	if (typeof g !== 'function') return g;
	let loaded: Gazetteer | null = null;
	const get = () => (loaded ??= g());
	return {
		geoparseDocument: (text, o) => get().geoparseDocument(text, o),
		byId: (id) => get().byId(id),
		shapeOf: (id) => get().shapeOf(id),
		search: (q, n) => get().search(q, n)
	};
}

/** Files extracted on this thread before worker threads are started (see ingestPaths). */
const INLINE_FIRST = 16;

/** Reads `file` if it exists (else null). */
function readIfThere(file: string): string | null {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return null;
	}
}

/**
 * Ingests every input under `paths` and writes both GeoJSON files as one commit (journal.ts): all old or all new.
 * With `cache`, a file whose name, bytes and pipeline version are unchanged is not read again: its events come from
 * the cache as the lines a full run writes, so the output is byte-identical to a run without the cache.
 * Call it under the data folder's lock (lock.ts withDataLock), which also recovers an interrupted commit first.
 */
export async function ingestPaths(paths: readonly string[], opts: IngestOptions): Promise<IngestSummary> {
	const { files, failed } = await collectFiles(paths);
	const dir = path.dirname(opts.out);
	const log = await readCorrections(path.join(dir, 'corrections.json'));
	const version = opts.cache ? pipelineVersion() : '';
	const cache = opts.cache ? await readCache(dir, version) : null;
	const gazetteer = lazy(opts.gazetteer);
	const events: EventFeature[] = [];
	const notes: { file: string; note: string }[] = [];
	const used = new Map<string, CacheEntry>();
	const texts: FileWrite[] = [];
	let articles = 0;
	let unplaced = 0;
	let mentions = 0;
	let cached = 0;
	let changed = false;
	const textOf = (sourceId: string) => path.join(dir, EXTRACTED_DIR, `${sourceId}.md`);
	const reason = (file: string, err: unknown) => {
		const msg = (err as Error).message;
		return msg.startsWith(`${file}: `) ? msg.slice(file.length + 2) : msg;
	};
	// One slot per file, filled in any order (workers finish when they finish) and merged in file order below.
	const slots: { file: string; key: string; entry?: CacheEntry; error?: string }[] = [];
	const extracted = (slot: (typeof slots)[number], r: FileResult) => {
		slot.entry = r.entry;
		changed = true;
		for (const t of r.texts) {
			if (readIfThere(textOf(t.sourceId)) !== t.text) texts.push({ file: path.join(EXTRACTED_DIR, `${t.sourceId}.md`), data: t.text });
		}
	};
	const jobs = Math.max(1, Math.min(opts.jobs ?? 1, files.length));
	// `jobs` threads extract: this one and jobs - 1 workers. Workers are started only when more than INLINE_FIRST
	// files are not in the cache: a worker costs a second or two to start (it loads its own gazetteer and warms up
	// its own compiled code), which a watch run over one changed file, or a no-change run, should not pay. Until they
	// are up, and whenever they hold two files each, this thread extracts the next file itself.
	let pool: Pool | null = null;
	let misses = 0;
	const inflight = new Set<Promise<void>>();
	let done = 0;
	const progress = (file: string) => opts.onProgress?.(++done, files.length, file);
	try {
		for (const file of files) {
			const slot: (typeof slots)[number] = { file, key: '' };
			slots.push(slot);
			try {
				// Synchronous read: the loop is CPU-bound anyway, and an async read costs ~0.8 ms of CPU per file here.
				const bytes = readArticleFile(file);
				slot.key = cache ? cacheKey(file, bytes, version) : '';
				let entry = cache?.entries.get(slot.key);
				// An extracted text deleted since (or never written: another output folder) needs the file read again.
				if (entry?.articles.some((a) => a.extracted && !existsSync(textOf(a.source_id)))) entry = undefined;
				if (entry) {
					slot.entry = entry;
					cached++;
				} else {
					if (jobs > 1 && misses++ >= INLINE_FIRST) pool ??= workerPool(jobs - 1);
					if (pool && pool.room() > 0) {
						const p: Promise<void> = pool
							.run(file, bytes, slot.key)
							.then((r) => extracted(slot, r))
							.catch((err) => {
								if (!(err instanceof FileError)) throw err;
								slot.error = reason(file, err);
							})
							.finally(() => {
								inflight.delete(p);
								progress(file);
							});
						inflight.add(p);
						continue;
					}
					extracted(slot, extractFile(bytes, file, gazetteer, slot.key));
					// Let the workers' replies in (and their next files out) between two files of this thread.
					if (pool) await new Promise((r) => setImmediate(r));
				}
			} catch (err) {
				slot.error = reason(file, err);
			}
			progress(file);
		}
		await Promise.all(inflight);
	} finally {
		await (pool as Pool | null)?.close();
	}
	const sources = new Map<string, string>(); // source id → the file that has it: ids must stay unique
	for (const { file, key, entry, error } of slots) {
		if (!entry) {
			failed.push({ file, reason: error ?? 'not read' });
			continue;
		}
		if (cache && !used.has(key)) used.set(key, entry);
		for (const f of entry.failed) failed.push({ file, reason: f.item ? `${f.item}: ${f.reason}` : f.reason });
		for (const note of entry.notes) notes.push({ file, note });
		for (const a of entry.articles) {
			const taken = sources.get(a.source_id);
			if (taken) {
				failed.push({ file, reason: `source id: "${a.source_id}" is already the id of ${taken}; rename one of them` });
				continue;
			}
			sources.set(a.source_id, file);
			for (const line of a.lines) events.push(remember(JSON.parse(line) as EventFeature, line));
			unplaced += a.unplaced;
			mentions += a.mentions;
			articles++;
		}
	}
	const applied = applyCorrections(events, log.corrections);
	const places = buildPlaces(applied.features, cache ? placeCache(cache, gazetteer) : gazetteer);
	const placesOut = path.join(dir, 'places.geojson');
	// No article read (a mistyped path, an unreadable or article-free folder) must not replace the stored events with none.
	const written = articles > 0;
	if (written) {
		await mkdir(dir, { recursive: true });
		// One all-or-nothing commit (journal.ts): a crash between the files leaves all old or all new.
		// A file whose bytes are unchanged is left alone (a watch run after an unrelated save changes nothing).
		const outputs = [
			{ file: path.basename(opts.out), data: serializeEvents(applied.features) },
			{ file: 'places.geojson', data: serializePlaces(places) }
		].filter((w) => readIfThere(path.join(dir, w.file)) !== w.data);
		if (texts.length || outputs.length) await commitFiles(dir, [...texts, ...outputs]);
	}
	// The cache keeps what this run used (a deleted file's entry goes); it is rewritten only when that changed.
	if (cache) {
		const keep = places.flatMap((p) => cache.places.get(String(p.id)) ?? []);
		if (changed || used.size !== cache.entries.size || cache.placesAdded || keep.length !== cache.places.size) {
			await mkdir(dir, { recursive: true });
			await writeCache(dir, version, used.values(), keep);
		}
	}
	return {
		articles,
		events: applied.features.length,
		places: places.length,
		unplaced,
		mentions,
		failed,
		notes,
		cached,
		workers: pool ? jobs - 1 : 0,
		orphans: applied.orphans,
		corrections: log.corrections.length,
		out: opts.out,
		placesOut,
		written
	};
}
