// Shared fixtures for the edit/import/security tests: sample events and a writable data folder with a server on it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EventFeature } from '$lib/domain/event';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { copyGeodata, startServer, ROOT, type AppServer } from '../e2e/harness';

/**
 * The server under test. Normally the harness's (`node build`); with EDIT_BUILD_DIR set, a snapshot of a build,
 * so that parallel rebuilds of build/ by other work in the same checkout cannot pull it away mid-test.
 */
export async function startAppServer(opts: { geodataDir: string; env?: Record<string, string> }): Promise<AppServer> {
	const snapshot = process.env.EDIT_BUILD_DIR;
	if (!snapshot) return startServer(opts);
	const port = await new Promise<number>((resolve) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const a = srv.address();
			srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
		});
	});
	const proc = spawn(process.execPath, [snapshot], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, GEODATA_DIR: opts.geodataDir, ...opts.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	proc.stdout!.on('data', (d) => (out += d));
	proc.stderr!.on('data', (d) => (out += d));
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		if (proc.exitCode !== null) throw new Error(`server exited:\n${out}`);
		try {
			if ((await fetch(url + '/api/history?limit=1')).status < 500) break;
		} catch {
			/* not up yet */
		}
		if (i > 200) throw new Error(`server did not start:\n${out}`);
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		port,
		proc,
		output: () => out,
		stop: (signal = 'SIGTERM') =>
			new Promise<void>((resolve) => {
				if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
				proc.once('exit', () => resolve());
				proc.kill(signal);
			})
	};
}

export function sampleEvent(id = 'ev-1', over: Partial<EventFeature['properties']> = {}, coordinates: [number, number] = [23.83, 53.68]): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates },
		properties: {
			id,
			date: '2021-11-08',
			date_start: '2021-11-08',
			date_end: '2021-11-08',
			date_precision: 'day',
			date_text: 'on Monday',
			event_type: 'MOBILIZE',
			summary: 'Migrants gather at the border',
			actors: ['Poland'],
			place_id: 'gn:627904',
			place_name: 'Hrodna',
			place_text: 'Grodno',
			place_kind: 'city',
			country_codes: ['BLR'],
			geo_precision: 1,
			geonames_id: 627904,
			evidence: 'Migrants gathered near Grodno on Monday.',
			evidence_start: 0,
			evidence_end: 40,
			language: 'en',
			source_id: 'colleague-export',
			source_title: 'Export',
			source_publisher: null,
			source_url: 'https://example.org/a',
			source_published: '2021-11-09',
			confidence: 0.7,
			...over
		}
	};
}


export interface DataServer {
	server: AppServer;
	dir: string;
	/** Both data files' bytes, to assert a refused request changed nothing. */
	files(): { events: string; log: string | null };
	close(): Promise<void>;
}

/** A temp copy of geodata/ holding `events` as events.geojson (no corrections yet) and a server on it. */
export async function serveData(events: EventFeature[], env: Record<string, string> = {}): Promise<DataServer> {
	const data = copyGeodata();
	writeFileSync(path.join(data.dir, 'events.geojson'), JSON.stringify({ type: 'FeatureCollection', features: events }));
	try {
		writeFileSync(path.join(data.dir, 'corrections.json'), '{"version":1,"corrections":[\n]}\n');
	} catch {
		/* ignore */
	}
	const server = await startAppServer({ geodataDir: data.dir, env: { BODY_SIZE_LIMIT: '64M', ...env } });
	const read = (f: string) => {
		try {
			return readFileSync(path.join(data.dir, f), 'utf8');
		} catch {
			return null;
		}
	};
	const ds: DataServer = {
		server,
		dir: data.dir,
		files: () => ({ events: read('events.geojson')!, log: read('corrections.json') }),
		// The server now running: a test that restarts it replaces ds.server, and that one must be stopped too.
		close: async () => {
			await ds.server.stop();
			data.remove();
		}
	};
	return ds;
}

export function manyEvents(n: number): EventFeature[] {
	return Array.from({ length: n }, (_, i) => {
		const d = `2021-11-${String((i % 28) + 1).padStart(2, '0')}`;
		return sampleEvent(`ev-${String(i).padStart(6, '0')}`, { date: d, date_start: d, date_end: d }, [20 + (i % 100) / 10, 50 + (i % 50) / 10]);
	});
}

/** Resolves when a temp file for `name` exists in `dir` with some bytes in it (an atomic write of it is under way). */
export async function tempFileGrowing(dir: string, name: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const tmp = readdirSync(dir).find((n) => n.startsWith(`.${name}.`) && n.endsWith('.tmp'));
		if (tmp) {
			try {
				if (statSync(path.join(dir, tmp)).size > 0) return;
			} catch {
				/* renamed meanwhile */
			}
		}
		await new Promise((r) => setImmediate(r));
	}
	throw new Error('the save never started writing');
}
