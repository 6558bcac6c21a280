// GET /api/events.geojson?from=&to=&type=&actor=&country=&place=&source=&language=&q=&bbox= → the filtered events, as a download.
import { exportResponse } from '$lib/server/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => exportResponse(url, 'geojson');
