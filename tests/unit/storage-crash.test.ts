// kill -9 in the middle of a large save: the data files are the old or the new ones, never broken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { manyEvents, startAppServer, serveData, type DataServer } from './http-fixtures';

let ds: DataServer;
const N = 60_000; // events.geojson ≈ 60 MB: a rewrite takes long enough to be interrupted

beforeAll(async () => {
	ds = await serveData(manyEvents(N));
}, 120_000);
afterAll(() => ds?.close());

describe('crash safety', () => {
	it('leaves events.geojson and corrections.json parseable and equal to the old or the new state after SIGKILL mid-write', async () => {
		const outcomes = new Set<string>();
		for (let round = 0; round < 4; round++) {
			const old = ds.files();
			const v = (await (await fetch(`${ds.server.url}/api/history/ev-000007`)).json()) as { version: string };
			const req = fetch(`${ds.server.url}/api/corrections/ev-000007`, {
				method: 'PATCH',
				headers: { 'content-type': 'application/json', 'if-match': v.version },
				body: JSON.stringify({ author: 'crash', set: { summary: `round ${round}` } })
			}).catch(() => null);
			// Kill at staggered moments: while reading, while writing the log, while writing the 60 MB events file.
			await new Promise((r) => setTimeout(r, 50 + round * 150));
			await ds.server.stop('SIGKILL');
			const res = await req;
			const now = ds.files();
			const events = JSON.parse(now.events) as { features: { properties: { id: string; summary: string } }[] };
			JSON.parse(now.log!);
			expect(events.features).toHaveLength(N);
			const summary = events.features.find((f) => f.properties.id === 'ev-000007')!.properties.summary;
			const eventsChanged = now.events !== old.events;
			const logChanged = now.log !== old.log;
			if (eventsChanged) expect(summary).toBe(`round ${round}`);
			// The log is written first: the events file never holds an edit that the log lacks.
			if (eventsChanged) expect(logChanged).toBe(true);
			if (res?.status === 200) expect(eventsChanged).toBe(true);
			outcomes.add(eventsChanged ? 'new' : logChanged ? 'log-ahead' : 'old');
			expect(readdirSync(ds.dir).filter((n) => !n.startsWith('.')).sort()).toEqual(readdirSync(ds.dir).filter((n) => !n.startsWith('.') && !n.endsWith('.tmp')).sort());
			ds.server = await startAppServer({ geodataDir: ds.dir, env: { BODY_SIZE_LIMIT: '64M' } });
		}
		console.log(`crash outcomes over 4 kills: ${[...outcomes].join(', ')}`);
	}, 240_000);
});
