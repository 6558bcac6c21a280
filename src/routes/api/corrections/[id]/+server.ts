// PATCH /api/corrections/<event id>: change fields of an event; DELETE: drop it. Both need If-Match: <version>.
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { parseAuthor, parseEventPatch, SAFE_ID } from '$lib/domain/importers';
import { answer, readJson, requestId } from '$lib/server/http';
import { commit, StorageError } from '$lib/server/storage';

function eventId(raw: string): string {
	if (!SAFE_ID.test(raw)) throw new StorageError(400, `"${raw.slice(0, 40)}" is not a valid event id.`);
	return raw;
}

/** The version the edit is based on: If-Match header, or `version` in the body. */
function baseVersion(request: Request, body: Record<string, unknown>): string {
	const v = request.headers.get('if-match') ?? (typeof body.version === 'string' ? body.version : null);
	if (!v) throw new StorageError(428, 'Say which version of the event you edited (If-Match header), so a newer edit is never overwritten.');
	return v;
}

export const PATCH: RequestHandler = ({ request, params, url }) =>
	answer(async () => {
		const id = eventId(params.id);
		const body = await readJson(request, url.pathname);
		const author = parseAuthor(body.author);
		const set = parseEventPatch(body.set);
		const note = typeof body.note === 'string' ? body.note.slice(0, 500) : undefined;
		const res = await commit([{ op: 'patch', event_id: id, set, note }], { author, expect: { [id]: baseVersion(request, body) }, request: requestId(request) });
		const ev = res.events[id]!;
		return json({ applied: res.applied, event: ev.feature, version: ev.version }, { headers: ev.version ? { etag: ev.version } : {} });
	});

export const DELETE: RequestHandler = ({ request, params, url }) =>
	answer(async () => {
		const id = eventId(params.id);
		const body = await readJson(request, url.pathname);
		const author = parseAuthor(body.author);
		const note = typeof body.note === 'string' ? body.note.slice(0, 500) : undefined;
		const res = await commit([{ op: 'drop', event_id: id, note }], { author, expect: { [id]: baseVersion(request, body) }, request: requestId(request) });
		return json({ applied: res.applied, event: null, version: null });
	});
