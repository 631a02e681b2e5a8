/** The served-answers judge of `npm run eval:served`, importable by tests (runServedEval on any engine). */
export { ContentIndex, contentRelated, type ContentProfile } from "./content-relevance";
export { coLikedNeighbours, NeighbourCache, SHRINKAGE, type Neighbour } from "./co-liked-neighbours";
export { findJudgeData, type JudgeDataLocation } from "./data-location";
export { drawFilms, filmPool, MIN_LIKES, type DrawnFilm, type FilmPool } from "./film-draw";
export { itemIdOf, movieIdOf } from "./item-ids";
export { EXCUSED_NEIGHBOURS, judgeAnswer, NEXT_ITEMS, RELEVANT_NEIGHBOURS, type AnswerJudgement, type AskedContext, type ItemMark, type ShownItem } from "./judge-answer";
export { loadJudgeData, type JudgeData } from "./judge-data";
export type { SideMetrics } from "./metrics";
export { loadMovieLens, type MovieLensData, type MovieLensFilm } from "./movielens-data";
export { PHRASINGS, REFERENCE_PHRASING, renderPhrasing, selectPhrasings, type Phrasing, type PhrasingKind } from "./phrasings";
export { driftTable, exampleLines, MARK_LEGEND, missLines, phrasingTable, targetLines } from "./report";
export { DEFAULT_FILMS, DEFAULT_SEED, KEPT_MISSES, runServedEval, type PhrasingResult, type ServedEvalOptions, type ServedEvalResult, type ServedExample, type TargetMiss } from "./run-served-eval";
export { checkTargets, TARGETS, type TargetResult } from "./targets";
export { allWords, contentWords, FILLER_STOP_WORDS, fillerWords, sharesWord, STOP_WORDS } from "./title-words";
export { seededTypo, type Typo } from "./typo";
export { spokenTitle, typedTitle } from "./typed-title";
