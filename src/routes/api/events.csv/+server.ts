// GET /api/events.csv with the same filter parameters as /api/events.geojson → the filtered events as CSV.
import { eventsUnavailable, readEvents } from '$lib/server/store';
import type { EventFeature } from '$lib/domain/event';
import { queryEvents } from '$lib/state/query';
import { exportFileName, toCSV } from '$lib/state/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	let value;
	try {
		({ value } = await readEvents());
	} catch (err) {
		return eventsUnavailable(err);
	}
	const result = queryEvents(url.searchParams, (value.features ?? []) as EventFeature[]);
	if (!result.ok) {
		return new Response(JSON.stringify({ error: result.message }), { status: 400, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
	}
	return new Response(toCSV(result.features), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(result.filter, 'csv')}"`,
			'x-feature-count': String(result.features.length),
			'cache-control': 'no-store'
		}
	});
};
