// The shared live-data poll: conditional GET, retry schedule, and the LiveData loop (refresh, stop/start, seeded ETag).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextPollDelay, parseCollection, pollData, pollVersion, readCollection } from '$lib/state/poll';
import { LiveData } from '$lib/state/livedata.svelte';
import type { EventCollection } from '$lib/domain/event';

const DATA: EventCollection = { type: 'FeatureCollection', features: [] };

interface Call {
	url: string;
	method: string;
	ifNoneMatch: string | null;
	signal: AbortSignal | undefined;
}

/** A fake /api/data: serves `current` under `etag`, 304 when asked with it; records every request. */
function fakeServer() {
	const state = { etag: '"v1"', body: DATA as unknown, status: 200, calls: [] as Call[], hold: null as Promise<void> | null };
	const fetchImpl = (async (url: string, init: RequestInit = {}) => {
		const headers = (init.headers ?? {}) as Record<string, string>;
		state.calls.push({ url, method: init.method ?? 'GET', ifNoneMatch: headers['if-none-match'] ?? null, signal: init.signal ?? undefined });
		if (state.hold) await state.hold;
		if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
		if (state.status !== 200) return new Response('{"error":"x"}', { status: state.status });
		if (headers['if-none-match'] === state.etag) return new Response(null, { status: 304, headers: { etag: state.etag } });
		return new Response(JSON.stringify(state.body), { status: 200, headers: { etag: state.etag, 'content-type': 'application/geo+json' } });
	}) as typeof fetch;
	return { state, fetchImpl };
}

describe('pollData', () => {
	it('sends the held ETag as If-None-Match and reports a 304 as unchanged', async () => {
		const { state, fetchImpl } = fakeServer();
		expect(await pollData('/api/data', '"v1"', fetchImpl)).toEqual({ changed: false });
		expect(state.calls[0]!.ifNoneMatch).toBe('"v1"');
	});

	it('returns the new collection and its ETag when the data changed', async () => {
		const { state, fetchImpl } = fakeServer();
		state.etag = '"v2"';
		const r = await pollData('/api/data', '"v1"', fetchImpl);
		expect(r).toEqual({ changed: true, collection: DATA, etag: '"v2"', readOnly: false });
	});

	it('sends no If-None-Match when it holds no version yet', async () => {
		const { state, fetchImpl } = fakeServer();
		await pollData('/api/data', null, fetchImpl);
		expect(state.calls[0]!.ifNoneMatch).toBeNull();
	});

	it('throws on an error status and on a body that is not a FeatureCollection', async () => {
		const { state, fetchImpl } = fakeServer();
		state.status = 503;
		await expect(pollData('/api/data', null, fetchImpl)).rejects.toThrow(/answered 503/);
		state.status = 200;
		state.body = { type: 'Feature' };
		await expect(pollData('/api/data', null, fetchImpl)).rejects.toThrow(/"features" array/);
	});
});

describe('pollVersion', () => {
	it('asks with HEAD and the held ETag, and reports only whether the version changed, and to which', async () => {
		const { state, fetchImpl } = fakeServer();
		expect(await pollVersion('/api/data', '"v1"', fetchImpl)).toEqual({ changed: false });
		state.etag = '"v2"';
		expect(await pollVersion('/api/data', '"v1"', fetchImpl)).toEqual({ changed: true, collection: null, etag: '"v2"', readOnly: false });
		expect(state.calls.map((c) => [c.method, c.ifNoneMatch])).toEqual([
			['HEAD', '"v1"'],
			['HEAD', '"v1"']
		]);
		state.status = 503;
		await expect(pollVersion('/api/data', '"v2"', fetchImpl)).rejects.toThrow(/answered 503/);
	});
});

describe('parseCollection', () => {
	it('names the URL it came from when the answer is not a collection', () => {
		expect(() => parseCollection(null, '/x')).toThrow(/^\/x: expected a GeoJSON FeatureCollection/);
		expect(parseCollection(DATA)).toBe(DATA);
	});
});

describe('nextPollDelay', () => {
	it('waits the interval when all is well and backs off 1, 2, 4 … s after failures, never beyond the interval', () => {
		expect(nextPollDelay(0, 20)).toBe(20);
		expect([1, 2, 3, 4, 5, 6, 7].map((f) => nextPollDelay(f, 20))).toEqual([1, 2, 4, 8, 16, 20, 20]);
		expect(nextPollDelay(3, 2)).toBe(2);
	});
});

describe('LiveData', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	/** Lets pending promise callbacks (the fake fetch and its handling) run. */
	const settle = () => vi.advanceTimersByTimeAsync(0);

	it('with a seeded ETag the first poll costs a 304 and reports no new version', async () => {
		const { state, fetchImpl } = fakeServer();
		const live = new LiveData('/api/data', 20, fetchImpl);
		live.since('"v1"');
		live.start();
		await settle();
		expect(state.calls.map((c) => c.ifNoneMatch)).toEqual(['"v1"']);
		expect([live.version, live.connection, live.collection]).toEqual([0, 'live', null]);
		live.stop();
	});

	it('picks up a change at the next interval and bumps its version', async () => {
		const { state, fetchImpl } = fakeServer();
		const live = new LiveData('/api/data', 20, fetchImpl);
		live.since('"v1"');
		live.start();
		await settle();
		state.etag = '"v2"';
		await vi.advanceTimersByTimeAsync(19_000);
		expect(live.version).toBe(0);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(live.version).toBe(1);
		expect(live.collection).toEqual(DATA);
		expect(state.calls.at(-1)!.ifNoneMatch).toBe('"v1"');
		live.stop();
	});

	it('with body: false polls the version alone (HEAD): a change bumps the version and holds no collection', async () => {
		const { state, fetchImpl } = fakeServer();
		const live = new LiveData('/api/data', 20, fetchImpl, { body: false });
		live.since('"v1"');
		live.start();
		await settle();
		state.etag = '"v2"';
		await vi.advanceTimersByTimeAsync(20_000);
		expect([live.version, live.collection]).toEqual([1, null]);
		await vi.advanceTimersByTimeAsync(20_000); // the new ETag is held: no second change
		expect(live.version).toBe(1);
		expect(state.calls.map((c) => [c.method, c.ifNoneMatch])).toEqual([
			['HEAD', '"v1"'],
			['HEAD', '"v1"'],
			['HEAD', '"v2"']
		]);
		live.stop();
	});

	it('refresh() polls at once instead of waiting for the interval', async () => {
		const { state, fetchImpl } = fakeServer();
		const live = new LiveData('/api/data', 20, fetchImpl);
		live.since('"v1"');
		live.start();
		await settle();
		state.etag = '"v2"';
		live.refresh();
		await settle();
		expect(state.calls).toHaveLength(2);
		expect(live.version).toBe(1);
		// …and the regular schedule carries on from there, one loop only.
		await vi.advanceTimersByTimeAsync(20_000);
		expect(state.calls).toHaveLength(3);
		live.stop();
	});

	it('refresh() during a poll in flight polls again right after it', async () => {
		const { state, fetchImpl } = fakeServer();
		let release!: () => void;
		state.hold = new Promise<void>((r) => (release = r));
		const live = new LiveData('/api/data', 20, fetchImpl);
		live.since('"v1"');
		live.start();
		await settle();
		live.refresh();
		state.etag = '"v2"';
		state.hold = null;
		release();
		await settle();
		await settle();
		expect(state.calls).toHaveLength(2);
		expect(live.version).toBe(1);
		live.stop();
	});

	it('stop() then start() while a poll is in flight leaves a single polling loop', async () => {
		const { state, fetchImpl } = fakeServer();
		let release!: () => void;
		state.hold = new Promise<void>((r) => (release = r));
		const live = new LiveData('/api/data', 20, fetchImpl);
		live.since('"v1"');
		live.start();
		await settle();
		live.stop();
		state.hold = null;
		live.start();
		release();
		await settle();
		expect(state.calls).toHaveLength(2);
		expect(state.calls[0]!.signal!.aborted).toBe(true);
		await vi.advanceTimersByTimeAsync(20_000);
		expect(state.calls).toHaveLength(3);
		await vi.advanceTimersByTimeAsync(20_000);
		expect(state.calls).toHaveLength(4);
		live.stop();
	});

	it('a failed poll shows "reconnecting" while it holds data and retries after 1 s; success clears it', async () => {
		const { state, fetchImpl } = fakeServer();
		const live = new LiveData('/api/data', 20, fetchImpl);
		live.since('"v1"');
		state.status = 503;
		live.start();
		await settle();
		expect(live.connection).toBe('reconnecting');
		state.status = 200;
		await vi.advanceTimersByTimeAsync(1_000);
		expect(state.calls).toHaveLength(2);
		expect(live.connection).toBe('live');
		live.stop();
	});

	it('stopped, it neither polls nor refreshes', async () => {
		const { state, fetchImpl } = fakeServer();
		const live = new LiveData('/api/data', 20, fetchImpl);
		live.start();
		await settle();
		live.stop();
		live.refresh();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(state.calls).toHaveLength(1);
	});
});

describe('readCollection', () => {
	/** A response whose body arrives in the given chunks of bytes. */
	const chunked = (chunks: Uint8Array[]) =>
		new Response(
			new ReadableStream<Uint8Array>({
				start(c) {
					for (const x of chunks) c.enqueue(x);
					c.close();
				}
			})
		);
	const features = [1, 2, 3].map((i) => ({ type: 'Feature', id: `ev-${i}`, geometry: { type: 'Point', coordinates: [i, i] }, properties: { id: `ev-${i}`, summary: `Событие ${i} — حدث` } }));
	const lineText = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

	it('reads a feature a line however the bytes are cut, even inside a line or a multi-byte letter', async () => {
		const bytes = new TextEncoder().encode(lineText);
		for (const size of [1, 7, 64, bytes.length]) {
			const chunks: Uint8Array[] = [];
			for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
			expect((await readCollection(chunked(chunks))).features).toEqual(features);
		}
	});

	it('parses any other layout whole: pretty-printed, one line, or empty', async () => {
		const enc = (s: string) => [new TextEncoder().encode(s)];
		expect((await readCollection(chunked(enc(JSON.stringify({ type: 'FeatureCollection', features }, null, 2))))).features).toEqual(features);
		expect((await readCollection(chunked(enc(JSON.stringify({ type: 'FeatureCollection', features }))))).features).toEqual(features);
		expect((await readCollection(chunked(enc('{"type":"FeatureCollection","features":[]}\n')))).features).toEqual([]);
	});

	it('refuses a collection cut short, a broken feature line, or a body that is not a collection, naming the URL', async () => {
		const enc = (s: string) => [new TextEncoder().encode(s)];
		await expect(readCollection(chunked(enc(lineText.slice(0, lineText.lastIndexOf('\n]}')))), '/api/data')).rejects.toThrow(/\/api\/data: the collection ends early \(after 3 features\)/);
		await expect(readCollection(chunked(enc(lineText.replace('"ev-2"', '"ev-2'))), '/api/data')).rejects.toThrow(/feature 2 is not JSON/);
		await expect(readCollection(chunked(enc('{"type":"Feature"}')), '/api/data')).rejects.toThrow(/expected a GeoJSON FeatureCollection/);
	});
});
