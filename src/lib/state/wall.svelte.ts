// The wall's live state: the dataset kept fresh by polling /api/data with If-None-Match, and the playback clock.
import { advanceClock, clampClock, gapFactor, startClock, type Clock, type PlaybackOptions, type Span, type TimedEvent } from '$lib/domain/playback';

// The live dataset lives in livedata.svelte.ts (the dashboard polls it too); re-exported for the wall's imports.
export { LiveData, type Connection } from './livedata.svelte';

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
