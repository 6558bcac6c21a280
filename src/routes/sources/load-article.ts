// Finds and parses the article of a source id in <data>/articles, or the text the ingest extracted from a page, feed
// item or JSON line (<data>/articles/.extracted/<id>.md), server only. Source ids never become paths.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SOURCE_ID } from '$lib/domain/sourceid';
import { dataDir } from '$lib/server/store';
import { parseArticle, sourceIdOf } from '$lib/server/pipeline/article';
import { EXTRACTED_DIR } from '$lib/server/inputs/extracted';
import type { Article } from '$lib/server/pipeline/types';

/** The article whose file stem slugs to `id`, or null (also for ids that are not slugs). */
export async function loadArticle(id: string): Promise<Article | null> {
	if (!SOURCE_ID.test(id)) return null;
	for (const dir of [path.join(dataDir(), 'articles'), path.join(dataDir(), EXTRACTED_DIR)]) {
		let files: string[];
		try {
			files = await readdir(dir);
		} catch {
			continue;
		}
		// Only names listed by readdir are opened: no path is ever built from the request.
		const file = files.find((f) => /\.(md|txt)$/i.test(f) && sourceIdOf(f) === id);
		if (file) return parseArticle(await readFile(path.join(dir, file)), file);
	}
	return null;
}
