import { describe, expect, it } from 'vitest';
import { cliticReadings, normalizeArabic } from '../../src/lib/domain/arabic';
import { normalizeWithMap } from '../../src/lib/server/text/normalize';

describe('normalizeArabic', () => {
	it('folds hamza forms of alef to a bare alef', () => {
		expect(normalizeArabic('أإآٱ')).toBe('اااا');
	});

	it('folds hamza on waw and yeh, ta marbuta and alef maqsura', () => {
		expect(normalizeArabic('ؤ ئ ة ى')).toBe('و ي ه ي');
		expect(normalizeArabic('إيران')).toBe('ايران');
		expect(normalizeArabic('القاهرة')).toBe('القاهره');
	});

	it('strips diacritics and tatweel', () => {
		expect(normalizeArabic('مُوسْكُو')).toBe('موسكو');
		expect(normalizeArabic('بـــولندا')).toBe('بولندا');
	});

	it('turns Eastern Arabic and Persian digits into ASCII digits', () => {
		expect(normalizeArabic('٢٣ يوليو ۲۰۲۰')).toBe('23 يوليو 2020');
	});

	it('keeps a map from every normalised character back to the original text', () => {
		const text = 'في مُوسْكُو';
		const n = normalizeWithMap(text);
		expect(n.text).toBe('في موسكو');
		const start = n.text.indexOf('موسكو');
		expect(text.slice(n.map[start], n.map[start + 5 - 1]! + 1)).toBe('مُوسْكُو');
	});
});

describe('cliticReadings', () => {
	const stems = (w: string) => cliticReadings(normalizeArabic(w)).map((r) => r.stem);

	it('offers the word itself first', () => {
		expect(stems('بولندا')[0]).toBe('بولندا');
	});

	it('strips a preposition: ببيلاروسيا → بيلاروسيا, لبولندا → بولندا', () => {
		expect(stems('ببيلاروسيا')).toContain('بيلاروسيا');
		expect(stems('لبولندا')).toContain('بولندا');
	});

	it('strips a conjunction: وموسكو → موسكو', () => {
		expect(stems('وموسكو')).toContain('موسكو');
	});

	it('strips preposition and article together: بالكرملين → الكرملين and كرملين', () => {
		const s = stems('بالكرملين');
		expect(s).toContain('الكرملين');
		expect(s).toContain('كرملين');
	});

	it('reads the fused lam of ل + ال: للعراق → العراق', () => {
		expect(stems('للعراق')).toContain('العراق');
	});

	it('strips conjunction, preposition and article in one word: وبالكرملين → كرملين', () => {
		expect(stems('وبالكرملين')).toContain('كرملين');
	});

	it('marks how many letters a mention span skips: the one-letter proclitics only', () => {
		const r = cliticReadings('بالكرملين').find((x) => x.stem === 'الكرملين')!;
		expect(r.prefix).toBe(1);
		const k = cliticReadings('بالكرملين').find((x) => x.stem === 'كرملين')!;
		expect(k.prefix).toBe(1);
	});
});
