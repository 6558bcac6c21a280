// Reads the data folder, geodata/ (or $GEODATA_DIR), for the pages and the writer, cached until a file changes.
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EventCollection } from '$lib/domain/event';
import { CORRECTION_LOG, deepFreeze, FEATURE_COLLECTION, parseLines } from './lines';
import { giveTurn, textSlices } from './slices';

/** The data folder: `$GEODATA_DIR` when set (tests, deployments), else `./geodata`. */
export function dataDir(): string {
	return path.resolve(process.env.GEODATA_DIR ?? 'geodata');
}

export interface Snapshot<T> {
	value: T;
	/** The file's text, as read: what /api/data sends, with no re-serialising. */
	text: string;
	/** Strong validator of the file's bytes, for ETag / If-None-Match and optimistic concurrency. */
	etag: string;
	mtimeMs: number;
}

const cache = new Map<string, { key: string; snap: Promise<Snapshot<unknown>> }>();

/**
 * A data file's value, frozen: parsed line by line (giving other requests turns, each record's line remembered for
 * the next rewrite, lines.ts) when it is laid out one record a line, as this project writes it; else parsed whole.
 */
async function parseDataFile(name: string, text: string): Promise<unknown> {
	const log = name === 'corrections.json';
	const records = await parseLines(text, log ? CORRECTION_LOG : FEATURE_COLLECTION);
	if (!records) return deepFreeze(JSON.parse(text));
	return deepFreeze(log ? { version: 1, corrections: records } : { type: 'FeatureCollection', features: records });
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
			return { value: deepFreeze(fallback), text: JSON.stringify(fallback), etag: '"empty"', mtimeMs: 0 };
		}
		throw err;
	}
	const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
	const hit = cache.get(file);
	if (hit && hit.key === key) return hit.snap as Promise<Snapshot<T>>;
	const snap = (async (): Promise<Snapshot<T>> => {
		const bytes = await readFile(file);
		const text = bytes.toString('utf8');
		return { value: (await parseDataFile(name, text)) as T, text, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`, mtimeMs: info.mtimeMs };
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
export async function rememberWritten(name: string, value: unknown, text: string): Promise<void> {
	const file = path.join(dataDir(), name);
	const info = await stat(file);
	const hash = createHash('sha1');
	for (const slice of textSlices(text)) {
		hash.update(slice, 'utf8');
		await giveTurn();
	}
	const snap: Snapshot<unknown> = { value: deepFreeze(value), text, etag: `"${hash.digest('base64url')}"`, mtimeMs: info.mtimeMs };
	cache.set(file, { key: `${info.ino}:${info.size}:${info.mtimeMs}`, snap: Promise.resolve(snap) });
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

