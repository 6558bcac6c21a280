// The wall's live state: the dataset kept fresh by polling /api/data with If-None-Match, and the playback clock.
import type { EventCollection } from '$lib/domain/event';
import { advanceClock, clampClock, gapFactor, startClock, type Clock, type PlaybackOptions, type Span, type TimedEvent } from '$lib/domain/playback';

export type Connection = 'connecting' | 'live' | 'reconnecting';

/** Checks the little the wall relies on before it replaces what it shows; a bad answer counts as a failed poll. */
function parseCollection(value: unknown): EventCollection {
	const v = value as EventCollection | null;
	if (!v || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
		throw new Error('/api/data: expected a GeoJSON FeatureCollection with a "features" array');
	}
	return v;
}

/**
 * The dataset, polled every `pollSeconds` with the last ETag (a 304 costs no body). A failed poll shows
 * "reconnecting" and retries sooner (1, 2, 4 … s, never later than the poll interval); the first good answer
 * clears it. The old data stays on screen meanwhile: nothing flashes, nothing restarts.
 */
export class LiveData {
	#collection = $state.raw<EventCollection | null>(null);
	#connection = $state<Connection>('connecting');
	#version = $state(0);
	#etag: string | null = null;
	#failures = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#abort: AbortController | null = null;
	#running = false;

	constructor(
		private readonly url: string,
		private readonly pollSeconds: number,
		private readonly fetchImpl: typeof fetch = (...args) => fetch(...args)
	) {}

	get collection(): EventCollection | null {
		return this.#collection;
	}
	get connection(): Connection {
		return this.#connection;
	}
	/** Bumped each time new data arrives. */
	get version(): number {
		return this.#version;
	}

	start(): void {
		if (this.#running) return;
		this.#running = true;
		void this.#poll();
	}

	stop(): void {
		this.#running = false;
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		this.#abort?.abort();
		this.#abort = null;
	}

	async #poll(): Promise<void> {
		this.#timer = null;
		const abort = (this.#abort = new AbortController());
		const timeout = setTimeout(() => abort.abort(), 10_000);
		try {
			const headers: Record<string, string> = { accept: 'application/geo+json, application/json' };
			if (this.#etag) headers['if-none-match'] = this.#etag;
			const res = await this.fetchImpl(this.url, { headers, cache: 'no-store', signal: abort.signal });
			if (res.status === 200) {
				const collection = parseCollection(await res.json());
				this.#etag = res.headers.get('etag');
				this.#collection = collection;
				this.#version++;
			} else if (res.status !== 304) {
				throw new Error(`${this.url} answered ${res.status}`);
			}
			this.#failures = 0;
			this.#connection = 'live';
		} catch {
			if (!this.#running) return;
			this.#failures++;
			this.#connection = this.#collection ? 'reconnecting' : 'connecting';
		} finally {
			clearTimeout(timeout);
			if (this.#abort === abort) this.#abort = null;
		}
		if (!this.#running) return;
		const delay = this.#failures === 0 ? this.pollSeconds : Math.min(this.pollSeconds, 2 ** (this.#failures - 1));
		this.#timer = setTimeout(() => void this.#poll(), delay * 1000);
	}
}

/** The playback clock driven by requestAnimationFrame: one loop for the page's life, stopped on destroy. */
export class WallPlayer {
	#clock = $state.raw<Clock>({ t: 0, cycle: 0, held: 0, done: false });
	#span: Span | null = null;
	#events: readonly TimedEvent[] = [];
	#started = false;
	#frame = 0;
	#last: number | null = null;
	/** Frames ticked so far (plain, not reactive): for soak tests and figures. */
	frames = 0;

	/** `first` (a day number) is where the first cycle starts, e.g. from the URL's `at`. */
	constructor(
		private readonly opts: PlaybackOptions,
		private readonly first: number | null = null
	) {}

	get clock(): Clock {
		return this.#clock;
	}
	get span(): Span | null {
		return this.#span;
	}

	/** Sets what to play; the first span starts the clock, later ones (new data) only keep it inside. */
	setTimeline(events: readonly TimedEvent[], span: Span | null): void {
		this.#events = events;
		this.#span = span;
		if (!span) return;
		if (this.#started) this.#clock = clampClock(this.#clock, span);
		else this.#clock = clampClock(this.first === null ? startClock(span) : { ...startClock(span), t: this.first }, span);
		this.#started = true;
	}

	start(): void {
		if (this.#frame) return;
		const tick = (now: number) => {
			const dt = this.#last === null ? 0 : (now - this.#last) / 1000;
			this.#last = now;
			this.frames++;
			if (this.#span) {
				const factor = gapFactor(this.#events, this.#clock.t, this.opts);
				const next = advanceClock(this.#clock, this.#span, this.opts, dt, factor);
				if (next !== this.#clock) this.#clock = next;
			}
			this.#frame = requestAnimationFrame(tick);
		};
		this.#frame = requestAnimationFrame(tick);
	}

	stop(): void {
		cancelAnimationFrame(this.#frame);
		this.#frame = 0;
		this.#last = null;
	}
}
