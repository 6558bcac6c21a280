// The spatial filter's box on the map: a view or a drag turned into a valid [w, s, e, n], and its outline layers.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { BBox } from '$lib/domain/filter';
import { LAYER, SOURCE } from './ids';
import type { MapTheme } from './theme';

/** Degrees to 1e-5 (about 1 m), as the URL writes them: the page filters with exactly the box it shares. */
const round = (n: number): number => Math.round(n * 1e5) / 1e5 + 0; // + 0: no -0 in a URL

/** A longitude of any world copy brought into -180..180 (180 itself stays 180). */
function wrapLon(lon: number): number {
	if (lon >= -180 && lon <= 180) return lon;
	return ((((lon + 180) % 360) + 360) % 360) - 180;
}

const clampLat = (lat: number): number => Math.min(90, Math.max(-90, lat));

/**
 * The filter box for a span of the map, [west, south, east, north], in the ranges the filter accepts: latitudes
 * clamped to ±90; longitudes of a world copy wrapped into ±180, so a span across the antimeridian gives west > east
 * (which inBBox reads as crossing 180°); a span of 360° or more (the world view, zoomed out) is the whole -180..180.
 */
export function spanBBox(west: number, south: number, east: number, north: number): BBox {
	if (east < west) [west, east] = [east, west];
	if (south > north) [south, north] = [north, south];
	const s = round(clampLat(south));
	const n = round(clampLat(north));
	if (east - west >= 360) return [-180, s, 180, n];
	let w = round(wrapLon(west));
	let e = round(wrapLon(east));
	// A span ending exactly on 180° of the next world copy is that edge, not -180 (which would cross the whole world).
	if (e === -180 && east > west) e = 180;
	if (w === 180 && east > west) w = -180;
	return [w, s, e, n];
}

/** The box between two corners of a drag (in either order, on any world copy). */
export function cornersBBox(a: readonly [number, number], b: readonly [number, number]): BBox {
	return spanBBox(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
}

/** Whether a box crosses the antimeridian (west > east). */
export function crossesAntimeridian([w, , e]: BBox): boolean {
	return w > e;
}

/** The box as a closed rectangle; one that crosses 180° is drawn eastward past 180 (MapLibre draws the next world copy). */
export function bboxFeature(bbox: BBox): Feature<Polygon> {
	const [w, s, , n] = bbox;
	const e = crossesAntimeridian(bbox) ? bbox[2] + 360 : bbox[2];
	return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
}

/** The area source's data: the box, or nothing. */
export function areaData(bbox: BBox | null | undefined): FeatureCollection<Polygon> {
	return { type: 'FeatureCollection', features: bbox ? [bboxFeature(bbox)] : [] };
}

/** A faint fill and a dashed outline over the basemap, under the events (which the overlay canvas draws above). */
export function areaLayers(theme: MapTheme): LayerSpecification[] {
	return [
		{ id: LAYER.areaFill, type: 'fill', source: SOURCE.area, paint: { 'fill-color': theme.area, 'fill-opacity': 0.06 } },
		{ id: LAYER.areaLine, type: 'line', source: SOURCE.area, paint: { 'line-color': theme.area, 'line-width': 2 * theme.scale, 'line-dasharray': [3, 2] } }
	];
}

/** The box in words for a chip or a label: "23.1°E – 30.2°E, 50.1°N – 54.3°N". */
export function bboxLabel([w, s, e, n]: BBox): string {
	const lon = (x: number) => `${Math.abs(+x.toFixed(2))}°${x < 0 ? 'W' : 'E'}`;
	const lat = (y: number) => `${Math.abs(+y.toFixed(2))}°${y < 0 ? 'S' : 'N'}`;
	return `${lon(w)} – ${lon(e)}, ${lat(s)} – ${lat(n)}`;
}
