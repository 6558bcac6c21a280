// Bytes → text for web pages and feeds: a byte-order mark, else the encoding the file declares (<meta charset>, the
// XML declaration), else UTF-8, the way browsers and feed readers do; a wrong declaration is caught, not believed.

/** The encoding a file's own start declares (`<meta charset>`, `<meta http-equiv content="…; charset=…">` or the XML declaration), lower-case, or null. */
export function declaredEncoding(bytes: Uint8Array, kind: 'html' | 'xml'): string | null {
	// Declarations are ASCII and must come early: the HTML standard prescans 1,024 bytes.
	const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
	const m =
		kind === 'xml'
			? /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)
			: /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
	return m ? m[1]!.toLowerCase() : null;
}

const BOMS: [number[], string][] = [
	[[0xef, 0xbb, 0xbf], 'utf-8'],
	[[0xfe, 0xff], 'utf-16be'],
	[[0xff, 0xfe], 'utf-16le']
];

export interface Decoded {
	text: string;
	/** The encoding the text was read in (TextDecoder's name for it). */
	encoding: string;
	/** Why the declaration was overruled, when it was (a page saved as UTF-8 that still says windows-1251). */
	note: string | null;
	/** Offsets in `text` where undecodable bytes were replaced (U+FFFD), so the items holding them can be refused. */
	bad: number[];
}

function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/**
 * Decodes a page or feed. A BOM wins; then the declared encoding (any label TextDecoder knows, e.g. windows-1251,
 * koi8-r, iso-8859-2); then UTF-8. Bytes invalid in UTF-8 are replaced and their offsets listed in `bad`; a file
 * declaring a legacy single-byte encoding whose non-ASCII bytes are all valid multi-byte UTF-8 is read as UTF-8 (a
 * page re-saved without fixing its `<meta>`), with a `note`. Throws, naming the file, for an unknown encoding label.
 */
export function decodeDeclared(bytes: Uint8Array, kind: 'html' | 'xml', file: string): Decoded {
	for (const [bom, encoding] of BOMS) {
		if (bom.every((b, i) => bytes[i] === b)) return finish(bytes.subarray(bom.length), encoding, null);
	}
	const declared = declaredEncoding(bytes, kind);
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(declared ?? 'utf-8');
	} catch {
		throw new Error(`${file}: encoding: declares ${JSON.stringify(declared)}, which is not an encoding this reader knows (use UTF-8, or a label such as windows-1251)`);
	}
	const encoding = decoder.encoding;
	if (encoding !== 'utf-8' && !encoding.startsWith('utf-16') && bytes.some((b) => b >= 0x80) && isUtf8(bytes)) {
		return finish(bytes, 'utf-8', `declares ${declared} but its bytes are UTF-8; read as UTF-8`);
	}
	return finish(bytes, encoding, null);
}

function finish(bytes: Uint8Array, encoding: string, note: string | null): Decoded {
	const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
	const bad: number[] = [];
	// U+FFFD stands for undecodable bytes only when the bytes did not hold it themselves (rare): decode strictly to know.
	if (text.includes('\uFFFD')) {
		let strict = true;
		try {
			new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
		} catch {
			strict = false;
		}
		if (!strict) for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) bad.push(i);
	}
	return { text, encoding, note, bad };
}
