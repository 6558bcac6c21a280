// /analysis?…: the figures of the events the dashboard's filters select, computed here with THE filter (as the
// export endpoints do), so the page gets a few kilobytes however many events there are, and prints without a script.
import { error } from '@sveltejs/kit';
import type { EventFeature } from '$lib/domain/event';
import { filterEvents } from '$lib/domain/filter';
import { analyse, ANALYSIS_DATA } from '$lib/state/analysis';
import { parseViewParams } from '$lib/state/url';
import { readEvents } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, depends }) => {
	depends(ANALYSIS_DATA); // the page asks again when its poll of /api/data sees a new version
	const { view, errors } = parseViewParams(url.searchParams);
	let features: readonly EventFeature[];
	let etag: string;
	try {
		const snap = await readEvents();
		features = snap.value.features as EventFeature[];
		etag = snap.etag;
	} catch (err) {
		error(503, `geodata/events.geojson could not be read: ${(err as Error).message}`);
	}
	const kept = filterEvents(features, view.filter);
	// Names for the places and sources the filter names by id (they may match no kept event).
	const chosen = new Set([...(view.filter.places ?? []), ...(view.filter.sources ?? [])]);
	const names: Record<string, string> = {};
	for (const { properties: p } of features) {
		if (chosen.has(p.place_id)) names[p.place_id] = p.place_name;
		if (chosen.has(p.source_id)) names[p.source_id] = p.source_title;
	}
	return { view, errors, names, etag, all: features.length, analysis: analyse(kept, view.filter) };
};
