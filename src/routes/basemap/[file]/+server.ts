// The offline basemap, generated from world-atlas at build time (prerendered: nothing large is committed to git).
import { error } from '@sveltejs/kit';
import { borderLines, countryFeatures, countryLabels, crimeaFeature } from '$lib/server/geo/countries';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const FILES: Record<string, () => unknown> = {
	'countries.geojson': () => countryFeatures(),
	'borders.geojson': () => ({ type: 'FeatureCollection', features: [borderLines()] }),
	'crimea.geojson': () => ({ type: 'FeatureCollection', features: [crimeaFeature()] }),
	'labels.geojson': () => countryLabels()
};

export const entries: EntryGenerator = () => Object.keys(FILES).map((file) => ({ file }));

export const GET: RequestHandler = ({ params }) => {
	const make = FILES[params.file];
	if (!make) error(404, `no basemap file ${params.file}`);
	return new Response(JSON.stringify(make()), {
		headers: { 'content-type': 'application/geo+json', 'cache-control': 'public, max-age=86400' }
	});
};
