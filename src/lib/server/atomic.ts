// Crash-safe file replacement: write a temp file beside the target, fsync it, rename over, fsync the folder.
import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { TEXT_SLICE, textSlices } from './slices';
import { docPieces, type LineDoc } from './lines';

/**
 * Writes `data` to a new temp file beside `file` (same folder, so a rename onto `file` is atomic) and fsyncs it.
 * Returns the temp's path; on failure nothing is left behind.
 */
export async function writeTemp(file: string, data: string | Uint8Array | LineDoc): Promise<string> {
	const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`); // see TEMP_NAME
	const fh = await open(tmp, 'wx', 0o644);
	try {
		if (typeof data === 'string' && data.length > TEXT_SLICE) {
			// A big text (tens of MB) is encoded and written a slice at a time, so other requests run in between.
			for (const slice of textSlices(data)) await writeAll(fh, slice);
		} else if (typeof data === 'string' || data instanceof Uint8Array) await fh.writeFile(data);
		else {
			// A store of any size, a piece at a time, hashed on the way (its ETag, without encoding it all again).
			const hash = createHash('sha1');
			for (const piece of docPieces(data)) hash.update(await writeAll(fh, piece));
			written.set(data, `"${hash.digest('base64url')}"`);
		}
		await fh.sync(); // the bytes are on disk before the name points at them
	} catch (err) {
		await fh.close().catch(() => {});
		await unlink(tmp).catch(() => {});
		throw err;
	}
	await fh.close();
	return tmp;
}

async function writeAll(fh: FileHandle, text: string): Promise<Buffer> {
	const bytes = Buffer.from(text, 'utf8');
	for (let done = 0; done < bytes.length; ) done += (await fh.write(bytes, done)).bytesWritten;
	return bytes;
}

/** The SHA-1 (as a quoted ETag) of each LineDoc writeTemp wrote, so the store need not hash it again. */
const written = new WeakMap<LineDoc, string>();

/** The ETag of the bytes writeTemp wrote for `doc`, if it wrote it. */
export function writtenEtag(doc: LineDoc): string | undefined {
	return written.get(doc);
}

/** Persists the folder's entries (a rename, an unlink); some file systems refuse fsync on a folder: best effort. */
export async function syncDir(dir: string): Promise<void> {
	try {
		const dh = await open(dir, 'r');
		try {
			await dh.sync();
		} finally {
			await dh.close();
		}
	} catch {
		/* best effort */
	}
}

/**
 * Replaces `file` with `data` so that a reader (or a crash at any instant) sees either the old bytes or the new
 * ones, never a mix: rename(2) within one folder is atomic on POSIX file systems. For several files at once, see
 * journal.ts.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array | LineDoc): Promise<void> {
	const tmp = await writeTemp(file, data);
	try {
		await rename(tmp, file);
	} catch (err) {
		await unlink(tmp).catch(() => {});
		throw err;
	}
	await syncDir(path.dirname(file));
}

/** The temp name writeTemp uses: `.<file>.<pid>.<12 hex>.tmp`. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** Whether a process with this pid runs on this machine. */
export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0); // signal 0: only asks whether the process exists
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to someone else
	}
}

/**
 * Deletes the temp files writeTemp (and so writeFileAtomic) left in `dir` when its process died mid-write (kill -9, power cut): those
 * whose writer pid no longer runs. A live writer's temp is kept. Assumes one machine writes the folder (pids are
 * per machine). Returns the names removed; a missing folder removes nothing.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
	const removed: string[] = [];
	const names = await readdir(dir).catch(() => [] as string[]);
	for (const name of names) {
		const pid = Number(TEMP_NAME.exec(name)?.[1] ?? NaN);
		if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
		await unlink(path.join(dir, name)).then(
			() => removed.push(name),
			() => {}
		);
	}
	return removed;
}
