// The dashboard is a live map: it renders in the browser and loads the dataset (possibly 100k events) as data, not HTML.
// Nothing here waits for the events: the page and its map (which loads its own basemap, fonts and worker) start at
// once, and the page takes the events when they have downloaded and parsed. The download is the pollers' own
// (pollData: same checks, ETag and read-only flag), so the page's later polls answer 304 until the data change.
import { pollData } from '$lib/state/poll';
import type { EventCollection } from '$lib/domain/event';
import type { FeatureCollection } from 'geojson';
import type { PageLoad } from './$types';

export const ssr = false;

export interface LoadedEvents {
	collection: EventCollection;
	etag: string | null;
	readOnly: boolean;
}

export const load: PageLoad = ({ fetch }) => ({
	events: pollData('/api/data', null, fetch).then((r): LoadedEvents => {
		if (!r.changed) throw new Error('/api/data answered 304 to a request that named no version');
		return r;
	}),
	places: fetch('/api/places.geojson')
		.then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null))
		.catch(() => null)
});
