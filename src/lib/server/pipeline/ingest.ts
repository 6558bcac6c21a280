// The ingest run: files in, events.geojson + places.geojson out (one all-or-nothing commit), corrections re-applied on top.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { applyCorrections, type Correction, type CorrectionLog } from '../../domain/corrections';
import type { EventFeature } from '../../domain/event';
import { commitFiles } from '../journal';
import { MAX_BODY, parseArticle } from './article';
import { extractArticle } from './extract';
import { buildPlaces, serializeEvents, serializePlaces } from './output';
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

const ARTICLE_EXT = /\.(md|txt)$/i;

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
 * Article files under `paths` (files as given, directories walked recursively for .md/.txt), sorted, unique.
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
			else if (!ARTICLE_EXT.test(entry.name)) continue;
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
	failed: { file: string; reason: string }[];
	orphans: Correction[];
	corrections: number;
	out: string;
	placesOut: string;
	/** False when nothing was written: every input failed, so the stored files were left as they were. */
	written: boolean;
}

export interface IngestOptions {
	/** events.geojson path; places.geojson and corrections.json are read/written beside it. */
	out: string;
	gazetteer: Gazetteer;
	onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Ingests every article under `paths` and writes both GeoJSON files as one commit (journal.ts): all old or all new.
 * Call it under the data folder's lock (lock.ts withDataLock), which also recovers an interrupted commit first.
 */
export async function ingestPaths(paths: readonly string[], opts: IngestOptions): Promise<IngestSummary> {
	const { files, failed } = await collectFiles(paths);
	const dir = path.dirname(opts.out);
	const log = await readCorrections(path.join(dir, 'corrections.json'));
	const events: EventFeature[] = [];
	let articles = 0;
	let unplaced = 0;
	let mentions = 0;
	const sources = new Map<string, string>(); // source id → the file that has it: ids must stay unique
	for (const [i, file] of files.entries()) {
		try {
			// Synchronous read: the loop is CPU-bound anyway, and an async read costs ~0.8 ms of CPU per file here.
			const r = ingestArticleText(readArticleFile(file), file, opts.gazetteer);
			const taken = sources.get(r.article.sourceId);
			if (taken) throw new Error(`${file}: source id: "${r.article.sourceId}" is already the id of ${taken}; rename one of them`);
			sources.set(r.article.sourceId, file);
			events.push(...r.events);
			unplaced += r.unplaced;
			mentions += r.mentions;
			articles++;
		} catch (err) {
			failed.push({ file, reason: (err as Error).message.startsWith(`${file}: `) ? (err as Error).message.slice(file.length + 2) : (err as Error).message });
		}
		opts.onProgress?.(i + 1, files.length, file);
	}
	const applied = applyCorrections(events, log.corrections);
	const places = buildPlaces(applied.features, opts.gazetteer);
	const placesOut = path.join(dir, 'places.geojson');
	// No article read (a mistyped path, an unreadable or article-free folder) must not replace the stored events with none.
	const written = articles > 0;
	if (written) {
		await mkdir(dir, { recursive: true });
		// One all-or-nothing commit (journal.ts): a crash between the two files leaves both old or both new.
		await commitFiles(dir, [
			{ file: path.basename(opts.out), data: serializeEvents(applied.features) },
			{ file: 'places.geojson', data: serializePlaces(places) }
		]);
	}
	return {
		articles,
		events: applied.features.length,
		places: places.length,
		unplaced,
		mentions,
		failed,
		orphans: applied.orphans,
		corrections: log.corrections.length,
		out: opts.out,
		placesOut,
		written
	};
}
