// Parses geodata/gazetteer/sites.json: the region's curated sites (airports, plants, dams, bridges, crossings …).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a site is; the geoparser's "<town> airport" rule looks for a curated site of a fitting category. */
export const SITE_CATEGORIES = [
	'airport',
	'airbase',
	'navalbase',
	'base',
	'nuclear',
	'dam',
	'bridge',
	'crossing',
	'island',
	'zone',
	'works',
	'square',
	'memorial',
	'tower',
	'monastery',
	'theatre',
	'port',
	'strait',
	'station',
	'mall',
	'cathedral'
] as const;
export type SiteCategory = (typeof SITE_CATEGORIES)[number];

export interface CuratedSite {
	id: string;
	name: string;
	/** 'site' for a point-like place, 'region' for an area (a zone, a spit, a strait). */
	kind: 'site' | 'region';
	category: SiteCategory;
	lat: number;
	lon: number;
	country_codes: string[];
	aliases: string[];
	/** Where the coordinates come from. */
	source: string;
}

/** geodata/gazetteer/sites.json beside curated.json (`GAZETTEER_SITES` overrides). */
export function sitesPath(curatedFile: string): string {
	if (process.env.GAZETTEER_SITES) return process.env.GAZETTEER_SITES;
	const beside = path.join(path.dirname(curatedFile), 'sites.json');
	if (existsSync(beside)) return beside;
	return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../geodata/gazetteer/sites.json');
}

/** Validates the sites file; errors name the file and the field. */
export function parseSites(json: string, file: string): CuratedSite[] {
	const fail = (field: string, why: string): never => {
		throw new Error(`${file}: ${field}: ${why}`);
	};
	let raw: { sites?: unknown };
	try {
		raw = JSON.parse(json) as { sites?: unknown };
	} catch (e) {
		return fail('(root)', `invalid JSON: ${(e as Error).message}`);
	}
	if (!Array.isArray(raw.sites)) return fail('sites', 'expected an array');
	const ids = new Set<string>();
	return raw.sites.map((s: Record<string, unknown>, i: number): CuratedSite => {
		const f = `sites[${i}]`;
		const str = (k: string) => (typeof s[k] === 'string' && (s[k] as string).trim() ? (s[k] as string) : fail(`${f}.${k}`, 'expected a non-empty string'));
		const id = str('id');
		if (!/^(site|region):[a-z0-9-]+$/.test(id)) fail(`${f}.id`, 'expected site:<slug> or region:<slug>');
		if (ids.has(id)) fail(`${f}.id`, `duplicate id ${id}`);
		ids.add(id);
		const kind = s.kind === 'site' || s.kind === 'region' ? s.kind : fail(`${f}.kind`, 'expected "site" or "region"');
		const category = str('category');
		if (!(SITE_CATEGORIES as readonly string[]).includes(category)) fail(`${f}.category`, `expected one of ${SITE_CATEGORIES.join(', ')}`);
		const lat = typeof s.lat === 'number' && Math.abs(s.lat) <= 90 ? s.lat : fail(`${f}.lat`, 'expected a latitude');
		const lon = typeof s.lon === 'number' && Math.abs(s.lon) <= 180 ? s.lon : fail(`${f}.lon`, 'expected a longitude');
		const list = (k: string) =>
			Array.isArray(s[k]) && (s[k] as unknown[]).every((x) => typeof x === 'string') ? (s[k] as string[]) : fail(`${f}.${k}`, 'expected an array of strings');
		const cc = list('country_codes');
		if (cc.length === 0 || cc.some((c) => !/^[A-Z]{3}$/.test(c))) fail(`${f}.country_codes`, 'expected ISO3 codes');
		return { id, name: str('name'), kind, category: category as SiteCategory, lat, lon, country_codes: cc, aliases: list('aliases'), source: str('source') };
	});
}
