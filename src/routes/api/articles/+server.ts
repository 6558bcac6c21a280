// POST /api/articles: an analyst's new article. {action:"extract"} runs the pipeline and returns the events to
// review (nothing stored); {action:"save", accepted:[{id, set?}]} stores the article under geodata/articles/, the
// accepted events (with the analyst's edits) as "add" corrections and the rejected ones as "drop" corrections,
// so re-ingesting the folder reproduces exactly what was reviewed. "extract-file"/"save-file" do the same for an
// uploaded saved page, feed or JSON Lines file, read by the ingest's inputs module (see fileAction).
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { stringify as toYaml } from 'yaml';
import { controlCharProblem, FieldError, isHttpUrl, parseAuthor, parseEventPatch, shortHash, slug } from '$lib/domain/importers';
import { patchFeature } from '$lib/domain/corrections';
import type { EventFeature } from '$lib/domain/event';
import { answer, readJson, requestId } from '$lib/server/http';
import { articleExists, commit, storedArticleExists, StorageError, type CommitResult, type ProposedCorrection } from '$lib/server/storage';
import { extractedArticleText } from '$lib/server/inputs/extracted';
import { parseUpload, readUpload, withCorrections, type FieldCorrections, type UploadedArticle } from '$lib/server/inputs/upload';
import type { Article } from '$lib/server/pipeline/types';
import { ArticleError, parseArticle } from '$lib/server/pipeline/article';
import { extractEvents } from '$lib/server/pipeline/extract';
import { loadGazetteer } from '$lib/server/gazetteer';

const MAX_TEXT = 500_000; // characters of article text

function opt(body: Record<string, unknown>, field: string, max: number): string | null {
	const v = body[field];
	if (v === undefined || v === null || v === '') return null;
	if (typeof v !== 'string') throw new FieldError(field, 'must be text');
	const s = v.trim();
	if (s.length > max) throw new FieldError(field, `is longer than ${max} characters`);
	if (/[\u0000-\u001f\u007f]/.test(s)) throw new FieldError(field, 'contains control characters');
	return s || null;
}

/** The metadata fields of the form; null where the analyst left one empty. */
function formFields(body: Record<string, unknown>): FieldCorrections {
	const url = opt(body, 'url', 2000);
	if (url && !isHttpUrl(url)) throw new FieldError('url', 'must be an http(s) URL');
	const published = opt(body, 'published', 10);
	if (published && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new FieldError('published', 'must be a date YYYY-MM-DD');
	return { title: opt(body, 'title', 300), publisher: opt(body, 'publisher', 200), url, published, language: opt(body, 'language', 20) };
}

/** The article file to store: YAML front matter from the form (overriding the upload's own), then the body. */
function composeArticle(body: Record<string, unknown>): { sourceId: string; fileText: string } {
	if (typeof body.text !== 'string' || body.text.trim() === '') throw new FieldError('text', 'is empty: paste the article or upload a .md/.txt file');
	if (body.text.length > MAX_TEXT) throw new FieldError('text', `is ${body.text.length} characters; at most ${MAX_TEXT} are accepted`);
	const ctl = controlCharProblem(body.text);
	if (ctl) throw new FieldError('text', `${ctl}; is it a binary file?`);
	let upload;
	try {
		upload = parseArticle(body.text, 'upload.md');
	} catch (err) {
		if (err instanceof ArticleError) throw new FieldError(err.field === 'content' ? 'text' : err.field, err.message.replace(/^upload\.md: [^:]*: /, ''));
		throw err;
	}
	const form = formFields(body);
	const meta: Record<string, unknown> = {
		title: form.title ?? upload.meta.title,
		publisher: form.publisher ?? upload.meta.publisher,
		url: form.url ?? upload.meta.url,
		published: form.published ?? upload.meta.published,
		language: form.language ?? (upload.meta.hasFrontMatter ? upload.meta.language : null)
	};
	for (const k of Object.keys(meta)) if (meta[k] === null) delete meta[k];
	const text = upload.body.replace(/^\r?\n/, '');
	const sourceId = `${String(meta.published ?? 'undated')}_${slug(String(meta.title)).slice(0, 40)}_${shortHash(text).slice(0, 8)}`.replace(/[^a-z0-9_-]/g, '-');
	const fileText = `---\n${toYaml(meta, { lineWidth: 0 })}added_by_analyst: true\n---\n${text}`;
	return { sourceId, fileText };
}

function extract(sourceId: string, fileText: string): { events: EventFeature[]; body: string; meta: unknown } {
	let article;
	try {
		article = parseArticle(fileText, `${sourceId}.md`);
	} catch (err) {
		if (err instanceof ArticleError) throw new FieldError(err.field, err.message.replace(/^[^:]*: [^:]*: /, ''));
		throw err;
	}
	return { events: extractEvents(article, loadGazetteer()), body: article.body, meta: article.meta };
}

/** The review as log entries: the accepted events (with the analyst's edits) added, the others dropped. */
function reviewed(events: readonly EventFeature[], list: unknown): ProposedCorrection[] {
	if (!Array.isArray(list)) throw new FieldError('accepted', 'must list the accepted events ([{id, set?}])');
	const accepted = new Map<string, unknown>();
	list.forEach((a: unknown, i: number) => {
		const item = a as { id?: unknown; set?: unknown };
		if (!item || typeof item.id !== 'string') throw new FieldError(`accepted[${i}].id`, 'is required');
		accepted.set(item.id, item.set);
	});
	const known = new Set(events.map((e) => e.properties.id));
	for (const id of accepted.keys()) if (!known.has(id)) throw new FieldError('accepted', `event ${id} is not one the pipeline extracted from this text`);
	const proposed: ProposedCorrection[] = events.map((f) => {
		const id = f.properties.id;
		if (!accepted.has(id)) return { op: 'drop', event_id: id, before: f, note: 'rejected on review' };
		const set = accepted.get(id);
		let feature = f;
		if (set !== undefined && set !== null && !(typeof set === 'object' && Object.keys(set).length === 0)) {
			try {
				feature = patchFeature(f, parseEventPatch(set));
			} catch (err) {
				if (err instanceof FieldError) throw new FieldError(`accepted.${id}.${err.field}`, err.message.replace(/^field "[^"]*": /, ''));
				throw err;
			}
		}
		return { op: 'add', event_id: id, feature, note: 'accepted on review' };
	});
	return proposed;
}

/** An article of an upload with the events the pipeline finds in it, or why it could not be read. */
function extractUploaded(a: UploadedArticle, fix: FieldCorrections | null): { article: Article; events: EventFeature[] } {
	const article = fix ? withCorrections(a.article, fix) : a.article;
	return { article, events: extractEvents(article, loadGazetteer()) };
}

/**
 * {action:"extract-file", file:{name, data}}: every article of a saved page, feed or JSON Lines file, read as `npm run
 * ingest` reads it, with its events to review (nothing stored); with `source_id`, that article only, with the form's
 * corrected metadata. {action:"save-file", source_id, accepted}: stores that article's extracted text where the
 * ingest does (articles/.extracted/) and its reviewed events, in one commit.
 */
async function fileAction(body: Record<string, unknown>, request: Request): Promise<Response> {
	const upload = readUpload(parseUpload(body.file));
	const id = body.source_id;
	if (id !== undefined && typeof id !== 'string') throw new FieldError('source_id', 'must be text');
	const chosen = id === undefined ? upload.articles : upload.articles.filter((a) => a.article.sourceId === id);
	if (id !== undefined && !chosen.length) {
		const why = upload.failed.length ? ` (${upload.failed.map((f) => `${f.item ?? 'the file'}: ${f.reason}`).join('; ')})` : '';
		throw new FieldError('source_id', `“${upload.name}” has no readable article with source id ${id}${why}`);
	}
	const fix = id === undefined ? null : formFields(body);
	if (body.action === 'extract-file') {
		const failed = [...upload.failed];
		const articles = [];
		for (const a of chosen) {
			try {
				const { article, events } = extractUploaded(a, fix);
				articles.push({ item: a.item, source_id: article.sourceId, exists: await storedArticleExists(article.sourceId), meta: article.meta, body: article.body, events });
			} catch (err) {
				if (err instanceof FieldError) throw err;
				failed.push({ item: a.item, reason: (err as Error).message.replace(`${a.article.file}: `, '') });
			}
		}
		return json({ file: upload.name, notes: upload.notes, failed, articles });
	}
	if (id === undefined) throw new FieldError('source_id', 'names the article of the file to save');
	const author = parseAuthor(body.author);
	const { article, events } = extractUploaded(chosen[0]!, fix);
	const proposed = reviewed(events, body.accepted);
	const text = extractedArticleText(article, upload.name);
	const res = await commit(proposed, { author, article: { sourceId: article.sourceId, text, extracted: true }, request: requestId(request) });
	return saved(article.sourceId, res);
}

/** The answer to a save: the article's id and how many events were added and dropped. */
function saved(sourceId: string, res: CommitResult): Response {
	return json(
		{ source_id: sourceId, added: res.applied.filter((c) => c.op === 'add').length, rejected: res.applied.filter((c) => c.op === 'drop').length },
		{ status: 201 }
	);
}

export const POST: RequestHandler = ({ request, url }) =>
	answer(async () => {
		const body = await readJson(request, url.pathname);
		if (body.action === 'extract-file' || body.action === 'save-file') return fileAction(body, request);
		const { sourceId, fileText } = composeArticle(body);
		const ex = extract(sourceId, fileText);
		if (body.action === 'extract') {
			return json({ source_id: sourceId, exists: await articleExists(sourceId), meta: ex.meta, body: ex.body, events: ex.events });
		}
		if (body.action !== 'save') throw new StorageError(400, 'action must be "extract", "save", "extract-file" or "save-file".');
		const author = parseAuthor(body.author);
		const proposed = reviewed(ex.events, body.accepted);
		const res = await commit(proposed, { author, article: { sourceId, text: fileText }, request: requestId(request) });
		return saved(sourceId, res);
	});
