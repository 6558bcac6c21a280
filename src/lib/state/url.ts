// The dashboard's whole view as a query string and back: camera, time window, filters, selection, layers, playback.
import { filterToParams, parseFilterParams, FILTER_PARAMS, FilterParamError, type EventFilter } from '$lib/domain/filter';
import { TOGGLE_NAMES, type Toggle } from '$lib/map/ids';
import { HIST_BY, type HistBy } from './histgroups';

export type PlayMode = 'moving' | 'cumulative';

export interface Camera {
	lon: number;
	lat: number;
	zoom: number;
}

export interface ViewState {
	camera: Camera | null; // null: fit the data
	/** Filters; `from`/`to` are the time window. */
	filter: EventFilter;
	selected: string | null; // event id
	layers: Record<Toggle, boolean>;
	mode: PlayMode;
	speed: number; // days per second while playing
	/** The filter's bbox follows the map's view ("only events in view"); false: a drawn box, or none. */
	followView: boolean;
	hist: HistBy; // what the timeline's histogram is stacked by
}

export const DEFAULT_LAYERS: Record<Toggle, boolean> = { points: true, density: false, footprints: true, labels: true };
export const SPEEDS = [1, 7, 30, 90] as const;

export function defaultView(): ViewState {
	return { camera: null, filter: {}, selected: null, layers: { ...DEFAULT_LAYERS }, mode: 'moving', speed: 7, followView: false, hist: 'type' };
}

/** Parameters the view uses besides the filter's. */
export const VIEW_PARAMS = ['map', 'sel', 'layers', 'mode', 'speed', 'area', 'hist'] as const;

export interface ParsedView {
	view: ViewState;
	/** Problems found (the bad parameter is ignored so the page still opens). */
	errors: string[];
}

function parseCamera(text: string): Camera {
	// `zoom/lat/lon`, the order OpenStreetMap uses in its #map= fragment.
	const parts = text.split('/').map(Number);
	const [zoom, lat, lon] = parts as [number, number, number];
	if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) throw new FilterParamError('map', `expected zoom/lat/lon, got ${JSON.stringify(text)}`);
	if (zoom < 0 || zoom > 22 || lat < -85.06 || lat > 85.06 || lon < -180 || lon > 180) throw new FilterParamError('map', `zoom/lat/lon out of range: ${text}`);
	return { zoom, lat, lon };
}

/** Reads a view from a query string; a bad parameter is reported in `errors` and left at its default. */
export function parseViewParams(params: URLSearchParams): ParsedView {
	const view = defaultView();
	const errors: string[] = [];
	try {
		view.filter = parseFilterParams(params);
	} catch (err) {
		if (!(err instanceof FilterParamError)) throw err;
		errors.push(err.message);
		// Keep the good parameters: drop the bad one and parse again.
		const rest = new URLSearchParams(params);
		rest.delete(err.param);
		if (err.param === 'from') rest.delete('to');
		return mergeErrors(parseViewParams(rest), errors);
	}
	const map = params.get('map');
	if (map) {
		try {
			view.camera = parseCamera(map);
		} catch (err) {
			errors.push((err as Error).message);
		}
	}
	const sel = params.get('sel');
	if (sel) view.selected = sel;
	const layers = params.get('layers');
	if (layers !== null) {
		const on = layers.split(',').filter(Boolean);
		const unknown = on.filter((l) => !(TOGGLE_NAMES as string[]).includes(l));
		if (unknown.length) errors.push(`query parameter "layers": unknown layer ${JSON.stringify(unknown[0])} (expected ${TOGGLE_NAMES.join(', ')})`);
		for (const t of TOGGLE_NAMES) view.layers[t] = on.includes(t);
	}
	const mode = params.get('mode');
	if (mode === 'moving' || mode === 'cumulative') view.mode = mode;
	else if (mode) errors.push(`query parameter "mode": expected moving or cumulative, got ${JSON.stringify(mode)}`);
	const speed = params.get('speed');
	if (speed) {
		const n = Number(speed);
		if (Number.isFinite(n) && n > 0 && n <= 3650) view.speed = n;
		else errors.push(`query parameter "speed": expected days per second (0–3650), got ${JSON.stringify(speed)}`);
	}
	const area = params.get('area');
	if (area === 'view') view.followView = true;
	else if (area) errors.push(`query parameter "area": expected view (the box follows the map), got ${JSON.stringify(area)}`);
	const hist = params.get('hist');
	if ((HIST_BY as readonly string[]).includes(hist ?? '')) view.hist = hist as HistBy;
	else if (hist) errors.push(`query parameter "hist": expected ${HIST_BY.join(', ')}, got ${JSON.stringify(hist)}`);
	return { view, errors };
}

function mergeErrors(parsed: ParsedView, errors: string[]): ParsedView {
	return { view: parsed.view, errors: [...errors, ...parsed.errors] };
}

function sameLayers(a: Record<Toggle, boolean>, b: Record<Toggle, boolean>): boolean {
	return TOGGLE_NAMES.every((t) => a[t] === b[t]);
}

/** The query string of a view, in a fixed order; defaults are left out so short views give short URLs. */
export function viewToParams(view: ViewState): URLSearchParams {
	const params = filterToParams(view.filter);
	if (view.camera) {
		const { zoom, lat, lon } = view.camera;
		params.set('map', `${+zoom.toFixed(2)}/${+lat.toFixed(4)}/${+lon.toFixed(4)}`);
	}
	if (view.selected) params.set('sel', view.selected);
	if (!sameLayers(view.layers, DEFAULT_LAYERS)) params.set('layers', TOGGLE_NAMES.filter((t) => view.layers[t]).join(','));
	if (view.mode !== 'moving') params.set('mode', view.mode);
	if (view.speed !== 7) params.set('speed', String(view.speed));
	if (view.followView) params.set('area', 'view');
	if (view.hist !== 'type') params.set('hist', view.hist);
	return params;
}

/** True when a query parameter belongs to the view (the filter's or the view's own). */
export function isViewParam(name: string): boolean {
	return (FILTER_PARAMS as readonly string[]).includes(name) || (VIEW_PARAMS as readonly string[]).includes(name);
}

/**
 * The dashboard's URL for a view another page carries in its `view` parameter (the full-article page: its back
 * link and evidence links return to the map as the analyst left it). The text is parsed like the dashboard's own
 * query, so a bad or foreign parameter is dropped, never passed on; `select` selects another event.
 */
export function dashboardHref(view: string | null, select?: string): string {
	const { view: parsed } = parseViewParams(new URLSearchParams(view ?? ''));
	const params = viewToParams(select ? { ...parsed, selected: select } : parsed);
	for (const name of [...params.keys()]) if (!isViewParam(name)) params.delete(name);
	const q = params.toString();
	return q ? `/?${q}` : '/';
}
