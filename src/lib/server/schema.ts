// Validates uploaded events against geodata/schema/event.schema.json (ajv), naming the feature and the field.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../../geodata/schema/event.schema.json';
import type { ImportIssue } from '$lib/domain/importers';

let validate: ValidateFunction | null = null;

function eventValidator(): ValidateFunction {
	if (!validate) {
		const ajv = new Ajv({ allErrors: true, strict: false });
		ajv.addSchema(schema as object, 'events');
		validate = ajv.getSchema('events#/definitions/event')!;
	}
	return validate;
}

function describe(e: ErrorObject): { field: string; message: string } {
	const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(feature)';
	if (e.keyword === 'additionalProperties') {
		const extra = (e.params as { additionalProperty: string }).additionalProperty;
		return { field: `${field}.${extra}`, message: `unknown property "${extra}"` };
	}
	if (e.keyword === 'required') {
		const missing = (e.params as { missingProperty: string }).missingProperty;
		return { field: field === '(feature)' ? missing : `${field}.${missing}`, message: 'is required' };
	}
	return { field, message: e.message ?? e.keyword };
}

/** Schema problems of one feature (empty when it conforms); at most 5 per feature. */
export function schemaIssues(feature: unknown, index: number): ImportIssue[] {
	const v = eventValidator();
	if (v(feature)) return [];
	const seen = new Set<string>();
	const out: ImportIssue[] = [];
	for (const e of v.errors ?? []) {
		// oneOf on nullable dates reports both branches; keep one line per field.
		if (e.keyword === 'oneOf') continue;
		const { field, message } = describe(e);
		if (seen.has(field)) continue;
		seen.add(field);
		out.push({ feature: index, field, message: `Feature ${index}: field "${field}" ${message}` });
		if (out.length >= 5) break;
	}
	return out;
}
