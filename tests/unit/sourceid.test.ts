// Source ids (the article file names and every event's source_id) follow one rule wherever they enter:
// imports, saved articles, the article pages and the ingest CLI.
import { describe, expect, it } from 'vitest';
import { parseEventFeature } from '$lib/domain/importers';
import { SOURCE_ID_MAX, sourceIdProblem } from '$lib/domain/sourceid';
import { articlePath } from '$lib/server/storage';
import { parseArticle } from '$lib/server/pipeline/article';
import { sampleEvent } from './http-fixtures';

const longest = 'a'.repeat(SOURCE_ID_MAX);
const tooLong = 'a'.repeat(SOURCE_ID_MAX + 1);

describe('one source-id rule', () => {
	it('accepts 1 to 120 lower-case letters, digits, "_" and "-", starting with a letter or digit', () => {
		expect(SOURCE_ID_MAX).toBe(120);
		for (const ok of ['a', '2021-11-12_minsk', longest]) expect(sourceIdProblem(ok)).toBeNull();
		for (const bad of ['', '_x', '-x', 'A', 'a.b', '../x', tooLong]) expect(sourceIdProblem(bad)).toMatch(/source id/);
	});

	it('is the rule of imports, of saved article files and of ingested article files alike', () => {
		const verdicts = (id: string) => [
			(() => {
				try {
					parseEventFeature(sampleEvent('e', { source_id: id }));
					return true;
				} catch {
					return false;
				}
			})(),
			(() => {
				try {
					articlePath(id);
					return true;
				} catch {
					return false;
				}
			})(),
			(() => {
				try {
					parseArticle('Text of the article.', `${id}.md`);
					return true;
				} catch {
					return false;
				}
			})()
		];
		expect(verdicts(longest)).toEqual([true, true, true]);
		expect(verdicts('_leading')).toEqual([false, false, false]);
		expect(verdicts(tooLong)).toEqual([false, false, false]);
	});

	it('names the file and the rule when an article file name gives no valid source id', () => {
		expect(() => parseArticle('Text.', `dir/_draft.md`)).toThrow(/^dir\/_draft\.md: source id: "_draft" .*start with a lower-case letter or digit/);
	});
});
