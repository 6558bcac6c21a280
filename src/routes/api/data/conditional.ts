// HTTP conditional GET for the live dataset: does an If-None-Match header already name the current ETag?

/**
 * True when `ifNoneMatch` (the request header, or null) matches `etag` under RFC 9110's weak comparison,
 * which is the one If-None-Match uses: `*`, or any listed tag equal to ours once `W/` prefixes are ignored.
 */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
	if (ifNoneMatch === null) return false;
	const header = ifNoneMatch.trim();
	if (header === '*') return true;
	const ours = etag.replace(/^W\//, '');
	// Entity tags are quoted strings and may contain commas only inside the quotes.
	for (const m of header.matchAll(/(?:W\/)?"[^"]*"/g)) {
		if (m[0].replace(/^W\//, '') === ours) return true;
	}
	return false;
}

/** Headers every answer carries: revalidate on each use, so a poller sees changes at once. */
export function dataHeaders(etag: string): Record<string, string> {
	return { etag, 'cache-control': 'no-cache', vary: 'accept-encoding' };
}
