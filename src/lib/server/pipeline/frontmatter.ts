// Front matter of the plainest kind ("key: value" lines of text, dates and nulls) read without the YAML parser, which
// costs about a millisecond an article; anything else is left to the parser (null here), so the result is the same.

// A key of letters, digits and underscores; one space; a value that YAML reads as the text it is.
const LINE = /^([A-Za-z_][A-Za-z0-9_]*): (.*)$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// Starts with a letter, has no comment (" #"), no mapping (": " or a final ':'), no control character and no
// trailing space; not a word YAML's core schema reads as a boolean or null.
const PLAIN_TEXT = /^\p{L}(?:(?![:\s]#|:\s|:$)[^\p{Cc}\u2028\u2029\uFEFF])*(?<!\s)$/u;
const SPECIAL = /^(?:true|false|null)$/i;

/**
 * The front matter's fields when every line is `key: value` with a value YAML reads as plain text, a
 * `YYYY-MM-DD` day (text in YAML 1.2) or `null`, each key once; null when it is anything else (use a YAML parser).
 */
export function plainFrontMatter(source: string): Record<string, string | null> | null {
	const out: Record<string, string | null> = {};
	for (const line of source.split('\n')) {
		if (line === '') continue;
		const m = LINE.exec(line);
		if (!m) return null;
		const [, key, value] = m as unknown as [string, string, string];
		if (Object.hasOwn(out, key) || key === '__proto__' || SPECIAL.test(key)) return null;
		if (value === 'null') out[key] = null;
		else if (ISO_DAY.test(value) || (PLAIN_TEXT.test(value) && !SPECIAL.test(value))) out[key] = value;
		else return null;
	}
	return out;
}
