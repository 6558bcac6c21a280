// Live-region news at a pace a screen reader can follow: during playback the count and window change many times a second.

/** What a live region holds, and when (ms) it last changed. */
export interface Spoken {
	text: string;
	at: number;
}

/** At most one announcement a second: faster, a screen reader queues or cuts them and the listener hears noise. */
export const ANNOUNCE_GAP = 1000;

export const SILENT: Spoken = { text: '', at: -Infinity };

/**
 * What a live region should hold at `now` (ms) when the latest news is `text`: the news itself once `gap` ms have
 * passed since the region last changed, otherwise what it holds and `retryIn` (ms until the news may be said), so
 * the latest news is delayed, never lost. News equal to what is held changes nothing.
 */
export function announce(prev: Spoken, text: string, now: number, gap = ANNOUNCE_GAP): { spoken: Spoken; retryIn: number | null } {
	if (text === prev.text) return { spoken: prev, retryIn: null };
	const wait = prev.at + gap - now;
	if (wait <= 0) return { spoken: { text, at: now }, retryIn: null };
	return { spoken: prev, retryIn: wait };
}
