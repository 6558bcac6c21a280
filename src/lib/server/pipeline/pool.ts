// Worker threads for the ingest (--jobs N): files go to whichever worker is free; results come back by task id, so
// the caller merges them in input order and the output is byte-identical to a run on one thread.
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
	close(): Promise<void>;
}

/**
 * `size` workers (src/lib/server/pipeline/worker.ts, each loading the gazetteer once). Workers run TypeScript through
 * tsx's loader, which the ingest CLI runs under; a worker that dies fails every task it held.
 */
export function workerPool(size: number): Pool {
	const url = new URL('./worker.ts', import.meta.url);
	// A worker does not inherit the main thread's module hooks: it registers tsx's own before importing worker.ts.
	const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
	const pending = new Map<number, { resolve: (r: FileResult) => void; reject: (e: Error) => void; worker: Worker }>();
	const load = new Map<Worker, number>();
	const workers = Array.from({ length: size }, () => {
		const w = new Worker(boot, { eval: true });
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
	});
	let next = 0;
	return {
		run(file, bytes, key) {
			// The least busy worker: files differ a lot in size, so round-robin alone would leave one worker idle.
			const worker = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
			load.set(worker, load.get(worker)! + 1);
			const id = next++;
			return new Promise((resolve, reject) => {
				pending.set(id, { resolve, reject, worker });
				worker.postMessage({ id, file, bytes, key } satisfies WorkerTask);
			});
		},
		async close() {
			await Promise.all(workers.map((w) => w.terminate()));
		}
	};
}
