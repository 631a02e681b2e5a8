// The shared query lexicon (see query-text.ts for why it lives in lib/language): pure readers of
// film requests used by router/ (features) and lib/reasoning (the offline reasoner).
export { analyseQuery } from "./analyse-query";
export type { AnalyseOptions, Negatable, QueryAnalysis, TitleInQuery, WholeTitle } from "./query-analysis";
export { buildCatalogLexicon, type CatalogLexicon, type TitleLookup } from "./catalog-lexicon";
export { findFollowUpSignals, type FollowUpChange, type FollowUpSignal } from "./follow-up-words";
export { findGenreMentions, isGenreWord, type GenreMention } from "./genre-words";
export { findLanguageMentions, languageCodesOf, type LanguageMention } from "./language-words";
export { findNegationCues, negatedTargets, type NegationCue } from "./negation";
export { PeopleLexicon, type PersonEntry, type PersonMention } from "./people-lexicon";
export { FILLER_WORDS, matchPhrases, parseNumber, queryText, type QueryText, type TokenSpan } from "./query-text";
export { ABOUT_TOLERANCE_MINUTES, combineRuntimeMentions, findRuntimeMentions, LONG_MIN_MINUTES, SHORT_MAX_MINUTES, type RuntimeMention } from "./runtime-expressions";
export { findCountMentions, findDiscoveryMentions, findSortMentions, type CountMention, type DiscoveryMention, type SortMention, type SortWord } from "./sort-words";
export { titleIntent, type TitleIntent, type TitleLookup as TitleLookupIntent } from "./title-intent";
export { findVibeMentions, VIBE_NAMES, type VibeMention } from "./vibe-words";
export { combineYearMentions, findYearMentions, type YearMention, type YearOptions } from "./year-expressions";
