// A saved web page → one article: the story's text (readability, after page furniture is cut) and the page's metadata.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blockText } from './blocks';
import { publishedDay } from './published';

/** What a page says about itself; every field null when the page does not say. */
export interface PageFields {
	title: string | null;
	url: string | null;
	publisher: string | null;
	published: string | null;
	language: string | null;
}

type El = {
	getAttribute(name: string): string | null;
	textContent: string | null;
	tagName: string;
	id: string;
	className: string;
	remove(): void;
	querySelectorAll(sel: string): Iterable<El>;
	querySelector(sel: string): El | null;
};
type Doc = El & { documentElement: El; body: El; title: string };

// Class or id words of page furniture: navigation, cookie and consent banners, ads, related links, sharing, comments.
const FURNITURE =
	/(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|cookies?|consent|gdpr|banner|ads?|advert\w*|sponsor\w*|promo\w*|related|recommended|more-stories|read-more|newsletter|subscribe|subscription|share|sharing|social|comments?|sidebar|popup|modal|paywall|footer|masthead|tags)(?:$|[\s_-])/i;
const FURNITURE_TAGS = 'nav, aside, footer, form, script, style, noscript, iframe, template, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog], [aria-modal=true], [hidden]';

function meta(doc: Doc, ...keys: string[]): string | null {
	for (const k of keys) {
		const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
		const v = el?.getAttribute('content')?.trim();
		if (v) return v;
	}
	return null;
}

function httpUrl(v: string | null | undefined): string | null {
	const s = v?.trim();
	return s && /^https?:\/\/\S+$/.test(s) ? s : null;
}

/** Every JSON-LD object of the page (inside arrays and `@graph`s). */
function jsonLd(doc: Doc): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	const visit = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(visit);
		else if (v && typeof v === 'object') {
			out.push(v as Record<string, unknown>);
			if ('@graph' in v) visit((v as { '@graph': unknown })['@graph']);
		}
	};
	for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
		try {
			visit(JSON.parse(s.textContent ?? ''));
		} catch {
			/* a broken block says nothing; the other sources of metadata still do */
		}
	}
	return out;
}

const ARTICLE_TYPES = /^(?:News)?Article$|Report|BlogPosting|LiveBlogPosting/;

function ldString(v: unknown): string | null {
	if (typeof v === 'string' && v.trim()) return v.trim();
	if (Array.isArray(v)) return ldString(v[0]);
	if (v && typeof v === 'object' && 'name' in v) return ldString((v as { name: unknown }).name);
	return null;
}

/** A `<title>` without the site's name that pages append ("Story - Site", "Story | Site"); null when empty. */
function withoutSiteName(title: string, site: string | null): string | null {
	if (site && title.endsWith(site)) {
		const t = title.slice(0, -site.length).replace(/\s*[-|–—:·]\s*$/, '');
		if (t && t !== title.slice(0, -site.length)) return t;
	}
	return title || null;
}

/** The page's metadata: Open Graph and article: tags, JSON-LD, `<link rel=canonical>`, `<time datetime>`, `<html lang>`. */
export function pageFields(doc: Doc): PageFields {
	const ld = jsonLd(doc);
	const story = ld.find((o) => ARTICLE_TYPES.test(String(o['@type'] ?? ''))) ?? ld.find((o) => 'datePublished' in o) ?? {};
	const dates = [
		meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'DC.date.issued'),
		ldString(story.datePublished),
		(doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]'))?.getAttribute('datetime') ?? null
	];
	let published: string | null = null;
	for (const d of dates) if (d && !published) published = publishedDay(d);
	const lang = (doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang') ?? meta(doc, 'og:locale') ?? '').trim();
	// The primary subtag ("en" of "en-GB", "ru" of "ru_RU"): what the pipeline's language profiles are keyed by.
	const primary = /^([A-Za-z]{2,3})(?:[-_]|$)/.exec(lang)?.[1]?.toLowerCase() ?? null;
	const publisher = meta(doc, 'og:site_name') ?? ldString(story.publisher);
	return {
		title: meta(doc, 'og:title', 'twitter:title') ?? ldString(story.headline) ?? withoutSiteName(doc.title.trim(), publisher),
		url: httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? httpUrl(meta(doc, 'og:url')) ?? httpUrl(ldString(story.url)),
		publisher,
		published,
		language: primary
	};
}

/** Removes navigation, banners, ads, related links and the like, so the readability pass never sees them. */
function cutFurniture(doc: Doc): void {
	for (const el of [...doc.body.querySelectorAll(FURNITURE_TAGS)]) el.remove();
	const total = (doc.body.textContent ?? '').length;
	for (const el of [...doc.body.querySelectorAll('[class], [id]')]) {
		const tag = el.tagName.toLowerCase();
		if (tag === 'article' || tag === 'main') continue;
		if (!FURNITURE.test(el.className) && !FURNITURE.test(el.id)) continue;
		// A layout wrapper named for what sits beside the story ("with-sidebar", "has-comments") holds the story too.
		if (el.querySelector('article, main, [itemprop="articleBody"]') || (el.textContent ?? '').length > total / 2) continue;
		el.remove();
	}
	// A top-level <header> is the site's masthead; one inside the article holds its headline, which may stay.
	for (const el of [...doc.body.querySelectorAll('body > header')]) el.remove();
}

/** The article of a saved page: its metadata (read before anything is cut) and the story's text, paragraph by paragraph. */
export function htmlArticle(html: string): { fields: PageFields; body: string } {
	const { document } = parseHTML(html) as unknown as { document: Doc };
	const fields = pageFields(document);
	cutFurniture(document);
	// Readability rewrites the document it reads: the fallback (a page it finds no story in) starts from the markup again.
	const fallback = () => {
		const { document: again } = parseHTML(html) as unknown as { document: Doc };
		cutFurniture(again);
		return blockText(again.body as never);
	};
	let body: string;
	try {
		const result = new Readability(document as never, { charThreshold: 200 }).parse();
		body = result?.content ? blockText(parseHTML(`<!doctype html><html><body>${result.content}</body></html>`).document.body as never) : '';
		if (!fields.title && result?.title) fields.title = result.title;
	} catch {
		body = '';
	}
	return { fields, body: body || fallback() };
}
