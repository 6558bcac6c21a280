// kill -9 before every file operation of a multi-file commit: after a restart the data are the whole old or the
// whole new state, the correction log and events.geojson agree, and a retried request is not applied twice.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyCorrections, type CorrectionLog } from '$lib/domain/corrections';
import type { EventFeature } from '$lib/domain/event';
import { loadGazetteer } from '$lib/server/gazetteer';
import { buildPlaces, serializePlaces } from '$lib/server/pipeline/output';
import { commit, formatEvents, type CommitOptions, type ProposedCorrection } from '$lib/server/storage';
import { init } from '../../src/hooks.server';
import { manyEvents, sampleEvent } from './http-fixtures';

const TSX = path.resolve('node_modules/.bin/tsx');
const CHILD = path.resolve('tests/fixtures/storage/commit-child.ts');
const EMPTY_LOG = '{"version":1,"corrections":[\n\n]}\n';

let work: string;
beforeAll(() => {
	work = mkdtempSync(path.join(tmpdir(), 'commit-crash-'));
	vi.spyOn(console, 'warn').mockImplementation(() => {}); // the restarts report what they recovered
});
afterAll(() => {
	rmSync(work, { recursive: true, force: true });
	delete process.env.GEODATA_DIR;
});

/** Every file under `dir`, relative path → text. */
function files(dir: string, sub = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const name of readdirSync(path.join(dir, sub))) {
		const rel = path.join(sub, name);
		if (statSync(path.join(dir, rel)).isDirectory()) for (const [k, v] of files(dir, rel)) out.set(k, v);
		else out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
	}
	return out;
}

interface Scenario {
	/** The data folder before the commit. */
	base: string;
	events: EventFeature[];
	request: { proposed: ProposedCorrection[]; opts: CommitOptions };
}

function scenario(name: string, events: EventFeature[], request: Scenario['request'], withPlaces: boolean): Scenario {
	const base = path.join(work, name);
	mkdirSync(base);
	writeFileSync(path.join(base, 'events.geojson'), formatEvents(events));
	writeFileSync(path.join(base, 'corrections.json'), EMPTY_LOG);
	if (withPlaces) writeFileSync(path.join(base, 'places.geojson'), serializePlaces(buildPlaces(events, loadGazetteer())));
	return { base, events, request };
}

/** Runs the commit in a child process that SIGKILLs itself before its `killAt`-th file-system change (0: never). */
function runCommit(s: Scenario, dir: string, killAt: number): { killed: boolean; mutations: number } {
	const requestFile = path.join(work, `${path.basename(dir)}.request.json`);
	writeFileSync(requestFile, JSON.stringify(s.request));
	const r = spawnSync(TSX, [CHILD], {
		encoding: 'utf8',
		env: { ...process.env, TZ: 'UTC', GEODATA_DIR: dir, REQUEST_FILE: requestFile, KILL_AT: String(killAt) },
		timeout: 120_000
	});
	if (r.signal === 'SIGKILL' || r.status === 128 + 9) return { killed: true, mutations: killAt }; // tsx relays the signal as 137
	if (r.status !== 0) throw new Error(`the commit failed (${r.status ?? r.signal ?? r.error}): ${r.stderr}${r.stdout}`);
	return { killed: false, mutations: (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { mutations: number }).mutations };
}

/** What the server does when it starts again on `dir`. */
async function restart(dir: string): Promise<void> {
	process.env.GEODATA_DIR = dir;
	await init();
}

/**
 * 'old' when `dir` is byte for byte the scenario's base; 'new' when the log holds the request's entries (after the
 * base's) and events.geojson, places.geojson and the article are exactly what that log makes; else what is wrong.
 */
function outcome(s: Scenario, dir: string, ops: string[]): string {
	const before = files(s.base);
	const now = files(dir);
	if (now.size === before.size && [...before].every(([k, v]) => now.get(k) === v)) return 'old';
	const article = s.request.opts.article;
	const expected = new Set([...before.keys(), ...(article ? [`articles/${article.sourceId}.md`] : [])]);
	const stray = [...now.keys()].filter((k) => !expected.has(k));
	if (stray.length) return `stray files: ${stray.join(', ')}`;
	if (article && now.get(`articles/${article.sourceId}.md`) !== article.text) return 'the article is missing or differs';
	const log = JSON.parse(now.get('corrections.json')!) as CorrectionLog;
	const logOps = log.corrections.map((c) => `${c.op} ${c.event_id}`);
	if (JSON.stringify(logOps) !== JSON.stringify(ops)) return `the log holds [${logOps.join(', ')}]`;
	const applied = applyCorrections(s.events, log.corrections).features;
	if (now.get('events.geojson') !== formatEvents(applied)) return 'events.geojson is not what the log makes';
	if (before.has('places.geojson') && now.get('places.geojson') !== serializePlaces(buildPlaces(applied, loadGazetteer()))) {
		return 'places.geojson is not what the events make';
	}
	return 'new';
}

/** Kills the commit before each of its file-system changes in turn; returns the outcome of each after a restart. */
async function killAtEveryStep(s: Scenario, afterRestart?: (dir: string, ops: string[]) => Promise<void>): Promise<{ outcomes: string[]; ops: string[] }> {
	const clean = path.join(work, `${path.basename(s.base)}-clean`);
	cpSync(s.base, clean, { recursive: true });
	const { mutations } = runCommit(s, clean, 0);
	const ops = (JSON.parse(readFileSync(path.join(clean, 'corrections.json'), 'utf8')) as CorrectionLog).corrections.map((c) => `${c.op} ${c.event_id}`);
	expect(outcome(s, clean, ops)).toBe('new');
	const outcomes: string[] = [];
	for (let k = 1; k <= mutations; k++) {
		const dir = path.join(work, `${path.basename(s.base)}-kill-${k}`);
		cpSync(s.base, dir, { recursive: true });
		expect(runCommit(s, dir, k).killed).toBe(true);
		await restart(dir);
		outcomes.push(`${k}: ${outcome(s, dir, ops)}`);
		await afterRestart?.(dir, ops);
		rmSync(dir, { recursive: true, force: true });
	}
	return { outcomes, ops };
}

describe('a commit killed between any two of its writes', () => {
	it('leaves an article save whole after a restart: the article with its accept/reject decisions, or neither', { timeout: 900_000 }, async () => {
		const extracted = [
			sampleEvent('ev-art-1', { source_id: 'crash-article' }),
			sampleEvent('ev-art-2', { source_id: 'crash-article', place_id: 'gn:625144', place_name: 'Minsk', geonames_id: 625144 }, [27.56, 53.9]),
			sampleEvent('ev-art-3', { source_id: 'crash-article' })
		];
		const s = scenario(
			'article',
			manyEvents(50),
			{
				proposed: [
					{ op: 'add', event_id: 'ev-art-1', feature: extracted[0]!, note: 'accepted on review' },
					{ op: 'add', event_id: 'ev-art-2', feature: extracted[1]!, note: 'accepted on review' },
					{ op: 'drop', event_id: 'ev-art-3', before: extracted[2]!, note: 'rejected on review' }
				],
				opts: { author: 'crash', article: { sourceId: 'crash-article', text: '---\ntitle: Crash\n---\nMigrants gathered near Grodno on Monday.\n' } }
			},
			true
		);
		const { outcomes } = await killAtEveryStep(s);
		expect(outcomes.filter((o) => !/: (old|new)$/.test(o))).toEqual([]);
		expect(outcomes.some((o) => o.endsWith('old')) && outcomes.some((o) => o.endsWith('new'))).toBe(true);
	});

	it('leaves an import whole after a restart, and its retry with the same request id adds nothing twice', { timeout: 900_000 }, async () => {
		const imported = manyEvents(300).slice(100); // ids the base's 100 events do not have
		const s = scenario(
			'import',
			manyEvents(100),
			{
				proposed: imported.map((f) => ({ op: 'add', event_id: f.properties.id, feature: f, note: 'imported from colleague.geojson' })),
				opts: { author: 'crash', onExisting: 'skip', request: 'import-1' }
			},
			false
		);
		const retried: string[] = [];
		const { outcomes } = await killAtEveryStep(s, async (dir, ops) => {
			await commit(s.request.proposed, s.request.opts); // the client retries the same request, on the restarted server
			retried.push(outcome(s, dir, ops));
		});
		expect(new Set(retried)).toEqual(new Set(['new']));
		expect(outcomes.filter((o) => !/: (old|new)$/.test(o))).toEqual([]);
		expect(outcomes.some((o) => o.endsWith('old')) && outcomes.some((o) => o.endsWith('new'))).toBe(true);
	});
});
