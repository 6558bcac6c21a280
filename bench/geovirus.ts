// GeoVirus geoparsing benchmark (Gritta et al., ACL 2018): mention recall and accuracy@161 km of the gazetteer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseGold, scoreCorpus, type GeoparseBenchResult, type GoldArticle } from './geoparsing';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Parses GeoVirus.xml; its offsets are 1-based and converted here to 0-based, end-exclusive. */
export function parseGeovirus(xml: string): GoldArticle[] {
	return parseGold(xml, {
		article: /<article>([\s\S]*?)<\/article>/g,
		mention: /<location>([\s\S]*?)<\/location>/g,
		name: 'name',
		start: 'start',
		end: 'end',
		within: '',
		lat: 'lat',
		lon: 'lon',
		offsetBase: 1
	});
}

export async function benchGeovirus(xmlPath = path.resolve(here, '../../shared/bench/geovirus/GeoVirus.xml')): Promise<GeoparseBenchResult> {
	return scoreCorpus(
		'GeoVirus',
		parseGeovirus(readFileSync(xmlPath, 'utf8')),
		'CamCoder 0.82, population-prior baseline 0.80, CLAVIN 0.79, Edinburgh Geoparser 0.78 (Gritta et al. 2018, Table 1)'
	);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchGeovirus(process.argv[2]);
