// Export builders shared by the page's download button and the /api/events.{geojson,csv} endpoints.
import type { EventFeature, EventProperties } from '$lib/domain/event';
import type { EventFilter } from '$lib/domain/filter';

/** Property columns in the order of the event model, so every export reads the same in GDAL/QGIS. */
export const EXPORT_COLUMNS: (keyof EventProperties)[] = [
	'id', 'date', 'date_start', 'date_end', 'date_precision', 'date_text', 'event_type', 'summary', 'actors',
	'place_id', 'place_name', 'place_text', 'place_kind', 'country_codes', 'geo_precision', 'geonames_id',
	'evidence', 'evidence_start', 'evidence_end', 'language', 'source_id', 'source_title', 'source_publisher',
	'source_url', 'source_published', 'confidence'
];

function roundCoord(n: number): number {
	return Math.round(n * 1e6) / 1e6;
}

/** One feature with properties in column order and coordinates at 1e-6° (about 10 cm). */
export function exportFeature(f: EventFeature): EventFeature {
	const props = {} as Record<string, unknown>;
	for (const k of EXPORT_COLUMNS) props[k] = f.properties[k] ?? null;
	const [lon, lat] = f.geometry.coordinates as [number, number];
	return { type: 'Feature', id: f.properties.id, geometry: { type: 'Point', coordinates: [roundCoord(lon), roundCoord(lat)] }, properties: props as unknown as EventProperties };
}

/** A GeoJSON FeatureCollection text of the events, with all provenance properties, stable key order. */
export function toGeoJSON(features: readonly EventFeature[]): string {
	return [...geoJsonPieces(features)].join('');
}

/** toGeoJSON's text in pieces (its first line, each feature with its separator, its end), for a server to stream. */
export function* geoJsonPieces(features: readonly EventFeature[]): Generator<string> {
	yield '{"type":"FeatureCollection","features":[\n';
	for (let i = 0; i < features.length; i++) yield `${i ? ',\n' : ''}${JSON.stringify(exportFeature(features[i]!))}`;
	yield '\n]}\n';
}

const FORMULA = /^[=+\-@\t\r]/;
/** A spreadsheet would run `=…`, `+…`, `-…`, `@…` as a formula: article text is data, so quote it as text. */
const asText = (s: string): string => (FORMULA.test(s) ? `'${s}` : s);

/**
 * One CSV cell. Text is neutralised; so is every item of a list (actors, country codes), since a spreadsheet that
 * splits on ";" (the CSV separator in many locales) would read each item as a cell of its own.
 */
function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = Array.isArray(value) ? value.map((v) => asText(String(v))).join(';') : typeof value === 'string' ? asText(value) : String(value);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF rows), columns `lon,lat` then every property; list values are joined with ";". */
export function toCSV(features: readonly EventFeature[]): string {
	return [...csvPieces(features)].join('');
}

/** toCSV's text in pieces (one row each, with its CRLF), for a server to stream. */
export function* csvPieces(features: readonly EventFeature[]): Generator<string> {
	yield `${['lon', 'lat', ...EXPORT_COLUMNS].join(',')}\r\n`;
	for (const f of features) {
		const [lon, lat] = f.geometry.coordinates as [number, number];
		yield `${[roundCoord(lon), roundCoord(lat), ...EXPORT_COLUMNS.map((k) => f.properties[k])].map(csvCell).join(',')}\r\n`;
	}
}

/** A file name that says what the view was: `events_2022-02-01_2022-03-01_ASSAULT-PROTEST_BLR`, safe characters only. */
export function exportFileName(filter: EventFilter, ext: 'geojson' | 'csv'): string {
	const parts = ['events'];
	if (filter.from || filter.to) parts.push(filter.from ?? 'start', filter.to ?? 'end');
	if (filter.types?.length) parts.push([...filter.types].sort().join('-'));
	if (filter.countries?.length) parts.push([...filter.countries].sort().join('-'));
	if (filter.languages?.length) parts.push([...filter.languages].sort().join('-'));
	if (filter.sources?.length) parts.push(filter.sources.length === 1 ? filter.sources[0]! : `${filter.sources.length}-sources`);
	if (filter.actors?.length) parts.push(filter.actors.length === 1 ? filter.actors[0]! : `${filter.actors.length}-actors`);
	if (filter.places?.length) parts.push(filter.places.length === 1 ? filter.places[0]! : `${filter.places.length}-places`);
	if (filter.q) parts.push(`q-${filter.q}`);
	if (filter.bbox) parts.push(`box-${filter.bbox.map((n) => +n.toFixed(2)).join('_')}`);
	const name = parts.join('_').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-+/g, '-').slice(0, 150);
	return `${name}.${ext}`;
}
