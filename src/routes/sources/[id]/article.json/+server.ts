// GET /sources/<id>/article.json: the article body and metadata, for the dashboard's evidence panel.
import { json, error } from '@sveltejs/kit';
import { loadArticle } from '../../load-article';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const article = await loadArticle(params.id);
	if (!article) error(404, `no article with source id ${JSON.stringify(params.id)}`);
	const { title, publisher, url, published, language } = article.meta;
	return json({ body: article.body, title, publisher, url, published, language }, { headers: { 'cache-control': 'no-cache' } });
};
