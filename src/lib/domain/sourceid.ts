// The one rule for source ids: the article file names (geodata/articles/<id>.md) and every event's source_id.
// Imports, saved articles, the article pages and the ingest CLI all check it here.

/** Longest source id (characters). */
export const SOURCE_ID_MAX = 120;

/** Lower-case letters, digits, "_" and "-", starting with a letter or digit: nothing that could leave a folder. */
export const SOURCE_ID = new RegExp(`^[a-z0-9][a-z0-9_-]{0,${SOURCE_ID_MAX - 1}}$`);

/** Why `id` is not a valid source id, or null when it is. */
export function sourceIdProblem(id: string): string | null {
	if (SOURCE_ID.test(id)) return null;
	return `${JSON.stringify(id.slice(0, 40))}${id.length > 40 ? '…' : ''} is not a valid source id: use 1–${SOURCE_ID_MAX} lower-case letters, digits, "_" or "-", and start with a lower-case letter or digit`;
}
