// Writes an ACLED-shaped CSV of N rows (the columns of an ACLED export, realistic values), streamed, for the import
// bench and tests:   npx tsx scripts/synth-acled.ts FILE [N=100000] [seed=1]
import { closeSync, openSync, writeSync } from 'node:fs';

const HEADER = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

const TYPES: [string, string][] = [
	['Battles', 'Armed clash'],
	['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
	['Explosions/Remote violence', 'Air/drone strike'],
	['Protests', 'Peaceful protest'],
	['Riots', 'Violent demonstration'],
	['Strategic developments', 'Arrests'],
	['Violence against civilians', 'Attack'],
	['Strategic developments', 'Looting/property destruction']
];
const PLACES: [string, string, number, number, string][] = [
	['Kharkiv', 'Ukraine', 49.9935, 36.2304, '804'],
	['Bakhmut', 'Ukraine', 48.5953, 38.0003, '804'],
	['Kherson', 'Ukraine', 46.6354, 32.6169, '804'],
	['Belgorod', 'Russia', 50.5977, 36.5858, '643'],
	['Kursk', 'Russia', 51.7304, 36.1926, '643'],
	['Minsk', 'Belarus', 53.9, 27.5667, '112'],
	['Hrodna', 'Belarus', 53.6884, 23.8258, '112'],
	['Warszawa', 'Poland', 52.2298, 21.0118, '616'],
	['Przemysl', 'Poland', 49.7838, 22.7678, '616']
];
const ACTORS = ['Military Forces of Russia (2000-)', 'Military Forces of Ukraine (2019-)', 'Protesters (Belarus)', 'Police Forces of Belarus (1994-)', 'Civilians (Ukraine)', 'Unidentified Armed Group (Russia)'];
const SOURCES = ['Ukrainska Pravda', 'Kyiv Independent', 'Meduza', 'Nasha Niva', 'Gazeta Wyborcza', 'Ministry of Defence of Ukraine', 'Suspilne'];

/** Writes `n` rows to `file`; returns the byte count. Deterministic per seed. */
export function writeAcledCsv(file: string, n: number, seed = 1): number {
	let s = seed >>> 0 || 1;
	const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
	const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	const fd = openSync(file, 'w');
	let bytes = 0;
	try {
		let piece = `${HEADER}\n`;
		const first = Date.UTC(2022, 1, 24);
		for (let i = 0; i < n; i++) {
			const [type, sub] = pick(TYPES);
			const [loc, country, lat, lon, iso] = pick(PLACES);
			const day = new Date(first + Math.floor(rand() * 1000) * 86_400_000).toISOString().slice(0, 10);
			const a1 = pick(ACTORS);
			const a2 = pick(ACTORS);
			const src = `${pick(SOURCES)}; ${pick(SOURCES)}`;
			const notes = `On ${day}, ${a1} ${sub.toLowerCase()} reported near ${loc} (${country}), "according to local officials". Row ${i}.`;
			const lt = (lat + (rand() - 0.5) * 0.2).toFixed(4);
			const ln = (lon + (rand() - 0.5) * 0.2).toFixed(4);
			const row = [`${country.slice(0, 3).toUpperCase()}${i + 1}`, day, day.slice(0, 4), String(1 + Math.floor(rand() * 3) * (rand() < 0.3 ? 1 : 0)), 'Political violence', type, sub, a1, '', '1', a2, '', '3', '13', '', iso, 'Europe', country, 'Oblast', '', '', loc, lt, ln, String(1 + Math.floor(rand() * 2)), src, 'National', notes, String(Math.floor(rand() * 3)), '', '1700000000'];
			piece += `${row.map(q).join(',')}\n`;
			if (piece.length > 1 << 20) (bytes += writeSync(fd, piece)), (piece = '');
		}
		bytes += writeSync(fd, piece);
	} finally {
		closeSync(fd);
	}
	return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [file, n = '100000', seed = '1'] = process.argv.slice(2);
	if (!file) {
		console.error('usage: npx tsx scripts/synth-acled.ts FILE [N=100000] [seed=1]');
		process.exit(2);
	}
	console.log(`wrote ${Number(n).toLocaleString('en')} rows, ${(writeAcledCsv(file, Number(n), Number(seed)) / 1e6).toFixed(0)} MB to ${file}`);
}
