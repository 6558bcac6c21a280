// The input stage: one file's bytes → zero or more articles. Markdown/text as written, saved web pages, RSS/Atom
// feeds and JSON Lines dumps; a bad item is reported with its number and the file's other items still go in.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { controlCharProblem } from '../../domain/importers';
import { EXTRACTED_EXT } from '../../domain/inputfiles';
import { sourceIdProblem } from '../../domain/sourceid';
import { articleFromFields, parseArticle, sourceIdOf } from '../pipeline/article';
import type { Article } from '../pipeline/types';
import { decodeDeclared } from './decode';
import { isFeed, parseFeed } from './feed';
import { htmlArticle } from './html';
import { publishedDay } from './published';

export { INPUT_EXT, EXTRACTED_EXT } from '../../domain/inputfiles';

export interface InputProblem {
	/** "item 3" (a feed's third item), "line 7" (a JSON Lines file's seventh line), or null for the whole file. */
	item: string | null;
	reason: string;
}

export interface InputResult {
	articles: Article[];
	/** Items (or the whole file) that could not be read; the other articles still go in. */
	failed: InputProblem[];
	/** What was read despite a flaw (an encoding declaration that the bytes contradict). */
	notes: string[];
}

/** Which item of `file` an article of it is ("item 3", "line 7"), or null when it is the whole file (a page). */
export function itemOf(article: Article, file: string): string | null {
	return article.file === file ? null : article.file.slice(file.length + 2);
}

/** Whether the file's text is extracted from markup or records (web pages, feeds, dumps) rather than read as written. */
export function isExtracted(file: string): boolean {
	return EXTRACTED_EXT.test(file);
}

const hash10 = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 10);

/** Source id of the item of a file: the file's id and a hash of what identifies the item, stable when its text changes. */
function itemSourceId(file: string, key: string): string {
	return `${sourceIdOf(file).slice(0, 100).replace(/-+$/, '')}-${hash10(key)}`;
}

/** `message` without its leading "label: ", so a problem reads "item 3: url: …" under its file. */
function problem(item: string | null, err: unknown, label: string): InputProblem {
	const msg = (err as Error).message;
	return { item, reason: msg.startsWith(`${label}: `) ? msg.slice(label.length + 2) : msg };
}

function checkText(text: string, label: string): void {
	const ctl = controlCharProblem(text);
	if (ctl) throw new Error(`${label}: content: ${ctl}`);
}

function readPage(bytes: Buffer, file: string): InputResult {
	const decoded = decodeDeclared(bytes, 'html', file);
	if (decoded.bad.length) {
		throw new Error(`${file}: encoding: is not valid ${decoded.encoding} (character ${decoded.bad[0]}); the page must declare the charset it is saved in (<meta charset>)`);
	}
	const { fields, body } = htmlArticle(decoded.text);
	checkText(body, file);
	const article = articleFromFields({ ...fields }, body, file, { sourceId: sourceIdOf(file), hasFrontMatter: true });
	return { articles: [article], failed: [], notes: decoded.note ? [decoded.note] : [] };
}

function readFeed(bytes: Buffer, file: string): InputResult {
	const decoded = decodeDeclared(bytes, 'xml', file);
	if (!isFeed(decoded.text)) throw new Error(`${file}: is not an RSS 2.0 or Atom feed (an .xml input must be one)`);
	let feed;
	try {
		feed = parseFeed(decoded.text);
	} catch (err) {
		throw new Error(`${file}: ${(err as Error).message}`);
	}
	const out: InputResult = { articles: [], failed: [], notes: decoded.note ? [decoded.note] : [] };
	feed.items.forEach((it, i) => {
		const item = `item ${i + 1}`;
		const label = `${file}: ${item}`;
		try {
			if (decoded.bad.some((b) => b >= it.start && b < it.end)) {
				throw new Error(`${label}: encoding: holds bytes that are not valid ${decoded.encoding}, the encoding the feed declares`);
			}
			checkText(it.text, label);
			const published = it.date === null ? null : (publishedDay(it.date) ?? it.date);
			const language = /^([A-Za-z]{2,3})(?:[-_]|$)/.exec(it.language ?? feed.language ?? '')?.[1]?.toLowerCase() ?? null;
			const key = it.guid ?? it.link ?? `${it.title ?? ''}|${it.date ?? ''}|${it.text}`;
			out.articles.push(
				articleFromFields({ title: it.title, url: it.link, publisher: feed.title, published, language }, it.text, label, { sourceId: itemSourceId(file, key), hasFrontMatter: true })
			);
		} catch (err) {
			out.failed.push(problem(item, err, label));
		}
	});
	return out;
}

const JSONL_FIELDS = ['title', 'url', 'publisher', 'published', 'language', 'inferred'] as const;

function readJsonLines(bytes: Buffer, file: string): InputResult {
	const out: InputResult = { articles: [], failed: [], notes: [] };
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	let line = 0;
	for (let start = 0; start < bytes.length; ) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		line++;
		const item = `line ${line}`;
		const label = `${file}: ${item}`;
		const raw = bytes.subarray(start, end);
		start = end + 1;
		try {
			let text: string;
			try {
				text = utf8.decode(raw).replace(/^\uFEFF/, '');
			} catch {
				throw new Error(`${label}: encoding: is not valid UTF-8 (JSON Lines are UTF-8)`);
			}
			if (text.trim() === '') continue;
			let rec: unknown;
			try {
				rec = JSON.parse(text);
			} catch (err) {
				throw new Error(`${label}: invalid JSON: ${(err as Error).message}`);
			}
			if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new Error(`${label}: expected an object ({"text": …, "title": …})`);
			const r = rec as Record<string, unknown>;
			if (typeof r.text !== 'string') throw new Error(`${label}: text: expected the article's text as a string`);
			checkText(r.text, label);
			const fields: Record<string, unknown> = {};
			for (const k of JSONL_FIELDS) if (k in r) fields[k] = r[k];
			if (typeof fields.published === 'string') fields.published = publishedDay(fields.published) ?? fields.published;
			let sourceId: string;
			if (r.source_id !== undefined && r.source_id !== null) {
				const bad = typeof r.source_id === 'string' ? sourceIdProblem(r.source_id) : 'expected a string';
				if (bad) throw new Error(`${label}: source_id: ${bad}`);
				sourceId = r.source_id as string;
			} else sourceId = itemSourceId(file, typeof r.url === 'string' && r.url ? r.url : r.text);
			out.articles.push(articleFromFields(fields, r.text, label, { sourceId, hasFrontMatter: true }));
		} catch (err) {
			out.failed.push(problem(item, err, label));
		}
	}
	return out;
}

/**
 * The articles of one input file, by its extension: `.md`/`.txt` (UTF-8, optional YAML front matter), `.html`/`.htm`
 * (a saved page), `.xml`/`.rss`/`.atom` (an RSS 2.0 or Atom feed: one article per item), `.jsonl`/`.ndjson` (one
 * article per line: `text` and the front matter's optional fields, plus an optional `source_id`). Throws an Error
 * whose message starts with the file name when the whole file is unreadable; a bad item goes into `failed`.
 */
export function readInput(bytes: Buffer, file: string): InputResult {
	const ext = path.extname(file).toLowerCase();
	if (ext === '.md' || ext === '.txt') return { articles: [parseArticle(bytes, file)], failed: [], notes: [] };
	if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) throw new Error(`${file}: content: contains NUL bytes (binary file?)`);
	if (ext === '.jsonl' || ext === '.ndjson') return readJsonLines(bytes, file);
	if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return readPage(bytes, file);
	return readFeed(bytes, file);
}
