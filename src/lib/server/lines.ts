// The data folder's JSON files hold one record per line inside a fixed header and footer (events.geojson,
// places.geojson, corrections.json). Knowing each record's line lets a writer that changes a few records reuse the
// bytes of all the others instead of serialising the whole store again, and lets a reader parse by line.
import { FEATURE_LINES } from '../domain/event';
import { giveTurn, SLICE } from './slices';

/** A line-per-record JSON document: `header` + records joined by ",\n" + `footer`, or `empty` when there are none. */
export interface LineLayout {
	header: string;
	footer: string;
	empty: string;
}

export const FEATURE_COLLECTION: LineLayout = FEATURE_LINES;

export const CORRECTION_LOG: LineLayout = {
	header: '{"version":1,"corrections":[\n',
	footer: '\n]}\n',
	empty: '{"version":1,"corrections":[\n\n]}\n'
};

/**
 * Each record's line, for records that can no longer change (frozen): a record is only ever remembered once it is
 * frozen, so a remembered line is always the record's current serialisation. Weak: records nobody holds are freed.
 */
const known = new WeakMap<object, string>();

/** Freezes `record` and everything in it, and remembers `line` as its serialisation. */
export function remember<T extends object>(record: T, line: string): T {
	known.set(deepFreeze(record), line);
	return record;
}

/** The remembered line of a record, if any. */
export function knownLine(record: object): string | undefined {
	return known.get(record);
}

/** The line of a record: the remembered one, else `serialise(record)` (remembered too when the record is frozen). */
export function lineOf<T extends object>(record: T, serialise: (r: T) => string): string {
	const hit = known.get(record);
	if (hit !== undefined) return hit;
	const line = serialise(record);
	if (Object.isFrozen(record)) known.set(record, line);
	return line;
}

/**
 * A document in a LineLayout held as its record lines, never as one string: a store of a million events is ~900 MB
 * of text, past what one JavaScript string can hold (~512 M characters), but each of its lines is small.
 */
export interface LineDoc {
	readonly layout: LineLayout;
	readonly lines: readonly string[];
}

/** The document of these record lines, as one string: for small documents (tests, a place list) only. */
export function joinLines(layout: LineLayout, lines: readonly string[]): string {
	return lines.length ? `${layout.header}${lines.join(',\n')}${layout.footer}` : layout.empty;
}

/** A LineDoc's text in order, in pieces of about `size` characters (each a join of whole lines), never all at once. */
export function* docPieces(doc: LineDoc, size = 1 << 20): Generator<string> {
	const { layout, lines } = doc;
	if (!lines.length) {
		yield layout.empty;
		return;
	}
	let piece = layout.header;
	for (let i = 0; i < lines.length; i++) {
		piece += i < lines.length - 1 ? `${lines[i]},\n` : lines[i];
		if (piece.length >= size) {
			yield piece;
			piece = '';
		}
	}
	yield piece + layout.footer;
}

/** The text of a small document: a LineDoc joined, or the string itself. */
export function docText(doc: LineDoc | string): string {
	return typeof doc === 'string' ? doc : joinLines(doc.layout, doc.lines);
}

/**
 * The records of a document in this layout, parsed line by line, SLICE lines between turns given to other requests
 * (a store of 100k events is seconds of parsing), each remembered (frozen) with its line; null when
 * the text is not laid out that way (written by another tool, pretty-printed), for the caller to parse it whole.
 * JSON strings cannot hold a raw newline, so every newline of such a document is a record boundary.
 */
export async function parseLines(text: string, layout: LineLayout): Promise<unknown[] | null> {
	return (await parseDocLines(text.split('\n'), layout))?.records ?? null;
}

/**
 * parseLines for a document already split at its newlines (store.ts reads files so, never as one string): its
 * records and their lines, or null when it is not laid out one record a line.
 */
export async function parseDocLines(textLines: readonly string[], layout: LineLayout): Promise<{ records: unknown[]; lines: string[] } | null> {
	if (textLines.length <= 4) {
		const whole = textLines.join('\n');
		if (whole === layout.empty || whole === layout.empty.trimEnd()) return { records: [], lines: [] };
	}
	const head = layout.header.slice(0, -1); // the header ends with its newline; the footer starts with one
	const foot = layout.footer.split('\n').slice(1);
	const n = textLines.length;
	if (n < 1 + 1 + foot.length || textLines[0] !== head || foot.some((l, i) => textLines[n - foot.length + i] !== l)) return null;
	const records: unknown[] = [];
	const lines: string[] = [];
	const last = n - foot.length - 1;
	for (let i = 1; i <= last; i++) {
		if (i % SLICE === 0) await giveTurn();
		let line = textLines[i]!;
		if (i < last) {
			if (!line.endsWith(',')) return null;
			line = line.slice(0, -1);
		}
		let record: unknown;
		try {
			record = JSON.parse(line);
		} catch {
			return null;
		}
		if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
		records.push(remember(record, line));
		lines.push(line);
	}
	return { records, lines };
}

/**
 * Freezes a parsed JSON value all the way down: every reader then shares the one copy (no request clones the
 * store), and a reader that tried to change it would throw instead of corrupting what the next request sees.
 * Only this function freezes, so a frozen object is frozen all the way down and is skipped.
 */
export function deepFreeze<T>(value: T): T {
	const stack: unknown[] = [value];
	while (stack.length) {
		const v = stack.pop();
		if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
		Object.freeze(v);
		if (Array.isArray(v)) for (const x of v) stack.push(x);
		else for (const k in v) stack.push((v as Record<string, unknown>)[k]);
	}
	return value;
}
