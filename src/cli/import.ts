// `npm run import -- [--author NAME] [--skip-bad] [--dry-run] FILE.csv...`: ACLED-style CSV files of any size into
// the data folder, streamed, with a progress bar; the same mapping, de-duplication and commit as /import.
import { planMerge, parseAuthor, type ImportIssue } from '../lib/domain/importers';
import type { EventFeature } from '../lib/domain/event';
import { readAcledFile, type FileProgress } from '../lib/server/importfile';
import { commit, readState, StorageError } from '../lib/server/storage';
import { dataDir } from '../lib/server/store';
import { fsErrorLine } from './fserror';

const HELP = `Usage: npm run import -- [--author NAME] [--skip-bad] [--dry-run] FILE.csv...

Imports ACLED-style CSV exports (columns event_date, event_type, latitude, longitude, location, and optionally
event_id_cnty, sub_event_type, time_precision, geo_precision, iso, actor1, assoc_actor_1, actor2, assoc_actor_2,
source, notes) into the data folder ($GEODATA_DIR, default geodata/), as the /import page does, but from files of
any size: each file is read a megabyte at a time (UTF-8, an optional BOM), with a progress bar on the terminal.
Rows are mapped as on /import; an event already stored (same id, or same source, date and place) is skipped.
Every new event is added in one commit (all or nothing, under the folder's lock, with the correction log), so a
later \`npm run ingest\` keeps them.

Options:
  --author NAME  who imports, written in the correction log (default: $USER, else "import")
  --skip-bad     import the good rows of a file with bad ones (default: a file with any bad row imports nothing)
  --dry-run      read, check and count, and write nothing
  -h, --help     show this help

Exit status: 0 when everything asked was imported (or would be, with --dry-run), 1 when a file has problems
(listed, first 20) or cannot be read or the folder cannot be written (nothing is written then), 2 on usage errors.`;

interface Args {
	files: string[];
	author: string;
	skipBad: boolean;
	dryRun: boolean;
}

function parseArgs(argv: string[]): Args | 'help' | string {
	const args: Args = { files: [], author: process.env.USER || 'import', skipBad: false, dryRun: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '-h' || a === '--help') return 'help';
		else if (a === '--skip-bad') args.skipBad = true;
		else if (a === '--dry-run') args.dryRun = true;
		else if (a === '--author') {
			const v = argv[++i];
			if (v === undefined) return '--author needs a name';
			args.author = v;
		} else if (a.startsWith('-')) return `unknown option ${a}`;
		else args.files.push(a);
	}
	if (!args.files.length) return 'no file given';
	try {
		args.author = parseAuthor(args.author);
	} catch (err) {
		return `--author: ${(err as Error).message}`;
	}
	return args;
}

const n = (x: number) => x.toLocaleString('en');

/** A progress line drawn in place on a terminal; on a pipe or a log, a line at each tenth of the file. */
function progressBar(file: string): (p: FileProgress) => void {
	const tty = process.stderr.isTTY;
	const t0 = Date.now();
	let lastTenth = -1;
	let lastDraw = 0;
	return (p) => {
		const frac = p.total ? p.bytes / p.total : 1;
		const mbps = p.bytes / 1e6 / Math.max(0.001, (Date.now() - t0) / 1000);
		if (tty) {
			if (Date.now() - lastDraw < 100 && frac < 1) return;
			lastDraw = Date.now();
			const width = 30;
			const filled = Math.round(frac * width);
			process.stderr.write(`\r${file} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(frac * 100)} % · ${n(p.rows)} rows · ${mbps.toFixed(0)} MB/s${frac >= 1 ? '\n' : ''}`);
		} else {
			const tenth = Math.floor(frac * 10);
			if (tenth === lastTenth) return;
			lastTenth = tenth;
			process.stderr.write(`${file}: ${tenth * 10} % · ${n(p.rows)} rows · ${mbps.toFixed(0)} MB/s\n`);
		}
	};
}

function listIssues(file: string, issues: readonly ImportIssue[], count: number): void {
	for (const i of issues.slice(0, 20)) console.error(`${file}: ${i.message}`);
	if (count > 20) console.error(`${file}: … and ${n(count - 20)} more problem(s)`);
}

async function main(): Promise<number> {
	const parsed = parseArgs(process.argv.slice(2));
	if (parsed === 'help') {
		console.log(HELP);
		return 0;
	}
	if (typeof parsed === 'string') {
		console.error(`import: ${parsed}\n\n${HELP}`);
		return 2;
	}
	const incoming: EventFeature[] = [];
	let failed = false;
	for (const file of parsed.files) {
		let read;
		try {
			read = await readAcledFile(file, { onProgress: progressBar(file) });
		} catch (err) {
			console.error(fsErrorLine(err, file) ?? `${file}: ${(err as Error).message}`);
			failed = true;
			continue;
		}
		if (read.issueCount) {
			listIssues(file, read.issues, read.issueCount);
			const whole = read.issues.some((i) => i.feature === null) || !parsed.skipBad;
			console.error(`${file}: ${n(read.issueCount)} problem(s) in ${n(read.rows)} rows; ${whole ? 'nothing of it is imported' : `its ${n(read.features.length)} good rows are imported (--skip-bad)`}`);
			if (whole) {
				failed = true;
				continue;
			}
		}
		for (const f of read.features) incoming.push(f);
	}
	if (failed && !parsed.skipBad) {
		console.error('Nothing was imported: fix the problems above (or give --skip-bad to import the good rows).');
		return 1;
	}
	const state = await readState();
	const plan = planMerge(state.events, incoming);
	console.log(`${n(incoming.length)} events read: ${n(plan.fresh.length)} new, ${n(plan.duplicates.length)} already stored or repeated.`);
	if (parsed.dryRun || !plan.fresh.length) {
		if (parsed.dryRun) console.log('--dry-run: nothing written.');
		return failed ? 1 : 0;
	}
	const t0 = Date.now();
	process.stderr.write(`Saving ${n(plan.fresh.length)} events to ${dataDir()} …\n`);
	const res = await commit(
		plan.fresh.map((f) => ({ op: 'add' as const, event_id: f.properties.id, feature: f, note: `imported from ${parsed.files.join(', ')}` })),
		{ author: parsed.author, onExisting: 'skip', eventResults: false }
	);
	const peak = process.resourceUsage().maxRSS / 1024;
	console.log(`Imported ${n(res.applied.length)} events in ${((Date.now() - t0) / 1000).toFixed(1)} s (peak memory ${peak.toFixed(0)} MB); the store now holds ${n(state.events.length + res.applied.length)}.`);
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(err: unknown) => {
		if (err instanceof StorageError) console.error(`import: ${err.message}`);
		else console.error(fsErrorLine(err) ?? `import: ${(err as Error).stack ?? err}`);
		process.exit(1);
	}
);
