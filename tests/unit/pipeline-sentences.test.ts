import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/lib/server/pipeline/sentences';

describe('splitSentences', () => {
	it('returns offsets such that body.slice(start, end) is the sentence', () => {
		const body = 'MINSK -- He met Putin.  Then he left!\n\nWhy? لماذا؟ نعم.\r\nEnd';
		const spans = splitSentences(body);
		for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text);
		expect(spans.map((s) => s.text)).toEqual(['MINSK -- He met Putin.', 'Then he left!', 'Why?', 'لماذا؟', 'نعم.', 'End']);
	});

	it('does not split on abbreviations, initials or decimal numbers', () => {
		const spans = splitSentences('The U.S. Ambassador met Dr. Smith on Jan. 5. Russia lent $ 1.5 billion to Minsk. Next.');
		expect(spans.map((s) => s.text)).toEqual(['The U.S. Ambassador met Dr. Smith on Jan. 5.', 'Russia lent $ 1.5 billion to Minsk.', 'Next.']);
	});

	it('keeps closing quotes with their sentence and ends sentences at line breaks', () => {
		const spans = splitSentences('He said "we agreed." Then silence\nA heading');
		expect(spans.map((s) => s.text)).toEqual(['He said "we agreed."', 'Then silence', 'A heading']);
	});

	it('counts offsets in UTF-16 code units across astral characters', () => {
		const body = '😀 Emoji first. Second.';
		const spans = splitSentences(body);
		expect(spans[1]).toEqual({ text: 'Second.', start: body.indexOf('Second.'), end: body.length });
	});
});

describe('quotedSpans', () => {
	it('finds quotations, including one carried over from the sentence before', async () => {
		const { quotedSpans } = await import('../../src/lib/server/pipeline/sentences');
		const s = 'He said "we will arrest them all tomorrow" and left.';
		expect(quotedSpans(s)).toEqual([[8, 42]]);
		expect(quotedSpans('Do not threaten families." he said.', true)).toEqual([[0, 26]]);
	});

	it('leaves out short quoted names and scare quotes', async () => {
		const { quotedSpans } = await import('../../src/lib/server/pipeline/sentences');
		expect(quotedSpans('the German parliament, "Bundestag", heard Maas.')).toEqual([]);
	});

	it('ends a sentence after its reference marks, keeping them with it', () => {
		const spans = splitSentences('Strikes hit Lviv.[3][4] The mayor spoke.[12] Then silence.');
		expect(spans.map((s) => s.text)).toEqual(['Strikes hit Lviv.[3][4]', 'The mayor spoke.[12]', 'Then silence.']);
	});
});

