import { readFileSync } from 'node:fs';
import { loadGazetteer } from './src/lib/server/gazetteer/index';
import { ingestArticleText } from './src/lib/server/pipeline/ingest';
const r = ingestArticleText(readFileSync('/tmp/ar-test.txt'), '/tmp/ar-test.txt', loadGazetteer());
console.log(r.article.meta);
for (const e of r.events) console.log(e.properties.event_type, e.properties.date_precision, e.properties.date, e.properties.place_id, e.properties.actors, e.properties.summary);
