// The dashboard is a live map: it renders in the browser and loads the dataset (possibly 100k events) as data, not HTML.
// The page (and its map, which loads its own basemap, fonts and worker) starts as soon as /api/data's headers are in;
// the events body streams in meanwhile and the page takes it when it is parsed.
import type { EventCollection } from '$lib/domain/event';
import type { FeatureCollection } from 'geojson';
import type { PageLoad } from './$types';

export const ssr = false;

export const load: PageLoad = async ({ fetch }) => {
	const places = fetch('/api/places.geojson').then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null));
	const events = await fetch('/api/data');
	if (!events.ok) throw new Error(`the events could not be loaded (${events.status}): ${await events.text()}`);
	return {
		/** Writes are off (READ_ONLY=1): the page offers no add/import/correct links. */
		readOnly: events.headers.get('x-read-only') === '1',
		/** The version loaded, so the page's polling of /api/data answers 304 until the data changes. */
		etag: events.headers.get('etag'),
		events: events.json() as Promise<EventCollection>,
		places: places.catch(() => null)
	};
};
