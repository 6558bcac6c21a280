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
