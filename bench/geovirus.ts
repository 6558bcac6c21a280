// GeoVirus geoparsing benchmark (Gritta et al., ACL 2018): mention recall and accuracy@161 km of the gazetteer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { scoreCorpus, xmlTag, type GeoparseBenchResult, type GoldArticle, type GoldMention } from './geoparsing';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Parses GeoVirus.xml; its offsets are 1-based and converted here to 0-based, end-exclusive. */
export function parseGeovirus(xml: string): GoldArticle[] {
	const articles: GoldArticle[] = [];
	for (const a of xml.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
		const text = xmlTag(a[1]!, 'text');
		const gold: GoldMention[] = [];
		let skipped = 0;
		for (const l of a[1]!.matchAll(/<location>([\s\S]*?)<\/location>/g)) {
			const name = xmlTag(l[1]!, 'name');
			const start = Number(xmlTag(l[1]!, 'start')) - 1;
			const end = Number(xmlTag(l[1]!, 'end')) - 1;
			const lat = Number(xmlTag(l[1]!, 'lat'));
			const lon = Number(xmlTag(l[1]!, 'lon'));
			// A few gold entries have an empty name or a span that does not match it; they are not scored.
			if (!name || !Number.isFinite(lat) || !Number.isFinite(lon) || text.slice(start, end) !== name) {
				skipped++;
				continue;
			}
			gold.push({ name, start, end, lat, lon });
		}
		articles.push({ text, gold, skipped });
	}
	return articles;
}

export async function benchGeovirus(xmlPath = path.resolve(here, '../../shared/bench/geovirus/GeoVirus.xml')): Promise<GeoparseBenchResult> {
	return scoreCorpus(
		'GeoVirus',
		parseGeovirus(readFileSync(xmlPath, 'utf8')),
		'CamCoder 0.82, population-prior baseline 0.80, CLAVIN 0.79, Edinburgh Geoparser 0.78 (Gritta et al. 2018, Table 1)'
	);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchGeovirus(process.argv[2]);
