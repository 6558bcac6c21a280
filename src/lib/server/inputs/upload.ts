// A saved page, feed or JSON Lines file uploaded on /add → its articles, read by the same readInput as `npm run ingest`.
import path from 'node:path';
import { FieldError } from '../../domain/importers';
import { MAX_UPLOAD_BYTES } from '../../domain/inputfiles';
import { ArticleError, articleFromFields } from '../pipeline/article';
import type { Article } from '../pipeline/types';
import { isExtracted, itemOf, readInput, type InputProblem } from './index';

export { MAX_UPLOAD_BYTES };

/** An uploaded file, validated: a bare file name with an extension the inputs extract from, and at most MAX_UPLOAD_BYTES. */
export interface Upload {
	name: string;
	bytes: Buffer;
}

/** One article of an upload: which item of the file it is (null for a page) and the article as the ingest reads it. */
export interface UploadedArticle {
	item: string | null;
	article: Article;
}

export interface UploadResult {
	name: string;
	articles: UploadedArticle[];
	/** Items that could not be read ("item 2": why); the others are offered. */
	failed: InputProblem[];
	notes: string[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The request's `file` field, `{ name, data }` with `data` the file's bytes in base64. Throws FieldError naming the
 * file: not a page, feed or JSON Lines file by its name, empty, or larger than MAX_UPLOAD_BYTES.
 */
export function parseUpload(v: unknown): Upload {
	if (!v || typeof v !== 'object' || Array.isArray(v)) throw new FieldError('file', 'must be {name, data} (data: the file in base64)');
	const { name, data } = v as { name?: unknown; data?: unknown };
	if (typeof name !== 'string' || name.trim() === '' || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) {
		throw new FieldError('file.name', 'must be the file’s name (1–255 characters, no control characters)');
	}
	// Only the last segment: a name is a label and the stem of a source id, never a path.
	const base = path.basename(name.replace(/\\/g, '/'));
	if (!isExtracted(base)) {
		throw new FieldError('file.name', `“${base}” is not a saved web page (.html, .htm), a feed (.xml, .rss, .atom) or a JSON Lines file (.jsonl)`);
	}
	if (typeof data !== 'string' || !BASE64.test(data)) throw new FieldError('file.data', `“${base}”: expected the file’s bytes in base64`);
	// Checked before decoding, so an oversized body is never decoded: 4 base64 characters per 3 bytes.
	const size = Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
	if (size > MAX_UPLOAD_BYTES) {
		throw new FieldError('file', `“${base}” is ${(size / 1024 / 1024).toFixed(1)} MB; files up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are accepted`);
	}
	if (size === 0) throw new FieldError('file', `“${base}” is empty`);
	return { name: base, bytes: Buffer.from(data, 'base64') };
}

/**
 * The articles of an upload, exactly as `npm run ingest` reads the file (readInput). Throws FieldError (field
 * `file`, the message naming the file) when the whole file is unreadable; a bad item goes into `failed`.
 */
export function readUpload(upload: Upload): UploadResult {
	let input;
	try {
		input = readInput(upload.bytes, upload.name);
	} catch (err) {
		throw new FieldError('file', (err as Error).message);
	}
	const out: UploadResult = { name: upload.name, articles: [], failed: input.failed, notes: input.notes };
	// Two items with one source id (a feed repeating a guid) could not both be stored: the ingest refuses the second too.
	const seen = new Map<string, string>();
	for (const article of input.articles) {
		const item = itemOf(article, upload.name);
		const first = seen.get(article.sourceId);
		if (first !== undefined) {
			out.failed.push({ item, reason: `source id: "${article.sourceId}" is already the id of ${first}` });
			continue;
		}
		seen.set(article.sourceId, item ?? upload.name);
		out.articles.push({ item, article });
	}
	return out;
}

/** Metadata an analyst corrected; a null field keeps what the file says. */
export interface FieldCorrections {
	title: string | null;
	publisher: string | null;
	url: string | null;
	published: string | null;
	language: string | null;
}

/**
 * The article with the analyst's corrected metadata, validated as any article's is (articleFromFields); its text,
 * and so every evidence offset, stays the extracted text. Throws FieldError naming the field.
 */
export function withCorrections(article: Article, fix: FieldCorrections): Article {
	const m = article.meta;
	const fields = {
		title: fix.title ?? m.title,
		publisher: fix.publisher ?? m.publisher,
		url: fix.url ?? m.url,
		published: fix.published ?? m.published,
		language: fix.language ?? m.language,
		inferred: m.inferred
	};
	try {
		return articleFromFields(fields, article.body, article.file, { sourceId: article.sourceId, hasFrontMatter: m.hasFrontMatter });
	} catch (err) {
		if (err instanceof ArticleError) throw new FieldError(err.field, err.message.slice(err.file.length + err.field.length + 4));
		throw err;
	}
}
