// The article pages over the built app: a saved page's extracted text, stored by the ingest in articles/.extracted/,
// is what /sources/<id>/article.json, /api/articles/<id> and /sources/<id> serve, and the evidence offsets of its
// events (from /api/data) point into that text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { copyGeodata, startServer, type AppServer } from '../e2e/harness';
import { ingestPaths } from '../../src/lib/server/pipeline/ingest';
import type { EventCollection } from '../../src/lib/domain/event';
import { fakeGazetteer } from '../fixtures/pipeline/fake-gazetteer';

let data: ReturnType<typeof copyGeodata>;
let server: AppServer;
beforeAll(async () => {
	data = copyGeodata();
	const saved = path.join(data.dir, 'saved');
	await mkdir(saved);
	await copyFile('tests/fixtures/inputs/saved-page.html', path.join(saved, 'saved-page.html'));
	await ingestPaths([saved], { out: path.join(data.dir, 'events.geojson'), gazetteer: fakeGazetteer() });
	server = await startServer({ geodataDir: data.dir });
}, 120_000);
afterAll(async () => {
	await server?.stop();
	data?.remove();
});

describe('an extracted article on the article pages', () => {
	it('is served with the page’s metadata, and every event’s evidence is at its offsets in the served text', async () => {
		const res = await fetch(`${server.url}/sources/saved-page/article.json`);
		expect(res.status).toBe(200);
		const article = (await res.json()) as { body: string; published: string; url: string; publisher: string };
		expect(article).toMatchObject({ published: '2021-11-09', publisher: 'Eastern Desk', url: 'https://eastern-desk.example/world/2021/11/09/poland-troops-belarus-border' });
		expect(article.body.startsWith('Poland deployed thousands of additional soldiers')).toBe(true);
		expect(article.body).not.toMatch(/cookies|Related stories|ADVERTISEMENT/);
		const events = ((await (await fetch(`${server.url}/api/data`)).json()) as EventCollection).features.filter((f) => f.properties.source_id === 'saved-page');
		expect(events.length).toBeGreaterThan(0);
		for (const f of events) expect(article.body.slice(f.properties.evidence_start, f.properties.evidence_end)).toBe(f.properties.evidence);
		const api = (await (await fetch(`${server.url}/api/articles/saved-page`)).json()) as { body: string };
		expect(api.body).toBe(article.body);
		const pageHtml = await (await fetch(`${server.url}/sources/saved-page`)).text();
		expect(pageHtml).toContain('The Polish defence ministry said that about 12,000 troops');
	});
});
