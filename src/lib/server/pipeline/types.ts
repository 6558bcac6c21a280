// Types the pipeline stages share: a parsed article and the gazetteer interface the extractor is given.
import type { Geometry } from 'geojson';
import type { Place, PlaceMention } from '../../domain/place';

export interface ArticleMeta {
	title: string;
	publisher: string | null;
	url: string | null;
	/** `YYYY-MM-DD`, or null when the article gives no publication date (relative dates then stay unknown). */
	published: string | null;
	/** BCP 47 tag, e.g. `en`, `ar`. */
	language: string;
	/** Front-matter fields that are editorial inference rather than stated by the source. */
	inferred: string[];
	/** True when the article had YAML front matter. */
	hasFrontMatter: boolean;
}

export interface Article {
	meta: ArticleMeta;
	/** Everything after the front matter; all offsets are UTF-16 code units into it. */
	body: string;
	/** The file stem, slugged to `[a-z0-9_-]`. */
	sourceId: string;
	file: string;
}

/** What the extractor needs from the gazetteer (implemented by src/lib/server/gazetteer). */
export interface Gazetteer {
	geoparseDocument(text: string, options: { language: string }): PlaceMention[];
	byId(id: string): Place | null;
	shapeOf(id: string): Geometry | null;
	search(q: string, limit: number): Place[];
}
