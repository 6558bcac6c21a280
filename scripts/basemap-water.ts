// One-off: rivers and lake shores of the project's region from GMT's GSHHG/WDBII data (Debian gmt + gmt-gshhg-high,
// LGPL-3) into src/lib/server/geo/water.json, a compact committed file the basemap route serves (no GMT at run time).
// Run: apt-get install -y gmt gmt-gshhg-high && npx tsx scripts/basemap-water.ts
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** Belarus, Poland, Ukraine, the Baltics, Moldova and western Russia (to Ladoga and the Volga bend): lon/lat box. */
const REGION = '14/42/44/62';
/** Douglas–Peucker tolerance in degrees (~400 m) and coordinate rounding (3 decimals, ~100 m): the file stays small. */
const TOLERANCE = 0.004;
const OUT = path.resolve(import.meta.dirname, '../src/lib/server/geo/water.json');

type Line = [number, number][];

/** GMT's multi-segment text: `> … Level N` headers, then `lon lat` lines. */
function segments(text: string): { level: number; line: Line }[] {
	const out: { level: number; line: Line }[] = [];
	let cur: { level: number; line: Line } | null = null;
	for (const row of text.split('\n')) {
		if (row.startsWith('>')) {
			cur = { level: Number(/Level (\d+)/.exec(row)?.[1] ?? 0), line: [] };
			out.push(cur);
		} else if (row.trim() && cur) {
			const [x, y] = row.trim().split(/\s+/).map(Number) as [number, number];
			cur.line.push([x, y]);
		}
	}
	return out.filter((s) => s.line.length > 1);
}

function simplify(line: Line, tol: number): Line {
	if (line.length < 3) return line;
	const keep = new Uint8Array(line.length);
	keep[0] = keep[line.length - 1] = 1;
	const stack: [number, number][] = [[0, line.length - 1]];
	while (stack.length) {
		const [a, b] = stack.pop()!;
		const [ax, ay] = line[a]!;
		const [bx, by] = line[b]!;
		const dx = bx - ax;
		const dy = by - ay;
		const len = Math.hypot(dx, dy) || 1e-12;
		let far = -1;
		let farD = tol;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = line[i]!;
			const d = Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
			if (d > farD) {
				far = i;
				farD = d;
			}
		}
		if (far > 0) {
			keep[far] = 1;
			stack.push([a, far], [far, b]);
		}
	}
	return line.filter((_, i) => keep[i]);
}

const round = (line: Line): Line => {
	const out: Line = [];
	for (const [x, y] of line) {
		const p: [number, number] = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
};

/** Joins segments that GMT cut at its bin edges back into longer lines (end meets start, or end meets end). */
function join(lines: Line[]): Line[] {
	// GMT writes a point on a bin edge with float noise (58 vs 58.000030518): ends ~10 m apart are one point.
	const key = (p: [number, number]) => `${p[0].toFixed(4)},${p[1].toFixed(4)}`;
	const pool = lines.map((l) => l.slice());
	const byEnd = new Map<string, number[]>();
	const add = (i: number) => {
		for (const p of [pool[i]![0]!, pool[i]![pool[i]!.length - 1]!]) {
			const k = key(p);
			byEnd.set(k, [...(byEnd.get(k) ?? []), i]);
		}
	};
	pool.forEach((_, i) => add(i));
	const used = new Uint8Array(pool.length);
	const out: Line[] = [];
	for (let i = 0; i < pool.length; i++) {
		if (used[i]) continue;
		used[i] = 1;
		let line = pool[i]!;
		for (let grew = true; grew; ) {
			grew = false;
			const tail = key(line[line.length - 1]!);
			if (tail === key(line[0]!)) break; // closed ring
			const j = byEnd.get(tail)?.find((k) => !used[k]);
			if (j !== undefined) {
				used[j] = 1;
				const other = pool[j]!;
				line = key(other[0]!) === tail ? [...line, ...other.slice(1)] : [...line, ...other.slice(0, -1).reverse()];
				grew = true;
			}
		}
		out.push(line);
	}
	return out;
}

function gmt(args: string[]): string {
	return execFileSync('gmt', ['coast', `-R${REGION}`, '-Dh', '-M', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

const features: unknown[] = [];
// Rivers: WDBII levels 1–4 (permanent rivers, major to minor); intermittent streams and canals are left out.
const rivers = segments(gmt(['-Ir'])).filter((s) => s.level >= 1 && s.level <= 4);
const byLevel = new Map<number, Line[]>();
for (const s of rivers) byLevel.set(s.level, [...(byLevel.get(s.level) ?? []), s.line]);
for (const [level, lines] of [...byLevel].sort((a, b) => a[0] - b[0])) {
	const joined = join(lines).map((l) => round(simplify(l, TOLERANCE))).filter((l) => l.length > 1);
	features.push({ type: 'Feature', properties: { kind: 'river', level }, geometry: { type: 'MultiLineString', coordinates: joined } });
}
// Lakes and reservoirs: GSHHG level-2 shores, joined into rings; a ring cut by the region's edge stays a shore line.
const shores = join(segments(gmt(['-W', '-A0/2/2'])).map((s) => s.line));
const rings: Line[][] = [];
const open: Line[] = [];
for (const l of shores) {
	const closed = l.length > 3 && Math.hypot(l[0]![0] - l[l.length - 1]![0], l[0]![1] - l[l.length - 1]![1]) < 0.01;
	// Douglas–Peucker needs two distinct ends: simplify a ring as two halves.
	const half = l.length >> 1;
	const r = closed ? round([...simplify(l.slice(0, half + 1), TOLERANCE / 2), ...simplify(l.slice(half), TOLERANCE / 2).slice(1)]) : round(simplify(l, TOLERANCE / 2));
	if (closed && r.length > 3) {
		r[r.length - 1] = [r[0]![0], r[0]![1]];
		rings.push([r]);
	}
	else if (r.length > 1) open.push(r);
}
features.push({ type: 'Feature', properties: { kind: 'lake' }, geometry: { type: 'MultiPolygon', coordinates: rings } });
if (open.length) features.push({ type: 'Feature', properties: { kind: 'shore' }, geometry: { type: 'MultiLineString', coordinates: open } });

const credit = 'GSHHG 2.3 shorelines and WDBII rivers (Wessel & Smith, LGPL-3), via Debian gmt-gshhg-high; generated by scripts/basemap-water.ts';
writeFileSync(OUT, JSON.stringify({ type: 'FeatureCollection', credit, region: REGION, features }) + '\n');
console.log(`${OUT}: ${rivers.length} river segments, ${rings.length} lakes, ${open.length} open shores`);
