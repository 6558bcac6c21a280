// Worker threads for the ingest (--jobs N): files go to whichever worker is free; results come back by task id, so
// the caller merges them in input order and the output is byte-identical to a run on one thread.
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './ingest';

export interface WorkerTask {
	id: number;
	file: string;
	bytes: Uint8Array;
	key: string;
}
export type WorkerReply = { id: number; result: FileResult } | { id: number; error: string };

/** Whole-file failures come back as this error, whose message names the file, as extractFile's own does. */
export class FileError extends Error {}

export interface Pool {
	/** Extracts one file on a worker; rejects with FileError when the file is unreadable. */
	run(file: string, bytes: Uint8Array, key: string): Promise<FileResult>;
	/** How many more files the workers can take now without one waiting behind two; 0 until they have started. */
	room(): number;
	close(): Promise<void>;
}

/**
 * worker.ts and the sources it imports as one plain ES module, written under node_modules/.cache (so its package
 * imports resolve as the sources' do), or null when it cannot be made (no esbuild, a read-only tree). A worker that
 * loads TypeScript through tsx spends seconds on its module graph: every import is a round trip to tsx's loader
 * thread. Each module keeps its own `import.meta.url` (its data files are found relative to it); packages stay
 * external, except the JSON files some import, which Node would not load without an import attribute.
 */
async function bundleWorker(): Promise<string | null> {
	const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
	const root = fileURLToPath(new URL('../../../../', import.meta.url));
	const outfile = path.join(root, 'node_modules', '.cache', 'conflict-map', `ingest-worker-${process.pid}-${Date.now()}.mjs`);
	try {
		const esbuild = await import('esbuild');
		await mkdir(path.dirname(outfile), { recursive: true });
		// Bundles left by runs that were killed: their process is gone.
		for (const name of await readdir(path.dirname(outfile))) {
			const pid = Number(/^ingest-worker-(\d+)-/.exec(name)?.[1]);
			if (pid && pid !== process.pid && !alive(pid)) await rm(path.join(path.dirname(outfile), name), { force: true });
		}
		await esbuild.build({
			entryPoints: [entry],
			outfile,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			alias: { $lib: path.join(root, 'src', 'lib') },
			logLevel: 'silent',
			plugins: [
				{
					name: 'own-url-and-json',
					setup(build) {
						build.onResolve({ filter: /^[^./].*\.json$/ }, (a) => ({ path: createRequire(a.importer).resolve(a.path) }));
						build.onLoad({ filter: /\.ts$/ }, async (a) => ({
							contents: (await readFile(a.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)),
							loader: 'ts'
						}));
					}
				}
			]
		});
		return outfile;
	} catch {
		await rm(outfile, { force: true });
		return null;
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * `size` workers (src/lib/server/pipeline/worker.ts, each loading the gazetteer once), from a bundle of the worker
 * (`bundleWorker`), or through tsx's loader where none can be made; a worker that dies fails every task it held.
 */
export function workerPool(size: number): Pool {
	const url = new URL('./worker.ts', import.meta.url);
	// A worker does not inherit the main thread's module hooks: without a bundle it registers tsx's own first.
	const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
	const pending = new Map<number, { resolve: (r: FileResult) => void; reject: (e: Error) => void; worker: Worker }>();
	const load = new Map<Worker, number>();
	const start = (script: string | null) => {
		const w = script ? new Worker(pathToFileURL(script)) : new Worker(boot, { eval: true });
		load.set(w, 0);
		w.on('message', (reply: WorkerReply) => {
			const p = pending.get(reply.id);
			if (!p) return;
			pending.delete(reply.id);
			load.set(w, load.get(w)! - 1);
			if ('error' in reply) p.reject(new FileError(reply.error));
			else p.resolve(reply.result);
		});
		const fail = (err: Error) => {
			for (const [id, p] of pending) {
				if (p.worker !== w) continue;
				pending.delete(id);
				p.reject(new Error(`ingest worker failed: ${err.message}`));
			}
		};
		w.on('error', fail);
		w.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
		return w;
	};
	const bundled = bundleWorker();
	let started: Worker[] | null = null;
	const ready = bundled.then((script) => (started = Array.from({ length: size }, () => start(script))));
	let next = 0;
	let held = 0; // files given to run() and not answered yet, counted before the workers are even up
	return {
		room() {
			return started ? 2 * started.length - held : 0;
		},
		async run(file, bytes, key) {
			held++;
			const workers = await ready;
			// The least busy worker: files differ a lot in size, so round-robin alone would leave one worker idle.
			const worker = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
			load.set(worker, load.get(worker)! + 1);
			const id = next++;
			return new Promise<FileResult>((resolve, reject) => {
				pending.set(id, { resolve, reject, worker });
				worker.postMessage({ id, file, bytes, key } satisfies WorkerTask);
			}).finally(() => held--);
		},
		async close() {
			const workers = await ready;
			await Promise.all(workers.map((w) => w.terminate()));
			const script = await bundled;
			if (script) await rm(script, { force: true });
		}
	};
}
