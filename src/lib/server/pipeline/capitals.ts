// "in the capital" without a name: the capital city of the country the article is about, from world-countries.
import { createRequire } from 'node:module';
import type { Place } from '../../domain/place';
import type { Gazetteer } from './types';

const require = createRequire(import.meta.url);
let names: Map<string, string> | null = null;

/** The capital of a country (ISO3) as a gazetteer place, or null when the gazetteer does not know it. */
const found = new WeakMap<Gazetteer, Map<string, Place | null>>();

export function capitalOf(code: string, gazetteer: Gazetteer): Place | null {
	let cache = found.get(gazetteer);
	if (!cache) found.set(gazetteer, (cache = new Map()));
	if (cache.has(code)) return cache.get(code)!;
	const place = lookUp(code, gazetteer);
	cache.set(code, place);
	return place;
}

function lookUp(code: string, gazetteer: Gazetteer): Place | null {
	names ??= new Map((require('world-countries') as { cca3: string; capital?: string[] }[]).filter((c) => c.capital?.[0]).map((c) => [c.cca3, c.capital![0]!]));
	const name = names.get(code);
	if (!name) return null;
	const key = name.toLowerCase();
	return gazetteer.search(name, 10).find((p) => p.kind === 'city' && p.country_codes.includes(code) && p.name.toLowerCase() === key) ?? gazetteer.search(name, 10).find((p) => p.kind === 'city' && p.country_codes.includes(code)) ?? null;
}
