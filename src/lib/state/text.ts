// Cutting article text for display: the paragraph around an evidence span, and highlight segments (text, never HTML).

export interface Segment {
	text: string;
	/** Index of the span this segment highlights, or -1 for plain text. */
	mark: number;
	/** UTF-16 offset of the segment in the text it was cut from. */
	start: number;
}

/** The paragraph (blank-line separated) of `body` holding offset `start`; the whole body when none does. */
export function paragraphAround(body: string, start: number, end: number): { start: number; end: number } {
	const hit = paragraphs(body).find((p) => p.start <= start && start < p.end);
	return hit ? { start: hit.start, end: Math.max(hit.end, Math.min(end, body.length)) } : { start: 0, end: body.length };
}

/** Splits `text` into plain and highlighted segments; spans are [start, end) offsets into `text`, overlaps merged into the first. */
export function highlightSegments(text: string, spans: readonly { start: number; end: number }[]): Segment[] {
	const order = spans
		.map((s, i) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end), i }))
		.filter((s) => s.end > s.start)
		.sort((a, b) => a.start - b.start || a.i - b.i);
	const out: Segment[] = [];
	let at = 0;
	for (const s of order) {
		if (s.end <= at) continue;
		const from = Math.max(at, s.start);
		if (from > at) out.push({ text: text.slice(at, from), mark: -1, start: at });
		out.push({ text: text.slice(from, s.end), mark: s.i, start: from });
		at = s.end;
	}
	if (at < text.length) out.push({ text: text.slice(at), mark: -1, start: at });
	return out;
}

/** Paragraphs of a body as [start, end) offsets, blank-line separated, empty ones dropped. */
export function paragraphs(body: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	const re = /\n\s*\n/g;
	let at = 0;
	for (let m = re.exec(body); m; m = re.exec(body)) {
		if (body.slice(at, m.index).trim()) out.push({ start: at, end: m.index });
		at = m.index + m[0].length;
	}
	if (body.slice(at).trim()) out.push({ start: at, end: body.length });
	return out;
}
