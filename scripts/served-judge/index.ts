/** The served-answers judge of `npm run eval:served`, importable by tests (runServedEval on any engine). */
export { coLikedNeighbours } from "./co-liked-neighbours";
export { judgeAnswer, type AskedContext } from "./judge-answer";
export { loadJudgeData } from "./judge-data";
export { type MovieLensData } from "./movielens-data";
export { driftTable, exampleLines, MARK_LEGEND, missLines, phrasingTable, targetLines } from "./report";
export { DEFAULT_FILMS, DEFAULT_SEED, runServedEval, type ServedEvalResult } from "./run-served-eval";
export { TARGETS } from "./targets";
export { contentWords } from "./title-words";
export { seededTypo } from "./typo";
export { spokenTitle, typedTitle } from "./typed-title";
