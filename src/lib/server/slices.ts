// Long loops on the server (an import's thousands of entries) give other requests a turn: the process has one
// event loop, so work that never yields makes every other analyst, the wall and the map's polling wait for it.

/** Entries handled between two turns given to other requests. */
export const SLICE = 256;

/** Lets every request that is ready run, then resumes (a macrotask turn, so I/O callbacks get in too). */
export function giveTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** Calls `fn` on each item, giving other requests a turn every SLICE items. */
export async function forEachSliced<T>(items: readonly T[], fn: (item: T, index: number) => void): Promise<void> {
	for (let i = 0; i < items.length; i++) {
		if (i > 0 && i % SLICE === 0) await giveTurn();
		fn(items[i]!, i);
	}
}

/** Characters of a string encoded at a time by textSlices' users (≈ 1–3 MB of UTF-8). */
export const TEXT_SLICE = 1 << 20;

/**
 * A long string cut into slices of about `size` characters, never inside a surrogate pair, so encoding the slices one
 * by one gives exactly the bytes of encoding the whole (and each slice's encoding is short work).
 */
export function* textSlices(text: string, size = TEXT_SLICE): Generator<string> {
	for (let start = 0; start < text.length; ) {
		let end = Math.min(text.length, start + size);
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // keep a high surrogate with its low half
		yield text.slice(start, end);
		start = end;
	}
}

/**
 * A byte stream of text pieces that pulls `batch` pieces at a time: each pull is its own turn of the event loop, so
 * other requests run between two pulls, and a client that reads slowly holds no more than one batch in memory.
 */
export function streamPieces(pieces: Iterator<string>, batch = SLICE): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			// A turn of the event loop first: a reader that consumes in microtasks alone would otherwise never yield.
			await giveTurn();
			let chunk = '';
			for (let i = 0; i < batch; i++) {
				const next = pieces.next();
				if (next.done) {
					if (chunk) controller.enqueue(encoder.encode(chunk));
					controller.close();
					return;
				}
				chunk += next.value;
			}
			controller.enqueue(encoder.encode(chunk));
		}
	});
}
