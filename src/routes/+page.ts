// The dashboard is a live map: it renders in the browser and loads the dataset (possibly 100k events) as data, not HTML.
import type { EventCollection } from '$lib/domain/event';
import type { FeatureCollection } from 'geojson';
import type { PageLoad } from './$types';

export const ssr = false;

export const load: PageLoad = async ({ fetch, data }) => {
	const [events, places] = await Promise.all([fetch('/api/data'), fetch('/api/places.geojson')]);
	if (!events.ok) throw new Error(`the events could not be loaded (${events.status}): ${await events.text()}`);
	return {
		readOnly: data.readOnly,
		events: (await events.json()) as EventCollection,
		/** The version loaded, so the page's polling of /api/data answers 304 until the data changes. */
		etag: events.headers.get('etag'),
		places: places.ok ? ((await places.json()) as FeatureCollection) : null
	};
};
