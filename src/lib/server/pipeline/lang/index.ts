// The language profiles the extractor knows; a language without one gets English's (its triggers decide if events come).
import { ar } from './ar';
import { en } from './en';
import { pl } from './pl';
import { ru } from './ru';
import { uk } from './uk';
import type { LanguageProfile } from './types';

export type { LanguageProfile } from './types';

const PROFILES: Record<string, LanguageProfile> = { en, ar, ru, uk, pl };

/** Every profile, for what holds in any language's text (page furniture from a site in another language). */
export const PROFILE_LIST: readonly LanguageProfile[] = Object.values(PROFILES);

/** The profile of a BCP 47 tag (`ar-EG` → Arabic), English when there is none for it. */
export function profileFor(language: string): LanguageProfile {
	return PROFILES[language.split('-')[0]!.toLowerCase()] ?? en;
}
