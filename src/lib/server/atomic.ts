// Crash-safe file replacement: write a temp file beside the target, fsync it, rename over, fsync the folder.
import { open, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Replaces `file` with `data` so that a reader (or a crash at any instant) sees either the old bytes or the new
 * ones, never a mix: rename(2) within one folder is atomic on POSIX file systems.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
	const dir = path.dirname(file);
	const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
	const fh = await open(tmp, 'wx', 0o644);
	try {
		await fh.writeFile(data);
		await fh.sync(); // the bytes are on disk before the name points at them
	} catch (err) {
		await fh.close().catch(() => {});
		await unlink(tmp).catch(() => {});
		throw err;
	}
	await fh.close();
	try {
		await rename(tmp, file);
	} catch (err) {
		await unlink(tmp).catch(() => {});
		throw err;
	}
	// Persist the rename itself (the directory entry); some file systems refuse fsync on a folder.
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
