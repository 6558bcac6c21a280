// The basemap's vector tiles (src/lib/server/geo/tiles.ts): cut on the first request for each, then answered from memory.
import { error } from '@sveltejs/kit';
import { basemapTile, isBasemapTile } from '$lib/server/geo/tiles';
import type { RequestHandler } from './$types';

/** A path segment as a tile coordinate: digits only ("5", not "5.0" or " 5"), else NaN. */
const coordinate = (s: string) => (/^\d{1,7}$/.test(s) ? Number(s) : NaN);

export const GET: RequestHandler = ({ params }) => {
	const [z, x, y] = [params.z, params.x, params.y].map(coordinate) as [number, number, number];
	if (!isBasemapTile(z, x, y)) error(404, `no basemap tile ${params.z}/${params.x}/${params.y}`);
	return new Response(basemapTile(z, x, y), {
		headers: { 'content-type': 'application/vnd.mapbox-vector-tile', 'cache-control': 'public, max-age=86400' }
	});
};
