// POST /api/import?name=FILE&mode=preview|merge[&author=NAME]: a GeoJSON FeatureCollection or ACLED-style CSV
// (raw bytes as the body, with a Content-Type of ACCEPTED_TYPES) → validated, mapped to our schema, de-duplicated; merged only when it has no errors.
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import countries from 'i18n-iso-countries';
import { decodeText, parseAuthor, parseImport, planMerge, type ImportIssue } from '$lib/domain/importers';
import { answer, bodyLimit, drain, fail, readBytes, requestId } from '$lib/server/http';
import { schemaIssues } from '$lib/server/schema';
import { forEachSliced } from '$lib/server/slices';
import { commit, readState, StorageError } from '$lib/server/storage';

const MAX_LISTED = 200;

/** The file is the raw body; these types say so (the import page sends application/octet-stream). */
const ACCEPTED_TYPES = ['application/octet-stream', 'text/csv', 'text/plain', 'application/json', 'application/geo+json'];

/** Why the body cannot be the upload: no Content-Type (the server then passes no body on at all) or a form. */
function contentTypeProblem(request: Request): string | null {
	const type = request.headers.get('content-type');
	const list = ACCEPTED_TYPES.join(', ');
	if (type === null || type.trim() === '') return `The upload has no Content-Type header, so its body is not read; send the file as the request body with Content-Type ${list}.`;
	const mime = type.split(';')[0]!.trim().toLowerCase();
	if (!ACCEPTED_TYPES.includes(mime)) return `Content-Type ${mime} is not accepted: send the file itself as the request body with Content-Type ${list}.`;
	return null;
}

export const POST: RequestHandler = ({ request, url }) =>
	answer(async () => {
		const name = (url.searchParams.get('name') ?? 'upload').slice(0, 200);
		const mode = url.searchParams.get('mode') ?? 'preview';
		if (mode !== 'preview' && mode !== 'merge') throw new StorageError(400, 'mode must be "preview" or "merge".');
		if (!/\.(geojson|json|csv)$/i.test(name)) {
			throw new StorageError(415, `"${name}" is not a .geojson, .json or .csv file; import a GeoJSON FeatureCollection or an ACLED-style CSV.`);
		}
		const typeProblem = contentTypeProblem(request);
		if (typeProblem) {
			await drain(request);
			throw new StorageError(415, typeProblem);
		}
		const author = mode === 'merge' ? parseAuthor(url.searchParams.get('author')) : null;
		const bytes = await readBytes(request, bodyLimit(url.pathname));
		if (bytes.byteLength === 0) throw new StorageError(400, `"${name}" is empty.`);
		let text: string;
		try {
			text = decodeText(bytes, `"${name}"`);
		} catch (err) {
			throw new StorageError(400, (err as Error).message);
		}
		const result = parseImport(text, name, (n) => countries.numericToAlpha3(n));
		const errors: ImportIssue[] = [...result.errors];
		if (result.format === 'geojson' && errors.every((e) => e.feature !== null)) {
			// The raw features against the published schema too (types, required and unknown fields).
			const raw = (JSON.parse(text) as { features: unknown[] }).features;
			// Features the parser refused are reported once already; check the others against the schema.
			const refused = new Set(errors.map((e) => e.feature));
			await forEachSliced(raw, (f, i) => {
				if (!refused.has(i)) errors.push(...schemaIssues(f, i));
			});
			errors.sort((a, b) => (a.feature ?? -1) - (b.feature ?? -1));
		} else if (result.format === 'acled-csv') {
			await forEachSliced(result.features, (f, i) => errors.push(...schemaIssues(f, i).map((e) => ({ ...e, message: `Row ${i + 1} (mapped): ${e.message}` }))));
		}
		const state = await readState();
		const plan = planMerge(state.events, result.features);
		const summary = {
			format: result.format,
			file: name,
			total: result.features.length + errors.filter((e) => e.feature !== null).length,
			fresh_count: plan.fresh.length,
			duplicates: plan.duplicates.slice(0, MAX_LISTED),
			duplicate_count: plan.duplicates.length,
			errors: errors.slice(0, MAX_LISTED),
			error_count: errors.length
		};
		if (errors.length) {
			return fail(422, `${errors.length} problem(s) in "${name}"; nothing was imported. Fix them and upload again. First: ${errors[0]!.message}`, summary);
		}
		if (mode === 'preview') return json({ ...summary, preview: plan.fresh.slice(0, 5000) });
		const res = await commit(
			plan.fresh.map((f) => ({ op: 'add' as const, event_id: f.properties.id, feature: f, note: `imported from ${name}` })),
			{ author: author!, onExisting: 'skip', request: requestId(request), eventResults: false }
		);
		return json({ ...summary, added: res.applied.length }, { status: 201 });
	});
