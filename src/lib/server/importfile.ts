// An ACLED-style CSV file of any size read as a stream: a megabyte at a time decoded, cut into records and mapped to
// events as it arrives, so a file of a million rows (hundreds of MB) is never one string. The rules are the web
// import's (importers.ts: the same reader, header check and row mapping), without its per-upload row limit.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import countries from 'i18n-iso-countries';
import type { EventFeature } from '$lib/domain/event';
import { acledHeader, acledHeaderProblem, acledRow, controlCharProblem, CsvError, CsvReader, type CsvRecord, type ImportIssue } from '$lib/domain/importers';

export interface FileProgress {
	/** Bytes read so far, and the file's size. */
	bytes: number;
	total: number;
	/** Data rows read so far. */
	rows: number;
}

export interface FileImport {
	features: EventFeature[];
	/** The first `maxIssues` problems, in file order; `issueCount` counts them all. */
	issues: ImportIssue[];
	issueCount: number;
	rows: number;
}

/**
 * Reads `file` (UTF-8, an optional BOM) as an ACLED-style CSV: its events and the problems of the rows that are
 * not, each naming its row, line and column. A broken file (not UTF-8, binary, a header without the required
 * columns, a quote that never closes) stops the reading with one problem naming where. `onProgress` is called
 * about every megabyte.
 */
export async function readAcledFile(file: string, opts: { onProgress?: (p: FileProgress) => void; maxIssues?: number } = {}): Promise<FileImport> {
	const total = (await stat(file)).size;
	const maxIssues = opts.maxIssues ?? 1000;
	const out: FileImport = { features: [], issues: [], issueCount: 0, rows: 0 };
	const issue = (i: ImportIssue) => {
		if (out.issues.length < maxIssues) out.issues.push(i);
		out.issueCount++;
	};
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const csv = new CsvReader();
	let map: ((record: CsvRecord, rowNo: number) => EventFeature | ImportIssue) | null = null;
	let bytes = 0;
	let chars = 0;
	const take = (records: CsvRecord[]): boolean => {
		for (const record of records) {
			if (!map) {
				const { header, missing } = acledHeader(record.cells);
				if (missing.length) {
					issue({ feature: null, field: missing[0]!, message: acledHeaderProblem(missing) });
					return false;
				}
				map = acledRow(header, (n) => countries.numericToAlpha3(n));
				continue;
			}
			const row = map(record, ++out.rows);
			if ('properties' in row) out.features.push(row);
			else issue(row);
		}
		return true;
	};
	const stop = (message: string, feature: number | null = null): FileImport => {
		issue({ feature, field: null, message });
		return out;
	};
	try {
		for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
			if (chunk.includes(0)) return stop(`${file} looks like a binary file (it contains NUL bytes near byte ${bytes + chunk.indexOf(0)}); import UTF-8 text.`);
			let text = decoder.decode(chunk, { stream: true });
			if (bytes === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			const ctl = controlCharProblem(text);
			if (ctl) return stop(`${file} ${ctl.replace(/at position (\d+)/, (_, n) => `at character ${chars + Number(n)}`)}; it does not look like a text file.`);
			bytes += chunk.length;
			chars += text.length;
			if (!take(csv.push(text))) return out;
			opts.onProgress?.({ bytes, total, rows: out.rows });
		}
		const rest = decoder.decode();
		take([...csv.push(rest), ...csv.end()]);
	} catch (err) {
		if (err instanceof CsvError) {
			const where = err.record > 0 ? `Row ${err.record} (line ${err.line})` : `The header (line ${err.line})`;
			return stop(`${where}, column ${err.column}: ${err.reason}`, err.record > 0 ? err.record : null);
		}
		if (err instanceof TypeError && /decode|encoded/i.test(err.message)) return stop(`${file} is not valid UTF-8 (near byte ${bytes}); save it as UTF-8 and import it again.`);
		throw err;
	}
	opts.onProgress?.({ bytes, total, rows: out.rows });
	return out;
}
