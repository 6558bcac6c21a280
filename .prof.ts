import { readFileSync, readdirSync } from 'node:fs';
import { loadGazetteer } from './src/lib/server/gazetteer/index';
import { parseArticle } from './src/lib/server/pipeline/article';
import { extractArticle } from './src/lib/server/pipeline/extract';
const g = loadGazetteer();
const arts = readdirSync('geodata/articles').map(f => parseArticle(readFileSync('geodata/articles/'+f), f));
let t = performance.now(); for (let i=0;i<5;i++) for (const a of arts) extractArticle(a, g);
t = performance.now(); let geo=0;
for (let i=0;i<40;i++) for (const a of arts) { const t0=performance.now(); g.geoparseDocument(a.body,{language:a.meta.language}); geo+=performance.now()-t0; }
const tg = performance.now()-t;
t = performance.now();
for (let i=0;i<40;i++) for (const a of arts) extractArticle(a, g);
const te = performance.now()-t;
console.log('per article: geoparse', (geo/200).toFixed(2),'ms; full extract', (te/200).toFixed(2), 'ms');
