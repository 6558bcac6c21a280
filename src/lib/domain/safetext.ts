// Article text is data, never markup: helpers for showing untrusted strings (Svelte escapes; these do the rest).

/** Bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069): they can reorder what a reader sees. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Removes bidi override/embedding controls; keep displaying the result inside `dir="auto"` / `<bdi>`. */
export function neutraliseBidi(s: string): string {
	return s.replace(BIDI_CONTROLS, '');
}

/** A link target only when it is an absolute http(s) URL; `javascript:`, `data:` and the like give null. */
export function safeHref(url: string | null | undefined): string | null {
	if (!url) return null;
	try {
		const u = new URL(url);
		return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
	} catch {
		return null;
	}
}

/** Replaces each bidi control with U+FFFD (one code unit for one), so UTF-16 offsets into the text stay valid. */
export function markBidi(s: string): string {
	return s.replace(BIDI_CONTROLS, '\ufffd');
}
