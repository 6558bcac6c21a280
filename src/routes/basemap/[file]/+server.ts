// The basemap's place names, generated at build time from GeoNames (towns) and SimpleMaps (regions), prerendered
// (nothing large is committed to git). Countries, borders and water are vector tiles: see ../tiles.
import { error } from '@sveltejs/kit';
import { basemapNames, basemapVillages } from '$lib/server/geo/towns';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const FILES: Record<string, () => unknown> = {
	'names.geojson': () => basemapNames(),
	'villages.geojson': () => basemapVillages()
};

export const entries: EntryGenerator = () => Object.keys(FILES).map((file) => ({ file }));

export const GET: RequestHandler = ({ params }) => {
	const make = FILES[params.file];
	if (!make) error(404, `no basemap file ${params.file}`);
	return new Response(JSON.stringify(make()), {
		headers: { 'content-type': 'application/geo+json', 'cache-control': 'public, max-age=86400' }
	});
};
