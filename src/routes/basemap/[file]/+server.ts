// The offline basemap, generated at build time from world-atlas, GeoNames (towns) and SimpleMaps (regions), plus the
// committed regional water file (prerendered: nothing large is committed to git).
import { error } from '@sveltejs/kit';
import { borderLines, countryFeatures, countryLabels, crimeaFeature } from '$lib/server/geo/countries';
import { basemapNames, basemapVillages } from '$lib/server/geo/towns';
// Rivers and lakes of the region: generated once from GSHHG/WDBII by scripts/basemap-water.ts (GMT is not needed here).
import water from '$lib/server/geo/water.json' with { type: 'json' };
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const FILES: Record<string, () => unknown> = {
	'countries.geojson': () => countryFeatures(),
	'borders.geojson': () => ({ type: 'FeatureCollection', features: [borderLines()] }),
	'crimea.geojson': () => ({ type: 'FeatureCollection', features: [crimeaFeature()] }),
	'labels.geojson': () => countryLabels(),
	'water.geojson': () => ({ type: 'FeatureCollection', features: water.features }),
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
