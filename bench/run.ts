// `npm run bench`: prints figures, asserts nothing. Each area's bench is a module exporting one async function.
const benches: [string, string, string][] = [
	['gazetteer & geocoder (GeoVirus)', './geovirus.ts', 'benchGeovirus'],
	['gazetteer & geocoder (LGL)', './lgl.ts', 'benchLgl'],
	['gazetteer & geocoder (GeoWebNews)', './gwn.ts', 'benchGwn'],
	['ingest throughput & memory', './ingest.ts', 'benchIngest'],
	['dashboard in Chromium', './dashboard.ts', 'benchDashboard'],
	['wall display', './wall.ts', 'benchWall']
];

const only = process.argv.slice(2);
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
	await (run as () => Promise<unknown>)();
	console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
