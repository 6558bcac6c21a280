// Validates events against geodata/schema/event.schema.json (ajv) and the rules between fields, naming the field.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../../geodata/schema/event.schema.json';
import { CONTROL_CHAR, controlCharProblem, type ImportIssue } from '$lib/domain/importers';

let validate: ValidateFunction | null = null;

/** The property names an event has. */
const KNOWN = new Set(Object.keys((schema as unknown as { definitions: { event: { properties: { properties: { properties: object } } } } }).definitions.event.properties.properties.properties));

function eventValidator(): ValidateFunction {
	if (!validate) {
		const ajv = new Ajv({ allErrors: true, strict: false });
		ajv.addSchema(schema as object, 'events');
		validate = ajv.getSchema('events#/definitions/event')!;
	}
	return validate;
}

function describe(e: ErrorObject): EventIssue {
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

/** One line per field (oneOf on nullable dates reports both branches). */
function describeAll(errors: readonly ErrorObject[]): EventIssue[] {
	const seen = new Set<string>();
	const out: EventIssue[] = [];
	for (const e of errors) {
		if (e.keyword === 'oneOf') continue;
		const issue = describe(e);
		if (seen.has(issue.field)) continue;
		seen.add(issue.field);
		out.push(issue);
	}
	return out;
}

/** Schema problems of one feature (empty when it conforms); at most 5 per feature. */
export function schemaIssues(feature: unknown, index: number): ImportIssue[] {
	const v = eventValidator();
	if (v(feature)) return [];
	return describeAll(v.errors ?? [])
		.slice(0, 5)
		.map(({ field, message }) => ({ feature: index, field, message: `Feature ${index}: field "${field}" ${message}` }));
}

export interface EventIssue {
	field: string;
	message: string;
}


/** Rules between fields that the JSON Schema cannot state: the dates agree, and no text holds control characters. */
function consistencyIssues(properties: Record<string, unknown>): EventIssue[] {
	const out: EventIssue[] = [];
	const { date, date_start, date_end, date_precision, evidence_start, evidence_end } = properties;
	const dates = { date, date_start, date_end };
	for (const [k, v] of Object.entries(dates)) {
		if (date_precision === 'unknown' && v !== null) out.push({ field: `properties.${k}`, message: 'must be null when date_precision is "unknown"' });
		if (date_precision !== 'unknown' && v === null) out.push({ field: `properties.${k}`, message: `is null but date_precision is ${JSON.stringify(date_precision)}` });
	}
	if (typeof date_start === 'string' && typeof date_end === 'string' && date_start > date_end) {
		out.push({ field: 'properties.date_end', message: `${date_end} is before date_start ${date_start}` });
	} else if (typeof date === 'string' && ((typeof date_start === 'string' && date < date_start) || (typeof date_end === 'string' && date > date_end))) {
		out.push({ field: 'properties.date', message: `${date} is outside date_start…date_end` });
	}
	if (typeof evidence_start === 'number' && typeof evidence_end === 'number' && evidence_end < evidence_start) {
		out.push({ field: 'properties.evidence_end', message: 'is before evidence_start' });
	}
	for (const [k, v] of Object.entries(properties)) {
		const bad = (Array.isArray(v) ? v : [v]).find((s): s is string => typeof s === 'string' && CONTROL_CHAR.test(s));
		if (bad !== undefined) out.push({ field: `properties.${k}`, message: controlCharProblem(bad)!.replace(/ at position \d+$/, '') });
	}
	return out;
}

/**
 * Every reason a stored event would be invalid: the JSON Schema (geodata/schema/event.schema.json), then the rules
 * between fields. What each write path checks the resulting event against (storage.commit).
 */
export function eventIssues(feature: unknown): EventIssue[] {
	const v = eventValidator();
	if (!v(feature)) return describeAll(v.errors ?? []);
	return consistencyIssues((feature as { properties: Record<string, unknown> }).properties);
}

/** Property names of a raw feature that an event does not have (parsers drop them; callers should refuse them). */
export function unknownProperties(raw: unknown): string[] {
	const props = (raw as { properties?: unknown } | null)?.properties;
	if (!props || typeof props !== 'object' || Array.isArray(props)) return [];
	return Object.keys(props).filter((k) => !KNOWN.has(k));
}
