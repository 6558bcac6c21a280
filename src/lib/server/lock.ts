// One writer at a time per data folder, across processes: a lock file created with O_EXCL, held for one commit.
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { isRunning } from './atomic';
import { recoverDataDir } from './journal';

export const LOCK_FILE = '.lock';

/** What the lock file holds: who writes the folder now. */
export interface LockOwner {
	pid: number;
	hostname: string;
	/** ISO time the lock was taken. */
	started: string;
	/** Which program: "the server", "npm run ingest". */
	by: string;
}

/** The folder stayed locked by another live writer for the whole wait. */
export class LockBusyError extends Error {
	constructor(
		readonly owner: LockOwner | null,
		message: string
	) {
		super(message);
	}
}

export interface LockOptions {
	/** How long to wait for another writer to finish before refusing, in ms. */
	waitMs?: number; // default $GEODATA_LOCK_WAIT_MS, else 10 s: longer than a large commit, shorter than a client's patience
}

function defaultWait(): number {
	const ms = Number(process.env.GEODATA_LOCK_WAIT_MS);
	return Number.isFinite(ms) && ms >= 0 ? ms : 10_000;
}

const EMPTY_LOCK_GRACE_MS = 5_000; // an empty lock is being written (µs) or its writer died between open and write

function parseOwner(text: string | null): LockOwner | null {
	try {
		const o = JSON.parse(text ?? '') as LockOwner;
		return Number.isInteger(o.pid) && typeof o.hostname === 'string' ? o : null;
	} catch {
		return null;
	}
}

/** Whether nobody can be writing under this lock any more: its process is gone (same machine), or it stayed empty. */
async function isStale(file: string, owner: LockOwner | null): Promise<boolean> {
	if (owner) return owner.hostname === hostname() && !isRunning(owner.pid);
	try {
		return Date.now() - (await stat(file)).mtimeMs > EMPTY_LOCK_GRACE_MS;
	} catch {
		return false; // gone meanwhile: simply try again
	}
}

/** Creates `file` with O_EXCL holding `content`; false when it exists. */
async function createExclusive(file: string, content: string): Promise<boolean> {
	let fh;
	try {
		fh = await open(file, 'wx', 0o644);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw err;
	}
	try {
		await fh.writeFile(content);
		await fh.sync();
	} finally {
		await fh.close();
	}
	return true;
}

/**
 * Deletes a stale lock, under a second O_EXCL guard file, so that two processes that both found it stale cannot
 * both take it (the slower one would otherwise delete the faster one's fresh lock).
 */
async function breakStale(file: string, seen: string): Promise<void> {
	const guard = `${file}.break`;
	if (!(await createExclusive(guard, JSON.stringify({ pid: process.pid, hostname: hostname() })))) {
		const holder = parseOwner(await readFile(guard, 'utf8').catch(() => null));
		if (await isStale(guard, holder)) await unlink(guard).catch(() => {});
		return;
	}
	try {
		const now = await readFile(file, 'utf8').catch(() => null);
		if (now === seen) await unlink(file).catch(() => {});
	} finally {
		await unlink(guard).catch(() => {});
	}
}

function describe(owner: LockOwner | null): string {
	return owner ? `${owner.by} (pid ${owner.pid} on ${owner.hostname}, since ${owner.started})` : 'another writer';
}

/**
 * Takes the data folder's lock, waiting up to `waitMs` for another writer; a lock whose process is gone is taken
 * over. Resolves to the function that releases it. Throws LockBusyError naming the other writer.
 */
export async function acquireLock(dir: string, by: string, opts: LockOptions = {}): Promise<() => Promise<void>> {
	const file = path.join(dir, LOCK_FILE);
	const mine = JSON.stringify({ pid: process.pid, hostname: hostname(), started: new Date().toISOString(), by } satisfies LockOwner);
	const deadline = Date.now() + (opts.waitMs ?? defaultWait());
	await mkdir(dir, { recursive: true });
	for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
		if (await createExclusive(file, mine)) {
			return async () => {
				// Only our own lock: after a takeover the file may be someone else's.
				if ((await readFile(file, 'utf8').catch(() => null)) === mine) await unlink(file).catch(() => {});
			};
		}
		const seen = await readFile(file, 'utf8').catch(() => null);
		if (seen === null) continue; // released meanwhile
		const owner = parseOwner(seen);
		if (await isStale(file, owner)) {
			await breakStale(file, seen);
			continue;
		}
		if (Date.now() >= deadline) {
			throw new LockBusyError(owner, `The data folder ${dir} is being written by ${describe(owner)}; nothing was changed. Try again when it has finished.`);
		}
		await new Promise((r) => setTimeout(r, delay));
	}
}

/**
 * Runs `fn` holding the data folder's lock, after recovering the folder from any crashed commit (journal.ts), so
 * every writer starts from a whole state. The lock is held for this one read-modify-write only.
 */
export async function withDataLock<T>(dir: string, by: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
	const release = await acquireLock(dir, by, opts);
	try {
		const recovery = await recoverDataDir(dir);
		if (recovery.rolledForward) console.warn(`Completed a commit that an interrupted writer left in ${dir}`);
		if (recovery.removed.length) console.warn(`Removed ${recovery.removed.length} temp file(s) left by an interrupted write in ${dir}: ${recovery.removed.join(', ')}`);
		return await fn();
	} finally {
		await release();
	}
}
