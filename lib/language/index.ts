// The shared query lexicon (see query-text.ts for why it lives in lib/language): pure readers of
// film requests used by router/ (features) and lib/reasoning (the offline reasoner).
export { analyseQuery } from "./analyse-query";
export type { QueryAnalysis } from "./query-analysis";
export { buildCatalogLexicon, type CatalogLexicon } from "./catalog-lexicon";
export { findLanguageMentions } from "./language-words";
export { queryText } from "./query-text";
export { titleIntent, type TitleIntent } from "./title-intent";
