// GET /api/articles/<source id>: an article's metadata and body (offsets of evidence point into the body).
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { answer } from '$lib/server/http';
import { articlePath, StorageError } from '$lib/server/storage';
import { parseArticle } from '$lib/server/pipeline/article';

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
		if (!raw) throw new StorageError(404, `No article with source id ${params.source_id}.`);
		const article = parseArticle(raw, file);
		return json({ source_id: article.sourceId, meta: article.meta, body: article.body });
	});
