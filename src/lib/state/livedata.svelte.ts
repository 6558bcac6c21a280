// The live dataset: /api/data polled with If-None-Match, so the wall, the dashboard and /analysis see changes without a reload.
import type { EventCollection } from '$lib/domain/event';
import { DATA_CHANGED_EVENT, nextPollDelay, pollData, pollVersion } from './poll';

/** How often the dashboard and /analysis ask whether the data changed (the wall has its own `poll`). */
export const PAGE_POLL_SECONDS = 20;

export type Connection = 'connecting' | 'live' | 'reconnecting';

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
	/** Bumped by stop(): a poll still in flight from an earlier start() then neither reports nor reschedules. */
	#generation = 0;
	/** refresh() was asked for while a poll was in flight: poll again as soon as it ends. */
	#again = false;

	/**
	 * With `body: false` only the version is polled (HEAD): `version` still counts the changes, and `collection`
	 * stays null; for a page that asks the server for its figures again when the data change.
	 */
	constructor(
		private readonly url: string,
		private readonly pollSeconds: number,
		private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
		private readonly options: { body?: boolean } = {}
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

	/** The caller already holds the data of this ETag (e.g. from the page load): polls answer 304 until it changes. */
	since(etag: string | null): void {
		this.#etag = etag;
	}

	start(): void {
		if (this.#running) return;
		this.#running = true;
		void this.#poll();
	}

	stop(): void {
		this.#running = false;
		this.#generation++;
		this.#again = false;
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		this.#abort?.abort();
		this.#abort = null;
	}

	/**
	 * Polls while the page is visible (stopped while its tab is hidden, at once when it shows again) and at once on
	 * DATA_CHANGED_EVENT; returns the function that stops it all (an $effect's teardown).
	 */
	follow(): () => void {
		const visibility = () => (document.hidden ? this.stop() : this.start());
		const changed = () => this.refresh();
		visibility();
		document.addEventListener('visibilitychange', visibility);
		window.addEventListener(DATA_CHANGED_EVENT, changed);
		return () => {
			document.removeEventListener('visibilitychange', visibility);
			window.removeEventListener(DATA_CHANGED_EVENT, changed);
			this.stop();
		};
	}

	/** Polls now (e.g. the page itself just changed the data) instead of waiting for the interval. */
	refresh(): void {
		if (!this.#running) return;
		if (this.#abort) {
			this.#again = true;
			return;
		}
		if (this.#timer !== null) clearTimeout(this.#timer);
		void this.#poll();
	}

	async #poll(): Promise<void> {
		this.#timer = null;
		this.#again = false;
		const generation = this.#generation;
		const abort = (this.#abort = new AbortController());
		const timeout = setTimeout(() => abort.abort(), 10_000);
		try {
			const result = this.options.body === false ? await pollVersion(this.url, this.#etag, this.fetchImpl, abort.signal) : await pollData(this.url, this.#etag, this.fetchImpl, abort.signal);
			if (generation !== this.#generation) return;
			if (result.changed) {
				this.#etag = result.etag;
				this.#collection = result.collection; // null when only the version is polled
				this.#version++;
			}
			this.#failures = 0;
			this.#connection = 'live';
		} catch {
			if (generation !== this.#generation) return;
			this.#failures++;
			this.#connection = this.#collection || this.#etag ? 'reconnecting' : 'connecting';
		} finally {
			clearTimeout(timeout);
			if (this.#abort === abort) this.#abort = null;
		}
		if (!this.#running || generation !== this.#generation) return;
		const delay = this.#again ? 0 : nextPollDelay(this.#failures, this.pollSeconds);
		this.#timer = setTimeout(() => void this.#poll(), delay * 1000);
	}
}
