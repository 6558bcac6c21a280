// Where and how the text extracted from a page, feed item or JSON line is stored, so the article pages can show it.
import path from 'node:path';
import { stringify as toYaml } from 'yaml';
import type { Article } from '../pipeline/types';

/** Where the text extracted from a page, feed item or JSON line is stored, under the data folder, for the article pages. */
export const EXTRACTED_DIR = path.join('articles', '.extracted');

/**
 * The stored form of an extracted article: YAML front matter with its metadata, then its text verbatim, so that
 * parseArticle gives back the same body (evidence offsets point into it) and the article pages can show it.
 */
export function extractedArticleText(article: Article, from: string): string {
	const { title, publisher, url, published, language } = article.meta;
	const meta: Record<string, unknown> = { title, publisher, url, published, language, extracted_from: from };
	for (const k of Object.keys(meta)) if (meta[k] === null) delete meta[k];
	return `---\n${toYaml(meta, { lineWidth: 0 })}---\n${article.body}`;
}

