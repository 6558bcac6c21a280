// GET /api/articles/<source id>: an article's metadata and body (offsets of evidence point into the body).
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { answer } from '$lib/server/http';
import { articlePath, StorageError } from '$lib/server/storage';
import { parseArticle } from '$lib/server/pipeline/article';
import { loadArticle } from '../../../sources/load-article';

export const GET: RequestHandler = ({ params }) =>
	answer(async () => {
		const md = articlePath(params.source_id);
		let raw: Buffer | null = null;
		let file = md;
		for (const f of [md, md.replace(/\.md$/, '.txt')]) {
			try {
				raw = await readFile(f);
				file = f;
				break;
			} catch {
				/* try the next extension */
			}
		}
		// Else the text the ingest extracted from a page, feed item or JSON line.
		const article = raw ? parseArticle(raw, file) : await loadArticle(params.source_id);
		if (!article) throw new StorageError(404, `No article with source id ${params.source_id}.`);
		return json({ source_id: article.sourceId, meta: article.meta, body: article.body });
	});
