// RSS 2.0 and Atom feeds → their items: title, link, id, date and content (or summary) as text, in the feed's order.
import { DOMParser } from 'linkedom';
import { htmlFragmentText } from './blocks';

/** One item of a feed, its fields as the feed wrote them (dates unparsed). */
export interface FeedItem {
	title: string | null;
	link: string | null;
	/** RSS `guid` / Atom `id`: what keeps the item's source id stable when its text is edited. */
	guid: string | null;
	date: string | null;
	language: string | null;
	text: string;
	/** Offset of the item's markup in the feed's text (to tell which item holds a bad byte). */
	start: number;
	end: number;
}

export interface Feed {
	kind: 'rss' | 'atom';
	/** The channel's or feed's title: the publisher of its items. */
	title: string | null;
	language: string | null;
	items: FeedItem[];
}

type Node = { nodeType: number; tagName?: string; localName?: string; textContent: string | null; childNodes: ArrayLike<Node>; getAttribute?(n: string): string | null };

function name(n: Node): string {
	return (n.tagName ?? '').toLowerCase();
}
function children(n: Node, ...names: string[]): Node[] {
	const out: Node[] = [];
	for (let i = 0; i < n.childNodes.length; i++) {
		const c = n.childNodes[i]!;
		if (c.nodeType === 1 && names.includes(name(c))) out.push(c);
	}
	return out;
}
function text(n: Node | undefined): string | null {
	const t = n?.textContent?.trim();
	return t ? t : null;
}
function first(n: Node, ...names: string[]): string | null {
	for (const nm of names) {
		const t = text(children(n, nm)[0]);
		if (t) return t;
	}
	return null;
}

/** Whether `text` is a feed (an `<rss>` or Atom `<feed>` root), judged from its start. */
export function isFeed(text: string): boolean {
	return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*>\s*)*<(?:rss|feed)[\s>]/i.test(text);
}

// Where each item's markup starts and ends in the text, in order (the DOM keeps no source offsets).
function itemSpans(text: string, tag: string): [number, number][] {
	const spans: [number, number][] = [];
	const open = new RegExp(`<${tag}[\\s>]`, 'gi');
	const close = `</${tag}>`;
	for (let m; (m = open.exec(text)); ) {
		const end = text.toLowerCase().indexOf(close, m.index);
		spans.push([m.index, end < 0 ? text.length : end + close.length]);
		open.lastIndex = end < 0 ? text.length : end;
	}
	return spans;
}

/** Parses an RSS 2.0 or Atom feed. Throws (the caller names the file) when it is neither. */
export function parseFeed(xml: string): Feed {
	const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node & { documentElement: Node | null };
	const root = doc.documentElement;
	if (!root) throw new Error('is not XML');
	const kind = name(root) === 'rss' ? 'rss' : name(root) === 'feed' ? 'atom' : null;
	if (!kind) throw new Error(`is not an RSS 2.0 or Atom feed (its root element is <${name(root)}>)`);
	const channel = kind === 'rss' ? children(root, 'channel')[0] : root;
	if (!channel) throw new Error('is an RSS file without a <channel>');
	const lang = (n: Node) => n.getAttribute?.('xml:lang')?.trim() || null;
	const feedLanguage = kind === 'rss' ? first(channel, 'language', 'dc:language') : lang(root);
	const nodes = children(channel, kind === 'rss' ? 'item' : 'entry');
	const spans = itemSpans(xml, kind === 'rss' ? 'item' : 'entry');
	const items = nodes.map((n, i): FeedItem => {
		let link: string | null;
		if (kind === 'rss') link = first(n, 'link');
		else {
			const links = children(n, 'link');
			const alt = links.find((l) => !l.getAttribute?.('rel') || l.getAttribute?.('rel') === 'alternate');
			link = alt?.getAttribute?.('href')?.trim() || null;
		}
		// content:encoded (RSS) or content (Atom) holds the whole story; description or summary only its teaser.
		const markup = kind === 'rss' ? (first(n, 'content:encoded') ?? first(n, 'description')) : (first(n, 'content') ?? first(n, 'summary'));
		const [start, end] = spans[i] ?? [0, xml.length];
		return {
			title: first(n, 'title') ? htmlFragmentText(first(n, 'title')!) : null,
			link,
			guid: kind === 'rss' ? first(n, 'guid') : first(n, 'id'),
			date: kind === 'rss' ? first(n, 'pubdate', 'dc:date') : first(n, 'published', 'updated'),
			language: kind === 'rss' ? first(n, 'dc:language') : lang(n),
			text: markup ? htmlFragmentText(markup) : '',
			start,
			end
		};
	});
	return { kind, title: first(channel, 'title'), language: feedLanguage, items };
}
