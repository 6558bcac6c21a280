// Reads the data folder, geodata/ (or $GEODATA_DIR), for the pages and the writer, cached until a file changes.
import { stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EventCollection } from '$lib/domain/event';
import { CORRECTION_LOG, deepFreeze, docPieces, FEATURE_COLLECTION, parseDocLines, type LineDoc } from './lines';
import { giveTurn, streamPieces } from './slices';
import { writtenEtag } from './atomic';

/** The data folder: `$GEODATA_DIR` when set (tests, deployments), else `./geodata`. */
export function dataDir(): string {
	return path.resolve(process.env.GEODATA_DIR ?? 'geodata');
}

export interface Snapshot<T> {
	value: T;
	/**
	 * The file's text as read, what /api/data sends with no re-serialising: its record lines for a file laid out one
	 * record a line (as this project writes them, of any size), else the whole text (another tool's small file).
	 */
	body: LineDoc | string;
	/** Strong validator of the file's bytes, for ETag / If-None-Match and optimistic concurrency. */
	etag: string;
	mtimeMs: number;
}

const cache = new Map<string, { key: string; snap: Promise<Snapshot<unknown>> }>();

/**
 * A file's text lines (split at every newline byte) and the SHA-1 of its bytes, read as a stream: no one string.
 * Each chunk is decoded up to its last newline in one go (a newline byte never sits inside a UTF-8 sequence).
 */
async function readTextLines(file: string): Promise<{ lines: string[]; etag: string }> {
	const hash = createHash('sha1');
	const lines: string[] = [];
	let carry: Buffer[] = []; // bytes after the last newline so far
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		const last = chunk.lastIndexOf(10);
		if (last === -1) {
			carry.push(chunk);
			continue;
		}
		const head = carry.length ? Buffer.concat([...carry, chunk.subarray(0, last)]) : chunk.subarray(0, last);
		for (const line of head.toString('utf8').split('\n')) lines.push(line);
		carry = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
	}
	lines.push(Buffer.concat(carry).toString('utf8'));
	return { lines, etag: `"${hash.digest('base64url')}"` };
}

/**
 * A data file's value, frozen, and its body: parsed line by line (giving other requests turns, each record's line
 * remembered for the next rewrite, lines.ts) when it is laid out one record a line, as this project writes it; else
 * parsed whole (a pretty-printed or one-line file from another tool, which must then fit in one string).
 */
async function parseDataFile(name: string, file: string): Promise<{ value: unknown; body: LineDoc | string; etag: string }> {
	const log = name === 'corrections.json';
	const layout = log ? CORRECTION_LOG : FEATURE_COLLECTION;
	const { lines, etag } = await readTextLines(file);
	const doc = await parseDocLines(lines, layout);
	if (doc) {
		const value = log ? { version: 1, corrections: doc.records } : { type: 'FeatureCollection', features: doc.records };
		return { value: deepFreeze(value), body: { layout, lines: doc.lines }, etag };
	}
	let text: string;
	try {
		text = lines.join('\n');
	} catch (err) {
		throw new Error(`${name} is too large to read unless it holds one record a line, as this project writes it (${(err as Error).message})`);
	}
	return { value: deepFreeze(JSON.parse(text)), body: text, etag };
}

/**
 * Reads and parses a JSON file of the data folder, re-reading only when it changed (inode, size, mtime). The one
 * reader of the folder for the pages and the writer alike: every request shares one parsed copy, frozen (nothing
 * copies the store per request), and requests arriving while the file is read share that one read.
 */
export async function readJson<T>(name: string, fallback?: T): Promise<Snapshot<T>> {
	const file = path.join(dataDir(), name);
	let info;
	try {
		info = await stat(file);
	} catch (err) {
		if (fallback !== undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') {
			return { value: deepFreeze(fallback), body: JSON.stringify(fallback), etag: '"empty"', mtimeMs: 0 };
		}
		throw err;
	}
	const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
	const hit = cache.get(file);
	if (hit && hit.key === key) return hit.snap as Promise<Snapshot<T>>;
	const snap = (async (): Promise<Snapshot<T>> => {
		const { value, body, etag } = await parseDataFile(name, file);
		return { value: value as T, body, etag, mtimeMs: info.mtimeMs };
	})();
	cache.set(file, { key, snap });
	snap.catch(() => {
		if (cache.get(file)?.snap === snap) cache.delete(file); // a failed read is not remembered
	});
	return snap;
}

/**
 * After a commit: what was just written becomes what the next read gets, so no request re-reads or re-parses the
 * store (another process's write changes the file's identity and is read from disk as usual). Hashed a slice at a time.
 */
export async function rememberWritten(name: string, value: unknown, body: LineDoc): Promise<void> {
	const file = path.join(dataDir(), name);
	const info = await stat(file);
	let etag = writtenEtag(body); // hashed as it was written (atomic.ts)
	if (!etag) {
		const hash = createHash('sha1');
		for (const piece of docPieces(body)) {
			hash.update(piece, 'utf8');
			await giveTurn();
		}
		etag = `"${hash.digest('base64url')}"`;
	}
	const snap: Snapshot<unknown> = { value: deepFreeze(value), body, etag, mtimeMs: info.mtimeMs };
	cache.set(file, { key: `${info.ino}:${info.size}:${info.mtimeMs}`, snap: Promise.resolve(snap) });
}

/** A snapshot's body as pieces of text (for hashing, compressing or sending), never joined into one string. */
export function bodyPieces(body: LineDoc | string): Iterable<string> {
	return typeof body === 'string' ? [body] : docPieces(body);
}

/** A snapshot's body as a byte stream, a piece (≈ 1 MB) per pull, each pull its own turn of the event loop. */
export function bodyStream(body: LineDoc | string): ReadableStream<Uint8Array> {
	return streamPieces(bodyPieces(body)[Symbol.iterator](), 1);
}

const EMPTY: EventCollection = { type: 'FeatureCollection', features: [] };

/** geodata/events.geojson (an empty collection when it does not exist yet). */
export function readEvents(): Promise<Snapshot<EventCollection>> {
	return readJson<EventCollection>('events.geojson', EMPTY);
}

/** Forgets cached files, for writers that replace them within the same mtime tick. */
export function invalidate(name?: string): void {
	if (name === undefined) cache.clear();
	else cache.delete(path.join(dataDir(), name));
}

/**
 * What every reader of the events answers when events.geojson cannot be read (half-written, corrupt): 503 naming the
 * file, so a client keeps what it has and retries, never a bare 500.
 */
export function eventsUnavailable(err: unknown): Response {
	return new Response(JSON.stringify({ error: `geodata/events.geojson could not be read: ${(err as Error).message}` }), {
		status: 503,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'retry-after': '5' }
	});
}

