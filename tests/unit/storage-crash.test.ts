// kill -9 in the middle of a large save: after a restart the data files are all old or all new, never broken or mixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manyEvents, startAppServer, serveData, tempFileGrowing, type DataServer } from './http-fixtures';

let ds: DataServer;
const N = 30_000; // events.geojson ≈ 30 MB: a rewrite takes long enough to be interrupted

beforeAll(async () => {
	ds = await serveData(manyEvents(N));
}, 120_000);
afterAll(() => ds?.close());

describe('crash safety', () => {
	it('leaves events.geojson and corrections.json both old or both new after SIGKILL mid-write and a restart', async () => {
		const outcomes = new Set<string>();
		for (let round = 0; round < 4; round++) {
			const old = ds.files();
			const v = (await (await fetch(`${ds.server.url}/api/history/ev-000007`)).json()) as { version: string };
			const req = fetch(`${ds.server.url}/api/corrections/ev-000007`, {
				method: 'PATCH',
				headers: { 'content-type': 'application/json', 'if-match': v.version },
				body: JSON.stringify({ author: 'crash', set: { summary: `round ${round}` } })
			}).catch(() => null);
			// Rounds 0–1: kill the moment the new events file is being written (its temp file exists and has bytes);
			// rounds 2–3: kill at a fixed delay, wherever the save happens to be.
			if (round < 2) await tempFileGrowing(ds.dir, 'events.geojson');
			else await new Promise((r) => setTimeout(r, 100 + round * 200));
			await ds.server.stop('SIGKILL');
			const res = await req;
			// The restart completes a commit that reached its journal, or drops one that did not.
			ds.server = await startAppServer({ geodataDir: ds.dir, env: { BODY_SIZE_LIMIT: '64M' } });
			const now = ds.files();
			const events = JSON.parse(now.events) as { features: { properties: { id: string; summary: string } }[] };
			JSON.parse(now.log!);
			expect(events.features).toHaveLength(N);
			const summary = events.features.find((f) => f.properties.id === 'ev-000007')!.properties.summary;
			const eventsChanged = now.events !== old.events;
			const logChanged = now.log !== old.log;
			if (eventsChanged) expect(summary).toBe(`round ${round}`);
			// All or nothing: the log is never ahead of the events, nor behind them.
			expect(logChanged).toBe(eventsChanged);
			if (res?.status === 200) expect(eventsChanged).toBe(true);
			outcomes.add(eventsChanged ? 'new' : 'old');
		}
		console.log(`crash outcomes over 4 kills: ${[...outcomes].join(', ')}`);
		expect(outcomes.has('old')).toBe(true); // rounds 0–1 kill before the commit point
	}, 240_000);
});
