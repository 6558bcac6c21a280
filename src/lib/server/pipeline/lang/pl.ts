// Polish: the words that mark a place mention's role, and the case endings of place names (w Warszawie, do Lwowa).
import { compileAdjectiveRules, compileCaseRules } from './inflection';
import { plChrono } from './pl-chrono';
import { lastWords } from './words';
import type { LanguageProfile } from './types';

export const pl: LanguageProfile = {
	code: 'pl',
	crossingBefore: /(?:^|[^\p{L}])przej(?:ście|ścia|ściu|ściem|ść|ściach|ściami)(?:\s+graniczn\p{L}*)?(?:\s*:)?\s+(?:w|we|na|do|z|ze|przez)\s+$/iu,
	locative: lastWords('w|we|na|pod|koło|obok|przy|u|nad|w pobliżu|w okolicy|w okolicach|w rejonie|na obrzeżach|na przedmieściach|niedaleko|nieopodal|wokół|przez|wzdłuż|na północ od|na południe od|na zachód od|na wschód od'),
	origin: lastWords('z|ze|od|z terytorium|ze strony'),
	destination: lastWords('do|ku|w kierunku|w stronę|przeciwko|wkroczyły do|wkroczyli do'),
	route: lastWords('w drodze do|po drodze do|zmierzając\\p{L}* do|lecąc\\p{L}* do'),
	addressee: lastWords('sankcje wobec|sankcje na|według|na prośbę|na wniosek|w imieniu|ambasador|ambasadora|ambasadzie|ambasada|wezwał|wezwali|oskarżył|oskarżyli|oskarża'),
	phraseWords: new Set([
		'miasto', 'miasta', 'mieście', 'wieś', 'wsi', 'wioska', 'wiosce', 'osada', 'gmina', 'gminie', 'gminy', 'powiat', 'powiecie', 'powiatu', 'województwo',
		'województwie', 'regionie', 'region', 'obwodzie', 'obwód', 'centrum', 'okolicach', 'okolicy', 'obrzeżach', 'przedmieściach', 'stolica', 'stolicy',
		'granica', 'granicy', 'przygranicznej', 'przygranicznym', 'okupowanym', 'okupowanej', 'ukraińskim', 'ukraińskiego', 'rosyjskim', 'rosyjskiego',
		'białoruskim', 'polskim', 'porcie', 'lotnisku', 'lotnisko', 'stacji', 'dworcu', 'i', 'oraz', 'tym', 'samym', 'północnej', 'południowej',
		'wschodniej', 'zachodniej', 'części', 'm', 'teren', 'terenie', 'rejon', 'rejonie'
	]),
	actsAfter: /^\s+(?:(?:już|także|również|ponownie|oficjalnie|wcześniej)\s+)*(?:oświadczył\p{L}*|oświadcza|poinformował\p{L}*|informuje|ogłosił\p{L}*|ogłasza|oskarżył\p{L}*|oskarża|zażądał\p{L}*|żąda|odrzucił\p{L}*|odrzuca|potępił\p{L}*|potępia|zdecydował\p{L}*|zagroził\p{L}*|grozi|wezwał\p{L}*|wzywa|uważa|wprowadził\p{L}*|wprowadza|wydalił\p{L}*|zaprzecza|zaprzeczył\p{L}*|uznał\p{L}*|zgodził\p{L}*|odpowiedział\p{L}*|zaproponował\p{L}*|nalega|poparł\p{L}*|popiera|chce|chcą|planuje)(?![\p{L}])/iu,
	territoryAfter: /^\s+(?:terytori\p{L}*|ziemi\p{L}*|przestrze\p{L}* powietrzn\p{L}*|granic\p{L}*|stron\p{L}*)/iu,
	territoryBefore: /(?!)/,
	including: lastWords('w tym|między innymi|m\\.in\\.|na przykład|zwłaszcza|szczególnie'),
	placesBefore: /(?:miast\p{L}*|wsi\p{L}*|miejscowoś\p{L}*|region\p{L}*|województw\p{L}*|powiat\p{L}*|obiekt\p{L}*|cel\p{L}*|kraj\p{L}*)[^.;]{0,80}$/iu,
	agent: lastWords('przy wsparciu|ze strony|przez'),
	launchBefore: /(?:^|[^\p{L}])(?:wystrzelon\p{L}*|wystrzelił\p{L}*|odpalon\p{L}*|wystartował\p{L}*|start\p{L}*)\s+(?:\S+\s+){0,4}$/iu,
	notPlaceBefore: /(?:^|[^\p{L}])(?:morz\p{L}|zatok\p{L}|jezior\p{L}|rzek\p{L}|cieśnin\p{L})\s*$/iu,
	notPlaceAfter: /^\s+(?:czasu|czas)(?![\p{L}])/iu,
	furniture: /subskrybuj|zapisz się|newsletter|cookie|ciasteczk|wszelkie prawa zastrzeżone|czytaj także|czytaj też|udostępnij/iu,
	caption: /\((?:Reuters|AFP|AP|PAP|EPA)\)\s*$/iu,
	subjectPronoun: /(?:^|[\s,;(])(?:on|ona)(?![\p{L}])/iu,
	borderWord: /(?:^|[^\p{L}])(granica|granicy|granicę|granicą|granic)(?![\p{L}])/iu,
	borderLink: /^\s*(?:(?:przejści\p{L}*\s+graniczn\p{L}*)\s+)?(z|ze|między)\s/iu,
	borderWith: /^(?:z|ze)$/iu,
	twoCountries: /(?:^|[^\p{L}])(?:obu|dwóch) krajów(?![\p{L}])/iu,
	listJoint: /^\s*(?:,|,?\s*i|,?\s*oraz|,?\s*lub|,?\s*albo)\s*$/iu,
	nationwide: /stan\p{L}* wojenn\p{L}*|stan\p{L}* wyjątkow\p{L}*|w całym kraju|powszechn\p{L}* mobilizacj\p{L}*|ogólnokrajow\p{L}*|żałob\p{L}* narodow\p{L}*/iu,
	capitalWord: /(?:^|[^\p{L}])(?:w|pod)\s+stolicy(?![\p{L}])/iu,
	stateOrgan: 'MSZ|MON|MSWiA|ministerstw\\p{L}*(?:\\s+(?:spraw\\s+zagranicznych|obrony(?:\\s+narodowej)?|spraw\\s+wewnętrznych(?:\\s+i\\s+administracji)?|sprawiedliwości|finansów|energetyki|gospodarki))?|resort\\p{L}*\\s+(?:dyplomacji|obrony|spraw\\s+zagranicznych)|rząd\\p{L}*|gabinet\\p{L}*|Kancelari\\p{L}*\\s+Prezydenta|[Ss]ztab\\p{L}*\\s+[Gg]eneraln\\p{L}*|Rad\\p{L}*\\s+Bezpieczeństwa(?:\\s+Narodowego)?',
	verbFirst: false,
	dates: {
		parser: plChrono,
		prepare: null,
		mayHaveDate: /\d|wczoraj|dziś|dzisiaj|przedwczoraj|temu|tydz|tygod|miesi|roku|stycz|lut|marc|marz|kwie|maj|czerw|lip|sierp|wrze|październ|listopad|grud|poniedział|wtor|środ|czwart|piąt|sobot|niedziel|nocy|rano|wieczorem|następn|tego samego|tego dnia|dzień wcześniej|dzień później/iu,
		namedMonth: /stycz|lut|marc|marz|kwie|maj|czerw|lip|sierp|wrze|październ|listopad|grud/iu,
		week: /tydz|tygod/iu,
		last: /zeszł|ubiegł|poprzedni|ostatni/iu,
		next: /następn|przyszł|kolejn/iu,
		ago: /temu/iu,
		vagueDays: /kilka dni|parę dni|kilku dni/iu,
		boundBefore: /(?:^|[^\p{L}])(?:do|aż do)\s+$/iu,
		sinceBefore: /(?:^|[^\p{L}])(?:od|począwszy od)\s+$/iu,
		bareYear: /(?:^|[^\p{L}])(?:w|we)\s+((?:19|20)\d\d)(?=\s*(?:roku|r\.|$|[^\d]))/giu,
		anaphora: [
			{ re: /(?:^|(?<=[^\p{L}]))(?:tego samego dnia|tego dnia|tej samej nocy|tego samego wieczoru)(?![\p{L}])/giu, days: () => 0 },
			{ re: /(?:^|(?<=[^\p{L}]))(?:następnego dnia|nazajutrz|kolejnego dnia|dzień później|następnej nocy)(?![\p{L}])/giu, days: () => 1 },
			{ re: /(?:^|(?<=[^\p{L}]))(?:dzień wcześniej|poprzedniego dnia|dzień przedtem|w przeddzień)(?![\p{L}])/giu, days: () => -1 }
		]
	},
	triggerCues: {
		negation: /(?:^|[^\p{L}])(?:nie|ani|bez)\s+(?:\S+\s+){0,2}$/iu,
		hypothetical: /(?:^|[^\p{L}])(?:jeśli|jeżeli|gdyby|jakikolwiek|jakakolwiek|jakiekolwiek|w razie|w przypadku|obaw\p{L}*)(?![\p{L}])[^.;]{0,60}$/iu,
		modal: /(?:^|[^\p{L}])(?:będzie|będą|może|mogą|mógł|mogła|mogli|planuje|planują|zamierza|zamierzają|ma zamiar|gotow\p{L}*|powin\p{L}*|chce|chcą|zagroził\p{L}*|grozi|próbował\p{L}*|usiłował\p{L}*)\s+(?:\S+\s+){0,2}$/iu,
		requested: /(?:^|[^\p{L}])(?:wezwał\p{L}*|wzywa|wzywają|zażądał\p{L}*|żąda|żądają|domaga się|domagają się)\s+(?:\S+\s+){0,4}$/iu,
		background: /^\s*(?:po(?!\s+południu)|przed|od kiedy|mimo|pomimo|na tle|podczas gdy)(?![\p{L}])/iu,
		scene: /(?:^|[^\p{L}])(?:na tle|w trakcie|podczas|po|od początku|mimo)\s+$/iu
	},
	townAdjectives: compileAdjectiveRules({
		endings: ['iego', 'iemu', 'imi', 'ie', 'iej', 'im', 'ich', 'i', 'a', 'ą', 'ego', 'emu', 'ymi', 'e', 'ej', 'ym', 'ych', 'y'],
		suffixes: [['sk', ['', 'a', 'o', 'e']], ['ck', ['ck', 'k']]]
	}),
	regionWords: {
		nouns: new Set(['wojewodztwo', 'wojewodztwie', 'wojewodztwa', 'wojewodztwem', 'obwod', 'obwodzie', 'obwodu', 'obwodem']),
		nounFirst: true,
		colloquial: null,
		adjectiveEnding: ''
	},
	caseRules: compileCaseRules({
		endings: {
			ach: ['y', 'i', 'e'], ami: ['y', 'i', 'e'],
			iego: ['i', 'ie'], ego: ['y', 'e', 'i'], iej: ['ia'], ej: ['a'], im: ['i', 'ie'], ym: ['y', 'e'], iem: [''], em: [''], ią: ['ia'], ą: ['a'],
			// k, g, r, ch soften before -e (Hajnówka → w Hajnówce, Praga → w Pradze, Góra → na Górze).
			ce: ['ka'], dze: ['ga'], rze: ['ra'], sze: ['cha'], dzie: ['da'], cie: ['ta'], le: ['ła'], ście: ['sta'],
			ie: ['', 'a', 'o'], iu: ['', 'o', 'e'], ii: ['ia'], u: ['', 'o'], y: ['a', 'y'], i: ['a', '', 'ia', 'i'], a: ['', 'o'], e: ['a', 'o'],
			// Plural names have no ending in the genitive (do Katowic, z Kielc, koło Suwałk, pod Puław, Dubicz Cerkiewnych).
			ic: ['ice'], yc: ['yce'], lc: ['lce'], cz: ['cze'], k: ['ki'], aw: ['awy'], ych: ['e', 'y'], ich: ['ie', 'i'],
			// Names declined like adjectives (Hrebenne → w Hrebennem, Korczowe → w Korczowem).
			nem: ['ne'], wem: ['we']
		},
		minStem: 2 // Lida → w Lidzie, Piła → w Pile
	})
};
