// Mention → role → event place, on sentences written for these tests (none from the dev set), English and Arabic.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/server/gazetteer/index';
import { parseArticle } from '../../src/lib/server/pipeline/article';
import { extractEvents } from '../../src/lib/server/pipeline/extract';
import { profileFor } from '../../src/lib/server/pipeline/lang';
import { mentionRole } from '../../src/lib/server/pipeline/roles';
import { splitSentences } from '../../src/lib/server/pipeline/sentences';

const g = loadGazetteer();

function events(body: string, opts: { language?: string; published?: string; title?: string } = {}) {
	const fm = `---\npublished: ${opts.published ?? '2023-03-10'}\nlanguage: ${opts.language ?? 'en'}\n${opts.title ? `title: ${JSON.stringify(opts.title)}\n` : ''}---\n`;
	return extractEvents(parseArticle(fm + body, 'roles-test.md'), g).map((e) => e.properties);
}

/** The role of the first mention whose text is `name` in `sentence`. */
function roleOf(sentence: string, name: string, language = 'en'): string {
	const [span] = splitSentences(sentence);
	const mentions = g.geoparseDocument(sentence, { language });
	const m = mentions.find((x) => x.text === name || x.text.endsWith(name));
	if (!m || !span) throw new Error(`no mention ${name}`);
	return mentionRole(span, m, profileFor(language), m.place.kind === 'country', mentions);
}

describe('mention roles', () => {
	it('reads where it happened through the noun phrase around the name', () => {
		expect(roleOf('Shells fell in the Ukrainian city of Kharkiv on Monday.', 'Kharkiv')).toBe('location');
		expect(roleOf('Police detained dozens near the village of Kharkiv overnight.', 'Kharkiv')).toBe('location');
		expect(roleOf('Fighting went on in Kharkiv, Sumy and Poltava.', 'Poltava')).toBe('location');
	});

	it('tells an origin from a destination, and a launch site from an origin', () => {
		expect(roleOf('Troops moved from Belarus into Ukraine.', 'Belarus')).toBe('origin');
		expect(roleOf('Troops moved from Belarus into Ukraine.', 'Ukraine')).toBe('destination');
		expect(roleOf('Drones were launched from Kursk overnight.', 'Kursk')).toBe('location');
	});

	it('takes where someone was heading for neither the place nor the target', () => {
		expect(roleOf('Coast guards seized two boats on their way to Berdiansk.', 'Berdiansk')).toBe('origin');
		expect(roleOf('احتجزت قوات خفر السواحل قاربين في طريقها إلى ماريوبول.', 'ماريوبول', 'ar')).toBe('origin');
	});

	it('does not reach over a weekday to a preposition before it', () => {
		expect(roleOf('He told reporters on Sunday that Poland had refused.', 'Poland')).not.toBe('location');
	});

	it('takes a state or capital that speaks or decides for an actor', () => {
		expect(roleOf('Germany also granted permission on Friday.', 'Germany')).toBe('actor');
		expect(roleOf('Officials said that Poland has decided to close the crossing.', 'Poland')).toBe('actor');
	});

	it('takes a demonym for a demonym, unless it names the country’s ground', () => {
		expect(roleOf('Russian troops crossed the river.', 'Russian')).toBe('demonym');
		expect(roleOf('A drone fell on Romanian territory.', 'Romanian')).toBe('territory');
		expect(roleOf('سقطت طائرة مسيرة في الأراضي الرومانية.', 'الرومانية', 'ar')).toBe('territory');
	});

	it('takes a town’s name inside a sea’s for part of that name ("the Sea of Azov", "بحر آزوف")', () => {
		expect(roleOf('Ships sailed into the Sea of Azov.', 'Azov')).toBe('name');
		expect(roleOf('أبحرت السفن إلى بحر آزوف.', 'آزوف', 'ar')).toBe('name');
	});

	it('takes "Moscow time" and "بتوقيت موسكو" for a clock, not a place', () => {
		expect(roleOf('The strike came at 05:00 Moscow time.', 'Moscow')).toBe('name');
		expect(roleOf('وقع الانفجار في الساعة السادسة صباحا (بتوقيت موسكو).', 'موسكو', 'ar')).toBe('name');
	});
});

describe('event place', () => {
	it('puts an event whose sentence names no place where its story is, not in the country of a demonym', () => {
		const e = events('Heavy fighting broke out in Izium on Thursday.\n\nRussian forces withdrew on Friday, the governor said.\n');
		const withdrawal = e.find((p) => p.evidence.startsWith('Russian forces withdrew'));
		expect(withdrawal?.place_name).toMatch(/^Iz[iy]um$/);
		expect(withdrawal?.place_text).toBe('Izium');
	});

	it('does the same in Arabic, where the demonym is a nisba after the noun', () => {
		const e = events('اندلع قتال عنيف في مدينة خاركيف يوم الخميس.\n\nوقصفت القوات الروسية المدينة يوم الجمعة.\n', { language: 'ar' });
		const shelling = e.find((p) => p.evidence.startsWith('وقصفت'));
		expect(shelling?.place_name).toBe('Kharkiv');
	});

	it('places a sentence that names no place at the place of the headline', () => {
		const e = events('Explosions hit an oil depot overnight on Monday, officials said.\n', { title: 'Blasts rock Novorossiysk port' });
		expect(e[0]?.place_name).toMatch(/Novorossiysk/);
	});

	it('makes one border event per country in "its border posts with X and Y"', () => {
		const e = events('Lithuania said its border posts with Belarus and Russia came under attack on Thursday.\n');
		expect(e.map((p) => p.place_id).sort()).toEqual(['border:BLR-LTU', 'border:LTU-RUS']);
	});

	it('does the same for "مراكزها الحدودية مع روسيا وبيلاروسيا"', () => {
		const e = events('أعلنت أوكرانيا أن مراكزها الحدودية مع روسيا وبيلاروسيا تعرضت لهجوم يوم الخميس.\n', { language: 'ar' });
		expect(e.map((p) => p.place_id).sort()).toEqual(['border:BLR-UKR', 'border:RUS-UKR']);
	});

	it('makes one event per place of a listed location, in Arabic too', () => {
		const ar = events('سقطت صواريخ على أوديسا وميكولايف وخيرسون يوم الأربعاء.\n', { language: 'ar' });
		expect(ar.map((p) => p.place_text).sort()).toEqual(['أوديسا', 'خيرسون', 'ميكولايف']);
	});

	it('makes one event per place of a listed location', () => {
		const e = events('Missile strikes were reported in Odesa, Mykolaiv and Kherson on Wednesday.\n');
		expect(e.map((p) => p.place_text).sort()).toEqual(['Kherson', 'Mykolaiv', 'Odesa']);
		expect(new Set(e.map((p) => p.id)).size).toBe(3);
	});

	it('does not put a strike at the place the shelling came from', () => {
		const e = events('Shelling from Belgorod hit Kharkiv on Tuesday.\n');
		expect(e[0]?.place_name).toBe('Kharkiv');
	});

	it('does not take a time zone for the place', () => {
		const [en] = events('The attack began at 05:00 Moscow time on Thursday, Ukrainian officials said.\n');
		expect(en?.place_name).not.toBe('Moscow');
		const [ar] = events('وقع انفجار في الساعة الخامسة صباحا بتوقيت موسكو يوم الخميس في مدينة خيرسون.\n', { language: 'ar' });
		expect(ar?.place_name).toBe('Kherson');
	});

	it('puts what a capital says in that capital, not in the country', () => {
		const [e] = events('Warsaw imposed new sanctions on Minsk on Thursday.\n');
		expect(e?.place_name).toBe('Warsaw');
	});

	it('reads "in the capital" and "في العاصمة" as the capital of the country the sentence is about', () => {
		const [en] = events('Thousands rallied in the capital on Sunday against the new law in Georgia.\n');
		expect(en?.place_name).toBe('Tbilisi');
		const [ar] = events('تظاهر الآلاف في العاصمة يوم الأحد ضد القانون الجديد في جورجيا.\n', { language: 'ar' });
		expect(ar?.place_name).toBe('Tbilisi');
	});

	it('places a decision where the state that makes it is, not at the places it is about', () => {
		const [en] = events('On Friday, Norway also approved the use of its weapons against targets inside Russia.\n');
		expect(en?.place_id).toBe('country:NOR');
	});

	it('makes an event of each clause with its own date, and of each listed day', () => {
		const e = events('The siege lasted from 3 March to 20 May 2022, when Russian troops withdrew from the town of Izium.\n', { published: '2022-06-01' });
		expect(e.map((p) => p.date).sort()).toEqual(['2022-03-03', '2022-05-20']);
		const listed = events('Earlier strikes had hit Odesa on 4 and 19 March, 2 April and 9 May.\n', { published: '2022-06-01' });
		expect(listed.map((p) => p.date).sort()).toEqual(['2022-03-04', '2022-03-19', '2022-04-02', '2022-05-09']);
	});

	it('does not take an organisation named after a border for the border', () => {
		const e = events('The Polish Border Guard said its posts on the border with Belarus came under attack on Tuesday.\n');
		expect(e.map((p) => p.place_id)).toContain('border:BLR-POL');
	});

	it('puts a measure for a whole country in that country, not at the story’s last place', () => {
		const e = events('Shells hit Kharkiv on Monday.\n\nPresident Volodymyr Zelenskyy declared martial law on Monday.\n');
		expect(e.find((p) => p.evidence.includes('martial law'))?.place_id).toBe('country:UKR');
		const ar = events('سقطت قذائف على خاركيف يوم الاثنين.\n\nوأعلن الرئيس فولوديمير زيلينسكي الأحكام العرفية يوم الاثنين.\n', { language: 'ar' });
		expect(ar.find((p) => p.evidence.includes('العرفية'))?.place_id).toBe('country:UKR');
	});

	it('puts an act at its direct object rather than at a place named later in the clause', () => {
		const [e] = events('Russian forces shelled the town of Kupiansk on Wednesday and tried to advance near Bakhmut.\n');
		expect(e?.place_name).toMatch(/^Kup[iy]ansk$/);
	});

	it('reads an Arabic border adjective as a whole word ("معبرين حدوديين مع بيلاروسيا")', () => {
		const [e] = events('وأغلقت ليتوانيا معبرين حدوديين مع بيلاروسيا يوم الثلاثاء.\n', { language: 'ar' });
		expect(e?.place_id).toBe('border:BLR-LTU');
	});

	it('does not put an act on the ground in the capital that reports it', () => {
		const [e] = events('Moscow said its forces had repelled attacks on Tuesday near a village in the east.\n');
		expect(e?.place_name).not.toBe('Moscow');
	});
});

