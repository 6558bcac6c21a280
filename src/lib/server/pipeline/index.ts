// The event pipeline's public surface: articles in, dated and typed GeoJSON events out.
export { parseArticle, detectLanguage, sourceIdOf, ArticleError } from './article';
export { splitSentences, type Span } from './sentences';
export { readDates, inheritedDate, weekdayOnOrBefore, type DateReading } from './dates';
export { classify, findTriggers, type Trigger } from './classify';
export { findActors } from './actors';
export { extractEvents, extractArticle, eventId, isBoilerplate, type Extraction } from './extract';
export { serializeEvents, serializePlaces, buildPlaces, canonicalEvents } from './output';
export { ingestArticleText, ingestPaths, collectFiles, readCorrections, type IngestSummary, type IngestedArticle } from './ingest';
export type { Article, ArticleMeta, Gazetteer } from './types';
