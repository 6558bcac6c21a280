// `npm run geoparse -- --jsonl PATH...`: prints every place mention found and resolved, one JSON line per file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadGazetteer } from '../lib/server/gazetteer/index';
import { fsErrorLine } from './fserror';

const HELP = `Usage: npm run geoparse -- --jsonl PATH...

Finds and resolves place mentions in articles (.md or .txt, UTF-8; files or directories, searched recursively).
For each file prints one JSON line:
  {"file": "...", "places": [{"text", "start", "end", "name", "lat", "lon", "kind", "geonames_id"}]}
Offsets are UTF-16 code units into the article body; YAML front matter between leading '---' lines is skipped
(body.slice(start, end) === text). The language comes from the front matter's 'language' field, else from the
script of the text (Arabic or not).

Options:
  --jsonl   one JSON object per line (the only output format)
  --help    this text

Exit status: 0 when every file was read, 1 when any could not be (each reported on stderr) or the output
cannot be written (one line says why), 2 on bad usage.`;

const EXTENSIONS = new Set(['.md', '.txt']);

/** Splits YAML front matter from the body; the body starts right after the closing '---' line. */
export function splitFrontMatter(raw: string): { meta: Record<string, unknown>; body: string } {
	const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
	const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
	if (!m) return { meta: {}, body: text };
	const meta = parseYaml(m[1]!) as unknown;
	if (meta !== null && (typeof meta !== 'object' || Array.isArray(meta))) throw new Error('front matter is not a YAML mapping');
	return { meta: (meta ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) };
}

function guessLanguage(body: string): string {
	const arabic = (body.match(/[\u0600-\u06FF]/g) ?? []).length;
	const latin = (body.match(/[A-Za-z]/g) ?? []).length;
	return arabic > latin ? 'ar' : 'en';
}

function collect(p: string, out: string[]): void {
	const st = statSync(p);
	if (st.isDirectory()) {
		for (const name of readdirSync(p).sort()) {
			const child = path.join(p, name);
			if (statSync(child).isDirectory() || EXTENSIONS.has(path.extname(name).toLowerCase())) collect(child, out);
		}
	} else out.push(p);
}

/** Writing the output failed (disk full, a closed pipe): the run stops, whatever file it was on. */
class OutputError extends Error {
	constructor(readonly error: unknown) {
		super((error as Error).message);
	}
}

/** One line for an output that cannot be written, no stack trace; exits 1 (a closed pipe, e.g. `| head`, exits 0). */
function outputFailed(e: unknown): never {
	if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
	console.error(`geoparse: cannot write the output ${fsErrorLine(e, '(standard output)') ?? `(standard output): ${(e as Error).message}`}`);
	process.exit(1);
}

function main(argv: string[]): number {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(HELP);
		return 0;
	}
	const unknown = argv.filter((a) => a.startsWith('-') && a !== '--jsonl');
	const paths = argv.filter((a) => !a.startsWith('-'));
	if (unknown.length > 0 || paths.length === 0) {
		console.error(unknown.length > 0 ? `geoparse: unknown option ${unknown.join(' ')}` : 'geoparse: no PATH given');
		console.error('Try: npm run geoparse -- --help');
		return 2;
	}
	let failed = 0;
	const gazetteer = loadGazetteer();
	for (const p of paths) {
		const files: string[] = [];
		try {
			collect(p, files);
		} catch (e) {
			console.error(`geoparse: ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
			failed++;
			continue;
		}
		for (const file of files) {
			try {
				const buf = readFileSync(file);
				if (buf.includes(0)) throw new Error('binary file (contains NUL bytes)');
				const raw = new TextDecoder('utf-8', { fatal: true }).decode(buf);
				const { meta, body } = splitFrontMatter(raw);
				const language = typeof meta.language === 'string' && meta.language ? meta.language : guessLanguage(body);
				const places = gazetteer.geoparseDocument(body, { language }).map((m) => ({
					text: m.text,
					start: m.start,
					end: m.end,
					name: m.place.name,
					lat: m.place.lat,
					lon: m.place.lon,
					kind: m.place.kind,
					geonames_id: m.place.geonames_id
				}));
				try {
					process.stdout.write(JSON.stringify({ file, places }) + '\n');
				} catch (e) {
					throw new OutputError(e);
				}
			} catch (e) {
				if (e instanceof OutputError) throw e;
				const msg = e instanceof TypeError && /decode|encoded/i.test(e.message) ? 'not valid UTF-8' : (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (e as Error).message;
				console.error(`geoparse: ${file}: ${msg}`);
				failed++;
			}
		}
	}
	return failed > 0 ? 1 : 0;
}

// Output piped into `head` closes early: that is not an error. Asynchronous writes (pipes) fail here.
process.stdout.on('error', outputFailed);
try {
	process.exitCode = main(process.argv.slice(2));
} catch (e) {
	// Synchronous writes (files, /dev/full) fail inside main.
	if (!(e instanceof OutputError)) throw e;
	outputFailed(e.error);
}
