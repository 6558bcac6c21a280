// Finds and parses the article of a source id in <data>/articles (server only). Source ids never become paths.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SOURCE_ID } from '$lib/domain/sourceid';
import { dataDir } from '$lib/server/store';
import { parseArticle, sourceIdOf } from '$lib/server/pipeline/article';
import type { Article } from '$lib/server/pipeline/types';

/** The article whose file stem slugs to `id`, or null (also for ids that are not slugs). */
export async function loadArticle(id: string): Promise<Article | null> {
	if (!SOURCE_ID.test(id)) return null;
	const dir = path.join(dataDir(), 'articles');
	let files: string[];
	try {
		files = await readdir(dir);
	} catch {
		return null;
	}
	// Only names listed by readdir are opened: no path is ever built from the request.
	const file = files.find((f) => /\.(md|txt)$/i.test(f) && sourceIdOf(f) === id);
	if (!file) return null;
	return parseArticle(await readFile(path.join(dir, file)), file);
}
