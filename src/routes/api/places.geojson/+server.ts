// GET /api/places.geojson: geodata/places.geojson (footprints: border lines, country outlines), empty when absent.
import { readJson } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const snap = await readJson('places.geojson', { type: 'FeatureCollection', features: [] });
	return new Response(JSON.stringify(snap.value), { headers: { 'content-type': 'application/geo+json; charset=utf-8', etag: snap.etag, 'cache-control': 'no-cache' } });
};
