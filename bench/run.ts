// `npm run bench`: prints figures, asserts nothing. Each area's bench is a module exporting one async function.
const benches: [string, string, string][] = [
	['gazetteer & geocoder (GeoVirus)', './geovirus.ts', 'benchGeovirus'],
	['gazetteer & geocoder (LGL)', './lgl.ts', 'benchLgl'],
	['gazetteer & geocoder (GeoWebNews)', './gwn.ts', 'benchGwn'],
	['event extraction (dev set)', './events.ts', 'benchEvents'],
	['ingest throughput & memory', './ingest.ts', 'benchIngest'],
	['server writes at 100k events', './storage.ts', 'benchStorage'],
	['import of an ACLED CSV', './import.ts', 'benchImport'],
	['dashboard in Chromium', './dashboard.ts', 'benchDashboard'],
	['wall display', './wall.ts', 'benchWall']
];

// Words pick benches by file name (`npm run bench events`); a path is handed to the benches picked (a dev set folder).
const args = process.argv.slice(2);
const only = args.filter((a) => !a.includes('/') && !a.startsWith('.'));
const dirArg = args.find((a) => a.includes('/') || a.startsWith('.'));
for (const [title, file, fn] of benches) {
	if (only.length && !only.some((o) => file.includes(o))) continue;
	let mod: Record<string, unknown>;
	try {
		mod = await import(file);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(err).includes(file.slice(2))) continue;
		throw err;
	}
	const run = mod[fn];
	if (typeof run !== 'function') continue;
	console.log(`\n== ${title} ==`);
	const t0 = performance.now();
	// Only the events bench takes a folder (another dev set in the same format).
	await (run as (dir?: string) => Promise<unknown>)(file === './events.ts' ? dirArg : undefined);
	console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

export {};
