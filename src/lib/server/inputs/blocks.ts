// HTML (a DOM subtree, or a fragment of markup) → plain text: one paragraph per block element, blank lines between.
import { parseHTML } from 'linkedom';

const BLOCKS = new Set([
	'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
	'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul', 'br'
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'button', 'select', 'textarea']);

interface DomNode {
	nodeType: number;
	nodeName: string;
	textContent: string | null;
	childNodes: ArrayLike<DomNode>;
}

/** The text of `root`: whitespace inside a paragraph collapsed to one space, paragraphs separated by a blank line. */
export function blockText(root: DomNode): string {
	const paragraphs: string[] = [];
	let current = '';
	const flush = () => {
		const p = current.replace(/\s+/g, ' ').trim();
		if (p) paragraphs.push(p);
		current = '';
	};
	const walk = (node: DomNode) => {
		for (let i = 0; i < node.childNodes.length; i++) {
			const child = node.childNodes[i]!;
			if (child.nodeType === 3) current += child.textContent ?? '';
			else if (child.nodeType === 1) {
				const tag = child.nodeName.toLowerCase();
				if (SKIP.has(tag)) continue;
				const block = BLOCKS.has(tag);
				if (block) flush();
				walk(child);
				if (block) flush();
			}
		}
	};
	walk(root);
	flush();
	return paragraphs.join('\n\n');
}

/** The text of a fragment of HTML markup (a feed item's description or content). */
export function htmlFragmentText(markup: string): string {
	if (!/[<&]/.test(markup)) return markup.replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*/g, '\n\n').trim();
	const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
	return blockText(document.body as unknown as DomNode);
}
