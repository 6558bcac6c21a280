import { describe, expect, it } from 'vitest';
import { findActors } from '../../src/lib/server/pipeline/actors';

describe('findActors', () => {
	it('maps spellings in English and Arabic to one canonical name each', () => {
		expect(findActors('Lukashenka and Lukashenko and لوكاشينكو')).toEqual(['Alexander Lukashenko']);
		expect(findActors('الرئيس الروسي فلاديمير بوتين والزعيم البيلاروسي الكسندر لوكاشينكو')).toEqual(['Vladimir Putin', 'Alexander Lukashenko']);
		expect(findActors('ظهر رئيس فاغنر يفغيني بريجوزين')).toEqual(['Wagner Group', 'Yevgeny Prigozhin']);
	});

	it('finds organisations and keeps the order of first mention', () => {
		expect(findActors('NATO and the European Union; the UN Security Council met. NATO again.')).toEqual(['NATO', 'European Union', 'UN Security Council']);
	});

	it('treats a country as an actor only when it acts, not when it is a location', () => {
		expect(findActors('Russia has agreed to a loan.')).toEqual(['Russia']);
		expect(findActors('Protests continued across Belarus.')).toEqual([]);
	});

	it('matches short all-caps names case-sensitively ("US" but not "us")', () => {
		expect(findActors('Connect with us')).toEqual([]);
		expect(findActors('US intelligence agencies said')).toEqual(['United States']);
	});
});

describe('findActors and modifiers', () => {
	it('does not take "anti-Kremlin" or "pro-Moscow" for the actor itself', () => {
		expect(findActors('anti-Kremlin placards and pro-Moscow forces')).toEqual([]);
		expect(findActors('the Kremlin said')).toEqual(['Kremlin']);
	});
});
