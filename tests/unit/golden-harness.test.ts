import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkGolden } from '../fixtures/pipeline/golden';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'golden-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkGolden', () => {
	it('fails on a missing golden under CI and writes nothing', () => {
		const g = path.join(dir, 'a.geojson');
		expect(() => checkGolden(g, 'x', { CI: 'true' })).toThrow(/missing golden/);
		expect(existsSync(g)).toBe(false);
	});

	it('writes a missing golden outside CI', () => {
		const g = path.join(dir, 'b.geojson');
		expect(checkGolden(g, 'x', {})).toBe('written');
		expect(readFileSync(g, 'utf8')).toBe('x');
	});

	it('on a mismatch keeps the golden, writes <name>-changed beside it and fails; a match removes it', () => {
		const g = path.join(dir, 'c.geojson');
		writeFileSync(g, 'old');
		expect(() => checkGolden(g, 'new', {})).toThrow(/differs/);
		expect(readFileSync(g, 'utf8')).toBe('old');
		expect(readFileSync(path.join(dir, 'c-changed.geojson'), 'utf8')).toBe('new');
		expect(checkGolden(g, 'old', {})).toBe('match');
		expect(existsSync(path.join(dir, 'c-changed.geojson'))).toBe(false);
	});
});
