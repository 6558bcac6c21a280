import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'src/cli/geoparse.ts');

function run(args: string[]) {
	return spawnSync(tsx, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

describe('npm run geoparse', () => {
	it('prints one JSON line per file with verbatim offsets into the body after the front matter', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'geoparse-'));
		const body = 'Migrants massed at the Polish border near Grodno, Belarus.\n';
		writeFileSync(path.join(dir, 'a.md'), `---\ntitle: Border\nlanguage: en\n---\n${body}`);
		mkdirSync(path.join(dir, 'sub'));
		const arBody = 'التقى لوكاشينكو ببوتين في سوتشي.';
		writeFileSync(path.join(dir, 'sub', 'b.txt'), arBody);
		writeFileSync(path.join(dir, 'ignored.json'), '{}');
		const out = execFileSync(tsx, [cli, '--jsonl', dir], { cwd: root, encoding: 'utf8' });
		const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { file: string; places: { text: string; start: number; end: number; name: string; lat: number; lon: number; kind: string; geonames_id: number | null }[] });
		expect(lines.map((l) => path.relative(dir, l.file))).toEqual(['a.md', path.join('sub', 'b.txt')]);
		const [a, b] = lines;
		for (const p of a!.places) expect(body.slice(p.start, p.end)).toBe(p.text);
		expect(a!.places.map((p) => [p.text, p.kind])).toEqual([
			['Polish border', 'border'],
			['Grodno', 'city'],
			['Belarus', 'country']
		]);
		expect(a!.places[1]).toMatchObject({ name: 'Hrodna', geonames_id: 627904 });
		expect(Object.keys(a!.places[0]!).sort()).toEqual(['end', 'geonames_id', 'kind', 'lat', 'lon', 'name', 'start', 'text']);
		expect(b!.places).toHaveLength(1);
		expect(arBody.slice(b!.places[0]!.start, b!.places[0]!.end)).toBe('سوتشي');
	});

	it('reports unreadable files by name, processes the rest and exits non-zero', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'geoparse-'));
		writeFileSync(path.join(dir, 'good.txt'), 'Talks were held in Minsk.');
		writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
		const res = run(['--jsonl', path.join(dir, 'bad.txt'), path.join(dir, 'missing.md'), path.join(dir, 'good.txt')]);
		expect(res.status).toBe(1);
		expect(res.stderr).toContain('bad.txt');
		expect(res.stderr).toContain('missing.md');
		const lines = res.stdout.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0]!).places[0].name).toBe('Minsk');
	});

	it('prints help and exits 0 with --help; exits 2 without a path', () => {
		const help = run(['--help']);
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('--jsonl');
		expect(run(['--jsonl']).status).toBe(2);
	});

	it('prints one line naming the output and the cause, with no stack trace, when it cannot write (disk full)', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'geoparse-full-'));
		writeFileSync(path.join(dir, 'a.md'), 'Migrants massed near Grodno.\n');
		const full = openSync('/dev/full', 'w');
		const r = spawnSync(tsx, [cli, '--jsonl', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
		closeSync(full);
		expect(r.status).toBe(1);
		expect(r.stderr.trim().split('\n')).toEqual(['geoparse: cannot write the output (standard output): no space left on the device']);
	});
});
