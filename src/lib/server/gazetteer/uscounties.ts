// US counties and states from the Census Bureau's outlines (package us-atlas): "Laurel County" is a county, not the
// district of a town called Laurel — most US counties are named after people and rivers, not their towns.
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';

const require = createRequire(import.meta.url);

/** One county (parish in Louisiana, borough or census area in Alaska). */
export interface UsCounty {
	/** Five-digit FIPS code: state (2) + county (3). */
	fips: string;
	/** As the news writes it: "Laurel County", "Orleans Parish". */
	name: string;
	state: string;
	geom: Polygon | MultiPolygon;
}

export interface UsAtlas {
	counties: UsCounty[];
	/** State name ("West Virginia") → outline. */
	states: Map<string, Polygon | MultiPolygon>;
}

/** Independent cities (Virginia's, Baltimore, St. Louis, Carson City) have county codes from 500 on: they are the
 * cities themselves, which GeoNames already holds. */
const INDEPENDENT_CITY = /^(51|24|29|32)[5-9]\d\d$/;

function suffix(fips: string, name: string): string | null {
	if (/\b(County|Parish|Borough|Census Area|Municipality|City and Borough)$/.test(name)) return name;
	if (fips.startsWith('22')) return `${name} Parish`;
	if (fips.startsWith('02')) return null; // Alaska's units carry their kind in their name or are not counties
	return `${name} County`;
}

/** The counties and states of us-atlas's 1:10m file (about 3,200 counties). */
export function loadUsAtlas(): UsAtlas {
	const topology = require('us-atlas/counties-10m.json') as Topology;
	const states = new Map<string, Polygon | MultiPolygon>();
	const stateByFips = new Map<string, string>();
	for (const f of feature(topology, topology.objects.states as GeometryCollection).features) {
		const name = (f.properties as { name?: string } | null)?.name;
		if (!name || !f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
		states.set(name, f.geometry);
		stateByFips.set(String(f.id), name);
	}
	const counties: UsCounty[] = [];
	for (const f of feature(topology, topology.objects.counties as GeometryCollection).features) {
		const fips = String(f.id);
		const raw = (f.properties as { name?: string } | null)?.name;
		const state = stateByFips.get(fips.slice(0, 2));
		if (!raw || !state || INDEPENDENT_CITY.test(fips) || !f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
		const name = suffix(fips, raw);
		if (name) counties.push({ fips, name, state, geom: f.geometry });
	}
	return { counties, states };
}
