// A small, realistic dataset for the wall's browser tests: the Belarus–Poland border crisis, November 2021,
// in English and Arabic, with day-, week- and month-precision dates and city, border and country places.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT, type AppServer } from './harness';
import type { EventCollection, EventFeature, EventProperties, EventType } from '../../src/lib/domain/event';
import { addDays } from '../../src/lib/domain/time';

type Seed = [date: string, type: EventType, lon: number, lat: number, place: string, summary: string, publisher: string, language?: 'en' | 'ar'];

const SEEDS: Seed[] = [
	['2021-11-01', 'MOBILIZE', 23.65, 53.51, 'Kuźnica', 'Hundreds of migrants gather near the Kuźnica crossing on the Belarusian side', 'Reuters'],
	['2021-11-02', 'ACCUSE', 21.01, 52.23, 'Warsaw', 'Poland accuses Belarus of orchestrating the migrant flows', 'Notes from Poland'],
	['2021-11-03', 'SANCTION', 4.35, 50.85, 'Brussels', 'EU ministers prepare new sanctions on Belarusian officials', 'Euronews'],
	['2021-11-04', 'ASSAULT', 23.7, 53.45, 'Bruzgi', 'اشتباك عند معبر بروزغي بين مهاجرين وحرس الحدود البولندي', 'الجزيرة', 'ar'],
	['2021-11-05', 'PROTEST', 23.17, 53.13, 'Białystok', 'Residents protest the state of emergency in the border zone', 'Gazeta Wyborcza'],
	['2021-11-06', 'THREATEN', 27.57, 53.9, 'Minsk', 'Lukashenko threatens to cut gas transit to Europe', 'BBC'],
	['2021-11-07', 'COERCE', 23.6, 53.3, 'Belarus–Poland border', 'Polish guards push migrants back across the border fence', 'Reuters'],
	['2021-11-08', 'MOBILIZE', 23.66, 53.52, 'Kuźnica', 'A large group of migrants marches toward the Kuźnica crossing', 'AP'],
	['2021-11-09', 'ASSAULT', 23.65, 53.5, 'Kuźnica', 'مهاجرون يحاولون اختراق السياج الحدودي قرب كوزنيتسا', 'العربية', 'ar'],
	['2021-11-10', 'MOBILIZE', 21.01, 52.23, 'Warsaw', 'Poland sends 12,000 troops to the border', 'Polskie Radio'],
	['2021-11-11', 'CONSULT', 37.62, 55.75, 'Moscow', 'Putin and Lukashenko discuss the border situation by phone', 'TASS'],
	['2021-11-12', 'SUPPORT', 23.7, 52.1, 'Brest', 'Russian bombers patrol Belarusian airspace in a show of support', 'Reuters'],
	['2021-11-13', 'AID', 23.8, 53.68, 'Hrodna', 'Belarus sets up a logistics centre for migrants near Hrodna', 'BelTA'],
	['2021-11-14', 'REQUEST', 13.4, 52.52, 'Berlin', 'Germany asks Russia to use its influence on Minsk', 'Deutsche Welle'],
	['2021-11-15', 'CONSULT', 13.4, 52.52, 'Berlin', 'ميركل تتصل بلوكاشينكو لبحث أزمة المهاجرين', 'سكاي نيوز عربية', 'ar'],
	['2021-11-16', 'ASSAULT', 23.65, 53.51, 'Kuźnica', 'Polish forces use water cannon against migrants throwing stones', 'Reuters'],
	['2021-11-17', 'RETREAT', 23.8, 53.68, 'Hrodna', 'Migrants leave the border camp for a warehouse in Bruzgi', 'AP'],
	['2021-11-18', 'AID', 44.36, 33.31, 'Baghdad', 'أول رحلة إعادة تقل مهاجرين عراقيين من مينسك إلى أربيل', 'الجزيرة', 'ar'],
	['2021-11-19', 'AGREE', 4.35, 50.85, 'Brussels', 'EU agrees to fund repatriation flights for stranded migrants', 'Euronews'],
	['2021-11-20', 'REJECT', 27.57, 53.9, 'Minsk', 'Belarus rejects responsibility for the crisis', 'BelTA'],
	['2021-11-22', 'PROTEST', 21.01, 52.23, 'Warsaw', 'Activists in Warsaw demand access for aid groups to the border zone', 'Notes from Poland'],
	['2021-11-24', 'COERCE', 23.6, 53.3, 'Belarus–Poland border', 'Polish border guards report new crossing attempts overnight', 'Polskie Radio'],
	['2021-11-26', 'SANCTION', 4.35, 50.85, 'Brussels', 'EU widens sanctions to airlines carrying migrants to Minsk', 'Euronews'],
	['2021-11-28', 'ACCUSE', 30.52, 50.45, 'Kyiv', 'Ukraine warns of a Belarusian-Russian military build-up on its border', 'Kyiv Independent'],
	['2021-11-30', 'COOPERATE', 24.1, 56.95, 'Riga', 'Baltic states and Poland coordinate border reinforcement', 'LSM']
];

function feature(seed: Seed, i: number, over: Partial<EventProperties> = {}): EventFeature {
	const [date, type, lon, lat, place, summary, publisher, language = 'en'] = seed;
	const border = place.includes('border');
	const evidence = language === 'ar' ? `${summary}، بحسب ما أفادت مصادر محلية.` : `${summary}, officials said on ${date}.`;
	return {
		type: 'Feature',
		id: `w${String(i).padStart(3, '0')}`,
		geometry: { type: 'Point', coordinates: [lon, lat] },
		properties: {
			id: `w${String(i).padStart(3, '0')}`,
			date,
			date_start: date,
			date_end: date,
			date_precision: 'day',
			date_text: date,
			event_type: type,
			summary,
			actors: [],
			place_id: border ? 'border:BLR-POL' : `site:${place.toLowerCase()}`,
			place_name: place,
			place_text: place,
			place_kind: border ? 'border' : 'city',
			country_codes: border ? ['BLR', 'POL'] : [],
			geo_precision: border ? 2 : 1,
			geonames_id: null,
			evidence,
			evidence_start: 0,
			evidence_end: evidence.length,
			language,
			source_id: `src-${i}`,
			source_title: summary,
			source_publisher: publisher,
			source_url: null,
			source_published: date,
			confidence: 0.8,
			...over
		}
	};
}

/** The seed events, plus a month-long one and a country-level one. `repeat` copies the month forward (bigger data for the soak). */
export function wallEvents(repeat = 1): EventCollection {
	const features: EventFeature[] = [];
	for (let r = 0; r < repeat; r++) {
		SEEDS.forEach((s, k) => {
			const i = r * SEEDS.length + k;
			const f = feature([addDays(s[0], r * 30), ...s.slice(1)] as Seed, i);
			if (r > 0) f.geometry.coordinates = [s[2] + ((i * 0.37) % 1) - 0.5, s[3] + ((i * 0.61) % 1) - 0.5];
			features.push(f);
		});
	}
	features.push(
		feature(['2021-11-01', 'MOBILIZE', 27.95, 53.7, 'Belarus', 'Belarus keeps troops on heightened readiness through November', 'Reuters'], 900, {
			date_end: '2021-11-30',
			date_precision: 'month',
			place_kind: 'country',
			country_codes: ['BLR'],
			geo_precision: 3
		})
	);
	return { type: 'FeatureCollection', features };
}

/** One extra event with a recognisable summary, for the live-update test. */
export function extraEvent(date: string, summary: string): EventFeature {
	return feature([date, 'PROTEST', 23.17, 53.13, 'Białystok', summary, 'Test Wire'], 777);
}

/** Writes events.geojson the way the pipeline does: a temp file renamed over the old one. */
export function writeEvents(dir: string, collection: EventCollection): void {
	const tmp = path.join(dir, `.events.${process.pid}.tmp`);
	writeFileSync(tmp, JSON.stringify(collection));
	renameSync(tmp, path.join(dir, 'events.geojson'));
}

/** A temp data folder holding the given events. */
export function wallDataDir(collection: EventCollection): { dir: string; remove(): void } {
	const dir = mkdtempSync(path.join(tmpdir(), 'wall-geodata-'));
	writeEvents(dir, collection);
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A private copy of build/ for this test process. Other engineers rebuild build/ while tests run, and the
 * server loads route chunks lazily, so a server running from build/ itself can die mid-test (ENOENT).
 * The copy lives under node_modules/.cache (ignored by git) so that package imports still resolve.
 */
export function snapshotBuild(): { dir: string; remove(): void } {
	ensureBuilt();
	const dir = path.join(ROOT, 'node_modules/.cache', `wall-build-${process.pid}`);
	rmSync(dir, { recursive: true, force: true });
	for (let attempt = 0; ; attempt++) {
		cpSync(realpathSync(path.join(ROOT, 'build')), dir, { recursive: true });
		if (existsSync(path.join(dir, 'index.js')) && existsSync(path.join(dir, 'handler.js')) && existsSync(path.join(dir, 'server/chunks'))) break;
		if (attempt >= 5) throw new Error('build/ kept changing while it was being copied');
		rmSync(dir, { recursive: true, force: true });
	}
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Like the harness's startServer, but runs the given build folder (see snapshotBuild). */
export async function startWallServer(buildDir: string, opts: { geodataDir: string; port?: number }): Promise<AppServer> {
	const port = opts.port ?? (await freePort());
	const proc = spawn(process.execPath, [buildDir], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, GEODATA_DIR: opts.geodataDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	proc.stdout!.on('data', (d) => (out += d));
	proc.stderr!.on('data', (d) => (out += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${out}`);
		try {
			const res = await fetch(url + '/api/data', { signal: AbortSignal.timeout(2000) });
			if (res.status < 500) break;
		} catch {
			/* not up yet */
		}
		if (Date.now() > deadline) {
			proc.kill('SIGKILL');
			throw new Error(`server did not answer within 30 s:\n${out}`);
		}
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

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
		});
	});
}
