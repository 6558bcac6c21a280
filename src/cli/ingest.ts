// `npm run ingest -- [--out FILE] PATH...`: articles (files or folders of .md/.txt) → events.geojson + places.geojson.
import path from 'node:path';
import { loadGazetteer } from '../lib/server/gazetteer/index';
import { LockBusyError, withDataLock } from '../lib/server/lock';
import { ingestPaths } from '../lib/server/pipeline/ingest';
import { fsErrorLine } from './fserror';

const HELP = `Usage: npm run ingest -- [--out FILE] PATH...

Reads news articles (.md/.txt, UTF-8, optional YAML front matter) from the files and folders given,
extracts dated, geocoded events and writes them as GeoJSON. An article is a regular file of at most 4 MB
(not a FIFO or device) with no control characters, named so that its stem is a valid source id (1-120 of
a-z 0-9 _ -); other files are reported by name and skipped. Inside a folder, symbolic links are reported,
not followed: give a link's target as a PATH to ingest it.
Output:
  FILE                    events (default geodata/events.geojson)
  places.geojson          beside FILE: every place used, with its shape; both files are written as
                          one commit (all old or all new, even if the run is killed)
  corrections.json        beside FILE: the analysts' log, re-applied on top (absent = none)

While it runs, FILE's folder is locked (its .lock file): the server's saves wait or are refused, never lost.
If another writer holds the lock, this run waits up to $GEODATA_LOCK_WAIT_MS ms (default 10000), then exits 1.
A commit that an interrupted writer left in the folder is first completed or rolled back.

Options:
  --out FILE   where to write the events
  -h, --help   show this help

Exit status: 0 when every file was ingested, 1 when any failed (the others are still written) or when no
article was read (all failed, or no .md/.txt file was found: nothing is written and the stored files stay as
they were) or when another writer kept the folder locked or the output cannot be written (read-only, full, not a folder:
one line names the file and the cause; nothing is written), 2 on usage errors.`;

function parseArgs(argv: string[]): { out: string; paths: string[] } | null {
	let out = path.join('geodata', 'events.geojson');
	const paths: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '-h' || a === '--help') return null;
		if (a === '--out') {
			const v = argv[++i];
			if (!v) throw new Error('--out needs a file name');
			out = v;
		} else if (a.startsWith('--out=')) out = a.slice(6);
		else if (a === '--') continue;
		else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
		else paths.push(a);
	}
	if (!paths.length) throw new Error('no PATH given');
	return { out, paths };
}

function progressBar(): (done: number, total: number) => void {
	if (!process.stderr.isTTY) return () => {};
	let last = -1;
	return (done, total) => {
		if (total < 20) return;
		const pct = Math.floor((done / total) * 100);
		if (pct === last && done !== total) return;
		last = pct;
		const width = 30;
		const fill = Math.round((done / total) * width);
		process.stderr.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} articles${done === total ? '\n' : ''}`);
	};
}

/** Why no article was read: every input failed, or the paths hold no article files at all. */
function nothingRead(failures: number, paths: readonly string[]): string {
	return failures ? 'no input could be read' : `no .md or .txt article found in ${paths.join(', ')}`;
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (err) {
		console.error(`ingest: ${(err as Error).message}\n\n${HELP}`);
		return 2;
	}
	if (!args) {
		console.log(HELP);
		return 0;
	}
	const gazetteer = loadGazetteer();
	const t0 = performance.now();
	let summary;
	try {
		// The whole run holds the folder's lock: corrections.json is read at the start and the events written at the end.
		summary = await withDataLock(path.dirname(path.resolve(args.out)), 'npm run ingest', () =>
			ingestPaths(args.paths, { out: args.out, gazetteer, onProgress: progressBar() })
		);
	} catch (err) {
		// A folder that cannot be written (read-only, full, not a folder): one line naming it, no stack trace.
		const fs = fsErrorLine(err);
		if (!(err instanceof LockBusyError) && !fs) throw err;
		console.error(`ingest: ${fs ? `${fs}; nothing was written` : (err as Error).message}`);
		return 1;
	}
	const s = ((performance.now() - t0) / 1000).toFixed(2);
	for (const f of summary.failed) console.error(`FAILED ${f.file}: ${f.reason}`);
	for (const o of summary.orphans) console.error(`orphan correction ${o.id} (${o.op}): event ${o.event_id} is no longer produced; kept in the log`);
	console.error(
		`ingest: ${summary.articles} articles, ${summary.events} events, ${summary.places} places, ` +
			`${summary.mentions} place mentions, ${summary.unplaced} event sentences without a resolvable place, ` +
			`${summary.corrections} corrections (${summary.orphans.length} orphans), ${summary.failed.length} failed files, ${s} s\n` +
			(summary.written ? `wrote ${summary.out} and ${summary.placesOut}` : `wrote nothing: ${nothingRead(summary.failed.length, args.paths)}, so ${summary.out} is left as it was`)
	);
	return summary.failed.length || !summary.written ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(err) => {
		// Not a file-system error: a bug or a broken input such as corrections.json, whose message names it.
		console.error(`ingest: ${(err as Error).message ?? err}`);
		process.exitCode = 1;
	}
);
