// Bounded work per sentence and a clear limit on article size (issue #16 item 7: extraction was quadratic).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ArticleError, MAX_BODY, parseArticle } from '../../src/lib/server/pipeline/article';
import { clauseCounter, clauseIndex, MAX_SENTENCE, splitSentences } from '../../src/lib/server/pipeline/sentences';

describe('limits', () => {
	it('cuts a line with no full stop into sentences of at most MAX_SENTENCE characters, losing no text', () => {
		const words = ['troops', 'shelled', 'Kharkiv', 'and', 'protesters,', 'rallied', 'in', 'Minsk;', 'قصف', 'على', 'خاركيف'];
		let line = '';
		for (let i = 0; line.length < 200_000; i++) line += words[i % words.length] + ' ';
		const spans = splitSentences(line);
		expect(spans.length).toBeGreaterThan(200_000 / MAX_SENTENCE);
		for (const s of spans) {
			expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
			expect(line.slice(s.start, s.end)).toBe(s.text);
		}
		// Every non-space character is in exactly one span: nothing lost, nothing read twice.
		expect(spans.reduce((n, s) => n + s.text.replace(/\s/g, '').length, 0)).toBe(line.replace(/\s/g, '').length);
	});

	it('cuts even a run with no space at all, never inside a surrogate pair', () => {
		const run = `x${'🇺🇦'.repeat(2000)}`; // the x puts every pair's low half at an even offset, where the cut falls
		const spans = splitSentences(run);
		for (const s of spans) {
			expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
			expect(/^[\uDC00-\uDFFF]/.test(s.text)).toBe(false);
		}
		expect(spans.map((s) => s.text).join('')).toBe(run);
	});

	it('counts clauses once per sentence with the same answer as scanning from the start', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', ' ', ',', ';', '،', ':', '—') }), fc.nat(), (text, k) => {
				const at = text.length ? k % (text.length + 1) : 0;
				expect(clauseCounter(text)(at)).toBe(clauseIndex(text, at));
			})
		);
	});

	it('refuses an article over MAX_BODY characters with a message naming the file and the limit', () => {
		const big = `---\ntitle: dump\n---\n${'x '.repeat(MAX_BODY / 2 + 10)}`;
		expect(() => parseArticle(big, 'dump.md')).toThrow(ArticleError);
		expect(() => parseArticle(big, 'dump.md')).toThrow(/^dump\.md: body: is [\d,]+ characters; an article may have at most 1,000,000/);
	});
});
