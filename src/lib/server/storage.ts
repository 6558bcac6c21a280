// The server's writer of the data folder: locked, all-or-nothing, version-checked edits of events and the correction log.
import { stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { EventCollection, EventFeature } from '$lib/domain/event';
import {
	activeCorrections,
	EDITABLE_FIELDS,
	patchFeature,
	type Correction,
	type CorrectionLog,
	type EventPatch
} from '$lib/domain/corrections';
import { FieldError } from '$lib/domain/importers';
import { SOURCE_ID as SAFE_NAME, sourceIdProblem } from '$lib/domain/sourceid';
import { EXTRACTED_DIR } from './inputs/extracted';
import { commitFiles, type FileWrite } from './journal';
import { eventIssues } from './schema';
import { LockBusyError, withDataLock } from './lock';
import { buildPlaces, canonicalCollection, canonicalEvents, canonicalFeature, serializeEvents, serializePlaces } from './pipeline/output';
import { forEachSliced, giveTurn, SLICE } from './slices';
import { CORRECTION_LOG, deepFreeze, lineOf, remember, type LineDoc } from './lines';
import { loadGazetteer } from './gazetteer';
import { dataDir, invalidate, readJson, rememberWritten } from './store';

export const EVENTS_FILE = 'events.geojson';
export const CORRECTIONS_FILE = 'corrections.json';
export const ARTICLES_DIR = 'articles';
export const PLACES_FILE = 'places.geojson';

/** An error with the HTTP status an endpoint should answer and a message meant for the analyst. */
export class StorageError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

// ---- one writer at a time ------------------------------------------------------------------------------------

let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` after every write queued before it has finished (an in-process FIFO mutex, so this process's writers
 * queue here instead of polling the data-folder lock, which guards against other processes).
 */
export function serialised<T>(fn: () => Promise<T>): Promise<T> {
	const run = tail.then(fn, fn);
	tail = run.catch(() => undefined);
	return run;
}

// ---- reading (fresh from disk, memoised by inode/size/mtime, shared, never copied) ---------------------------

/** A data file as store.ts reads it (shared, frozen); one that does not parse is refused, never written over. */
async function readFresh<T>(name: string, fallback: T): Promise<{ value: T; etag: string }> {
	try {
		return await readJson<T>(name, fallback);
	} catch (err) {
		if (err instanceof SyntaxError) throw new StorageError(500, `${name} is not valid JSON (${err.message}); refusing to write over it`);
		throw err;
	}
}

const EMPTY_EVENTS: EventCollection = deepFreeze({ type: 'FeatureCollection', features: [] });
const EMPTY_LOG: CorrectionLog = deepFreeze({ version: 1, corrections: [] });

/** The stored data as every request shares it: read-only (frozen), never copied per request. */
export interface DataState {
	readonly events: readonly EventFeature[];
	readonly log: { readonly version: 1; readonly corrections: readonly Correction[] };
	/** ETag of events.geojson as served by the store. */
	readonly etag: string;
}

/** The current events and correction log, read from disk (or the memo of the last read while the files are unchanged). */
export async function readState(): Promise<DataState> {
	const [events, log] = await Promise.all([
		readFresh<EventCollection>(EVENTS_FILE, EMPTY_EVENTS),
		readFresh<CorrectionLog>(CORRECTIONS_FILE, EMPTY_LOG)
	]);
	if (!Array.isArray(events.value.features)) throw new StorageError(500, `${EVENTS_FILE} has no features array`);
	if (log.value.version !== 1 || !Array.isArray(log.value.corrections)) {
		throw new StorageError(500, `${CORRECTIONS_FILE} is not a version-1 correction log`);
	}
	return { events: events.value.features as EventFeature[], log: log.value, etag: events.etag };
}

// ---- versions -------------------------------------------------------------------------------------------------

/**
 * A strong validator of one event's content — of its canonical form, so rewriting the file (key order, rounding)
 * never makes another analyst's open edit look stale: what an edit must be based on (If-Match).
 */
export function eventVersion(feature: EventFeature): string {
	const canonical = canonicalEvents([feature])[0]!;
	return `"ev-${createHash('sha1').update(JSON.stringify(canonical)).digest('base64url').slice(0, 16)}"`;
}

// ---- writing --------------------------------------------------------------------------------------------------

/** events.geojson exactly as the ingest writes it (pipeline/output.ts), so an edit and a re-ingest agree byte for byte. */
export function formatEvents(features: readonly EventFeature[]): string {
	return serializeEvents(features);
}

/** corrections.json as its lines: one entry a line; entries read from the file or written before keep their bytes. */
export function formatLog(log: { readonly version?: 1; readonly corrections: readonly Correction[] }): LineDoc {
	return { layout: CORRECTION_LOG, lines: log.corrections.map((c) => lineOf(c, JSON.stringify)) };
}

function snapshotOf(f: EventFeature): EventPatch {
	const snap: Record<string, unknown> = {};
	for (const k of EDITABLE_FIELDS) snap[k] = structuredClone(f.properties[k]);
	snap.coordinates = [f.geometry.coordinates[0], f.geometry.coordinates[1]];
	return snap as EventPatch;
}

type EventEntry = Exclude<Correction, { op: 'undo' }>;

/**
 * The correction log indexed for replay: each event's own entries and the ids still in force, kept up to date as
 * entries are appended. Replaying one event then costs its own entries, not the whole log, so a commit of m
 * entries onto a log of n costs O(n + m) (an undo, rare and one per request, recomputes what is in force: O(n)).
 */
class LogIndex {
	private readonly own = new Map<string, EventEntry[]>();
	private active: Set<string>;

	constructor(private readonly log: Correction[]) {
		for (const c of log) this.index(c);
		this.active = new Set(activeCorrections(log).map((c) => c.id));
	}

	private index(c: Correction): void {
		if (c.op === 'undo') return;
		const list = this.own.get(c.event_id);
		if (list) list.push(c);
		else this.own.set(c.event_id, [c]);
	}

	append(c: Correction): void {
		this.log.push(c);
		this.index(c);
		if (c.op === 'undo') this.active = new Set(activeCorrections(this.log).map((a) => a.id));
		else this.active.add(c.id); // nothing after it can have undone it yet
	}

	/** Whether a patch, drop or add is in force (not undone, or its undo undone). */
	isActive(id: string): boolean {
		return this.active.has(id);
	}

	/**
	 * The event as the whole log makes it: its extracted form (recovered from the first entry's `before`, or the
	 * current file) with every active entry replayed — exactly what re-ingesting with applyCorrections gives.
	 */
	replay(eventId: string, current: EventFeature | undefined): EventFeature | undefined {
		const own = this.own.get(eventId) ?? [];
		let base: EventFeature | undefined = current;
		const first = own[0];
		if (first) {
			if (first.op === 'add') base = undefined;
			else if (first.op === 'drop') base = first.before ?? current;
			else {
				const shape = current ?? own.find((c): c is Extract<Correction, { op: 'drop' }> => c.op === 'drop' && !!c.before)?.before;
				base = shape ? patchFeature(shape, first.before ?? {}) : undefined;
			}
		}
		let f = base;
		for (const c of own) {
			if (!this.active.has(c.id)) continue;
			if (c.op === 'add') f = c.feature;
			else if (c.op === 'drop') f = undefined;
			else if (c.op === 'patch' && f) f = patchFeature(f, c.set);
		}
		return f;
	}
}

/** The event as the whole log makes it (see LogIndex.replay); for one event: commits keep a LogIndex instead. */
export function replayEvent(eventId: string, current: EventFeature | undefined, log: readonly Correction[]): EventFeature | undefined {
	return new LogIndex([...log]).replay(eventId, current);
}

/** A log entry as a caller proposes it; id, time and `before` are filled in under the lock. */
export type ProposedCorrection =
	| { op: 'patch'; event_id: string; set: EventPatch; note?: string }
	| { op: 'drop'; event_id: string; note?: string; /** For an event not in the data (a rejected extraction): what the pipeline gives. */ before?: EventFeature }
	| { op: 'add'; event_id: string; feature: EventFeature; note?: string }
	| { op: 'undo'; undoes: string; note?: string };

export interface CommitOptions {
	author: string;
	/** Event id → the version (eventVersion) the edit was based on; a mismatch refuses the whole commit. */
	expect?: Record<string, string>;
	/** An `add` whose id exists already: refuse (default) or skip it silently (imports de-duplicate). */
	onExisting?: 'refuse' | 'skip';
	/**
	 * A new article file, committed together with the log entries (an added article's text). `extracted`: text
	 * extracted from an uploaded page, feed item or JSON line, stored where `npm run ingest` stores it (EXTRACTED_DIR).
	 */
	article?: { sourceId: string; text: string; extracted?: boolean };
	/**
	 * The client's id of this request (Idempotency-Key): stored in each entry, so a retry of a request that was
	 * committed answers what it did the first time instead of applying it again.
	 */
	request?: string;
	/** False: leave CommitResult.events empty (a bulk import needs only the count; each event's version costs a hash). */
	eventResults?: boolean;
}

export interface CommitResult {
	applied: Correction[];
	/** Affected events after the commit (absent = dropped), with their new versions. */
	events: Record<string, { feature: EventFeature | null; version: string | null }>;
	/** True when `request` had been committed already and nothing new was applied. */
	replayed: boolean;
}

/** Ids for `n` new log entries: `c-<time>-<8 random hex>`, the random bytes drawn at once (an import makes a million). */
function newIds(n: number): () => string {
	const time = Date.now().toString(36);
	const pool = randomBytes(4 * Math.max(1, n)).toString('hex');
	let i = 0;
	return () => `c-${time}-${pool.slice(8 * i, 8 * ++i)}`;
}

/**
 * Appends entries to corrections.json and rewrites events.geojson (and places.geojson, and a new article) with
 * them applied, as one all-or-nothing commit (journal.ts), holding the data folder's lock (lock.ts) from the read
 * to the last rename, so no other process's write can come between. Another writer holding the lock too long: 503.
 */
export function commit(proposed: readonly ProposedCorrection[], opts: CommitOptions): Promise<CommitResult> {
	return serialised(() =>
		withDataLock(dataDir(), 'the server', () => commitLocked(proposed, opts)).catch((err: unknown) => {
			throw err instanceof LockBusyError ? new StorageError(503, err.message) : err;
		})
	);
}

async function resultFor(entries: Correction[], byId: ReadonlyMap<string, EventFeature>, replayed: boolean): Promise<CommitResult> {
	const result: CommitResult = { applied: entries, events: {}, replayed };
	await forEachSliced([...new Set(entries.map((c) => c.event_id))], (id) => {
		const f = byId.get(id);
		result.events[id] = { feature: f ?? null, version: f ? eventVersion(f) : null };
	});
	return result;
}

async function commitLocked(proposed: readonly ProposedCorrection[], opts: CommitOptions): Promise<CommitResult> {
	const state = await readState();
	const byId = new Map(state.events.map((f) => [f.properties.id, f] as const));
	if (opts.request) {
		const done = state.log.corrections.filter((c) => c.request === opts.request);
		if (done.length) return resultFor(done, byId, true);
	}
	const logById = new Map(state.log.corrections.map((c) => [c.id, c] as const));
	for (const [eventId, version] of Object.entries(opts.expect ?? {})) {
		const cur = byId.get(eventId);
		if (!cur) throw new StorageError(409, `Event ${eventId} no longer exists (it was deleted or re-ingested); reload to see the current data.`);
		if (eventVersion(cur) !== version) {
			throw new StorageError(412, `Event ${eventId} was changed by someone else since you opened it; reload it and make your edit again.`);
		}
	}
	const at = new Date().toISOString();
	const newId = newIds(proposed.length);
	const entries: Correction[] = [];
	const log = [...state.log.corrections];
	const index = new LogIndex(log);
	for (const [i, p] of proposed.entries()) {
		if (i > 0 && i % SLICE === 0) await giveTurn(); // a big import does not hold up every other request
		const base = { id: newId(), at, author: opts.author, ...(p.note ? { note: p.note } : {}), ...(opts.request ? { request: opts.request } : {}) };
		let entry: Correction;
		if (p.op === 'undo') {
			const target = logById.get(p.undoes);
			if (!target) throw new StorageError(404, `No change with id ${p.undoes} in the history.`);
			const stillActive = target.op === 'undo' ? !isCancelled(log, target.id) : index.isActive(target.id);
			if (!stillActive) throw new StorageError(409, `Change ${p.undoes} is already undone.`);
			entry = { ...base, op: 'undo', event_id: target.event_id, undoes: target.id };
		} else if (p.op === 'add') {
			if (byId.has(p.event_id)) {
				if (opts.onExisting === 'skip') continue;
				throw new StorageError(409, `An event with id ${p.event_id} exists already.`);
			}
			entry = { ...base, op: 'add', event_id: p.event_id, feature: p.feature };
		} else {
			const cur = byId.get(p.event_id) ?? (p.op === 'drop' ? p.before : undefined);
			if (!cur) throw new StorageError(404, `No event with id ${p.event_id}.`);
			entry =
				p.op === 'drop'
					? { ...base, op: 'drop', event_id: p.event_id, before: cur }
					: { ...base, op: 'patch', event_id: p.event_id, set: p.set, before: snapshotOf(cur) };
		}
		index.append(entry); // and so to `log`
		logById.set(entry.id, entry);
		entries.push(entry);
		const next = index.replay(entry.event_id, byId.get(entry.event_id));
		// Every write path ends here: what would be stored must conform (an undo may always restore an older state).
		const issue = entry.op === 'undo' || !next ? undefined : eventIssues(next)[0];
		if (issue) throw new FieldError(issue.field, `${issue.message} (event ${entry.event_id} would not conform to geodata/schema/event.schema.json)`);
		// Made canonical and its line and the entry's remembered now, a slice at a time, so the file's text is a join.
		remember(entry, JSON.stringify(entry));
		if (next) byId.set(entry.event_id, canonicalFeature(next));
		else byId.delete(entry.event_id);
	}
	const writes: FileWrite[] = [];
	if (opts.article) {
		const { sourceId, text, extracted } = opts.article;
		if (await (extracted ? storedArticleExists : articleExists)(sourceId)) throw new StorageError(409, `An article with source id ${sourceId} exists already.`);
		writes.push({ file: path.relative(dataDir(), extracted ? extractedPath(sourceId) : articlePath(sourceId)), data: text });
	}
	let written: { events: { doc: LineDoc; features: EventFeature[] }; log: LineDoc } | null = null;
	if (entries.length) {
		written = { events: canonicalCollection([...byId.values()]), log: formatLog({ corrections: log }) };
		writes.push({ file: CORRECTIONS_FILE, data: written.log }, { file: EVENTS_FILE, data: written.events.doc });
		const places = await placesWrite(written.events.features);
		if (places) writes.push(places);
	}
	if (writes.length) await commitFiles(dataDir(), writes);
	for (const name of [CORRECTIONS_FILE, EVENTS_FILE, PLACES_FILE]) invalidate(name);
	if (written) {
		await rememberWritten(EVENTS_FILE, { type: 'FeatureCollection', features: written.events.features }, written.events.doc);
		await rememberWritten(CORRECTIONS_FILE, { version: 1, corrections: log }, written.log);
	}
	return opts.eventResults === false ? { applied: entries, events: {}, replayed: false } : resultFor(entries, byId, false);
}

/** places.geojson rebuilt (when the folder has one), so a moved event's new place gets its footprint at once. */
async function placesWrite(features: readonly EventFeature[]): Promise<FileWrite | null> {
	try {
		await stat(path.join(dataDir(), PLACES_FILE));
	} catch {
		return null;
	}
	try {
		return { file: PLACES_FILE, data: serializePlaces(buildPlaces(features, loadGazetteer())) };
	} catch (err) {
		// The events are saved without it; the footprints catch up at the next ingest.
		console.error(`places.geojson not refreshed: ${(err as Error).message}`);
		return null;
	}
}

function isCancelled(log: readonly Correction[], id: string): boolean {
	const cancelled = new Set<string>();
	for (let i = log.length - 1; i >= 0; i--) {
		const c = log[i]!;
		if (cancelled.has(c.id)) continue;
		if (c.op === 'undo') cancelled.add(c.undoes);
	}
	return cancelled.has(id);
}

// ---- articles -------------------------------------------------------------------------------------------------


/** `<dir>/<source id>.md` under the data folder, refusing anything that could leave that folder. */
function pathIn(folder: string, sourceId: string): string {
	if (!SAFE_NAME.test(sourceId)) {
		throw new StorageError(400, `${sourceIdProblem(sourceId)}.`);
	}
	const dir = path.join(dataDir(), folder);
	const file = path.resolve(dir, `${sourceId}.md`);
	if (path.dirname(file) !== dir) throw new StorageError(400, `Source id "${sourceId}" escapes the articles folder.`);
	return file;
}

/** A file name for a source id, refusing anything that could leave the articles folder. */
export function articlePath(sourceId: string): string {
	return pathIn(ARTICLES_DIR, sourceId);
}

/** Where the text extracted from a page, feed item or JSON line of this source id is stored (as the ingest does). */
export function extractedPath(sourceId: string): string {
	return pathIn(EXTRACTED_DIR, sourceId);
}

async function exists(file: string): Promise<boolean> {
	try {
		await stat(file);
		return true;
	} catch {
		return false;
	}
}

/** Whether an article file exists for this source id. */
export async function articleExists(sourceId: string): Promise<boolean> {
	return exists(articlePath(sourceId));
}

/** Whether an article of this source id is stored in any form the article pages read: `.md`, `.txt` or extracted text. */
export async function storedArticleExists(sourceId: string): Promise<boolean> {
	const md = articlePath(sourceId);
	for (const f of [md, md.replace(/\.md$/, '.txt'), extractedPath(sourceId)]) if (await exists(f)) return true;
	return false;
}
