import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/lib/server/pipeline/matcher';

const texts = (m: Matcher<string>, s: string) => m.find(s).map((h) => h.text);

describe('Matcher gaps and Arabic verb prefixes', () => {
	it('lets ".." stand for up to four words between two pattern words', () => {
		const m = new Matcher([{ pattern: 'fired .. missile*', value: 'x' }]);
		expect(texts(m, 'They fired missiles at the port.')).toEqual(['fired missiles']);
		expect(texts(m, 'They fired two Kh-22 cruise missiles.')).toEqual(['fired two Kh-22 cruise missiles']);
		expect(texts(m, 'They fired one, two, three missiles.')).toEqual([]);
		expect(texts(m, 'They fired at least five of their new missiles.')).toEqual([]);
	});

	it('takes the shortest gap, so the phrase ends at the first word that completes it', () => {
		const m = new Matcher([{ pattern: 'closed .. border*', value: 'x' }]);
		expect(texts(m, 'Poland closed its border and the borders of the EU.')).toEqual(['closed its border']);
	});

	it('keeps hyphenated words as several words', () => {
		const m = new Matcher([{ pattern: 'face-to-face', value: 'x' }, { pattern: 'co-operat*', value: 'y' }]);
		expect(texts(m, 'a face-to-face meeting on co-operation')).toEqual(['face-to-face', 'co-operation']);
	});

	it('inflects a "~ي" verb for person and future, after proclitics, and reports the prefix', () => {
		const m = new Matcher([{ pattern: '~يقصف*', value: 'x' }]);
		const hits = m.find('يقصف الجيش وتقصف الطائرات وستقصف المدفعية ونقصف');
		expect(hits.map((h) => [h.text, h.prefix, h.clitic])).toEqual([
			['يقصف', 'ي', ''],
			['وتقصف', 'ت', 'و'],
			['وستقصف', 'ست', 'و'],
			['ونقصف', 'ن', 'و']
		]);
	});

	it('does not read the bare stem of a "~" verb as the verb', () => {
		const m = new Matcher([{ pattern: '~يزور', value: 'x' }]);
		expect(texts(m, 'شهادة زور')).toEqual([]);
		expect(texts(m, 'يزور الرئيس وارسو')).toEqual(['يزور']);
	});

	it('leaves the prefix empty for phrases without "~"', () => {
		const m = new Matcher([{ pattern: 'قصف*', value: 'x' }]);
		expect(m.find('وقصفت الطائرات')[0]).toMatchObject({ text: 'وقصفت', prefix: '', clitic: 'و' });
	});
});

describe('Matcher index', () => {
	const lexicon = (file: { types: Record<string, [string, number][]> }) =>
		Object.values(file.types).flatMap((list) => list.map(([pattern]) => ({ pattern, value: pattern })));

	it('checks a token only against the phrases that can start with it, far fewer than the lexicon holds', async () => {
		const ar = lexicon((await import('../../geodata/lexicon/triggers.ar.json')).default as never);
		const en = lexicon((await import('../../geodata/lexicon/triggers.en.json')).default as never);
		const mAr = new Matcher(ar);
		const mEn = new Matcher(en);
		// A future-tense verb: of the dozens of '~ي' verbs that can be spelt with "ست", only its own stems are tried.
		expect(mAr.candidates('ستقصف')).toBeLessThanOrEqual(3);
		expect(mAr.candidates('ستقصف')).toBeGreaterThan(0);
		expect(mEn.candidates('protesters')).toBeLessThanOrEqual(3);
		expect(mEn.candidates('the')).toBe(0);
		// Over a whole sentence, the work per token stays a small fraction of the phrase list.
		const sentence = 'Protesters rallied in Minsk on Sunday as police detained dozens and troops shelled the outskirts of Kharkiv.';
		mEn.checked = 0;
		expect(mEn.find(sentence).length).toBeGreaterThan(0);
		const tokens = sentence.split(/\W+/).filter(Boolean).length;
		expect(mEn.checked / tokens).toBeLessThan(en.length / 50);
	});

	it('gives a tie between two equally long matches of different stems to the phrase given first', () => {
		const first = new Matcher([{ pattern: 'ab* cd', value: 'first' }, { pattern: 'abc* c*', value: 'second' }]);
		const second = new Matcher([{ pattern: 'abc* c*', value: 'second' }, { pattern: 'ab* cd', value: 'first' }]);
		expect(first.find('abcx cd').map((h) => h.value)).toEqual(['first']);
		expect(second.find('abcx cd').map((h) => h.value)).toEqual(['second']);
	});

	it('lets a one-letter stem match only a one-letter word, as before the trie', () => {
		const m = new Matcher([{ pattern: 'x*', value: 'x' }]);
		expect(texts(m, 'x marks')).toEqual(['x']);
		expect(texts(m, 'xylophone')).toEqual([]);
	});
});
