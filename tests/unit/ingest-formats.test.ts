// The input stage (src/lib/server/inputs): saved web pages, RSS and Atom feeds, JSON Lines dumps and declared encodings
// become articles whose text is the story alone (no navigation, banners, ads or related links) with its metadata and date.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readInput, type InputResult } from '../../src/lib/server/inputs/index';
import { publishedDay } from '../../src/lib/server/inputs/published';

const FIX = 'tests/fixtures/inputs';
const read = (name: string): InputResult => readInput(readFileSync(path.join(FIX, name)), name);
const page = (html: string) => readInput(Buffer.from(html), 'inline.html').articles[0]!;
const STORY = '<p>Polish border guards said on Tuesday that about 200 migrants tried to cross from Belarus near Kuznica during the night, and that troops had been sent to reinforce the frontier.</p>';

describe('a saved web page', () => {
	const r = read('saved-page.html');
	const a = r.articles[0]!;

	it('is one article whose text is the story, paragraph by paragraph', () => {
		expect(r.articles).toHaveLength(1);
		expect(r.failed).toEqual([]);
		expect(a.body.startsWith('Poland deployed thousands of additional soldiers')).toBe(true);
		expect(a.body).toContain('\n\nThe Polish defence ministry said that about 12,000 troops');
		expect(a.body.trimEnd().endsWith('the government in Vilnius said.')).toBe(true);
	});

	it('leaves out navigation, the cookie banner, ads, sharing links, related stories, the newsletter box and the footer', () => {
		for (const furniture of ['cookies', 'Accept all', 'Opinion', 'ADVERTISEMENT', 'Cheap flights', 'Sponsored', 'winter coats', 'Share on', 'Related stories', 'third weekend', 'morning briefing', 'All rights reserved', 'gtag', 'dataLayer']) {
			expect(a.body, furniture).not.toContain(furniture);
		}
	});

	it('takes its title, canonical URL, publisher, publication day and language from the page', () => {
		expect(a.meta).toMatchObject({
			title: 'Poland sends more troops to Belarus border after night of crossings',
			url: 'https://eastern-desk.example/world/2021/11/09/poland-troops-belarus-border',
			publisher: 'Eastern Desk',
			published: '2021-11-09',
			language: 'en'
		});
		expect(a.sourceId).toBe('saved-page');
	});

	it('reads the date from JSON-LD, article:published_time or <time datetime>, whichever the page has', () => {
		const ld = page(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-11-12T01:30:00+03:00"}</script></head><body><article>${STORY}</article></body></html>`);
		expect(ld.meta.published).toBe('2021-11-12');
		const og = page(`<html><head><meta property="article:published_time" content="2021-08-09"></head><body><article>${STORY}</article></body></html>`);
		expect(og.meta.published).toBe('2021-08-09');
		const time = page(`<html><body><article><time datetime="2020-09-13T18:00:00+03:00">Sunday</time>${STORY}</article></body></html>`);
		expect(time.meta.published).toBe('2020-09-13');
		expect(page(`<html><body><article>${STORY}</article></body></html>`).meta.published).toBeNull();
	});

	it('keeps a story whose layout wrapper is named for what sits beside it ("with-sidebar", "has-comments")', () => {
		const a2 = page(`<html><body><div class="layout with-sidebar has-comments"><nav class="menu">Home World Sport</nav><div class="story">${STORY}${STORY.replace('Tuesday', 'Wednesday')}</div><div class="sidebar">Most read: weather in Minsk</div></div></body></html>`);
		expect(a2.body).toContain('Polish border guards said on Tuesday');
		expect(a2.body).toContain('said on Wednesday');
		expect(a2.body).not.toMatch(/Most read|Home World/);
	});

	it('falls back to og:url when there is no canonical link, and to the detected language without <html lang>', () => {
		const a2 = page(`<html><head><meta property="og:url" content="https://x.example/a"></head><body><article>${STORY}</article></body></html>`);
		expect(a2.meta.url).toBe('https://x.example/a');
		expect(a2.meta.language).toBe('en');
	});
});

describe('an Arabic page (dir=rtl)', () => {
	const a = read('arabic-page.html').articles[0]!;
	it('keeps the Arabic story and drops its menu, cookie bar, "read also" links, advert and footer', () => {
		expect(a.body).toContain('أعلنت وزارة الدفاع في بيلاروسيا يوم الثلاثاء بدء مناورات عسكرية');
		expect(a.body).toContain('عند معبر كوزنيتسا الحدودي');
		for (const furniture of ['الرئيسية', 'ملفات تعريف الارتباط', 'اقرأ أيضا', 'احتجاجات في مينسك', 'إعلان', 'جميع الحقوق']) expect(a.body, furniture).not.toContain(furniture);
	});
	it('reads language, publisher, day and a title without the site name', () => {
		expect(a.meta).toMatchObject({ language: 'ar', publisher: 'أخبار الشرق', published: '2021-11-16', title: 'بيلاروسيا تعلن مناورات عسكرية قرب الحدود مع بولندا' });
	});
});

describe('an RSS 2.0 feed', () => {
	const r = read('monitor.rss');
	it('gives one article per good item and reports the bad one by number', () => {
		expect(r.articles.map((a) => a.meta.title)).toEqual(['Guards detain 40 near Bialowieza', 'Ukraine reinforces its northern frontier']);
		expect(r.failed).toEqual([{ item: 'item 2', reason: expect.stringMatching(/^url: expected an http\(s\) URL/) }]);
	});
	it('takes the full content over the teaser, and decodes escaped markup into text', () => {
		expect(r.articles[0]!.body).toBe('Polish border guards detained 40 migrants near the village of Bialowieza on Monday after they crossed from Belarus through the forest.\n\nThe guards said the group included several families from Iraq.');
		expect(r.articles[1]!.body).toBe('Ukraine sent 8,500 additional troops and police officers to its border with Belarus on Wednesday, the interior ministry in Kyiv said.');
	});
	it('dates each item by its pubDate in the feed’s own offset, links it and names the channel as publisher', () => {
		expect(r.articles.map((a) => a.meta.published)).toEqual(['2021-10-04', '2021-10-06']);
		expect(r.articles[0]!.meta).toMatchObject({ url: 'https://border-monitor.example/2021/10/04/bialowieza', publisher: 'Border Monitor', language: 'en' });
	});
	it('gives each item its own source id, which stays when the item’s text is edited', () => {
		const ids = r.articles.map((a) => a.sourceId);
		expect(new Set(ids).size).toBe(2);
		for (const id of ids) expect(id).toMatch(/^monitor-[0-9a-f]{10}$/);
		const edited = readInput(Buffer.from(readFileSync(path.join(FIX, 'monitor.rss'), 'utf8').replace('detained 40 migrants', 'detained 41 migrants')), 'monitor.rss');
		expect(edited.articles.map((a) => a.sourceId)).toEqual(ids);
	});
});

describe('an Atom feed', () => {
	const r = read('monitor.atom');
	it('gives one article per entry: content, else summary; published, else updated', () => {
		expect(r.failed).toEqual([]);
		expect(r.articles.map((a) => [a.meta.published, a.meta.url, a.body.slice(0, 30)])).toEqual([
			['2022-02-24', 'https://frontier-watch.example/2022/02/24/column', 'Russian troops crossed into Uk'],
			['2022-02-24', 'https://frontier-watch.example/2022/02/24/warsaw-protest', 'Thousands of people protested ']
		]);
		expect(r.articles[0]!.meta).toMatchObject({ publisher: 'Frontier Watch', language: 'en', title: 'Russian column crosses into Ukraine from Belarus' });
	});
});

describe('a JSON Lines dump', () => {
	const r = read('dump.jsonl');
	it('gives one article per good line, and names each bad line by its number', () => {
		expect(r.articles.map((a) => a.meta.title)).toEqual(['Police disperse protesters in Minsk', 'Strike at Grodno factory', 'Thousands of women formed human chains in Minsk on Saturday to protest against police violence.']);
		expect(r.failed).toEqual([
			{ item: 'line 4', reason: expect.stringMatching(/^text: /) },
			{ item: 'line 5', reason: expect.stringMatching(/^published: expected a YYYY-MM-DD date, got "last Tuesday"/) },
			{ item: 'line 6', reason: expect.stringMatching(/^invalid JSON/) }
		]);
	});
	it('keeps a given source_id and the publisher’s day of a date-time', () => {
		expect(r.articles[0]!.sourceId).toBe('wire-2020-08-10-minsk');
		expect(r.articles[0]!.meta).toMatchObject({ published: '2020-08-10', publisher: 'Wire Service', url: 'https://wire.example/2020/08/10/minsk', language: 'en' });
		expect(r.articles[1]!.sourceId).toMatch(/^dump-[0-9a-f]{10}$/);
	});
	it('refuses an invalid source_id, naming the line', () => {
		const bad = readInput(Buffer.from('{"text":"Protesters rallied in Minsk on Sunday.","source_id":"../x"}\n'), 'd.jsonl');
		expect(bad.failed).toEqual([{ item: 'line 1', reason: expect.stringMatching(/^source_id: .* is not a valid source id/) }]);
	});
});

describe('declared encodings', () => {
	it('reads a windows-1251 page in windows-1251, without its navigation', () => {
		const a = read('cp1251.html').articles[0]!;
		expect(a.body).toContain('Милиция задержала в Минске в воскресенье более двухсот участников акции протеста');
		expect(a.body).not.toContain('Главная');
		expect(a.meta).toMatchObject({ language: 'ru', published: '2020-08-23', title: 'Минск: задержаны участники акции протеста' });
	});
	it('reads a page that declares windows-1251 but is UTF-8 as UTF-8, and says so', () => {
		const r = read('misdeclared.html');
		expect(r.notes).toEqual([expect.stringMatching(/declares windows-1251 but its bytes are UTF-8/)]);
		expect(r.articles[0]!.body).toBe(read('cp1251.html').articles[0]!.body);
	});
	it('refuses the feed item whose bytes break the declared UTF-8, and keeps the others', () => {
		const r = read('mixed-encoding.rss');
		expect(r.failed).toEqual([{ item: 'item 2', reason: expect.stringMatching(/^encoding: .*not valid utf-8/) }]);
		expect(r.articles.map((a) => [a.meta.title, a.meta.published])).toEqual([
			['Protest in Brest', '2020-08-16'],
			['Strike in Zhodino', '2020-08-17']
		]);
	});
	it('refuses a page declaring an encoding nobody knows, naming the file and the label', () => {
		expect(() => readInput(Buffer.from('<meta charset="klingon-8"><p>x</p>'), 'k.html')).toThrow(/^k\.html: encoding: declares "klingon-8"/);
	});
});

describe('publishedDay', () => {
	it('is the day as the publisher wrote it, in ISO 8601 or RFC 822', () => {
		expect(publishedDay('2021-11-09T23:30:00-05:00')).toBe('2021-11-09');
		expect(publishedDay('2021-11-09')).toBe('2021-11-09');
		expect(publishedDay('Tue, 09 Nov 2021 23:30:00 -0500')).toBe('2021-11-09');
		expect(publishedDay('9 Nov 2021')).toBe('2021-11-09');
		expect(publishedDay('2021-02-30')).toBeNull();
		expect(publishedDay('last Tuesday')).toBeNull();
	});
});
