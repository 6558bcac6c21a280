// One readable line for a file-system error in a CLI: the file it concerns and the cause, never a stack trace.

const CAUSES: Record<string, string> = {
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EROFS: 'the file system is read-only',
	ENOSPC: 'no space left on the device',
	EDQUOT: 'the disk quota is exceeded',
	EFBIG: 'the file is too large for the file system',
	EIO: 'an input/output error (a failing disk?)',
	ENOENT: 'no such file or folder',
	ENOTDIR: 'a part of the path is not a folder',
	EISDIR: 'is a folder',
	EMFILE: 'too many open files',
	EBUSY: 'the file is busy'
};

/** The temp name atomic.ts writes beside a target (`.<name>.<pid>.<12 hex>.tmp`): the target is what matters. */
const TEMP = /(^|\/)\.([^/]+)\.\d+\.[0-9a-f]{12}\.tmp$/;

/**
 * `FILE: CAUSE` for a Node file-system error (one with a `code`), naming the target rather than a temp file; null for
 * any other error.
 */
export function fsErrorLine(err: unknown, what?: string): string | null {
	const e = err as NodeJS.ErrnoException;
	if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !/^E[A-Z]+$/.test(e.code)) return null;
	const file = what ?? (typeof e.path === 'string' ? e.path.replace(TEMP, '$1$2') : 'a file');
	const cause = e.code === 'EEXIST' && e.syscall === 'mkdir' ? 'exists and is not a folder' : (CAUSES[e.code] ?? e.message);
	return `${file}: ${cause}`;
}
