// The data folder's JSON files hold one record per line inside a fixed header and footer (events.geojson,
// places.geojson, corrections.json). Knowing each record's line lets a writer that changes a few records reuse the
// bytes of all the others instead of serialising the whole store again, and lets a reader parse by line.
import { giveTurn, SLICE } from './slices';

/** A line-per-record JSON document: `header` + records joined by ",\n" + `footer`, or `empty` when there are none. */
export interface LineLayout {
	header: string;
	footer: string;
	empty: string;
}

export const FEATURE_COLLECTION: LineLayout = {
	header: '{"type":"FeatureCollection","features":[\n',
	footer: '\n]}\n',
	empty: '{"type":"FeatureCollection","features":[]}\n'
};

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

/** The document of these record lines. */
export function joinLines(layout: LineLayout, lines: readonly string[]): string {
	return lines.length ? `${layout.header}${lines.join(',\n')}${layout.footer}` : layout.empty;
}

/**
 * The records of a document in this layout, parsed line by line, SLICE lines between turns given to other requests
 * (a store of 100k events is seconds of parsing), each remembered (frozen) with its line; null when
 * the text is not laid out that way (written by another tool, pretty-printed), for the caller to parse it whole.
 * JSON strings cannot hold a raw newline, so every newline of such a document is a record boundary.
 */
export async function parseLines(text: string, layout: LineLayout): Promise<unknown[] | null> {
	if (text === layout.empty || text === layout.empty.trimEnd()) return [];
	if (!text.startsWith(layout.header) || !text.endsWith(layout.footer)) return null;
	const body = text.slice(layout.header.length, text.length - layout.footer.length);
	const lines = body.split('\n');
	const records: unknown[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (i > 0 && i % SLICE === 0) await giveTurn();
		let line = lines[i]!;
		if (i < lines.length - 1) {
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
	}
	return records;
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
