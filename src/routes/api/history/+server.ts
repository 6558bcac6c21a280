// GET /api/history?limit=N: the most recent changes across all events, newest first.
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { answer, isReadOnly } from '$lib/server/http';
import { readState } from '$lib/server/storage';

export const GET: RequestHandler = ({ url }) =>
	answer(async () => {
		const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
		const state = await readState();
		const recent = state.log.corrections.slice(-limit).reverse();
		return json({ total: state.log.corrections.length, changes: recent, read_only: isReadOnly() }, { headers: { 'cache-control': 'no-store' } });
	});
