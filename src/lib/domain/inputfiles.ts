// Which files are articles, by name, and how big an upload on /add may be: one rule for the ingest, the server and the page.

/** File names the ingest reads. */
export const INPUT_EXT = /\.(md|txt|html?|xhtml|xml|rss|atom|jsonl|ndjson)$/i;
/** Inputs whose text is extracted (not the file itself): saved pages, feeds, JSON Lines; their text is stored for the article pages. */
export const EXTRACTED_EXT = /\.(html?|xhtml|xml|rss|atom|jsonl|ndjson)$/i;
/** Largest file the /add page takes (bytes), text or page or feed; base64 of it fits the 2 MB article body. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;
