// GET /api/events.csv with the same filter parameters as /api/events.geojson → the filtered events as CSV.
import { exportResponse } from '$lib/server/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => exportResponse(url, 'csv');
