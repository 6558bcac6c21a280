// LGL geoparsing benchmark (Lieberman et al., ICDE 2010; local US news): recall and accuracy@161 km.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { scoreCorpus, xmlTag, type GeoparseBenchResult, type GoldArticle, type GoldMention } from './geoparsing';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Parses lgl.xml (0-based, end-exclusive offsets; the gold point is the GeoNames entry's). */
export function parseLgl(xml: string): GoldArticle[] {
	const articles: GoldArticle[] = [];
	for (const a of xml.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article>/g)) {
		const text = xmlTag(a[1]!, 'text');
		const gold: GoldMention[] = [];
		let skipped = 0;
		for (const t of a[1]!.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
			const name = xmlTag(t[1]!, 'phrase');
			const start = Number(xmlTag(t[1]!, 'start'));
			const end = Number(xmlTag(t[1]!, 'end'));
			const gaz = xmlTag(t[1]!, 'gaztag');
			const lat = Number(xmlTag(gaz, 'lat') || NaN);
			const lon = Number(xmlTag(gaz, 'lon') || NaN);
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

export async function benchLgl(xmlPath = path.resolve(here, '../../shared/bench/lgl/lgl.xml')): Promise<GeoparseBenchResult> {
	return scoreCorpus('LGL', parseLgl(readFileSync(xmlPath, 'utf8')), 'Mordecai3 0.827 on recognised mentions (967-mention slice)');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchLgl(process.argv[2]);
