import { describe, expect, it } from 'vitest';
import { ArticleError, detectLanguage, parseArticle, sourceIdOf } from '../../src/lib/server/pipeline/article';

const GOOD = `---
title: Talks in Sochi
publisher: Al Jazeera
url: https://example.org/a
published: 2020-09-14
language: en
inferred: [publisher]
---
Lukashenko met Putin in Sochi on Monday.
`;

function errorOf(fn: () => unknown): ArticleError {
	try {
		fn();
	} catch (err) {
		if (err instanceof ArticleError) return err;
		throw err;
	}
	throw new Error('expected an ArticleError');
}

describe('parseArticle', () => {
	it('reads the front matter fields and returns the body after the closing line', () => {
		const a = parseArticle(Buffer.from(GOOD), 'dir/My Article.md');
		expect(a.meta).toMatchObject({ title: 'Talks in Sochi', publisher: 'Al Jazeera', url: 'https://example.org/a', published: '2020-09-14', language: 'en', inferred: ['publisher'] });
		expect(a.body).toBe('Lukashenko met Putin in Sochi on Monday.\n');
		expect(a.sourceId).toBe('my-article');
	});

	it('rejects NUL bytes as a binary file, naming the file', () => {
		const e = errorOf(() => parseArticle(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.md'));
		expect(e.message).toMatch(/^x\.md: content: .*NUL/);
	});

	it('rejects bytes that are not valid UTF-8', () => {
		const e = errorOf(() => parseArticle(Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x20, 0x41]), 'latin1.txt'));
		expect(e.field).toBe('content');
		expect(e.message).toContain('UTF-8');
	});

	it('rejects an empty file and a file with front matter but no body', () => {
		expect(errorOf(() => parseArticle('', 'e.md')).field).toBe('body');
		expect(errorOf(() => parseArticle('---\ntitle: x\n---\n \n', 'e.md')).field).toBe('body');
	});

	it('rejects broken YAML and an unclosed front matter block', () => {
		expect(errorOf(() => parseArticle('---\ntitle: [unclosed\n---\nText.', 'y.md')).message).toMatch(/^y\.md: front matter: invalid YAML/);
		expect(errorOf(() => parseArticle('---\ntitle: x\nText without end.', 'y.md')).message).toContain('closing');
	});

	it('rejects a published date that is not YYYY-MM-DD, and impossible dates', () => {
		expect(errorOf(() => parseArticle('---\npublished: 14/09/2020\n---\nText.', 'd.md')).field).toBe('published');
		expect(errorOf(() => parseArticle('---\npublished: 2021-02-30\n---\nText.', 'd.md')).field).toBe('published');
	});

	it('rejects a language that is not a BCP 47 tag', () => {
		expect(errorOf(() => parseArticle('---\nlanguage: English\n---\nText.', 'l.md')).field).toBe('language');
	});

	it('without front matter detects the language, takes the first line as title and leaves the date unknown', () => {
		const a = parseArticle('\n\nيلتقي بوتين ولوكاشينكو\n\nالتقى الرئيسان يوم الأحد في موسكو.', 'ar.txt');
		expect(a.meta.language).toBe('ar');
		expect(a.meta.title).toBe('يلتقي بوتين ولوكاشينكو');
		expect(a.meta.published).toBeNull();
		expect(a.meta.hasFrontMatter).toBe(false);
	});

	it('strips a byte-order mark so the front matter is still found', () => {
		const a = parseArticle(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]), 'bom.md');
		expect(a.meta.title).toBe('Talks in Sochi');
	});
});

describe('detectLanguage and sourceIdOf', () => {
	it('tells Arabic from English text even with Latin boilerplate around the Arabic', () => {
		expect(detectLanguage('SHARE: التقى الرئيس الروسي فلاديمير بوتين بالزعيم البيلاروسي')).toBe('ar');
		expect(detectLanguage('Lukashenko met Putin.')).toBe('en');
	});

	it('slugs file stems to lower-case letters, digits, dashes and underscores', () => {
		expect(sourceIdOf('/a/b/000_67A0 Été!.md')).toBe('000_67a0-ete');
	});
});
