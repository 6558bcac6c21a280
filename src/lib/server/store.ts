// Reads the dataset the pages serve from geodata/ (or $GEODATA_DIR), cached until the file changes.
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EventCollection } from '$lib/domain/event';
import { FEATURE_COLLECTION, parseLines } from './lines';

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

/** Reads and parses a JSON file of the data folder, re-reading only when its size or mtime changed. */
export async function readJson<T>(name: string, fallback?: T): Promise<Snapshot<T>> {
	const file = path.join(dataDir(), name);
	let info;
	try {
		info = await stat(file);
	} catch (err) {
		if (fallback !== undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') {
			return { value: fallback, text: JSON.stringify(fallback), etag: '"empty"', mtimeMs: 0 };
		}
		throw err;
	}
	const key = `${info.size}:${info.mtimeMs}`;
	const hit = cache.get(file);
	if (hit && hit.key === key) return hit.snap as Promise<Snapshot<T>>;
	// Cached as a promise, so requests arriving while the file is read and parsed share that one read.
	const snap = (async (): Promise<Snapshot<T>> => {
		const bytes = await readFile(file);
		const text = bytes.toString('utf8');
		return { value: (await parseJsonFile(text)) as T, text, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`, mtimeMs: info.mtimeMs };
	})();
	cache.set(file, { key, snap });
	snap.catch(() => {
		if (cache.get(file)?.snap === snap) cache.delete(file); // a failed read is not remembered
	});
	return snap;
}

/** A data file's value: parsed line by line, giving other requests turns, when it is one record a line (lines.ts). */
async function parseJsonFile(text: string): Promise<unknown> {
	const features = await parseLines(text, FEATURE_COLLECTION, false);
	return features ? { type: 'FeatureCollection', features } : JSON.parse(text);
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

