// `npm run bench import`: an ACLED-shaped CSV of IMPORT_ROWS rows (default 100,000; the target is 1,000,000 in
// ≤ 90 s) imported by `npm run import` into a copy of geodata/: wall time of reading and of saving, and peak memory.
// Prints figures, asserts nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeAcledCsv } from '../scripts/synth-acled';

const ROOT = path.resolve(import.meta.dirname, '..');

export async function benchImport(): Promise<Record<string, number>> {
	const rows = Number(process.env.IMPORT_ROWS ?? 100_000);
	const dir = mkdtempSync(path.join(tmpdir(), 'import-bench-'));
	try {
		const data = path.join(dir, 'geodata');
		cpSync(path.join(ROOT, 'geodata'), data, { recursive: true });
		const csv = path.join(dir, 'acled.csv');
		writeAcledCsv(csv, rows, 7);
		const mb = statSync(csv).size / 1e6;
		const t0 = performance.now();
		const res = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/import.ts'), csv], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, TZ: 'UTC', GEODATA_DIR: data, NODE_OPTIONS: '--max-old-space-size=12288' },
			maxBuffer: 64 * 1024 * 1024
		});
		const wall = (performance.now() - t0) / 1000;
		if (res.status !== 0) throw new Error(`npm run import failed (${res.status}): ${res.stderr.slice(-2000)}`);
		const saved = Number(/in ([\d.]+) s \(peak memory/.exec(res.stdout)?.[1]);
		const peak = Number(/peak memory (\d+) MB/.exec(res.stdout)?.[1]);
		const imported = Number(/Imported ([\d,]+) events/.exec(res.stdout)?.[1]?.replace(/,/g, ''));
		const events = statSync(path.join(data, 'events.geojson')).size / 1e6;
		console.log(
			`${rows.toLocaleString('en')} ACLED rows (${mb.toFixed(0)} MB): ${imported.toLocaleString('en')} imported in ${wall.toFixed(1)} s (reading ${(wall - saved).toFixed(1)} s incl. start-up, saving ${saved.toFixed(1)} s) · peak memory ${peak} MB · events.geojson ${events.toFixed(0)} MB`
		);
		return { rows, wall, saved, peak, imported };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImport();
