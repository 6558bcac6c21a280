// GeoWebNews geoparsing benchmark (Gritta et al., LREV 2019; web news 2018): recall and accuracy@161 km.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseGold, scoreCorpus, xmlTag, type GeoparseBenchResult } from './geoparsing';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function benchGwn(xmlPath = path.resolve(here, '../../shared/bench/gwn/GWN.xml')): Promise<GeoparseBenchResult> {
	// The locational mentions (nonLocational No) with coordinates; 0-based, end-exclusive offsets.
	const articles = parseGold(readFileSync(xmlPath, 'utf8'), {
		article: /<article\b[^>]*>([\s\S]*?)<\/article>/g,
		mention: /<toponym>([\s\S]*?)<\/toponym>/g,
		name: 'extractedName',
		start: 'start',
		end: 'end',
		within: '',
		lat: 'latitude',
		lon: 'longitude',
		offsetBase: 0,
		keep: (m) => xmlTag(m, 'nonLocational') === 'No'
	});
	return scoreCorpus('GeoWebNews', articles, 'Mordecai3 0.941 on recognised mentions (474-mention slice), 0.957 on the complete set');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchGwn(process.argv[2]);
