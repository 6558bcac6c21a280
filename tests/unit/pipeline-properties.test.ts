// Invariants over generated articles: offsets are verbatim, dates never after publication, output deterministic.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../src/lib/server/pipeline/sentences';
import { parseArticle } from '../../src/lib/server/pipeline/article';
import { extractEvents } from '../../src/lib/server/pipeline/extract';
import { serializeEvents } from '../../src/lib/server/pipeline/output';
import { fakeGazetteer } from '../fixtures/pipeline/fake-gazetteer';

const PIECES = [
	'Lukashenko met Putin in Sochi on Monday.',
	'At least 100,000 protesters flooded the streets of Minsk on Sunday.',
	'Police arrested 774 people in Minsk yesterday.',
	'Poland deployed troops to the border between Belarus and Poland last week.',
	'The EU imposed sanctions on Belarus in June.',
	'“We will not give up the country,” he said.',
	'التقى بوتين ولوكاشينكو في موسكو يوم الأحد (23 يوليو).',
	'خرجت مظاهرات في مينسك الخميس.',
	'Dr. Smith said the U.S. lent $ 1.5 billion.',
	'Leave a Comment',
	'😀 unrelated text, no event here'
];

const article = fc.record({
	pieces: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }),
	seps: fc.array(fc.constantFrom(' ', '\n', '\n\n', '\r\n', '  '), { minLength: 12, maxLength: 12 }),
	published: fc.option(fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), { nil: null })
});

function textOf(a: { pieces: string[]; seps: string[]; published: Date | null }): string {
	const body = a.pieces.map((p, i) => p + a.seps[i]).join('');
	const fm = a.published ? `---\npublished: ${a.published.toISOString().slice(0, 10)}\n---\n` : '';
	return fm + body;
}

describe('pipeline invariants', () => {
	it('sentence offsets always slice back to the sentence, in order, without overlap', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
				let last = 0;
				for (const span of splitSentences(s)) {
					expect(s.slice(span.start, span.end)).toBe(span.text);
					expect(span.start).toBeGreaterThanOrEqual(last);
					last = span.end;
				}
			})
		);
	});

	it('every event has verbatim evidence, a date no later than publication and none without it, and is deterministic', () => {
		const g = fakeGazetteer();
		fc.assert(
			fc.property(article, (a) => {
				const text = textOf(a);
				const parsed = parseArticle(text, 'gen.md');
				const events = extractEvents(parsed, g);
				for (const e of events) {
					const p = e.properties;
					expect(parsed.body.slice(p.evidence_start, p.evidence_end)).toBe(p.evidence);
					if (parsed.meta.published === null) expect(p.date_precision).toBe('unknown');
					else if (p.date_start) expect(p.date_start <= parsed.meta.published).toBe(true);
					if (p.date_start && p.date_end) expect(p.date_start <= p.date! && p.date! <= p.date_end).toBe(true);
					expect(p.confidence >= 0 && p.confidence <= 1).toBe(true);
				}
				expect(serializeEvents(extractEvents(parseArticle(text, 'gen.md'), g))).toBe(serializeEvents(events));
			}),
			{ numRuns: 60 }
		);
	});
});
