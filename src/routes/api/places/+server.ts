// GET /api/places?q=Hrod&limit=10: gazetteer search for "pick another place" in the event editor.
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { answer } from '$lib/server/http';
import { StorageError } from '$lib/server/storage';
import { loadGazetteer } from '$lib/server/gazetteer';

export const GET: RequestHandler = ({ url }) =>
	answer(async () => {
		const q = (url.searchParams.get('q') ?? '').trim();
		if (q.length < 2) throw new StorageError(400, 'Type at least 2 characters of a place name (q).');
		if (q.length > 100) throw new StorageError(400, 'The place query (q) is longer than 100 characters.');
		const limit = Math.min(50, Math.max(1, Number(url.searchParams.get('limit') ?? 10) || 10));
		const places = loadGazetteer().search(q, limit);
		return json({ places }, { headers: { 'cache-control': 'public, max-age=300' } });
	});
