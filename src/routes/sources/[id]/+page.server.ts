// The full article of a source with every event's evidence, for /sources/<id>.
import { error } from '@sveltejs/kit';
import { readEvents } from '$lib/server/store';
import { loadArticle } from '../load-article';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const article = await loadArticle(params.id);
	if (!article) error(404, `No article with source id "${params.id}".`);
	const { value } = await readEvents();
	const events = (value.features ?? [])
		.filter((f) => f.properties.source_id === params.id)
		.map((f) => ({ id: f.properties.id, start: f.properties.evidence_start, end: f.properties.evidence_end, evidence: f.properties.evidence, summary: f.properties.summary, type: f.properties.event_type, date: f.properties.date }));
	return { id: params.id, meta: article.meta, body: article.body, events };
};
