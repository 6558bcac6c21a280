// Parses one article file: validates bytes, front matter and metadata; detects the language when none is given.
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { controlCharProblem } from '../../domain/importers';
import { sourceIdProblem } from '../../domain/sourceid';
import { isIsoDate } from '../../domain/time';
import { plainFrontMatter } from './frontmatter';
import type { Article, ArticleMeta } from './types';

/** An article that cannot be read; the message names the file and the field. */
export class ArticleError extends Error {
	constructor(
		readonly file: string,
		readonly field: string,
		reason: string
	) {
		super(`${file}: ${field}: ${reason}`);
		this.name = 'ArticleError';
	}
}

/** The longest article body read (characters): news articles run to tens of thousands; past this it is a dump. */
export const MAX_BODY = 1_000_000;

const BCP47 = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const FRONT = /^---[ \t]*\r?\n/;
const FRONT_END = /^---[ \t]*(\r?\n|$)/m;

/** `[a-z0-9_-]` slug of a file's stem, used as the article's source id. */
export function sourceIdOf(file: string): string {
	const stem = path.basename(file).replace(/\.[^.]*$/, '');
	const slug = stem
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug || 'article';
}

// Letters only one of the Cyrillic languages writes: Ukrainian і ї є ґ, Russian ы э ъ ё, Belarusian ў.
const UKRAINIAN_LETTERS = /[іїєґ]/giu;
const RUSSIAN_LETTERS = /[ыэъё]/giu;
const BELARUSIAN_LETTERS = /[ў]/giu;
// Polish diacritics, and function words no English text uses (a name such as Przewodów brings only the letters).
const POLISH_LETTERS = /[ąęłńśźżćó]/giu;
const POLISH_WORDS = /(?<![\p{L}])(?:w|z|się|że|nie|jest|są|oraz|przeciwko|przez|przy|dla|który|która|które|także|jednak|został|została|zostało|było|były|wobec|kilka|tylko|może|ze|od|jego|jej)(?![\p{L}])/giu;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/**
 * Guesses the language from the script of the letters and, within a script, from letters and words only one
 * language has: `ar`; `uk`, `be` or `ru` (Cyrillic); `pl` or `en` (Latin, the default).
 */
export function detectLanguage(text: string): string {
	let arabic = 0;
	let cyrillic = 0;
	let latin = 0;
	const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
		else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
		else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
	}
	const letters = arabic + cyrillic + latin;
	if (letters === 0) return 'und';
	// Arabic pages carry Latin boilerplate (names, "SHARE:"); a third of the letters is plenty.
	if (arabic / letters >= 0.3) return 'ar';
	if (cyrillic / letters >= 0.5) {
		const be = count(sample, BELARUSIAN_LETTERS);
		const uk = count(sample, UKRAINIAN_LETTERS);
		const ru = count(sample, RUSSIAN_LETTERS);
		// Belarusian writes ў, and both і (as Ukrainian) and ы, э (as Russian).
		if ((be > 0 && !count(sample, /[щъ]/giu)) || (uk >= 2 && ru >= 2 && Math.min(uk, ru) / Math.max(uk, ru) >= 0.2)) return 'be';
		return uk > ru ? 'uk' : 'ru';
	}
	const polishWords = count(sample, POLISH_WORDS);
	const polishLetters = count(sample, POLISH_LETTERS) / Math.max(1, latin);
	if ((polishWords >= 2 && polishLetters >= 0.01) || (polishWords >= 1 && polishLetters >= 0.02)) return 'pl';
	return 'en';
}

function decode(raw: Buffer | string, file: string): string {
	const text = decodeBytes(raw, file);
	// The same check as the web's uploads (importers.ts), so files on disk and pasted text agree.
	const ctl = controlCharProblem(text);
	if (ctl) throw new ArticleError(file, 'content', `${ctl} (binary file?)`);
	return text;
}

function decodeBytes(raw: Buffer | string, file: string): string {
	if (typeof raw === 'string') {
		if (raw.includes('\u0000')) throw new ArticleError(file, 'content', 'contains NUL bytes (binary file?)');
		return raw.replace(/^\uFEFF/, '');
	}
	if (raw.includes(0)) throw new ArticleError(file, 'content', 'contains NUL bytes (binary file?)');
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
	} catch {
		throw new ArticleError(file, 'content', 'is not valid UTF-8');
	}
}

function optionalString(fm: Record<string, unknown>, key: string, file: string): string | null {
	const v = fm[key];
	if (v === undefined || v === null) return null;
	if (typeof v !== 'string' && typeof v !== 'number') throw new ArticleError(file, key, `expected a string, got ${typeof v}`);
	const s = String(v).trim();
	return s === '' ? null : s;
}

function publishedOf(v: unknown, file: string): string | null {
	if (v === undefined || v === null) return null;
	// YAML 1.1 timestamps may arrive as Date objects; take their UTC day.
	const s = v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : String(v).trim();
	if (!isIsoDate(s)) throw new ArticleError(file, 'published', `expected a YYYY-MM-DD date, got ${JSON.stringify(String(v))}`);
	return s;
}

function firstLine(body: string): string {
	for (const line of body.split(/\r?\n/)) {
		const t = line.trim();
		if (t) return t.length > 200 ? `${t.slice(0, 199)}…` : t;
	}
	return '';
}

/**
 * Parses an article file (`.md`/`.txt`, UTF-8, optional YAML front matter between `---` lines).
 * Throws `ArticleError` for binary or non-UTF-8 bytes, an empty text, broken front matter, a `published` that is
 * not `YYYY-MM-DD` or a `language` that is not a BCP 47 tag.
 */
export function parseArticle(raw: Buffer | string, file: string): Article {
	const text = decode(raw, file);
	let body = text;
	let fm: Record<string, unknown> = {};
	let hasFrontMatter = false;
	const open = FRONT.exec(text);
	if (open) {
		const rest = text.slice(open[0].length);
		const close = FRONT_END.exec(rest);
		if (!close) throw new ArticleError(file, 'front matter', 'no closing "---" line');
		const source = rest.slice(0, close.index);
		let parsed: unknown = plainFrontMatter(source);
		try {
			parsed ??= parseYaml(source);
		} catch (err) {
			throw new ArticleError(file, 'front matter', `invalid YAML: ${(err as Error).message.split('\n')[0]}`);
		}
		if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
			throw new ArticleError(file, 'front matter', 'expected a mapping of fields');
		}
		fm = (parsed ?? {}) as Record<string, unknown>;
		body = rest.slice(close.index + close[0].length);
		hasFrontMatter = true;
	}
	return articleFromFields(fm, body, file, { sourceId: sourceIdOf(file), hasFrontMatter });
}

/**
 * An article from its body and front-matter fields (`title`, `publisher`, `url`, `published`, `language`,
 * `inferred`), however they were read: a file's YAML, a web page's metadata, a feed item, a JSON line. The one
 * validation of those fields; throws `ArticleError` naming `file` (for an item of a file, "file: item N") and the field.
 */
export function articleFromFields(
	fm: Record<string, unknown>,
	body: string,
	file: string,
	opts: { sourceId: string; hasFrontMatter: boolean }
): Article {
	if (body.trim() === '') throw new ArticleError(file, 'body', 'is empty');
	if (body.length > MAX_BODY) {
		throw new ArticleError(file, 'body', `is ${body.length.toLocaleString('en')} characters; an article may have at most ${MAX_BODY.toLocaleString('en')} (split the file into articles)`);
	}

	const title = optionalString(fm, 'title', file) ?? firstLine(body);
	const publisher = optionalString(fm, 'publisher', file);
	const url = optionalString(fm, 'url', file);
	if (url !== null && !/^https?:\/\/\S+$/.test(url)) throw new ArticleError(file, 'url', `expected an http(s) URL, got ${JSON.stringify(url)}`);
	const published = publishedOf(fm.published, file);
	let language = optionalString(fm, 'language', file);
	if (language !== null && !BCP47.test(language)) throw new ArticleError(file, 'language', `expected a BCP 47 tag such as "en" or "ar", got ${JSON.stringify(language)}`);
	language ??= detectLanguage(body);
	const inferredRaw = fm.inferred ?? [];
	if (!Array.isArray(inferredRaw) || inferredRaw.some((s) => typeof s !== 'string')) {
		throw new ArticleError(file, 'inferred', 'expected a list of field names');
	}
	const meta: ArticleMeta = { title, publisher, url, published, language, inferred: inferredRaw as string[], hasFrontMatter: opts.hasFrontMatter };
	const { sourceId } = opts;
	const badId = sourceIdProblem(sourceId);
	if (badId) throw new ArticleError(file, 'source id', `${badId} (the id is the file name's stem; rename the file)`);
	return { meta, body, sourceId, file };
}
