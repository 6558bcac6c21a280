// Russian, Ukrainian and Polish articles: declined place names, date words, triggers, actors and language detection.
// Every sentence here is written for this test (none is from a dev set); the code before these languages read none.
import { describe, expect, it } from 'vitest';
import { loadGazetteer, type Gazetteer } from '../../src/lib/server/gazetteer';
import { classify } from '../../src/lib/server/pipeline/classify';
import { readDates } from '../../src/lib/server/pipeline/dates';
import { detectLanguage } from '../../src/lib/server/pipeline/article';
import { actorsIn } from '../../src/lib/server/pipeline/actors';
import { ingestArticleText } from '../../src/lib/server/pipeline/ingest';
import { compileCaseRules, nominativeReadings } from '../../src/lib/server/pipeline/lang/inflection';
import { languageLabel } from '../../src/lib/state/format';

// Loaded with the module, as the other gazetteer tests do: a fresh clone builds the gazetteer's cache on first load
// (tens of seconds on a busy 2-core machine), longer than a hook may take.
const gaz: Gazetteer = loadGazetteer();

const placesIn = (text: string, language: string): string[] => gaz.geoparseDocument(text, { language }).map((m) => `${m.text}=${m.place.name}`);

describe('declined place names reach the gazetteer’s nominatives', () => {
	// [language, sentence, surface form, the place's English name]
	const CASES: [string, string, string, string][] = [
		['ru', 'Колонна прошла через центр Могилёва утром.', 'Могилёва', 'Mahilyow'],
		['ru', 'Бои продолжаются под Бахмутом.', 'Бахмутом', 'Bakhmut'],
		['ru', 'Взрыв прогремел в Херсоне.', 'Херсоне', 'Kherson'],
		['ru', 'Беженцы прибывают в Польшу из Украины.', 'Украины', 'Ukraine'],
		['ru', 'Переговоры прошли в Нижнем Новгороде.', 'Нижнем Новгороде', 'Nizhniy Novgorod'],
		['uk', 'Вибух пролунав у Запоріжжі.', 'Запоріжжі', 'Zaporizhzhya'],
		['uk', 'Потяг вирушив до Одеси.', 'Одеси', 'Odesa'],
		['uk', 'Колона рухалася зі Львова.', 'Львова', 'Lviv'],
		['uk', 'Мешканці Тернополя вийшли на мітинг.', 'Тернополя', 'Ternopil'],
		['pl', 'Pociąg z Kijowa przyjechał do Przemyśla.', 'Przemyśla', 'Przemyśl'],
		['pl', 'Walki trwają pod Lwowem.', 'Lwowem', 'Lviv'],
		['pl', 'Protest odbył się w Suwałkach.', 'Suwałkach', 'Suwałki'],
		['pl', 'Premier przyjechał do Gdańska, a potem na Litwę.', 'Gdańska', 'Gdańsk']
	];
	it.each(CASES)('%s: "%s" names %s as %s', (language, sentence, surface, name) => {
		expect(placesIn(sentence, language)).toContain(`${surface}=${name}`);
	});

	it('a building named after one town and placed in another by the text stands in the second', () => {
		expect(placesIn('Переговоры прошли в Константиновском дворце в Стрельне.', 'ru')).toEqual(['Стрельне=Strel\'na']);
		expect(placesIn('Переговори пройшли в Маріїнському палаці в Києві.', 'uk')).toEqual(['Києві=Kyiv']);
		// No noun between them, or a list of two towns: both are places.
		expect(placesIn('Дрон влучив в об\'єкт поблизу Стрия на Львівщині.', 'uk')).toEqual(['Стрия=Stryi', 'Львівщині=Lviv Oblast']);
		expect(placesIn('Бои шли под Харьковом и в Киеве.', 'ru')).toEqual(['Харьковом=Kharkiv', 'Киеве=Kyiv']);
		expect(placesIn('Walczono pod Charkowem i w Kijowie.', 'pl')).toEqual(['Charkowem=Kharkiv', 'Kijowie=Kyiv']);
	});

	it('Polish plural names in the genitive, which have no ending, and names declined like adjectives', () => {
		expect(placesIn('Autobus jechał do Katowic i Kielc, a potem koło Suwałk.', 'pl')).toEqual(['Katowic=Katowice', 'Kielc=Kielce', 'Suwałk=Suwałki']);
		expect(placesIn('Ewakuowano mieszkańców Gliwic, a rannych przewieziono do Puław.', 'pl')).toEqual(['Gliwic=Gliwice', 'Puław=Puławy']);
		expect(placesIn('Rolnicy protestowali w Hrebennem.', 'pl')).toEqual(['Hrebennem=Hrebenne']);
		expect(placesIn('Marek i Jacek pojechali na ryby.', 'pl')).toEqual([]);
	});

	it('the nominative still matches as written, and a capitalised ordinary word is not made a place', () => {
		expect(placesIn('Харків і Луцьк', 'uk')).toEqual(['Харків=Kharkiv', 'Луцьк=Lutsk']);
		expect(placesIn('Вчера вечером стало известно.', 'ru')).toEqual([]);
		expect(placesIn('Wczoraj wieczorem ogłoszono.', 'pl')).toEqual([]);
	});

	it('only languages whose names decline read case forms: an English text keeps "Minske" unknown', () => {
		expect(placesIn('Troops moved to Minske.', 'en')).toEqual([]);
		expect(placesIn('Войска вошли в Минске.', 'ru')).toEqual(['Минске=Minsk']);
	});

	it('a first-level region by its adjective and a region noun, or by its centre’s colloquial name', () => {
		expect(placesIn('Дроны сбиты над Курской областью и в Брянской области.', 'ru')).toEqual(['Курской областью=Kursk Oblast', 'Брянской области=Bryansk Oblast']);
		expect(placesIn('Обстріли тривають на Харківщині та в Запорізькій області.', 'uk')).toEqual(['Харківщині=Kharkiv Oblast', 'Запорізькій області=Zaporizhzhia Oblast']);
		expect(placesIn('Rolnicy protestowali w województwie lubelskim i w obwodzie lwowskim.', 'pl')).toEqual(['województwie lubelskim=Lubelskie', 'obwodzie lwowskim=Lviv Oblast']);
	});

	it('a town’s capitalised adjective opens the name of something in that town; the adjective is no state actor', () => {
		expect(placesIn('Вчера Гомельский областной суд вынес приговор.', 'ru')).toEqual(["Гомельский=Homyel'"]);
		expect(placesIn('Київський апеляційний суд залишив вирок без змін.', 'uk')).toEqual([]); // sentence-initial: no evidence
		expect(placesIn('Вчора Київський апеляційний суд залишив вирок без змін.', 'uk')).toEqual(['Київський=Kyiv']);
		expect(actorsIn('Вчера Минский городской суд приговорил активиста.').map((a) => a.name)).toEqual([]);
		expect(actorsIn('Вчера Минск заявил протест.').map((a) => a.name)).toEqual(['Belarus']);
	});

	it('Ukrainian instrumental -ею of a name ending in -а after a hushing consonant (з Польщею)', () => {
		expect(placesIn('Учора фермери протестували на кордоні з Польщею.', 'uk')).toEqual(['Польщею=Poland']);
	});

	it('the adjective of a town whose name ends in a vowel and does not decline (-е, -и: Туапсе, Сочи) adds -инск-', () => {
		expect(placesIn('Вчера Туапсинский районный суд арестовал двоих.', 'ru')).toEqual(['Туапсинский=Tuapse']);
		expect(placesIn('Накануне Сочинский городской суд оштрафовал блогера.', 'ru')).toEqual(['Сочинский=Sochi']);
		expect(placesIn('Учора Сочинський міський суд оштрафував блогера.', 'uk')).toEqual(['Сочинський=Sochi']);
		expect(placesIn('Вчера Минский городской суд вынес приговор.', 'ru')).toEqual(['Минский=Minsk']); // a short stem keeps its own reading
	});

	it('a town named with its region is where it happened, not the region', () => {
		const placed = (language: string, published: string, body: string) =>
			ingestArticleText(`---\ntitle: "t"\npublished: ${published}\nlanguage: ${language}\n---\n${body}\n`, 'x.md', gaz).events.map((e) => e.properties.place_name);
		expect(placed('uk', '2023-10-04', 'Уночі окупанти обстріляли з важкої артилерії Нікополь на Дніпропетровщині.')).toEqual(['Nikopol']);
		expect(placed('ru', '2024-03-14', 'Ночью ВСУ обстреляли из РСЗО Шебекино в Белгородской области.')).toEqual(['Shebekino']);
	});

	it('case endings are rules, with the Ukrainian о/е → і alternation of closed syllables', () => {
		const uk = compileCaseRules({ endings: { а: [''], і: [''] }, closedSyllable: { о: 'і', е: 'і', є: 'ї' } });
		expect(nominativeReadings('харкова', uk)).toContain('харків');
		expect(nominativeReadings('києві', uk)).toContain('киів'); // Київ, folded as index keys are
		expect(nominativeReadings('львів', uk)).not.toContain('львів'); // never the word itself
	});
});

describe('dates in Russian, Ukrainian and Polish resolve against publication and the narrative', () => {
	const read = (s: string, language: string, published: string, day: string | null = null) =>
		readDates(s, language, published, { day }).map((r) => [r.text, r.date, r.precision]);

	it('an explicit day-month date, with or without a year, and after a time of day', () => {
		expect(read('Утром 12 апреля дроны атаковали нефтебазу.', 'ru', '2024-04-13')).toEqual([['12 апреля', '2024-04-12', 'day']]);
		expect(read('3 січня 2023 року ракета влучила в будинок.', 'uk', '2023-01-05')).toEqual([['3 січня 2023 року', '2023-01-03', 'day']]);
		expect(read('Dnia 14 lutego policja zatrzymała trzech mężczyzn.', 'pl', '2024-02-20')).toEqual([['14 lutego', '2024-02-14', 'day']]);
	});

	it('relative days count back from publication and never land after it', () => {
		// 2024-03-07 is a Thursday.
		expect(read('Вчера в Гомеле задержали активиста.', 'ru', '2024-03-07')).toEqual([['Вчера', '2024-03-06', 'day']]);
		expect(read('Учора в Рівному пролунали вибухи.', 'uk', '2024-03-07')).toEqual([['Учора', '2024-03-06', 'day']]);
		expect(read('У понеділок у Луцьку пройшов мітинг.', 'uk', '2024-03-07')).toEqual([['У понеділок', '2024-03-04', 'day']]);
		expect(read('We wtorek w Gdańsku odbył się protest.', 'pl', '2024-03-07')).toEqual([['We wtorek', '2024-03-05', 'day']]);
		expect(read('Wczoraj w Łodzi zatrzymano dwie osoby.', 'pl', '2024-03-07')).toEqual([['Wczoraj', '2024-03-06', 'day']]);
		expect(read('W nocy z wtorku na środę drony uderzyły w Odessę.', 'pl', '2024-03-07')).toEqual([['W nocy z wtorku na środę', '2024-03-06', 'day']]);
	});

	it('a month in its locative case is that month, this year or last', () => {
		expect(read('В январе в Бресте прошли обыски.', 'ru', '2024-03-07')).toEqual([['В январе', '2024-01-15', 'month']]);
		expect(read('W grudniu w Warszawie protestowali rolnicy.', 'pl', '2024-03-07')).toEqual([['W grudniu', '2023-12-15', 'month']]);
	});

	it('"the day before", "the next day" count from the narrative’s day', () => {
		expect(read('Накануне в Брянске упал беспилотник.', 'ru', '2024-03-07', '2024-03-05')).toEqual([['Накануне', '2024-03-04', 'day']]);
		expect(read('Наступного дня в Сумах оголосили евакуацію.', 'uk', '2024-03-07', '2024-03-05')).toEqual([['Наступного дня', '2024-03-06', 'day']]);
		expect(read('Następnego dnia w Chełmie zebrał się sztab.', 'pl', '2024-03-07', '2024-03-05')).toEqual([['Następnego dnia', '2024-03-06', 'day']]);
	});
});

describe('triggers in Russian, Ukrainian and Polish', () => {
	const TRIGGERS: [string, string, string][] = [
		['ru', 'Российские войска обстреляли окраины Харькова.', 'ASSAULT'],
		['ru', 'В Гродно силовики задержали трёх журналистов.', 'COERCE'],
		['ru', 'Сотни жителей вышли на митинг в Хабаровске.', 'PROTEST'],
		['ru', 'Евросоюз ввёл новые санкции против Белоруссии.', 'SANCTION'],
		['uk', 'Ворожий дрон атакував нафтобазу в Рівному.', 'ASSAULT'],
		['uk', 'Поліція затримала чоловіка у Вінниці.', 'COERCE'],
		['uk', 'Міністри провели переговори у Варшаві.', 'CONSULT'],
		['pl', 'Rosyjskie drony zaatakowały port w Izmaile.', 'ASSAULT'],
		['pl', 'Rolnicy protestowali w Dorohusku przeciwko importowi zboża.', 'PROTEST'],
		['pl', 'Policja zatrzymała w Białej Podlaskiej dwóch przemytników.', 'COERCE']
	];
	it.each(TRIGGERS)('%s: "%s" states a %s event', (language, sentence, type) => {
		expect(classify(sentence, language)[0]).toMatchObject({ type, modal: false });
	});

	it('a denied or planned act is not a report that it happened', () => {
		const attacks = (s: string, language: string) => classify(s, language).filter((t) => t.type === 'ASSAULT');
		expect(attacks('Войска не атаковали город.', 'ru')).toEqual([]);
		expect(attacks('Сили оборони не обстрілювали село.', 'uk')).toEqual([]);
		expect(attacks('Wojsko nie ostrzelało wsi.', 'pl')).toEqual([]);
		expect(attacks('Войска атаковали город.', 'ru')).toHaveLength(1);
		expect(classify('Армия может атаковать город.', 'ru')[0]).toMatchObject({ type: 'ASSAULT', modal: true });
		expect(classify('Rosja może zaatakować Litwę.', 'pl')[0]).toMatchObject({ type: 'ASSAULT', modal: true });
	});
});

describe('actors and language detection', () => {
	it('actors are found in their Cyrillic and Polish forms, declined; a country as a place is not an actor', () => {
		expect(actorsIn('Лукашенко встретился с Путиным в Сочи.').map((a) => a.name)).toEqual(['Alexander Lukashenko', 'Vladimir Putin']);
		expect(actorsIn('Zełenski rozmawiał z Łukaszenką.').map((a) => a.name)).toEqual(['Volodymyr Zelensky', 'Alexander Lukashenko']);
		expect(actorsIn('Протесты прошли в России.').map((a) => a.name)).not.toContain('Russia');
	});

	it('tells Ukrainian, Russian, Belarusian and Polish apart by their letters and words', () => {
		expect(detectLanguage('Російські війська обстріляли Херсон, є загиблі та поранені.')).toBe('uk');
		expect(detectLanguage('Российские войска обстреляли Херсон, есть погибшие и раненые.')).toBe('ru');
		expect(detectLanguage('Расійскія войскі абстралялі Херсон, ёсць загінуўшыя.')).toBe('be');
		expect(detectLanguage('Rosyjskie wojska ostrzelały Chersoń, są zabici i ranni.')).toBe('pl');
		expect(detectLanguage('Russian troops shelled Kherson; Przewodów and Łódź were quiet.')).toBe('en');
	});
});

describe('an article in each language becomes dated, placed events with evidence in its own words', () => {
	const article = (language: string, published: string, body: string) =>
		ingestArticleText(`---\ntitle: "t"\npublished: ${published}\n---\n${body}\n`, `${language}.md`, gaz).events.map((e) => {
			const p = e.properties;
			return [p.language, p.event_type, p.place_name, p.date, p.date_precision];
		});

	it('Russian, Ukrainian and Polish, the language detected from the text', () => {
		expect(article('ru', '2024-03-07', 'Вчера в Гомеле силовики задержали двух активистов.')).toEqual([['ru', 'COERCE', "Homyel'", '2024-03-06', 'day']]);
		expect(article('uk', '2024-03-07', 'У вівторок ворожий дрон атакував нафтобазу в Рівному.')).toEqual([['uk', 'ASSAULT', 'Rivne', '2024-03-05', 'day']]);
		expect(article('pl', '2024-03-07', 'We wtorek w Chełmie rolnicy protestowali przeciwko importowi zboża.')).toEqual([['pl', 'PROTEST', 'Chełm', '2024-03-05', 'day']]);
	});
});

describe('the dashboard names every language by name', () => {
	it('the language facet reads "Ukrainian (uk)", not a bare code; an unknown tag stays as it is', () => {
		expect(['uk', 'pl', 'ru', 'be', 'ar', 'en'].map(languageLabel)).toEqual(['Ukrainian (uk)', 'Polish (pl)', 'Russian (ru)', 'Belarusian (be)', 'Arabic (ar)', 'English (en)']);
		expect(languageLabel('und')).toBe('und');
		expect(languageLabel('not a tag')).toBe('not a tag');
	});
});
