// The server's writer under a big store and a big import (issue #16, items 6 and 10): how long state reads, an edit
// and a 10 MB import take at 100k events, and — what other analysts feel — the longest stretch the import keeps the
// event loop (every other request) waiting, and how late a cheap request queued during the import is answered.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { synthDataset, writeSynth } from '../scripts/synth-events';

const STORE = 100_000;
const IMPORT = 11_000; // ~9.8 MB, under the endpoint's 10 MB limit

/** Runs `fn` with a 5 ms ticker: the gaps between ticks are how long a request arriving then would have waited. */
async function withTicker(fn: () => Promise<unknown>): Promise<[number[], number]> {
	const gaps: number[] = [];
	let last = performance.now();
	const ticker = setInterval(() => {
		const now = performance.now();
		gaps.push(now - last);
		last = now;
	}, 5);
	const [, took] = await time(fn);
	clearInterval(ticker);
	gaps.push(performance.now() - last);
	return [gaps, took];
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
	const t0 = performance.now();
	const v = await fn();
	return [v, performance.now() - t0];
}

export async function benchStorage(): Promise<void> {
	const dir = mkdtempSync(path.join(tmpdir(), 'bench-storage-'));
	process.env.GEODATA_DIR = dir;
	try {
		// As `npm run ingest` writes it (one event a line).
		const { serializeEvents } = await import('../src/lib/server/pipeline/output');
		writeFileSync(path.join(dir, 'events.geojson'), serializeEvents(writeSynth(dir, STORE, 7).events.features));
		const { readState, commit, eventVersion } = await import('../src/lib/server/storage');
		const { POST } = await import('../src/routes/api/import/+server');
		const [state, cold] = await time(() => readState());
		const [, warm] = await time(() => readState());
		console.log(`store: ${state.events.length} events`);
		console.log(`read state: first ${cold.toFixed(0)} ms, unchanged ${warm.toFixed(1)} ms (each history/import/edit request reads it)`);

		const edit = (i: number) => {
			const target = state.events[Math.floor((state.events.length * i) / 3)]!;
			return time(() =>
				commit([{ op: 'patch', event_id: target.properties.id, set: { summary: `Edited in the storage bench (${i})` } }], {
					author: 'bench',
					expect: { [target.properties.id]: eventVersion(target) }
				})
			);
		};
		const [, first] = await edit(1);
		const [, second] = await edit(2);
		console.log(`an edit (PATCH) at ${STORE} events: first ${first.toFixed(0)} ms, next ${second.toFixed(0)} ms`);

		// A GeoJSON upload of IMPORT fresh events (another seed: other ids), as /api/import receives it.
		// Ids and source ids of its own, so none is a duplicate of a stored event.
		const incoming = synthDataset(IMPORT, 99).events;
		for (const f of incoming.features) {
			f.properties.id = `imp-${f.properties.id}`;
			f.id = f.properties.id;
			f.properties.source_id = `imp_${f.properties.source_id}`;
		}
		const upload = JSON.stringify(incoming);
		const req = new Request(`http://localhost/api/import?name=bench.geojson&mode=merge&author=bench`, {
			method: 'POST',
			headers: { 'content-type': 'application/geo+json', origin: 'http://localhost' },
			body: upload
		});
		let res: Response | undefined;
		const [gaps, took] = await withTicker(async () => {
			res = (await POST({ request: req, url: new URL(req.url) } as unknown as Parameters<typeof POST>[0])) as Response;
		});
		const body = (await res!.json()) as { added?: number; error?: string };
		console.log(
			`import of ${IMPORT} events (${(upload.length / 1e6).toFixed(1)} MB) into ${STORE}: ${res!.status}, ${body.added ?? body.error} added, ${(took / 1000).toFixed(1)} s`
		);
		const blocked = gaps.filter((g) => g > 100);
		console.log(
			`  longest event-loop block during it: ${Math.max(...gaps).toFixed(0)} ms; ${blocked.length} blocks over 100 ms, ${(blocked.reduce((x, y) => x + y, 0) / 1000).toFixed(1)} s in all`
		);

		// Eight analysts export the whole store at once; a cheap request arriving meanwhile waits for the longest block.
		const { exportResponse } = await import('../src/lib/server/export');
		const [gaps8, took8] = await withTicker(async () => {
			const bodies = await Promise.all(Array.from({ length: 8 }, () => exportResponse(new URL('http://localhost/api/events.geojson'), 'geojson')));
			return Promise.all(bodies.map((r) => r.arrayBuffer()));
		});
		console.log(
			`eight whole-store GeoJSON exports at once: ${(took8 / 1000).toFixed(1)} s; longest event-loop block ${Math.max(...gaps8).toFixed(0)} ms`
		);
	} finally {
		delete process.env.GEODATA_DIR;
		rmSync(dir, { recursive: true, force: true });
	}
}
