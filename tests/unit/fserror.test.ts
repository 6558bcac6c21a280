// The CLIs' one-line file-system errors: the file concerned (the target, not its temp) and a plain cause.
import { describe, expect, it } from 'vitest';
import { fsErrorLine } from '../../src/cli/fserror';

const errno = (code: string, syscall: string, p: string) => Object.assign(new Error(`${code}: raw, ${syscall} '${p}'`), { code, syscall, path: p });

describe('fsErrorLine', () => {
	it('names the target of a temp file and says the cause in words', () => {
		expect(fsErrorLine(errno('ENOSPC', 'write', '/data/.events.geojson.4242.0123456789ab.tmp'))).toBe('/data/events.geojson: no space left on the device');
		expect(fsErrorLine(errno('EROFS', 'open', '/data/.lock'))).toBe('/data/.lock: the file system is read-only');
		expect(fsErrorLine(errno('EEXIST', 'mkdir', '/data'))).toBe('/data: exists and is not a folder');
	});

	it('leaves errors that are not about files to the caller', () => {
		expect(fsErrorLine(new Error('bug'))).toBeNull();
		expect(fsErrorLine('text')).toBeNull();
	});
});
