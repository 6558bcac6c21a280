// POST /api/corrections: add an event by hand ({op:"add", feature}) or undo a change ({op:"undo", undoes}).
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { parseAuthor, parseEventFeature, FieldError } from '$lib/domain/importers';
import { answer, readJson, requestId } from '$lib/server/http';
import { unknownProperties } from '$lib/server/schema';
import { commit, StorageError } from '$lib/server/storage';

export const POST: RequestHandler = ({ request, url }) =>
	answer(async () => {
		const body = await readJson(request, url.pathname);
		const author = parseAuthor(body.author);
		const note = typeof body.note === 'string' ? body.note.slice(0, 500) : undefined;
		if (body.op === 'add') {
			const unknown = unknownProperties(body.feature)[0];
			if (unknown !== undefined) throw new FieldError(`feature.properties.${unknown}`, 'is not a property of an event (see geodata/README.md)');
			let feature;
			try {
				feature = parseEventFeature(body.feature);
			} catch (err) {
				if (err instanceof FieldError) throw new FieldError(`feature.${err.field}`, err.message.replace(/^field "[^"]*": /, ''));
				throw err;
			}
			const res = await commit([{ op: 'add', event_id: feature.properties.id, feature, note }], { author, request: requestId(request) });
			const id = feature.properties.id;
			return json({ applied: res.applied, event: res.events[id]?.feature ?? null, version: res.events[id]?.version ?? null }, { status: 201 });
		}
		if (body.op === 'undo') {
			if (typeof body.undoes !== 'string') throw new FieldError('undoes', 'must name the id of the change to undo');
			const res = await commit([{ op: 'undo', undoes: body.undoes, note }], { author, request: requestId(request) });
			const id = res.applied[0]!.event_id;
			return json({ applied: res.applied, event: res.events[id]?.feature ?? null, version: res.events[id]?.version ?? null });
		}
		throw new StorageError(400, 'op must be "add" or "undo" here; edit an event with PATCH /api/corrections/<id> and delete it with DELETE.');
	});
