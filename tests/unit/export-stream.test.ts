// The export endpoints stream the filtered events a slice at a time (issue #16, item 10: a trivial request must not
// wait behind eight big exports), and what they stream is byte for byte what the page's own export writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportResponse } from '$lib/server/export';
import { formatEvents } from '$lib/server/storage';
import { invalidate } from '$lib/server/store';
import { toCSV, toGeoJSON } from '$lib/state/export';
import { queryEvents } from '$lib/state/query';
import { manyEvents } from './http-fixtures';

let dir: string;
const events = manyEvents(2000);
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'export-stream-'));
	process.env.GEODATA_DIR = dir;
	writeFileSync(path.join(dir, 'events.geojson'), formatEvents(events));
	invalidate();
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.GEODATA_DIR;
});

async function chunksOf(res: Response): Promise<string[]> {
	const reader = res.body!.getReader();
	const decoder = new TextDecoder();
	const chunks: string[] = [];
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return chunks;
		chunks.push(decoder.decode(value, { stream: true }));
	}
}

describe('exporting 2,000 events', () => {
	for (const format of ['geojson', 'csv'] as const) {
		it(`sends ${format} in slices of at most 256 events, which together are exactly the page's own export`, async () => {
			const url = new URL(`http://localhost/api/events.${format}?from=2021-11-03`);
			const res = await exportResponse(url, format);
			expect(res.status).toBe(200);
			const chunks = await chunksOf(res);
			const kept = queryEvents(url.searchParams, formatEventsBack());
			if (!kept.ok) throw new Error(kept.message);
			expect(Number(res.headers.get('x-feature-count'))).toBe(kept.features.length);
			expect(kept.features.length).toBeGreaterThan(1000);
			expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(kept.features.length / 256));
			expect(chunks.join('')).toBe(format === 'geojson' ? toGeoJSON(kept.features) : toCSV(kept.features));
		});
	}

	it('still answers 400 naming a bad parameter, before streaming anything', async () => {
		const res = await exportResponse(new URL('http://localhost/api/events.csv?from=yesterday'), 'csv');
		expect(res.status).toBe(400);
		expect(((await res.json()) as { error: string }).error).toMatch(/from/);
	});
});

/** The events as the store holds them (parsed from the file written above). */
function formatEventsBack() {
	return (JSON.parse(formatEvents(events)) as { features: typeof events }).features;
}
