// Event extraction on a dev set of gold events (default ../shared/bench/events-dev): place and date recall.
// Reads the set in place; prints figures and every missed gold event with what the pipeline produced instead.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import { multiLineString, point } from '@turf/helpers';
import type { EventFeature } from '../src/lib/domain/event';
import { loadGazetteer, type Gazetteer } from '../src/lib/server/gazetteer/index';
import { ingestArticleText } from '../src/lib/server/pipeline/ingest';

export interface GoldEvent {
	file: string;
	date: string; // YYYY-MM-DD | YYYY-MM | YYYY
	date_precision: 'day' | 'month' | 'year';
	place: string;
	lat: number;
	lon: number;
	place_kind: 'city' | 'site' | 'region' | 'border' | 'country';
	summary: string;
	evidence: string;
}

export interface EventsResult {
	articles: number;
	gold: number;
	produced: number;
	placeRecall: number;
	placeDateRecall: number;
	precision: number;
	countryShare: number;
	eventsPerArticle: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** Place tolerance by the gold place's kind (the dev set's scoring guidance). */
const KM: Record<GoldEvent['place_kind'], number> = { city: 30, site: 40, border: 40, region: 150, country: 450 };

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const r = Math.PI / 180;
	const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A gold date as a closed day interval. */
function interval(date: string): [string, string] {
	if (date.length === 10) return [date, date];
	if (date.length === 7) {
		const [y, m] = date.split('-').map(Number) as [number, number];
		const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
		return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
	}
	return [`${date}-01-01`, `${date}-12-31`];
}

/** Distance (km) from a produced event to the gold place; for a border, to the named border line. */
function placeDistance(g: GoldEvent, e: EventFeature, gaz: Gazetteer): number {
	const [lon, lat] = e.geometry.coordinates as [number, number];
	if (g.place_kind === 'border') {
		const sides = g.place.replace(/\s+border.*$/i, '').split(/[–-]/).map((s) => gaz.search(s.trim(), 5).find((p) => p.kind === 'country'));
		if (sides.length === 2 && sides[0] && sides[1]) {
			const id = `border:${[sides[0].country_codes[0], sides[1].country_codes[0]].sort().join('-')}`;
			const shape = gaz.shapeOf(id);
			if (shape && (shape.type === 'LineString' || shape.type === 'MultiLineString')) {
				const parts = shape.type === 'LineString' ? [shape.coordinates] : shape.coordinates;
				const line = multiLineString(parts);
				return nearestPointOnLine(line, point([lon, lat]), { units: 'kilometers' }).properties.dist ?? Infinity;
			}
		}
	}
	return km(g.lat, g.lon, lat, lon);
}

function datesOverlap(g: GoldEvent, e: EventFeature): boolean {
	const [a, b] = interval(g.date);
	const p = e.properties;
	if (!p.date_start || !p.date_end) return false;
	return p.date_start <= b && p.date_end >= a;
}

/** The produced interval lies inside the gold one: the date is as exact as the gold's, not a wider guess that overlaps it. */
function dateWithin(g: GoldEvent, e: EventFeature): boolean {
	const [a, b] = interval(g.date);
	const p = e.properties;
	return !!p.date_start && !!p.date_end && p.date_start >= a && p.date_end <= b;
}

/** Greedy one-to-one matching: each gold event takes the nearest unused produced event that satisfies `ok`. */
function match(gold: GoldEvent[], produced: EventFeature[], ok: (g: GoldEvent, e: EventFeature) => boolean, gaz: Gazetteer): Map<GoldEvent, EventFeature> {
	const pairs: { g: GoldEvent; e: EventFeature; d: number }[] = [];
	for (const g of gold) for (const e of produced) if (ok(g, e)) pairs.push({ g, e, d: placeDistance(g, e, gaz) });
	pairs.sort((x, y) => x.d - y.d);
	const out = new Map<GoldEvent, EventFeature>();
	const used = new Set<EventFeature>();
	for (const { g, e } of pairs) {
		if (out.has(g) || used.has(e)) continue;
		out.set(g, e);
		used.add(e);
	}
	return out;
}

const short = (e: EventFeature): string => {
	const p = e.properties;
	return `${p.date ?? '?'}/${p.date_precision} ${p.event_type} @ ${p.place_name} (${p.place_kind}) «${p.evidence.slice(0, 70).replace(/\s+/g, ' ')}»`;
};

export async function benchEvents(dir = process.env.EVENTS_DEV ?? path.resolve(here, '../../shared/bench/events-dev'), opts: { quiet?: boolean } = {}): Promise<EventsResult> {
	const gaz = loadGazetteer();
	const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as GoldEvent[];
	const files = readdirSync(path.join(dir, 'articles')).filter((f) => f.endsWith('.md')).sort();
	const byFile = new Map<string, EventFeature[]>();
	const languageOf = new Map<string, string>();
	for (const f of files) {
		const r = ingestArticleText(readFileSync(path.join(dir, 'articles', f)), f, gaz);
		byFile.set(f, r.events);
		languageOf.set(f, r.article.meta.language.split('-')[0]!);
	}
	/** Per language: gold events, place + date hits, produced events, country-level ones. */
	const perLanguage = new Map<string, { gold: number; both: number; produced: number; country: number }>();
	const tally = (f: string) => {
		const lang = languageOf.get(f)!;
		let t = perLanguage.get(lang);
		if (!t) perLanguage.set(lang, (t = { gold: 0, both: 0, produced: 0, country: 0 }));
		return t;
	};
	let placeHits = 0;
	let bothHits = 0;
	let exactHits = 0;
	let matchedProduced = 0;
	const misses: string[] = [];
	for (const f of files) {
		const g = gold.filter((x) => x.file === f);
		const p = byFile.get(f)!;
		const near = (x: GoldEvent, e: EventFeature) => placeDistance(x, e, gaz) <= KM[x.place_kind];
		const placeOnly = match(g, p, near, gaz);
		const both = match(g, p, (x, e) => near(x, e) && datesOverlap(x, e), gaz);
		exactHits += match(g, p, (x, e) => near(x, e) && dateWithin(x, e), gaz).size;
		placeHits += placeOnly.size;
		bothHits += both.size;
		const t = tally(f);
		t.gold += g.length;
		t.both += both.size;
		t.produced += p.length;
		t.country += p.filter((e) => e.properties.place_kind === 'country').length;
		matchedProduced += both.size;
		for (const x of g) {
			if (both.has(x)) continue;
			const why = placeOnly.has(x) ? 'date' : 'place';
			const closest = [...p].sort((a, b) => placeDistance(x, a, gaz) - placeDistance(x, b, gaz)).slice(0, 2);
			misses.push(
				`MISS (${why}) ${f} ${x.date}/${x.date_precision} ${x.place} [${x.place_kind}] «${x.evidence.slice(0, 60)}»\n` +
					(closest.length ? closest.map((e) => `    nearest: ${Math.round(placeDistance(x, e, gaz))} km ${short(e)}`).join('\n') : '    (no events from this file)')
			);
		}
	}
	const produced = [...byFile.values()].flat();
	const country = produced.filter((e) => e.properties.place_kind === 'country').length;
	const result: EventsResult = {
		articles: files.length,
		gold: gold.length,
		produced: produced.length,
		placeRecall: placeHits / gold.length,
		placeDateRecall: bothHits / gold.length,
		precision: matchedProduced / Math.max(1, produced.length),
		countryShare: country / Math.max(1, produced.length),
		eventsPerArticle: produced.length / Math.max(1, files.length)
	};
	if (!opts.quiet) {
		console.log(`dev set: ${dir} (${files.length} articles, ${gold.length} gold events)`);
		console.log(`place recall          ${placeHits}/${gold.length} = ${result.placeRecall.toFixed(2)}`);
		console.log(`place + date recall   ${bothHits}/${gold.length} = ${result.placeDateRecall.toFixed(2)}   (target ≥ 0.85)`);
		console.log(`  … date as exact as gold ${exactHits}/${gold.length} = ${(exactHits / gold.length).toFixed(2)}   (the produced interval inside the gold one)`);
		console.log(`precision (matched)   ${matchedProduced}/${produced.length} = ${result.precision.toFixed(2)}`);
		console.log(`country-level events  ${country}/${produced.length} = ${(result.countryShare * 100).toFixed(1)} %   (target ≤ 25 %)`);
		console.log(`events per article    ${result.eventsPerArticle.toFixed(1)}`);
		if (perLanguage.size > 1)
			for (const [lang, t] of [...perLanguage].sort())
				console.log(`  ${lang}: place + date ${t.both}/${t.gold} = ${(t.both / Math.max(1, t.gold)).toFixed(2)}, country-level ${t.country}/${t.produced}`);
		for (const m of misses) console.log(m);
		if (process.env.EVENTS_VERBOSE) for (const [f, evs] of byFile) for (const e of evs) console.log(`  ${f} ${short(e)}`);
	}
	return result;
}
