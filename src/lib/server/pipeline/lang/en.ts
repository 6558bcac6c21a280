// English: the words that mark a place mention's role (location, origin, destination, actor).
import type { LanguageProfile } from './types';

export const en: LanguageProfile = {
	code: 'en',
	crossingBefore: /\b(?:border crossings?|border checkpoints?|checkpoints?|crossing points?|crossings?)\s+(?:at|in|of|near|into)\s+$/i,
	locative: /\b(?:in|at|near|nearby|outside|inside|around|across|throughout|within|over|on|off|along|beside|behind|past|through|on the outskirts of|the outskirts of|outskirts of|close to|not far from|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:-?(?:east|west))?(?:ern)?\s+of|kilometres? (?:north|south|east|west) of|km (?:north|south|east|west) of)$/i,
	origin: /\b(?:from|out of|away from)$/i,
	// Also the object of entering or invading ("forces entered Ukraine"): where they went.
	destination: /\b(?:to|into|towards|toward|onto|for|against|on to|entered|entering|enter|enters|invaded|invading|invade|invades|reached|reaching|crossed into)$/i,
	route: /\b(?:on (?:their|its|his|her|the|our|my) way to|en route to|bound for|headed for|heading (?:to|for|towards)|destined for)$/i,
	addressee: /\b(?:(?:sanctions?|embargo|ban|pressure|tariffs?|restrictions)\s+(?:\w+\s+)?(?:on|against)|request of|according to|on behalf of|told|urged|accused|accusing|called on|asked|ambassador to|envoy to|embassy of|ambassador of)$/i,
	phraseWords: new Set([
		'the', 'a', 'an', 'of', 'its', 'their', 'his', 'her', 'central', 'northern', 'southern', 'eastern', 'western',
		'north', 'south', 'east', 'west', 'downtown', 'occupied', 'frontline', 'front-line', 'besieged', 'embattled', 'nearby', 'neighbouring',
		'neighboring', 'small', 'port', 'village', 'villages', 'town', 'towns', 'city', 'cities', 'settlement', 'hamlet', 'region', 'district',
		'oblast', 'province', 'area', 'suburb', 'suburbs', 'outskirts', 'centre', 'center', 'capital', 'border', 'industrial', 'southeastern',
		'northeastern', 'southwestern', 'northwestern', 'key', 'strategic', 'eastern-most', 'regional', 'frontier', 'coastal', 'annexed'
	]),
	actsAfter: /^\s+(?:(?:has|have|had|also|then|later|again|officially|formally|quickly|now|reportedly)\s+)*(?:says|said|say|warns|warned|accuses|accused|denies|denied|agrees|agreed|announces|announced|threatens|threatened|claims|claimed|insists|insisted|rejects|rejected|condemns|condemned|demands|demanded|responds|responded|calls|called|urges|urged|wants|wanted|plans|planned|decides|decided|refuses|refused|recognises|recognized|recognised|recognizes|granted|grants|allowed|allows|approved|approves|supports|supported|backs|backed|imposed|imposes|expelled|expels|sent|sends|summoned|summons|blamed|blames|vowed|vows|pledged|pledges|promised|promises|offered|offers|asked|asks|told|tells|believes|believed|hopes|hoped|considers|considered|is|was|will|would|could|must|should)\b/i,
	territoryAfter: /^\s+(?:territory|soil|airspace|waters|land|ground|side of the border|border guards? post|border|villages?|towns?|cities|region)\b/i,
	territoryBefore: /(?!)/, // English puts the adjective first
	including: /\b(?:including|such as|among them|notably|especially)$/i,
	placesBefore: /\b(?:cities|towns|villages|regions|areas|places|locations|settlements|oblasts|provinces|districts|sites|targets|the country|across)\b[^.;]{0,80}$/i,
	agent: /\b(?:by|with the help of|backed by|supported by)$/i,
	launchBefore: /\b(?:launched|launch|fired|firing|took off|taking off)\s+(?:\w+\s+){0,4}$/i,
	// "UTC+3 (Moscow"; "the Sea of Azov", "the Gulf of Riga": a town's name inside a sea's or a river's.
	notPlaceBefore: /\b(?:(?:UTC|GMT)[+-]?\d*\s*\(?|(?:Sea|Gulf|Bay|Strait|Straits|Lake|Isle|Cape|Mount|Mouth)\s+of(?:\s+the)?)\s*$/,
	// "Moscow time"; "the Ukrainian Border Service", "Border Guard": an organisation named after the border.
	notPlaceAfter: /^\s+(?:[Tt]ime|[Ss]tandard [Tt]ime|[Ss]ummer [Tt]ime|Service|Guard|Guards|Committee|Troops|Agency)\b/,
	furniture:
		/cookie|leave a (comment|reply)|click to comment|^share\b|subscribe|newsletter|mailing list|copyright|all rights reserved|your email address|connect with us|^to top$|bloggers like this|contents published under|reprinted with|charitable donation|^source:/i,
	caption: /\((Reuters|AFP|AP|Getty[^)]*|EPA|TASS)\)\s*$/i,
	subjectPronoun: /(?:^|[\s,;(])(?:he|she)\b/i,
	borderWord: /\b(border|borders|frontier|border crossing)\b/i,
	borderLink: /^\s*(?:(?:posts?|crossings?|checkpoints?|areas?|regions?|guards?|zones?|towns?|villages?)\s+)?(with|between|of)\s/i,
	borderWith: /^with$/i,
	twoCountries: /\b(two|both) countries['’]?\s+borders?\b/i,
	listJoint: /^\s*(?:,|,?\s*and|,?\s*or)\s*$/u,
	nationwide: /\b(?:martial law|state of emergency|nationwide|across the country|throughout the country|all over the country|general mobili[sz]ation|national mourning)\b/i,
	capitalWord: /\b(?:in|at|near|outside|around|across)\s+the\s+capital\b(?![-\s]+(?:of|city of)\b)/i,
	stateOrgan: '(?:(?:foreign|defen[cs]e|interior|justice|economy|economic|energy|finance|health|emergencies|emergency|agriculture|culture|education)\\s+)?minist(?:ry|ries)(?:\\s+of\\s+(?:foreign\\s+affairs|defen[cs]e|(?:the\\s+)?interior|internal\\s+affairs|justice|finance|emergency\\s+situations))?|government|cabinet|foreign\\s+office|presidential\\s+(?:administration|office)|president[\'’]s\\s+office|general\\s+staff|security\\s+council|MFA|MoD',
	verbFirst: false,
	triggerCues: null,
	dates: null,
	caseRules: null,
	regionWords: null,
	townAdjectives: null
};
