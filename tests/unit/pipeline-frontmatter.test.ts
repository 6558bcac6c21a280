import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { plainFrontMatter } from '../../src/lib/server/pipeline/frontmatter';

/** The front matter source of every article file under `dir` (what parseArticle hands the YAML parser). */
function frontMatters(dir: string): string[] {
	const out: string[] = [];
	let entries: string[];
	try {
		entries = readdirSync(dir);
	} catch {
		return out;
	}
	for (const name of entries) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) out.push(...frontMatters(full));
		else if (/\.(md|txt)$/.test(name)) {
			const m = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(readFileSync(full, 'utf8'));
			if (m) out.push(m[1]!);
		}
	}
	return out;
}

describe('plain front matter', () => {
	it('reads "key: value" lines of text, days and nulls as YAML does', () => {
		const source = 'title: Troops shelled Kharkiv, police said\npublisher: Bench\nurl: null\npublished: 2019-01-01\nlanguage: en\n';
		expect(plainFrontMatter(source)).toEqual(parseYaml(source));
		expect(plainFrontMatter('title: الجيش يقصف خاركيف\nlanguage: ar\n')).toEqual({ title: 'الجيش يقصف خاركيف', language: 'ar' });
		expect(plainFrontMatter('url: https://example.org/a#b\n')).toEqual({ url: 'https://example.org/a#b' });
	});

	it('leaves to the YAML parser whatever it may read otherwise: numbers, booleans, comments, quotes, lists, repeated keys', () => {
		for (const source of ['n: 12\n', 'ok: true\n', 'x: Null\n', 'x: ~\n', 't: a # note\n', 't: a: b\n', "t: 'quoted'\n", 'inferred:\n  - title\n', 'a: x\na: y\n', 't: a\r\n', 't: a \n', '  t: a\n', '# c\nt: a\n']) {
			expect(plainFrontMatter(source)).toBeNull();
		}
	});

	it('agrees with the YAML parser on every article front matter in the repository and the dev sets', () => {
		const sources = [...frontMatters('geodata'), ...frontMatters('tests'), ...frontMatters('../shared/bench/events-dev')];
		expect(sources.length).toBeGreaterThan(0);
		for (const source of sources) {
			const plain = plainFrontMatter(source);
			if (plain !== null) expect(plain).toEqual(parseYaml(source) ?? {});
		}
	});

	it('agrees with the YAML parser on generated lines whenever it reads them', () => {
		const char = fc.constantFrom('a', 'Z', 'ب', ' ', ':', '#', ',', "'", '"', '-', '1', '.', '[', '{', '&', '*', '!', '|', '>', '%', '@', '`', '\t', '~', '?');
		const value = fc.oneof(fc.string({ unit: char, maxLength: 12 }), fc.constantFrom('null', 'true', 'False', '2020-02-03', '12', '1e3', '.inf', 'yes'));
		const key = fc.constantFrom('title', 'url', 'published', 'x_1', 'true', 'null', '_k');
		fc.assert(
			fc.property(fc.array(fc.tuple(key, value), { maxLength: 4 }), (lines) => {
				const source = lines.map(([k, v]) => `${k}: ${v}\n`).join('');
				const plain = plainFrontMatter(source);
				if (plain === null) return;
				expect(plain).toEqual(parseYaml(source) ?? {});
			}),
			{ numRuns: 3000 }
		);
	});
});
