// Regex builders the language modules share.

/** A word list as the last word(s) before a name (no \b: it knows only ASCII letters). */
export const lastWords = (words: string): RegExp => new RegExp(`(?:^|[^\\p{L}])(?:${words})$`, 'iu');
