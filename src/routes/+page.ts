// The dashboard is a live map: it renders in the browser and loads the dataset (possibly 100k events) as data, not HTML.
// Nothing here waits for the events: the page and its map (which loads its own basemap, fonts and worker) start at
// once, and the page takes the events when they have downloaded and parsed.
import type { EventCollection } from '$lib/domain/event';
import type { FeatureCollection } from 'geojson';
import type { PageLoad } from './$types';

export const ssr = false;

export interface LoadedEvents {
	collection: EventCollection;
	/** The version loaded, so the page's polling of /api/data answers 304 until the data changes. */
	etag: string | null;
	/** Writes are off (READ_ONLY=1, said by /api/data's x-read-only header): no add/import/correct links. */
	readOnly: boolean;
}

export const load: PageLoad = ({ fetch }) => ({
	events: fetch('/api/data').then(async (res): Promise<LoadedEvents> => {
		if (!res.ok) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
		return { etag: res.headers.get('etag'), readOnly: res.headers.get('x-read-only') === '1', collection: (await res.json()) as EventCollection };
	}),
	places: fetch('/api/places.geojson')
		.then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null))
		.catch(() => null)
});
