// GET /api/events.geojson?from=&to=&type=&actor=&country=&place=&source=&language=&q=&bbox= → the filtered events, as a download.
import { eventsUnavailable, readEvents } from '$lib/server/store';
import type { EventFeature } from '$lib/domain/event';
import { queryEvents } from '$lib/state/query';
import { exportFileName, toGeoJSON } from '$lib/state/export';
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
	return new Response(toGeoJSON(result.features), {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(result.filter, 'geojson')}"`,
			'x-feature-count': String(result.features.length),
			'cache-control': 'no-store'
		}
	});
};
