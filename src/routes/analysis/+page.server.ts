// /analysis?…: the figures of the events the dashboard's filters select, computed here with THE filter (as the
// export endpoints do), so the page gets a few kilobytes however many events there are, and prints without a script.
import { error } from '@sveltejs/kit';
import type { EventFeature } from '$lib/domain/event';
import { filterEvents } from '$lib/domain/filter';
import { analyse } from '$lib/state/analysis';
import { parseViewParams } from '$lib/state/url';
import { readEvents } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { view, errors } = parseViewParams(url.searchParams);
	let features: readonly EventFeature[];
	try {
		features = (await readEvents()).value.features as EventFeature[];
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
	return { view, errors, names, all: features.length, analysis: analyse(kept, view.filter) };
};
