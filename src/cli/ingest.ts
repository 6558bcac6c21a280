// `npm run ingest -- [--out FILE] [--watch DIR] PATH...`: articles, saved pages, feeds, dumps → events.geojson + places.geojson.
import { watch } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { loadGazetteer } from '../lib/server/gazetteer/index';
import { INPUT_EXT } from '../lib/server/inputs/index';
import { LockBusyError, withDataLock } from '../lib/server/lock';
import { ingestPaths, type IngestSummary } from '../lib/server/pipeline/ingest';
import { fsErrorLine } from './fserror';

const HELP = `Usage: npm run ingest -- [--out FILE] [--jobs N] [--no-cache] [--watch DIR] PATH...

Reads news articles from the files and folders given, extracts dated, geocoded events and writes them as
GeoJSON. Inputs, by extension:
  .md .txt                article text (UTF-8), optional YAML front matter (title, url, publisher,
                          published, language): one article
  .html .htm .xhtml       a web page saved from the browser: the story's text (navigation, banners, ads and
                          related links cut) and the page's metadata (canonical URL, og:site_name,
                          article:published_time / JSON-LD datePublished / <time datetime>, <html lang>)
  .xml .rss .atom         an RSS 2.0 or Atom feed: one article per item
  .jsonl .ndjson          JSON Lines: one article per line, {"text": ..., plus the front matter's optional
                          fields and "source_id"}
Pages and feeds are read in the encoding they declare (<meta charset>, the XML declaration; e.g.
windows-1251), JSON Lines as UTF-8. A bad item is reported with its file and number ("item 3", "line 7")
and the other items still go in. An input is a regular file of at most 4 MB (not a FIFO or device) with no
control characters, named so that its stem is a valid source id (1-120 of a-z 0-9 _ -); a feed item's or
JSON line's source id is the file's plus a hash of its guid, link or text. Other files are reported by name
and skipped. Inside a folder, symbolic links are reported, not followed: give a link's target as a PATH.
Output:
  FILE                    events (default geodata/events.geojson)
  places.geojson          beside FILE: every place used, with its shape; both files are written as
                          one commit (all old or all new, even if the run is killed)
  corrections.json        beside FILE: the analysts' log, re-applied on top (absent = none)
  articles/.extracted/    beside FILE: the text extracted from each page, feed item and JSON line (with its
                          metadata as front matter), which the article pages show; written in the same commit
  .ingest-cache.jsonl     beside FILE: what each input gave, keyed by its name, bytes and the pipeline's
                          version (its code, data and dependencies); unchanged inputs are not read again,
                          and the output is byte-identical to a run without it

While it runs, FILE's folder is locked (its .lock file): the server's saves wait or are refused, never lost.
If another writer holds the lock, this run waits up to $GEODATA_LOCK_WAIT_MS ms (default 10000), then exits 1.
A commit that an interrupted writer left in the folder is first completed or rolled back.

Options:
  --out FILE   where to write the events
  --jobs N     extract on N threads: the main one and N - 1 workers, started once more than 16
               files need extracting (default: the machine's cores, here ${availableParallelism()}); the
               output is byte-identical to --jobs 1, which extracts on the main thread only
  --no-cache   read every input again (and leave the cache as it was)
  --watch DIR  after the first run, keep running: ingest again whenever a file under DIR is added, changed
               or removed (DIR is ingested with the PATHs), one commit per change; stop with Ctrl-C
  -h, --help   show this help

Exit status: 0 when every file was ingested, 1 when any failed (the others are still written) or when no
article was read (all failed, or no input file was found: nothing is written and the stored files stay as
they were) or when another writer kept the folder locked or the output cannot be written (read-only, full, not a folder:
one line names the file and the cause; nothing is written), 2 on usage errors.`;

interface Args {
	out: string;
	paths: string[];
	cache: boolean;
	watch: string | null;
	jobs: number;
}

function parseJobs(v: string): number {
	if (!/^[1-9]\d{0,2}$/.test(v)) throw new Error(`--jobs: expected a number of extracting threads from 1 to 999, got ${JSON.stringify(v)}`);
	return Number(v);
}

function parseArgs(argv: string[]): Args | null {
	let out = path.join('geodata', 'events.geojson');
	const paths: string[] = [];
	let cache = true;
	let watchDir: string | null = null;
	let jobs = availableParallelism();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '-h' || a === '--help') return null;
		if (a === '--out' || a === '--watch' || a === '--jobs') {
			const v = argv[++i];
			if (!v) throw new Error(`${a} needs ${a === '--out' ? 'a file name' : a === '--watch' ? 'a folder name' : 'a number'}`);
			if (a === '--out') out = v;
			else if (a === '--watch') watchDir = v;
			else jobs = parseJobs(v);
		} else if (a.startsWith('--jobs=')) jobs = parseJobs(a.slice(7)); else if (a.startsWith('--out=')) out = a.slice(6);
		else if (a.startsWith('--watch=')) watchDir = a.slice(8);
		else if (a === '--no-cache') cache = false;
		else if (a === '--') continue;
		else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
		else paths.push(a);
	}
	if (watchDir !== null && !paths.includes(watchDir)) paths.push(watchDir);
	if (!paths.length) throw new Error('no PATH given');
	return { out, paths, cache, watch: watchDir, jobs };
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
	return failures ? 'no input could be read' : `no article, page, feed or JSON Lines file found in ${paths.join(', ')}`;
}

/** One run under the data folder's lock, its report printed; the exit status it would give. */
async function runOnce(args: Args, gazetteer: () => ReturnType<typeof loadGazetteer>, progress: boolean): Promise<number> {
	const t0 = performance.now();
	let summary: IngestSummary;
	try {
		// The whole run holds the folder's lock: corrections.json is read at the start and the events written at the end.
		summary = await withDataLock(path.dirname(path.resolve(args.out)), 'npm run ingest', () =>
			ingestPaths(args.paths, { out: args.out, gazetteer, cache: args.cache, jobs: args.jobs, onProgress: progress ? progressBar() : undefined })
		);
	} catch (err) {
		// A folder that cannot be written (read-only, full, not a folder): one line naming it, no stack trace.
		const fs = fsErrorLine(err);
		if (!(err instanceof LockBusyError) && !fs) throw err;
		console.error(`ingest: ${fs ? `${fs}; nothing was written` : (err as Error).message}`);
		return 1;
	}
	const s = ((performance.now() - t0) / 1000).toFixed(2);
	for (const n of summary.notes) console.error(`NOTE ${n.file}: ${n.note}`);
	for (const f of summary.failed) console.error(`FAILED ${f.file}: ${f.reason}`);
	for (const o of summary.orphans) console.error(`orphan correction ${o.id} (${o.op}): event ${o.event_id} is no longer produced; kept in the log`);
	console.error(
		`ingest: ${summary.articles} articles, ${summary.events} events, ${summary.places} places, ` +
			`${summary.mentions} place mentions, ${summary.unplaced} event sentences without a resolvable place, ` +
			`${summary.corrections} corrections (${summary.orphans.length} orphans), ${summary.failed.length} failed, ` +
			`${summary.cached} files unchanged (cached), ${s} s\n` +
			(summary.written ? `wrote ${summary.out} and ${summary.placesOut}` : `wrote nothing: ${nothingRead(summary.failed.length, args.paths)}, so ${summary.out} is left as it was`)
	);
	return summary.failed.length || !summary.written ? 1 : 0;
}

/**
 * Runs again whenever something under `dir` changes: changes that land while a run is at work are gathered into
 * one more run after it (a burst of saves is one or two commits, not one each). Resolves when SIGINT/SIGTERM come.
 */
function watchFolder(args: Args, dir: string, gazetteer: () => ReturnType<typeof loadGazetteer>): Promise<number> {
	return new Promise((resolve) => {
		let running: Promise<unknown> | null = null;
		let pending = false;
		let timer: NodeJS.Timeout | null = null;
		const DEBOUNCE_MS = 200; // lets a browser finish writing a saved page before it is read
		const run = () => {
			timer = null;
			if (running) {
				pending = true;
				return;
			}
			running = runOnce(args, gazetteer, false)
				.catch((err) => console.error(`ingest: ${(err as Error).message ?? err}`))
				.finally(() => {
					running = null;
					if (pending) {
						pending = false;
						run();
					}
				});
		};
		const watcher = watch(dir, { recursive: true }, (_event, name) => {
			// Temps, the cache and the lock (when DIR holds the output too) are not inputs.
			const rel = name ? String(name) : '';
			const base = path.basename(rel);
			if (rel.split(path.sep).some((seg) => seg.startsWith('.')) || (base && !INPUT_EXT.test(base) && path.extname(base) !== '')) return;
			if (timer) clearTimeout(timer);
			timer = setTimeout(run, DEBOUNCE_MS);
		});
		console.error(`ingest: watching ${dir} (Ctrl-C to stop)`);
		const stop = () => {
			watcher.close();
			if (timer) clearTimeout(timer);
			void Promise.resolve(running).then(() => resolve(0));
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
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
	// Loaded on first use: a run whose inputs are all unchanged needs no gazetteer (the cache holds the places' shapes).
	let gazetteer: ReturnType<typeof loadGazetteer> | null = null;
	const gz = () => (gazetteer ??= loadGazetteer());
	const code = await runOnce(args, gz, true);
	if (args.watch === null) return code;
	return watchFolder(args, args.watch, gz);
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
