// GET /api/history/<event id>: the event as it is now, its version (for If-Match) and every change made to it.
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { historyOf } from '$lib/domain/corrections';
import { SAFE_ID } from '$lib/domain/importers';
import { answer, isReadOnly } from '$lib/server/http';
import { eventVersion, readState, StorageError } from '$lib/server/storage';

export const GET: RequestHandler = ({ params }) =>
	answer(async () => {
		if (!SAFE_ID.test(params.id)) throw new StorageError(400, `"${params.id.slice(0, 40)}" is not a valid event id.`);
		const state = await readState();
		const event = state.events.find((f) => f.properties.id === params.id) ?? null;
		const history = historyOf(state.log.corrections, params.id);
		if (!event && history.length === 0) throw new StorageError(404, `No event with id ${params.id}.`);
		const version = event ? eventVersion(event) : null;
		return json(
			{ event, version, history, read_only: isReadOnly() },
			{ headers: { 'cache-control': 'no-store', ...(version ? { etag: version } : {}) } }
		);
	});
