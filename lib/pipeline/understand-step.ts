import { analyseQuery, titleIntent, type QueryAnalysis, type TitleIntent } from "../language";
import type { Engine } from "./engine";

/** The request as read once for every later step: the lexicon's analysis and what its titles ask. */
export interface Understanding {
  analysis: QueryAnalysis;
  intent: TitleIntent;
}

/** Words after which a misspelt title is likely ("like the shawshenk redemtion"). */
const REFERENCE_CUE = /\b(?:like|to|as|than|of|loved|liked|enjoyed)\b/i;

/**
 * Reads the request's titles. The router analyses without typo-tolerant title spans (to stay
 * well under a millisecond); when that found no title and the request has a reference cue, it is
 * read again with them, so "movies like the shawshenk redemtion" is a reference, not a search.
 */
export function understandRequest(engine: Engine, query: string, routerAnalysis: QueryAnalysis | null): Understanding {
  let analysis = routerAnalysis ?? analyseQuery(query, engine.lexicon, { fuzzyTitles: true });
  if (routerAnalysis && !analysis.wholeTitle && analysis.titles.length === 0 && REFERENCE_CUE.test(query)) {
    analysis = analyseQuery(query, engine.lexicon, { fuzzyTitles: true });
  }
  return { analysis, intent: titleIntent(analysis, engine.lexicon) };
}
