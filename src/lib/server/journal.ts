// All-or-nothing commits of several files of the data folder: temps first, one journal record, then the renames.
import { mkdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { removeStaleTemps, syncDir, writeFileAtomic, writeTemp } from './atomic';
import type { LineDoc } from './lines';

/**
 * The commit record: which temps become which files. Written (atomically) after every temp is on disk and before
 * the first rename, so its presence is the commit point: recovery finishes a commit it names, and a commit it does
 * not name never happened (its temps are garbage).
 */
export const JOURNAL_FILE = '.commit.json';

/** Subfolders of the data folder where commits write too; recovery sweeps their temps as well. */
const SUBFOLDERS = ['articles', 'articles/.extracted'];

export interface FileWrite {
	/** Path relative to the data folder, e.g. `events.geojson` or `articles/x.md`. */
	file: string;
	/** A LineDoc for the stores, written a piece at a time (they may be larger than one string can hold). */
	data: string | Uint8Array | LineDoc;
}

interface Journal {
	version: 1;
	/** Paths relative to the data folder. */
	renames: { from: string; to: string }[];
}

/** `rel` resolved inside `dir`, refusing anything that leaves it (a journal is data read from disk). */
function inside(dir: string, rel: string): string {
	const full = path.resolve(dir, rel);
	const back = path.relative(dir, full);
	if (!back || back.startsWith('..') || path.isAbsolute(back)) throw new Error(`${JOURNAL_FILE}: path "${rel}" is outside ${dir}`);
	return full;
}

/**
 * Replaces every file of `writes` in `dir` as one commit: after a crash at any instant, recovery (recoverDataDir)
 * leaves either all of them old or all of them new. Call it under the data-folder lock (lock.ts).
 */
export async function commitFiles(dir: string, writes: readonly FileWrite[]): Promise<void> {
	const renames: Journal['renames'] = [];
	try {
		for (const w of writes) {
			const target = inside(dir, w.file);
			await mkdir(path.dirname(target), { recursive: true });
			renames.push({ from: path.relative(dir, await writeTemp(target, w.data)), to: w.file });
		}
		await writeFileAtomic(path.join(dir, JOURNAL_FILE), `${JSON.stringify({ version: 1, renames } satisfies Journal)}\n`);
	} catch (err) {
		// Before the commit point: nothing happened; drop the temps.
		await Promise.all(renames.map((r) => unlink(path.join(dir, r.from)).catch(() => {})));
		throw err;
	}
	try {
		await rollForward(dir);
	} catch (err) {
		// After the commit point the commit is decided: the next writer or the next start finishes it.
		throw new Error(`the change is recorded but not yet in place (${(err as Error).message}); the next write or a restart completes it`);
	}
}

/** Performs the renames a journal names (those not yet done), then deletes it. False when there is no journal. */
async function rollForward(dir: string): Promise<boolean> {
	const file = path.join(dir, JOURNAL_FILE);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw err;
	}
	let journal: Journal;
	try {
		journal = JSON.parse(text) as Journal;
		if (journal.version !== 1 || !Array.isArray(journal.renames)) throw new Error('not a version-1 journal');
	} catch (err) {
		throw new Error(`${file} is unreadable (${(err as Error).message}); move it away by hand after checking the data files`);
	}
	const folders = new Set<string>();
	for (const r of journal.renames) {
		const from = inside(dir, r.from);
		const to = inside(dir, r.to);
		try {
			await rename(from, to);
		} catch (err) {
			// Renamed already, by the commit itself before it died or by an earlier recovery.
			if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
		}
		folders.add(path.dirname(to));
	}
	for (const f of folders) await syncDir(f);
	await unlink(file);
	await syncDir(dir);
	return true;
}

export interface Recovery {
	/** Whether a complete journal was found and its commit finished. */
	rolledForward: boolean;
	/** Temp files of writers that died before their commit point (rolled back). */
	removed: string[];
}

/**
 * Makes the data folder whole after a crash: finishes a commit whose journal exists, then deletes the temps of
 * dead writers (commits that never reached their journal). Call it under the data-folder lock, before writing.
 */
export async function recoverDataDir(dir: string): Promise<Recovery> {
	const rolledForward = await rollForward(dir);
	const removed = await removeStaleTemps(dir);
	for (const sub of SUBFOLDERS) removed.push(...(await removeStaleTemps(path.join(dir, sub))).map((n) => `${sub}/${n}`));
	return { rolledForward, removed };
}
