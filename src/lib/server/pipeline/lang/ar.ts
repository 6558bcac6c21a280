// Arabic: the words that mark a place mention's role (location, origin, destination, actor).
import type { LanguageProfile } from './types';

export const ar: LanguageProfile = {
	code: 'ar',
	// في / ب (a proclitic: handled by the geoparser's offsets, so the name starts after it) / قرب / بالقرب من / عند / داخل / على / شمال …
	locative: /(?:^|\s)(?:في|فى|وفي|ففي|قرب|بالقرب من|قريبا من|قريباً من|عند|داخل|خارج|على|حول|أنحاء|انحاء|ضواحي|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|وسط|أطراف|اطراف)$/,
	origin: /(?:^|\s)(?:من|ومن|انطلاقا من|انطلاقاً من)$/,
	destination: /(?:^|\s)(?:إلى|الى|وإلى|نحو|باتجاه|صوب|ضد)$/,
	addressee: /(?:^|\s)(?:وفقا ل|وفقاً ل|بحسب|حسب|طلب|سفير|سفيرة|سفارة)$/,
	phraseWords: new Set(['مدينة', 'بلدة', 'قرية', 'منطقة', 'مقاطعة', 'إقليم', 'محافظة', 'العاصمة', 'ميناء', 'مدينتي', 'مدن', 'قرى', 'بلدات', 'ضواحي', 'وسط', 'شبه', 'جزيرة']),
	actsAfter: /^\s+(?:قد\s+)?(?:قالت|قال|أعلنت|أعلن|اعلنت|اعلن|نفت|نفى|اتهمت|اتهم|هددت|هدد|طالبت|طالب|رفضت|رفض|دعت|دعا|أكدت|أكد|اكدت|اكد|وافقت|وافق|أدانت|أدان|حذرت|حذر|ترى|يرى|تريد|يريد|قررت|قرر)(?:\s|$)/,
	territoryAfter: /(?!)/, // Arabic puts the noun first: see territoryBefore
	territoryBefore: /(?:الأراضي|الاراضي|أراضي|اراضي|الأجواء|الاجواء|المجال الجوي|المياه|الحدود|الأرض|الارض)\s*$/,
	agent: /(?:^|\s)(?:من قبل|بدعم من)$/,
	launchBefore: /(?:^|\s)(?:أطلقت|أطلق|اطلقت|اطلق|إطلاق|اطلاق|انطلقت|انطلق)\s+(?:\S+\s+){0,4}$/,
	// "بتوقيت موسكو" (Moscow time); "حرس الحدود" (the border guard), "خدمة الحدود" (the border service).
	notPlaceBefore: /(?:^|[\s(])(?:(?:ب|و|وب)?توقيت|حرس|خدمة|جهاز|قوات)\s*$/,
	notPlaceAfter: /(?!)/, // Arabic puts the "time" word first
	furniture: /نستخدم تسجيلك|إلغاء الاشتراك|اتصل بنا|حصة هذه المادة|^الإعلانات$|ينشر برنامج|المواقف التي تم اتخاذها|وصــل حديــثاً|تم النشر/,
	caption: /\((رويترز|فرانس برس|أ ف ب|أ\.ف\.ب)\)\s*$/,
	subjectPronoun: null, // Arabic drops subject pronouns: the verb carries the person
	borderWord: /حدود|الحدود|حدودها|حدوده|الحدودية|حدودية/,
	borderLink: /^\s*(?:(?:\S*مراكز|\S*نقاط|\S*معابر|\S*منافذ)\s+)?(مع|بين)\s/,
	borderWith: /^مع$/,
	twoCountries: null,
	listJoint: /^\s*(?:(?:\u060C|,)\s*(?:و|أو)?|و|أو)\s*$/u,
	capitalWord: /(?:^|\s)(?:في|قرب|وسط)\s+العاصمة(?!\s+\S*(?:ال\S+ية))/
};
