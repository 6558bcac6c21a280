// The export endpoints (/api/events.geojson, /api/events.csv): the filtered events, streamed a slice at a time so
// that eight analysts exporting 100k events do not hold up the map's next poll.
import type { EventFeature } from '$lib/domain/event';
import { csvPieces, exportFileName, geoJsonPieces } from '$lib/state/export';
import { queryEvents } from '$lib/state/query';
import { streamPieces } from './slices';
import { eventsUnavailable, readEvents } from './store';

const FORMATS = {
	geojson: { type: 'application/geo+json; charset=utf-8', pieces: geoJsonPieces },
	csv: { type: 'text/csv; charset=utf-8', pieces: csvPieces }
} as const;

/** The answer of an export endpoint: 400 naming a bad filter parameter, 503 when events.geojson is unreadable. */
export async function exportResponse(url: URL, format: keyof typeof FORMATS): Promise<Response> {
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
	return new Response(streamPieces(FORMATS[format].pieces(result.features)), {
		headers: {
			'content-type': FORMATS[format].type,
			'content-disposition': `attachment; filename="${exportFileName(result.filter, format)}"`,
			'x-feature-count': String(result.features.length),
			'cache-control': 'no-store'
		}
	});
}
