// Pure parsers for what analysts bring in: GeoJSON / ACLED-style CSV imports and event edits, with errors naming
// the feature (or row) and the field, so the analyst knows exactly what to fix.
import {
	DATE_PRECISIONS,
	EVENT_TYPES,
	PLACE_KINDS,
	isDatePrecision,
	isEventType,
	isPlaceKind,
	type DatePrecision,
	type EventFeature,
	type EventProperties,
	type EventType,
	type GeoPrecision,
	type PlaceKind
} from './event';
import { EDITABLE_FIELDS, type EventPatch } from './corrections';
import { sourceIdProblem } from './sourceid';

export { SOURCE_ID } from './sourceid';

/** One problem found in an upload; `feature` is the 0-based feature index (GeoJSON) or 1-based data row (CSV). */
export interface ImportIssue {
	feature: number | null;
	field: string | null;
	message: string;
}

export interface ImportResult {
	format: 'geojson' | 'acled-csv';
	features: EventFeature[];
	errors: ImportIssue[];
}

export const MAX_IMPORT_FEATURES = 50_000;

/** Thrown by the parsers of a single value; carries the offending field. */
export class FieldError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(`field "${field}": ${message}`);
	}
}

// ---- bytes → text -------------------------------------------------------------------------------------------

/** Decodes an upload as UTF-8, refusing binary files (NUL bytes) and invalid encodings with a clear reason. */
export function decodeText(bytes: Uint8Array, name = 'the file'): string {
	if (bytes.includes(0)) throw new Error(`${name} looks like a binary file (it contains NUL bytes); upload UTF-8 text.`);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new Error(`${name} is not valid UTF-8; save it as UTF-8 and upload it again.`);
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const ctl = controlCharProblem(text);
	if (ctl) throw new Error(`${name} ${ctl}; it does not look like a text file.`);
	return text;
}

/** C0 control characters but tab, newline and carriage return, and DEL: they do not occur in text (NUL, ESC, BEL, …). */
export const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `contains a control character (U+0007) at position 12` for the first one in `text`, or null when there is none. */
export function controlCharProblem(text: string): string | null {
	const ctl = CONTROL_CHAR.exec(text);
	return ctl ? `contains a control character (U+${ctl[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}) at position ${ctl.index}` : null;
}

// ---- field parsers --------------------------------------------------------------------------------------------

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Ids that can be used in URLs and file names without escaping anything. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

function isValidDay(s: string): boolean {
	if (!ISO_DAY.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function day(v: unknown, field: string, nullable: boolean): string | null {
	if (v === null || v === undefined || v === '') {
		if (nullable) return null;
		throw new FieldError(field, 'is required (YYYY-MM-DD)');
	}
	if (typeof v !== 'string' || !isValidDay(v)) throw new FieldError(field, `${JSON.stringify(v)} is not a date YYYY-MM-DD`);
	return v;
}

function str(v: unknown, field: string, max: number, opts: { nullable?: boolean; required?: boolean } = {}): string | null {
	if (v === null || v === undefined) {
		if (opts.nullable) return null;
		if (opts.required) throw new FieldError(field, 'is required');
		return '';
	}
	if (typeof v !== 'string') throw new FieldError(field, `must be text, not ${typeof v}`);
	if (v.length > max) throw new FieldError(field, `is ${v.length} characters long; at most ${max} are allowed`);
	if (opts.required && v.trim() === '') throw new FieldError(field, 'is empty');
	return v;
}

/** A number written as plain decimal text: optional sign, digits, optional fraction (no hex, exponent, Infinity). */
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function num(v: unknown, field: string, min: number, max: number): number {
	if (typeof v === 'string' && v.trim() !== '' && !PLAIN_DECIMAL.test(v.trim())) throw new FieldError(field, `${JSON.stringify(v)} is not a plain decimal number`);
	const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
	if (typeof n !== 'number' || !Number.isFinite(n)) throw new FieldError(field, `${JSON.stringify(v)} is not a finite number`);
	if (n < min || n > max) throw new FieldError(field, `${n} is out of range [${min}, ${max}]`);
	return n;
}

function strings(v: unknown, field: string, maxItems: number, maxLen: number): string[] {
	if (v === undefined || v === null) return [];
	if (!Array.isArray(v)) throw new FieldError(field, 'must be an array of text');
	if (v.length > maxItems) throw new FieldError(field, `has ${v.length} items; at most ${maxItems} are allowed`);
	return v.map((x, i) => str(x, `${field}[${i}]`, maxLen, { required: true }) as string);
}

/** [lon, lat] in range, finite. */
export function parseCoordinates(v: unknown, field = 'geometry.coordinates'): [number, number] {
	if (!Array.isArray(v) || v.length < 2 || v.length > 3) throw new FieldError(field, 'must be [longitude, latitude]');
	const lon = num(v[0], `${field}[0] (longitude)`, -180, 180);
	const lat = num(v[1], `${field}[1] (latitude)`, -90, 90);
	return [lon, lat];
}

function countryCodes(v: unknown, field: string): string[] {
	const list = strings(v, field, 10, 3);
	list.forEach((c, i) => {
		if (!/^[A-Z]{3}$/.test(c)) throw new FieldError(`${field}[${i}]`, `${JSON.stringify(c)} is not an ISO 3166-1 alpha-3 code`);
	});
	return list;
}

function eventType(v: unknown, field: string): EventType {
	if (typeof v !== 'string' || !isEventType(v)) throw new FieldError(field, `${JSON.stringify(v)} is not one of ${EVENT_TYPES.join(', ')}`);
	return v;
}
function precision(v: unknown, field: string): DatePrecision {
	if (typeof v !== 'string' || !isDatePrecision(v)) throw new FieldError(field, `${JSON.stringify(v)} is not one of ${DATE_PRECISIONS.join(', ')}`);
	return v;
}
function placeKind(v: unknown, field: string): PlaceKind {
	if (typeof v !== 'string' || !isPlaceKind(v)) throw new FieldError(field, `${JSON.stringify(v)} is not one of ${PLACE_KINDS.join(', ')}`);
	return v;
}
function geoPrecision(v: unknown, field: string): GeoPrecision {
	const n = num(v, field, 1, 3);
	if (!Number.isInteger(n)) throw new FieldError(field, `${n} is not 1, 2 or 3`);
	return n as GeoPrecision;
}
function url(v: unknown, field: string): string | null {
	const s = str(v, field, 2000, { nullable: true });
	if (!s) return null;
	if (!isHttpUrl(s)) throw new FieldError(field, `${JSON.stringify(s.slice(0, 60))} is not an http(s) URL`);
	return s;
}

/** Only http: and https: links are ever rendered as links (no javascript:, data:, …). */
export function isHttpUrl(s: string): boolean {
	try {
		const u = new URL(s);
		return u.protocol === 'http:' || u.protocol === 'https:';
	} catch {
		return false;
	}
}

/** A deterministic short hash (FNV-1a, 2 × 32 bit) for ids of imported events. */
export function shortHash(s: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193);
		h2 = Math.imul(h2 ^ c, 0x5bd1e995);
	}
	return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function slug(s: string): string {
	return (
		s
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'x'
	);
}

// ---- one full event -------------------------------------------------------------------------------------------

/** Validates one feature against our event schema; throws FieldError naming the first bad field. */
export function parseEventFeature(raw: unknown): EventFeature {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new FieldError('(feature)', 'must be a GeoJSON Feature object');
	const f = raw as Record<string, unknown>;
	if (f.type !== 'Feature') throw new FieldError('type', `must be "Feature", not ${JSON.stringify(f.type)}`);
	const g = f.geometry as Record<string, unknown> | null | undefined;
	if (!g || typeof g !== 'object') throw new FieldError('geometry', 'is missing');
	if (g.type !== 'Point') throw new FieldError('geometry.type', `${JSON.stringify(g.type)} is not supported; events are Points`);
	const coordinates = parseCoordinates(g.coordinates);
	const p = f.properties as Record<string, unknown> | null | undefined;
	if (!p || typeof p !== 'object' || Array.isArray(p)) throw new FieldError('properties', 'is missing');
	const id = str(p.id ?? f.id, 'properties.id', 128, { required: true }) as string;
	if (!SAFE_ID.test(id)) throw new FieldError('properties.id', `${JSON.stringify(id.slice(0, 40))} may only hold letters, digits, "_", ".", ":" and "-"`);
	const source_id = str(p.source_id, 'properties.source_id', 128, { required: true }) as string;
	const badSource = sourceIdProblem(source_id);
	if (badSource) throw new FieldError('properties.source_id', badSource);
	const props: EventProperties = {
		id,
		date: day(p.date, 'properties.date', true),
		date_start: day(p.date_start, 'properties.date_start', true),
		date_end: day(p.date_end, 'properties.date_end', true),
		date_precision: precision(p.date_precision ?? (p.date ? 'day' : 'unknown'), 'properties.date_precision'),
		date_text: str(p.date_text, 'properties.date_text', 500, { nullable: true }),
		event_type: eventType(p.event_type, 'properties.event_type'),
		summary: str(p.summary, 'properties.summary', 2000) as string,
		actors: strings(p.actors, 'properties.actors', 50, 200),
		place_id: str(p.place_id, 'properties.place_id', 200, { required: true }) as string,
		place_name: str(p.place_name, 'properties.place_name', 200, { required: true }) as string,
		place_text: str(p.place_text, 'properties.place_text', 200) as string,
		place_kind: placeKind(p.place_kind ?? 'site', 'properties.place_kind'),
		country_codes: countryCodes(p.country_codes, 'properties.country_codes'),
		geo_precision: geoPrecision(p.geo_precision ?? 1, 'properties.geo_precision'),
		geonames_id: p.geonames_id === null || p.geonames_id === undefined ? null : num(p.geonames_id, 'properties.geonames_id', 1, 1e10),
		evidence: str(p.evidence, 'properties.evidence', 5000) as string,
		evidence_start: num(p.evidence_start ?? 0, 'properties.evidence_start', 0, 1e9),
		evidence_end: num(p.evidence_end ?? 0, 'properties.evidence_end', 0, 1e9),
		language: str(p.language ?? 'en', 'properties.language', 20) as string,
		source_id,
		source_title: str(p.source_title, 'properties.source_title', 500) as string,
		source_publisher: str(p.source_publisher, 'properties.source_publisher', 200, { nullable: true }),
		source_url: url(p.source_url, 'properties.source_url'),
		source_published: day(p.source_published, 'properties.source_published', true),
		confidence: num(p.confidence ?? 1, 'properties.confidence', 0, 1)
	};
	if (props.date_start && props.date_end && props.date_start > props.date_end) {
		throw new FieldError('properties.date_end', `${props.date_end} is before date_start ${props.date_start}`);
	}
	if (props.evidence_end < props.evidence_start) throw new FieldError('properties.evidence_end', 'is before evidence_start');
	return { type: 'Feature', geometry: { type: 'Point', coordinates }, properties: props };
}

// ---- GeoJSON import -------------------------------------------------------------------------------------------

/** Parses a GeoJSON FeatureCollection of events; every bad feature is reported, none is silently dropped. */
export function parseGeoJsonImport(text: string): ImportResult {
	const result: ImportResult = { format: 'geojson', features: [], errors: [] };
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (err) {
		result.errors.push({ feature: null, field: null, message: `Not valid JSON: ${(err as Error).message}` });
		return result;
	}
	const d = doc as Record<string, unknown>;
	if (!d || typeof d !== 'object' || d.type !== 'FeatureCollection' || !Array.isArray(d.features)) {
		result.errors.push({ feature: null, field: 'type', message: 'Expected a GeoJSON FeatureCollection with a "features" array.' });
		return result;
	}
	if (d.features.length > MAX_IMPORT_FEATURES) {
		result.errors.push({ feature: null, field: 'features', message: `${d.features.length} features; at most ${MAX_IMPORT_FEATURES} per import.` });
		return result;
	}
	d.features.forEach((raw, i) => {
		try {
			result.features.push(parseEventFeature(raw));
		} catch (err) {
			const field = err instanceof FieldError ? err.field : null;
			result.errors.push({ feature: i, field, message: `Feature ${i}: ${(err as Error).message}` });
		}
	});
	return result;
}

// ---- ACLED-style CSV ------------------------------------------------------------------------------------------

/** A CSV that cannot be read unambiguously; `line` is 1-based, `column` the 1-based field of that row. */
export class CsvError extends Error {
	constructor(
		readonly line: number,
		readonly column: number,
		/** 0-based index of the record (row) the error is in; 0 is the header. */
		readonly record: number,
		readonly reason: string
	) {
		super(`line ${line}, column ${column}: ${reason}`);
	}
}

/** One CSV record and the line it starts on (1-based; quoted fields may hold newlines). */
export interface CsvRecord {
	cells: string[];
	line: number;
}

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Strict: a quote inside an unquoted field, text after a
 * closing quote and an unclosed quote throw CsvError naming the line and column, never glue text together.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
	const reader = new CsvReader();
	return [...reader.push(text), ...reader.end()];
}

/**
 * parseCsvRecords a piece at a time, for files of any size: `push` each piece of the text as it is read (cut
 * anywhere, even inside a quoted field or between CR and LF) and take the records it completes; `end` gives the
 * last. Blank lines give no record. Same records, lines and errors as parsing the whole text at once.
 */
/** The characters that end an unquoted run: quote, comma, CR, LF. */
const SPECIAL = /[",\r\n]/g;

export class CsvReader {
	private row: string[] = [];
	private field = '';
	private quoted = false;
	private closed = false; // just after a quoted field's closing quote
	private pendingQuote = false; // a quote at the end of a piece, inside a quoted field: doubled or closing?
	private pendingCr = false; // a CR at the end of a piece: the first half of CRLF?
	private line = 1;
	private rowLine = 1;
	private fieldLine = 1;
	/** Records returned so far, counting blank lines' empty ones (CsvError.record counts them, as before). */
	private count = 0;

	private fail(reason: string, at = this.line): CsvError {
		return new CsvError(at, this.row.length + 1, this.count, reason);
	}

	private endRow(out: CsvRecord[]): void {
		this.row.push(this.field);
		const rec = { cells: this.row, line: this.rowLine };
		this.count++;
		if (!(rec.cells.length === 1 && rec.cells[0] === '')) out.push(rec);
		this.row = [];
		this.field = '';
		this.closed = false;
	}

	/** Reads `text`, the next piece of the CSV; returns the records it completed. */
	push(text: string): CsvRecord[] {
		const out: CsvRecord[] = [];
		if (text === '') return out;
		let i = 0;
		if (this.pendingQuote) {
			this.pendingQuote = false;
			if (text[0] === '"') {
				this.field += '"';
				i = 1;
			} else {
				this.quoted = false;
				this.closed = true;
			}
		}
		if (this.pendingCr) {
			this.pendingCr = false;
			if (this.quoted) {
				if (text[0] !== '\n') this.line++; // a lone CR inside a quoted field ends a line
			} else if (text[0] === '\n') i = Math.max(i, 1); // the LF of a CRLF that ended the row
		}
		// Whole runs at a time (up to the next quote inside a quoted field, the next delimiter outside one): a
		// character-by-character loop costs ~200 ns a character, too slow for an ACLED file of hundreds of MB.
		const n = text.length;
		while (i < n) {
			if (this.quoted) {
				const q = text.indexOf('"', i);
				const stop = q === -1 ? n : q;
				const run = text.slice(i, stop); // searched on its own: a search of `text` would run to its end
				for (let k = run.indexOf('\n'); k !== -1; k = run.indexOf('\n', k + 1)) this.line++;
				for (let k = run.indexOf('\r'); k !== -1; k = run.indexOf('\r', k + 1)) {
					if (i + k + 1 === n) this.pendingCr = true;
					else if (text.charCodeAt(i + k + 1) !== 10) this.line++; // a lone CR ends a line; CRLF counts once, at its LF
				}
				this.field += run;
				if (q === -1) break;
				if (q + 1 === n) {
					this.pendingQuote = true;
					break;
				}
				if (text.charCodeAt(q + 1) === 34) {
					this.field += '"';
					i = q + 2;
				} else {
					this.quoted = false;
					this.closed = true;
					i = q + 1;
				}
				continue;
			}
			SPECIAL.lastIndex = i;
			const m = SPECIAL.exec(text);
			const at = m ? m.index : n;
			if (at > i) {
				if (this.closed) {
					throw this.fail(`${JSON.stringify(text[i])} after the closing quote of a quoted field (a field is either wholly quoted or not; write "" for a quote inside it)`);
				}
				this.field += text.slice(i, at);
			}
			if (!m) break;
			const c = text.charCodeAt(at);
			i = at + 1;
			if (c === 44) {
				this.row.push(this.field);
				this.field = '';
				this.closed = false;
			} else if (c === 10 || c === 13) {
				if (c === 13) {
					if (at + 1 === n) this.pendingCr = true;
					else if (text.charCodeAt(at + 1) === 10) i++;
				}
				this.endRow(out);
				this.line++;
				this.rowLine = this.line;
			} else if (this.closed) {
				throw this.fail(`${JSON.stringify('"')} after the closing quote of a quoted field (a field is either wholly quoted or not; write "" for a quote inside it)`);
			} else {
				if (this.field !== '') throw this.fail(`a quote inside an unquoted field (quote the whole field and write "" for the quote)`);
				this.quoted = true;
				this.fieldLine = this.line;
			}
		}
		return out;
	}

	/** The end of the text: the last record, if the text did not end with a newline. */
	end(): CsvRecord[] {
		if (this.pendingQuote) {
			this.pendingQuote = false;
			this.quoted = false;
			this.closed = true;
		}
		if (this.pendingCr) {
			this.pendingCr = false;
			if (this.quoted) this.line++;
		}
		if (this.quoted) throw this.fail('the CSV ends inside a quoted field (an unmatched ")', this.fieldLine);
		const out: CsvRecord[] = [];
		if (this.field !== '' || this.row.length || this.closed) this.endRow(out);
		return out;
	}
}

export function parseCsv(text: string): string[][] {
	return parseCsvRecords(text).map((r) => r.cells);
}

/** ACLED event types (and strategic sub-types) → PLOVER. */
const ACLED_TYPES: Record<string, EventType> = {
	battles: 'ASSAULT',
	'explosions/remote violence': 'ASSAULT',
	'violence against civilians': 'ASSAULT',
	protests: 'PROTEST',
	riots: 'PROTEST',
	agreement: 'AGREE',
	arrests: 'COERCE',
	'change to group/activity': 'MOBILIZE',
	'headquarters or base established': 'MOBILIZE',
	'looting/property destruction': 'COERCE',
	'non-violent transfer of territory': 'CONCEDE',
	'disrupted weapons use': 'COERCE',
	other: 'CONSULT'
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** ACLED's documented date forms: `2021-11-12`, `12 November 2021`, `12 Nov 2021`, `12-Nov-21`, `12-November-2021`. */
function acledDate(v: string, field: string): string {
	const s = v.trim();
	if (isValidDay(s)) return s;
	const m = /^(\d{1,2})([ -])([A-Za-z]+)\2(\d{4}|\d{2})$/.exec(s);
	if (m) {
		const name = m[3]!.toLowerCase();
		// A real month: its full name or its three-letter abbreviation, nothing that merely starts like one.
		const mi = MONTHS.findIndex((x) => x === name || x.slice(0, 3) === name);
		const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
		const out = `${y}-${String(mi + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
		if (mi >= 0 && isValidDay(out)) return out;
	}
	throw new FieldError(field, `${JSON.stringify(v)} is not a date (YYYY-MM-DD, "12 November 2021" or "12-Nov-21")`);
}

function addDays(d: string, n: number): string {
	const t = new Date(`${d}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() + n);
	return t.toISOString().slice(0, 10);
}

/** Date interval for an ACLED time_precision (1 day, 2 week, 3 month). */
function interval(date: string, p: DatePrecision): { date_start: string; date_end: string } {
	if (p === 'week') return { date_start: addDays(date, -3), date_end: addDays(date, 3) };
	if (p === 'month') {
		const [y, m] = date.split('-').map(Number) as [number, number];
		const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
		return { date_start: `${date.slice(0, 8)}01`, date_end: `${date.slice(0, 8)}${String(last).padStart(2, '0')}` };
	}
	return { date_start: date, date_end: date };
}

const REQUIRED_ACLED = ['event_date', 'event_type', 'latitude', 'longitude', 'location'];

/**
 * Maps an ACLED-style CSV export to events. `countryCode` turns ACLED's numeric `iso` column into ISO alpha-3
 * (injected so this module stays free of data packages); a code it does not know is refused, so without one
 * only rows with an empty `iso` pass. Errors name the data row, its line in the file and the column.
 */
export function parseAcledCsv(text: string, countryCode: (numeric: string) => string | undefined = () => undefined): ImportResult {
	const result: ImportResult = { format: 'acled-csv', features: [], errors: [] };
	let records: CsvRecord[];
	try {
		records = parseCsvRecords(text);
	} catch (err) {
		if (!(err instanceof CsvError)) throw err;
		// Name the column by its header when the header itself was read.
		let name: string | null = null;
		if (err.record > 0) {
			try {
				name = parseCsvRecords(text.slice(0, text.search(/\r?\n/)))[0]?.cells[err.column - 1]?.trim().toLowerCase() ?? null;
			} catch {
				name = null;
			}
		}
		const where = err.record > 0 ? `Row ${err.record} (line ${err.line})` : `The header (line ${err.line})`;
		result.errors.push({ feature: err.record > 0 ? err.record : null, field: name, message: `${where}, column ${err.column}${name ? ` (${name})` : ''}: ${err.reason}` });
		return result;
	}
	const { header, missing } = acledHeader(records.shift()?.cells ?? []);
	if (missing.length) {
		result.errors.push({ feature: null, field: missing[0]!, message: acledHeaderProblem(missing) });
		return result;
	}
	if (records.length > MAX_IMPORT_FEATURES) {
		result.errors.push({ feature: null, field: null, message: `${records.length} rows; at most ${MAX_IMPORT_FEATURES} per import.` });
		return result;
	}
	const map = acledRow(header, countryCode);
	records.forEach((record, r) => {
		const row = map(record, r + 1);
		if ('properties' in row) result.features.push(row);
		else result.errors.push(row);
	});
	return result;
}

/** An ACLED CSV's header row, lower-cased, and the required columns it lacks. */
export function acledHeader(cells: readonly string[]): { header: string[]; missing: string[] } {
	const header = cells.map((h) => h.trim().toLowerCase());
	return { header, missing: REQUIRED_ACLED.filter((h) => !header.includes(h)) };
}

/** The message for a header that lacks the `missing` columns. */
export function acledHeaderProblem(missing: readonly string[]): string {
	return `The CSV header lacks the column(s) ${missing.join(', ')} (an ACLED-style export has ${REQUIRED_ACLED.join(', ')}).`;
}

/**
 * The mapping of one ACLED data row (1-based `rowNo`) under `header` to an event, or the issue naming the row,
 * its line and the field that is wrong: what parseAcledCsv does to each row, for readers that stream the file.
 */
export function acledRow(header: readonly string[], countryCode: (numeric: string) => string | undefined = () => undefined): (record: CsvRecord, rowNo: number) => EventFeature | ImportIssue {
	const col = new Map(header.map((h, i) => [h, i] as const).reverse()); // the first column of a name wins, as indexOf did
	return ({ cells, line }, rowNo) => {
		const get = (k: string) => (cells[col.get(k) ?? -1] ?? '').trim();
		try {
			if (cells.length !== header.length) throw new FieldError('(row)', `has ${cells.length} cells but the header has ${header.length}`);
			const date = acledDate(get('event_date'), 'event_date');
			const tp = get('time_precision');
			const date_precision: DatePrecision = tp === '2' ? 'week' : tp === '3' ? 'month' : 'day';
			const lat = num(get('latitude'), 'latitude', -90, 90);
			const lon = num(get('longitude'), 'longitude', -180, 180);
			const type = ACLED_TYPES[get('sub_event_type').toLowerCase()] ?? ACLED_TYPES[get('event_type').toLowerCase()];
			if (!type) throw new FieldError('event_type', `${JSON.stringify(get('event_type'))} is not an ACLED event type`);
			const location = str(get('location'), 'location', 200, { required: true }) as string;
			const source = get('source') || 'ACLED';
			const notes = (str(get('notes'), 'notes', 5000) as string) || `${get('event_type')} in ${location}`;
			const gp = get('geo_precision');
			const iso = get('iso');
			// ACLED writes 0 for Kosovo, which has no ISO 3166-1 numeric code (XKX is the user-assigned alpha-3 in use).
			const cc = iso && /^\d{1,3}$/.test(iso) ? (Number(iso) === 0 ? 'XKX' : countryCode(iso)) : undefined;
			if (iso && !cc) throw new FieldError('iso', `${JSON.stringify(iso)} is not an ISO 3166-1 numeric country code (e.g. 112 for Belarus); leave it empty when unknown`);
			const source_id = `acled-${slug(source)}`;
			const native = get('event_id_cnty');
			const id = native && SAFE_ID.test(`acled-${native}`) ? `acled-${native}` : `acled-${shortHash(`${source_id}|${date}|${location}|${notes}|${rowNo}`)}`;
			const actors = [get('actor1'), get('assoc_actor_1'), get('actor2'), get('assoc_actor_2')]
				.flatMap((a) => a.split(';'))
				.map((a) => a.trim())
				.filter((a, i, all) => a && all.indexOf(a) === i);
			const summary = `${get('sub_event_type') || get('event_type')} in ${location}`;
			return {
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [lon, lat] },
				properties: {
					id,
					date,
					...interval(date, date_precision),
					date_precision,
					date_text: get('event_date'),
					event_type: type,
					summary: summary.slice(0, 300),
					actors,
					place_id: `site:${slug(location)}`,
					place_name: location,
					place_text: location,
					place_kind: 'site',
					country_codes: cc ? [cc] : [],
					geo_precision: gp === '2' ? 2 : gp === '3' ? 3 : 1,
					geonames_id: null,
					evidence: notes,
					evidence_start: 0,
					evidence_end: notes.length,
					language: 'en',
					source_id,
					source_title: source,
					source_publisher: source,
					source_url: null,
					source_published: null,
					confidence: 1
				}
			};
		} catch (err) {
			const field = err instanceof FieldError ? err.field : null;
			return { feature: rowNo, field, message: `Row ${rowNo} (line ${line}): ${(err as Error).message}` };
		}
	};
}

/** Picks the parser by file name or content. */
export function parseImport(text: string, fileName = '', countryCode?: (numeric: string) => string | undefined): ImportResult {
	const lower = fileName.toLowerCase();
	const looksJson = /^\s*[{[]/.test(text);
	if (lower.endsWith('.csv') || (!looksJson && !lower.endsWith('.geojson') && !lower.endsWith('.json'))) return parseAcledCsv(text, countryCode);
	return parseGeoJsonImport(text);
}

// ---- duplicates -----------------------------------------------------------------------------------------------

/** Same source + place + date: same source id and date, and the same place id or a point within ~1 km. */
export function isDuplicate(a: EventFeature, b: EventFeature): boolean {
	const pa = a.properties;
	const pb = b.properties;
	if (pa.source_id !== pb.source_id || pa.date !== pb.date) return false;
	if (pa.place_id === pb.place_id) return true;
	const [ax, ay] = a.geometry.coordinates as [number, number];
	const [bx, by] = b.geometry.coordinates as [number, number];
	return Math.abs(ax - bx) < 0.01 && Math.abs(ay - by) < 0.01;
}

export interface MergePlan {
	fresh: EventFeature[];
	/** Incoming index → id of the event it duplicates (in the data or earlier in the same upload). */
	duplicates: { index: number; id: string; of: string }[];
}

/**
 * Whether an event's id is its source's own (ACLED's event_id_cnty, kept as `acled-UKR12345`), not one made from a
 * hash of its fields (`acled-` and 16 hex digits): such events are one event exactly when their ids are equal. ACLED
 * codes separate events at the same place on the same day from the same source (two shellings of a town).
 */
export function hasSourceId(f: EventFeature): boolean {
	const id = f.properties.id;
	return id.startsWith('acled-') && !/^acled-[0-9a-f]{16}$/.test(id);
}

/**
 * Splits incoming events into new ones and duplicates of existing (or earlier incoming) events: the same id, or the
 * same source, date and place (isDuplicate), except between two events that both carry their source's own id.
 */
export function planMerge(existing: readonly EventFeature[], incoming: readonly EventFeature[]): MergePlan {
	const index = new Map<string, EventFeature[]>();
	const key = (f: EventFeature) => `${f.properties.source_id}|${f.properties.date}`;
	const ids = new Set(existing.map((f) => f.properties.id));
	const add = (f: EventFeature) => {
		const same = index.get(key(f));
		if (same) same.push(f);
		else index.set(key(f), [f]);
	};
	for (const f of existing) add(f);
	const plan: MergePlan = { fresh: [], duplicates: [] };
	incoming.forEach((f, i) => {
		const own = hasSourceId(f);
		const same = index.get(key(f))?.find((g) => isDuplicate(f, g) && !(own && hasSourceId(g)));
		const dupOf = same?.properties.id ?? (ids.has(f.properties.id) ? f.properties.id : undefined);
		if (dupOf) {
			plan.duplicates.push({ index: i, id: f.properties.id, of: dupOf });
			return;
		}
		plan.fresh.push(f);
		ids.add(f.properties.id);
		add(f);
	});
	return plan;
}

// ---- edits ----------------------------------------------------------------------------------------------------

/** Validates an analyst's patch: only editable fields, each well-formed. Throws FieldError. */
export function parseEventPatch(raw: unknown): EventPatch {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new FieldError('set', 'must be an object of fields to change');
	const r = raw as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(r)) {
		if (k !== 'coordinates' && !(EDITABLE_FIELDS as readonly string[]).includes(k)) {
			throw new FieldError(k, `cannot be edited (editable: ${EDITABLE_FIELDS.join(', ')}, coordinates)`);
		}
	}
	const has = (k: string) => Object.prototype.hasOwnProperty.call(r, k);
	if (has('coordinates')) out.coordinates = parseCoordinates(r.coordinates, 'coordinates');
	for (const k of ['date', 'date_start', 'date_end'] as const) if (has(k)) out[k] = day(r[k], k, true);
	if (has('date_precision')) out.date_precision = precision(r.date_precision, 'date_precision');
	if (has('date_text')) out.date_text = str(r.date_text, 'date_text', 500, { nullable: true });
	if (has('event_type')) out.event_type = eventType(r.event_type, 'event_type');
	if (has('summary')) out.summary = str(r.summary, 'summary', 2000);
	if (has('actors')) out.actors = strings(r.actors, 'actors', 50, 200);
	if (has('place_id')) out.place_id = str(r.place_id, 'place_id', 200, { required: true });
	if (has('place_name')) out.place_name = str(r.place_name, 'place_name', 200, { required: true });
	if (has('place_kind')) out.place_kind = placeKind(r.place_kind, 'place_kind');
	if (has('country_codes')) out.country_codes = countryCodes(r.country_codes, 'country_codes');
	if (has('geo_precision')) out.geo_precision = geoPrecision(r.geo_precision, 'geo_precision');
	if (has('geonames_id')) out.geonames_id = r.geonames_id === null ? null : num(r.geonames_id, 'geonames_id', 1, 1e10);
	if (has('confidence')) out.confidence = num(r.confidence, 'confidence', 0, 1);
	if (Object.keys(out).length === 0) throw new FieldError('set', 'changes nothing');
	return out as EventPatch;
}

/** An analyst's name as stored in the log: trimmed, no control characters, 1–80 characters. */
export function parseAuthor(raw: unknown): string {
	if (typeof raw !== 'string') throw new FieldError('author', 'is required: set your name before editing');
	const s = raw.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
	if (!s) throw new FieldError('author', 'is required: set your name before editing');
	if (s.length > 80) throw new FieldError('author', 'is longer than 80 characters');
	return s;
}
