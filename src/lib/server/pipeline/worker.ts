// A worker thread of `npm run ingest --jobs N`: extracts the files it is sent with its own gazetteer and posts each result.
import { parentPort } from 'node:worker_threads';
import { loadGazetteer } from '../gazetteer/index';
import { extractFile } from './ingest';
import type { WorkerReply, WorkerTask } from './pool';

const gazetteer = loadGazetteer();
parentPort!.on('message', (task: WorkerTask) => {
	let reply: WorkerReply;
	try {
		reply = { id: task.id, result: extractFile(Buffer.from(task.bytes), task.file, gazetteer, task.key) };
	} catch (err) {
		reply = { id: task.id, error: (err as Error).message };
	}
	parentPort!.postMessage(reply);
});
