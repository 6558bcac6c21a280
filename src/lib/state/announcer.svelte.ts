// A live region's text, throttled by announce(): the page writes news as often as it likes, the region changes at most once a second.
import { announce, SILENT, type Spoken } from './announce';

export class Announcer {
	#spoken = $state.raw<Spoken>(SILENT);
	#latest = '';
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** What the live region should hold now. */
	get text(): string {
		return this.#spoken.text;
	}

	/** The latest news: said now, or as soon as the gap since the last announcement allows (later news replaces it). */
	say(text: string): void {
		this.#latest = text;
		clearTimeout(this.#timer);
		const { spoken, retryIn } = announce(this.#spoken, text, performance.now());
		this.#spoken = spoken;
		if (retryIn !== null) this.#timer = setTimeout(() => this.say(this.#latest), retryIn);
	}

	stop(): void {
		clearTimeout(this.#timer);
	}
}
