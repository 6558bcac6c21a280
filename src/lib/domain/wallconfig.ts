// The wall display's URL: everything a presenter sets (time range, filters, region, speed, loop, theme) and back.
import { isIsoDate } from './time';
import { FilterParamError, filterToParams, FILTER_PARAMS, parseFilterParams, type BBox, type EventFilter } from './filter';

export const PLAY_MODES = ['moving', 'cumulative'] as const;
export type PlayMode = (typeof PLAY_MODES)[number];
export const END_MODES = ['loop', 'stop'] as const;
export type EndMode = (typeof END_MODES)[number];
export const WALL_THEMES = ['dark', 'light'] as const;
export type WallTheme = (typeof WALL_THEMES)[number];

/** A wall, fully described by its URL. `filter.from`/`filter.to` also bound the time it plays through. */
export interface WallConfig {
	filter: EventFilter;
	/** Fit the map to this [west, south, east, north]; wins over centre/zoom. Absent: fit the events. */
	region?: BBox;
	center?: [number, number]; // [lon, lat]
	zoom?: number;
	speed: number; // days of event time per second of wall time
	window: number; // days shown at once in the moving window (and "recent" in cumulative mode)
	mode: PlayMode;
	end: EndMode; // at the end of the range: start again, or stay on the last frame
	hold: number; // seconds to rest on the last frame before looping
	at?: string; // YYYY-MM-DD: the first cycle starts with this day shown (later cycles start at the beginning)
	theme: WallTheme;
	poll: number; // seconds between checks for new data
	title?: string; // a heading for the room, e.g. "Belarus–Poland border"
	png?: boolean; // show a small "save as PNG" button (the `p` key saves one either way)
}

export const WALL_DEFAULTS = {
	speed: 7,
	window: 30,
	mode: 'moving',
	end: 'loop',
	hold: 4,
	theme: 'dark',
	poll: 15
} as const satisfies Partial<WallConfig>;

/** The query parameters the wall reads on top of the filter's (`map` is the dashboard's camera, `zoom/lat/lon`). */
export const WALL_PARAMS = ['region', 'center', 'zoom', 'map', 'speed', 'window', 'mode', 'end', 'hold', 'at', 'theme', 'poll', 'title', 'png', 'help'] as const;
/** The dashboard's own view parameters: a "Wall view" link carries them, and the wall has no use for them. */
export const DASHBOARD_ONLY_PARAMS = ['sel', 'layers', 'area', 'hist'] as const;

/** Every URL option of the wall, for its /wall?help page and the README: name, value, meaning. */
export const WALL_PARAM_DOCS: readonly [name: string, value: string, meaning: string][] = [
	['from, to', 'YYYY-MM-DD', 'the time range played (default: the data\'s first and last day)'],
	['type, actor, country, place, source, language, q, bbox, undated', 'as on the dashboard', 'the same filters as the dashboard and the export API'],
	['region', 'w,s,e,n', 'fit the map to this box (wins over centre/zoom and map)'],
	['center, zoom', 'lon,lat and 0–22', 'centre and zoom of the map'],
	['map', 'zoom/lat/lon', 'the dashboard\'s camera, as its "Wall view" link passes it (used when center is absent)'],
	['speed', `days per second (${WALL_DEFAULTS.speed})`, 'how fast event time plays'],
	['window', `days (${WALL_DEFAULTS.window})`, 'days shown at once in the moving window, and "recent" in cumulative mode'],
	['mode', `${PLAY_MODES.join(' | ')} (${WALL_DEFAULTS.mode})`, 'a moving window, or everything up to now with the recent days highlighted'],
	['end', `${END_MODES.join(' | ')} (${WALL_DEFAULTS.end})`, 'at the end of the range: start again, or stay on the last frame'],
	['hold', `seconds (${WALL_DEFAULTS.hold})`, 'rest on the last frame before looping'],
	['at', 'YYYY-MM-DD', 'the first cycle starts with this day shown (later cycles start at the beginning)'],
	['theme', `${WALL_THEMES.join(' | ')} (${WALL_DEFAULTS.theme})`, 'dark for a room, light for daylight'],
	['poll', `seconds (${WALL_DEFAULTS.poll})`, 'how often new data are looked for'],
	['title', 'text, ≤ 120 characters', 'a heading for the room'],
	['png', '(no value)', 'a small button in the corner that saves the map as a PNG image (the p key does so on any wall)'],
	['help', '(no value)', 'this page instead of the wall'],
	['sel, layers, area, hist', '(dashboard only)', 'carried by the dashboard\'s link, not used by the wall (with area=view the wall keeps the box of the dashboard\'s view)']
];

function numberParam(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
	const text = params.get(name);
	if (text === null || text.trim() === '') return undefined;
	const n = Number(text);
	if (!Number.isFinite(n)) throw new FilterParamError(name, `expected a number, got ${JSON.stringify(text)}`);
	if (n < min || n > max) throw new FilterParamError(name, `expected a number from ${min} to ${max}, got ${n}`);
	return n;
}

function enumParam<T extends string>(params: URLSearchParams, name: string, values: readonly T[]): T | undefined {
	const text = params.get(name);
	if (text === null || text === '') return undefined;
	const v = text.toLowerCase();
	if (!(values as readonly string[]).includes(v)) {
		throw new FilterParamError(name, `expected one of ${values.join(', ')}, got ${JSON.stringify(text)}`);
	}
	return v as T;
}

/**
 * Reads a wall from query parameters: the shared filter (`from`, `to`, `type`, … see filter.ts) plus
 * `region=w,s,e,n` or `center=lon,lat&zoom=z`, `speed` (days per second), `window` (days),
 * `mode=moving|cumulative`, `end=loop|stop`, `hold` (seconds at the end before looping), `at` (YYYY-MM-DD, where the first cycle starts), `theme=dark|light`, `poll` (seconds), `title`, `png` (a save-as-PNG button).
 * Throws FilterParamError naming the parameter on bad input.
 */
export function parseWallParams(params: URLSearchParams): WallConfig {
	const filter = parseFilterParams(params);
	const config: WallConfig = {
		filter,
		speed: numberParam(params, 'speed', 0.01, 3650) ?? WALL_DEFAULTS.speed,
		window: numberParam(params, 'window', 1, 3650) ?? WALL_DEFAULTS.window,
		mode: enumParam(params, 'mode', PLAY_MODES) ?? WALL_DEFAULTS.mode,
		end: enumParam(params, 'end', END_MODES) ?? WALL_DEFAULTS.end,
		hold: numberParam(params, 'hold', 0, 600) ?? WALL_DEFAULTS.hold,
		theme: enumParam(params, 'theme', WALL_THEMES) ?? WALL_DEFAULTS.theme,
		poll: numberParam(params, 'poll', 1, 600) ?? WALL_DEFAULTS.poll
	};
	const region = params.get('region');
	if (region !== null && region !== '') {
		// The filter's bbox parser already checks order and ranges; reuse it and rename the parameter.
		try {
			config.region = parseFilterParams(new URLSearchParams({ bbox: region })).bbox;
		} catch (err) {
			if (err instanceof FilterParamError) throw new FilterParamError('region', err.message.replace(/^query parameter "bbox": /, ''));
			throw err;
		}
	}
	const center = params.get('center');
	if (center !== null && center !== '') {
		const parts = center.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
		if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) {
			throw new FilterParamError('center', `expected lon,lat (2 numbers), got ${JSON.stringify(center)}`);
		}
		const [lon, lat] = parts as [number, number];
		if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw new FilterParamError('center', 'expected a longitude in -180..180 and a latitude in -90..90');
		config.center = [lon, lat];
	}
	const at = params.get('at');
	if (at !== null && at !== '') {
		if (!isIsoDate(at)) throw new FilterParamError('at', `expected a date written YYYY-MM-DD, got ${JSON.stringify(at)}`);
		config.at = at;
	}
	const zoom = numberParam(params, 'zoom', 0, 22);
	if (zoom !== undefined) config.zoom = zoom;
	const map = params.get('map');
	if (map !== null && map !== '' && !config.center) {
		// The dashboard's camera, `zoom/lat/lon` (OpenStreetMap's order), from its "Wall view" link.
		const parts = map.split('/').map((p) => (p.trim() === '' ? NaN : Number(p)));
		const [z, lat, lon] = parts as [number, number, number];
		if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) throw new FilterParamError('map', `expected zoom/lat/lon, got ${JSON.stringify(map)}`);
		if (z < 0 || z > 22 || lat < -85.06 || lat > 85.06 || lon < -180 || lon > 180) throw new FilterParamError('map', `zoom/lat/lon out of range: ${map}`);
		config.center = [lon, lat];
		if (config.zoom === undefined) config.zoom = z;
	}
	const title = params.get('title');
	if (title !== null && title.trim() !== '') {
		if (title.length > 120) throw new FilterParamError('title', 'longer than 120 characters');
		config.title = title.trim();
	}
	if (params.has('png')) config.png = true;
	return config;
}

const round = (n: number, digits: number) => +n.toFixed(digits);

/** The query string of a wall in a fixed order, leaving out defaults, so equal walls give equal URLs. */
export function wallToParams(config: Partial<WallConfig>): URLSearchParams {
	const params = filterToParams(config.filter ?? {});
	if (config.region) params.set('region', config.region.map((n) => round(n, 5)).join(','));
	if (config.center) params.set('center', config.center.map((n) => round(n, 5)).join(','));
	if (config.zoom !== undefined) params.set('zoom', String(round(config.zoom, 2)));
	for (const key of ['speed', 'window', 'mode', 'end', 'hold', 'theme', 'poll'] as const) {
		const value = config[key];
		if (value !== undefined && value !== WALL_DEFAULTS[key]) params.set(key, String(value));
	}
	if (config.at) params.set('at', config.at);
	if (config.title) params.set('title', config.title);
	if (config.png) params.set('png', '');
	return params;
}

/** What the dashboard knows about its current view; every field optional. */
export type WallView = Partial<WallConfig>;

/**
 * The wall URL (path and query, relative to the app's base) that shows `view`:
 * e.g. `wallUrlFor({ filter, center: [27.5, 53.9], zoom: 6 })` → `/wall?from=…&center=27.5,53.9&zoom=6`.
 */
export function wallUrlFor(view: WallView): string {
	const query = wallToParams(view).toString();
	return query ? `/wall?${query}` : '/wall';
}

/** Query parameters neither the filter nor the wall understands (typos worth a warning, not an error). */
export function unknownWallParams(params: URLSearchParams): string[] {
	const known = new Set<string>([...FILTER_PARAMS, ...WALL_PARAMS, ...DASHBOARD_ONLY_PARAMS]);
	return [...new Set(params.keys())].filter((k) => !known.has(k));
}
