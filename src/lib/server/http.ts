// Small helpers for the write endpoints: bounded body reading, JSON answers, errors the analyst can read.
import { json } from '@sveltejs/kit';
import { FieldError } from '$lib/domain/importers';
import { StorageError } from './storage';

/** Largest request body each write endpoint accepts (bytes); hooks.server.ts refuses bigger ones early. */
export const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
	{ prefix: '/api/import', bytes: 10 * 1024 * 1024 },
	{ prefix: '/api/articles', bytes: 2 * 1024 * 1024 },
	{ prefix: '/api/', bytes: 256 * 1024 }
];

export function bodyLimit(pathname: string): number {
	return BODY_LIMITS.find((l) => pathname.startsWith(l.prefix))?.bytes ?? 256 * 1024;
}

export function mb(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** An error answer: `{ error, field?, ... }` with no-store. */
export function fail(status: number, error: string, extra: Record<string, unknown> = {}): Response {
	return json({ error, ...extra }, { status, headers: { 'cache-control': 'no-store' } });
}

/** Reads the body as bytes, stopping (413) as soon as it exceeds `limit`, whatever Content-Length claimed. */
export async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (err) {
			// adapter-node's own BODY_SIZE_LIMIT (512 KB unless set) stops the stream below this endpoint's limit.
			if (/exceeds limit/.test((err as Error).message)) {
				throw new StorageError(413, `The upload is larger than the server's BODY_SIZE_LIMIT allows (${(err as Error).message}); start it with npm start, or set BODY_SIZE_LIMIT=12M.`);
			}
			throw err;
		}
		const { done, value } = chunk;
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await drainReader(reader);
			throw new StorageError(413, `The upload is larger than the ${mb(limit)} this endpoint accepts.`);
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}

/** Most bytes read and thrown away so a refused upload still gets its answer (clients that are still sending
 *  see a reset otherwise); beyond this the connection is simply dropped. */
const DRAIN_CAP = 64 * 1024 * 1024;

async function drainReader(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	let n = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			n += value.byteLength;
			if (n > DRAIN_CAP) break;
		}
	} catch {
		return;
	}
	await reader.cancel().catch(() => {});
}

/** Reads and discards a request body (bounded), before answering with an error. */
export async function drain(request: Request): Promise<void> {
	if (request.body && !request.bodyUsed) await drainReader(request.body.getReader());
}

/** Reads a JSON object body within the path's limit; 415 for other content types, 400 for bad JSON. */
export async function readJson(request: Request, pathname: string): Promise<Record<string, unknown>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) throw new StorageError(415, 'Send the request as application/json.');
	const bytes = await readBytes(request, bodyLimit(pathname));
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch (err) {
		throw new StorageError(400, `The request body is not valid UTF-8 JSON: ${(err as Error).message}`);
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new StorageError(400, 'The request body must be a JSON object.');
	return value as Record<string, unknown>;
}

/** Turns thrown StorageError / FieldError into clear 4xx answers; anything else is a 500 with its message logged. */
export async function answer(fn: () => Promise<Response>): Promise<Response> {
	try {
		return await fn();
	} catch (err) {
		if (err instanceof StorageError) return fail(err.status, err.message);
		if (err instanceof FieldError) return fail(400, err.message, { field: err.field });
		console.error(err);
		return fail(500, `Internal error: ${(err as Error).message}`);
	}
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The client's id of a write request (the Idempotency-Key header): a retry with the same id is answered from the
 * first commit, never applied twice (storage.ts). Absent: every request is new.
 */
export function requestId(request: Request): string | undefined {
	const id = request.headers.get('idempotency-key');
	if (id === null) return undefined;
	if (!REQUEST_ID.test(id)) throw new StorageError(400, 'The Idempotency-Key header must be 1–128 letters, digits, ".", "_", ":" or "-".');
	return id;
}

/** READ_ONLY=1 (or true/yes) turns every write off, for public or wall deployments. */
export function isReadOnly(): boolean {
	return /^(1|true|yes)$/i.test(process.env.READ_ONLY ?? '');
}

/**
 * A write is same-origin when the browser says so: `Origin` equal to ours, or `Sec-Fetch-Site: same-origin`.
 * Requests with neither header come from non-browser clients (curl, scripts), which CSRF cannot forge.
 */
export function crossOriginReason(request: Request, origin: string): string | null {
	const site = request.headers.get('sec-fetch-site');
	const from = request.headers.get('origin');
	if (site && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site is "${site}"`;
	if (from !== null && from !== origin) return `Origin ${from} is not ${origin}`;
	return null;
}
