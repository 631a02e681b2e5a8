import { contentRelated, type ContentIndex, type ContentProfile } from "./content-relevance";
import { movieIdOf } from "./item-ids";
import { sharesWord } from "./title-words";

/** Items after the asked-for films that neighbour precision and content relevance judge. */
export const NEXT_ITEMS = 9;
/** Neighbours that count as relevant (precision) and that excuse a title-word match (noise). */
export const RELEVANT_NEIGHBOURS = 50;
export const EXCUSED_NEIGHBOURS = 100;

/** One item of an answer as the judge reads it. */
export interface ShownItem {
  id: string;
  title: string;
}

/** What the judge knows about one request before seeing its answer. */
export interface AskedContext {
  /** The films the request names (one, or two for "a mix of X and Y"). */
  askedMovieIds: number[];
  /** Union of the 50 nearest of each asked film. */
  relevant: Set<number>;
  /** Union of the 100 nearest of each asked film. */
  excused: Set<number>;
  /** Content words of the asked titles as typed (and as correctly spelled). */
  titleWords: Set<string>;
  /** Words of the phrasing around the titles ("loved", "next", "vibes", "my"), minus the titles' words. */
  fillerWords: Set<string>;
  askedContent: ContentProfile[];
}

/** How one shown item is marked in the examples: the asked film, a near neighbour, word-match noise. */
export type ItemMark = "asked" | "neighbour" | "title-word-noise" | "filler-word-noise" | "content-related" | "unrelated";

export interface AnswerJudgement {
  askedFirst: boolean;
  /** Any asked film anywhere in the answer. */
  askedShown: boolean;
  /** Of the first NEXT_ITEMS items that are not asked films: how many are among the 50 nearest. */
  relevantNext: number;
  /** …and how many are related by content. */
  contentNext: number;
  /** Shown items that are not asked films (the denominator of the noise shares). */
  others: number;
  titleWordNoise: number;
  fillerWordNoise: number;
  marks: ItemMark[];
}

/**
 * Judges one answer. The next items are the first NEXT_ITEMS (9) shown items that are not asked
 * films (items 2–10 when a lookup answers with the film first, items 1–9 when a reference is
 * rightly left out); missing items count as misses, so a short answer cannot score higher.
 * Title-word noise: a shown item whose title shares a content word with an asked title and
 * that is not among the asked films' 100 nearest; filler-word noise likewise for the words of the
 * phrasing around the titles.
 */
export function judgeAnswer(items: readonly ShownItem[], asked: AskedContext, content: ContentIndex): AnswerJudgement {
  const askedIds = new Set(asked.askedMovieIds);
  const isAsked = (item: ShownItem) => {
    const movieId = movieIdOf(item.id);
    return movieId !== null && askedIds.has(movieId);
  };
  const judgement: AnswerJudgement = {
    askedFirst: items.length > 0 && isAsked(items[0]),
    askedShown: items.some(isAsked),
    relevantNext: 0,
    contentNext: 0,
    others: 0,
    titleWordNoise: 0,
    fillerWordNoise: 0,
    marks: [],
  };
  for (const item of items) {
    if (isAsked(item)) {
      judgement.marks.push("asked");
      continue;
    }
    const movieId = movieIdOf(item.id);
    const relevant = movieId !== null && asked.relevant.has(movieId);
    const excused = movieId !== null && asked.excused.has(movieId);
    const profile = content.ofItemId(item.id);
    const related = profile !== null && asked.askedContent.some((askedProfile) => contentRelated(askedProfile, profile));
    const titleNoise = !excused && sharesWord(item.title, asked.titleWords);
    const fillerNoise = !excused && !titleNoise && sharesWord(item.title, asked.fillerWords, true);
    if (judgement.others < NEXT_ITEMS) {
      if (relevant) judgement.relevantNext++;
      if (related) judgement.contentNext++;
    }
    judgement.others++;
    if (titleNoise) judgement.titleWordNoise++;
    if (fillerNoise) judgement.fillerWordNoise++;
    judgement.marks.push(relevant ? "neighbour" : titleNoise ? "title-word-noise" : fillerNoise ? "filler-word-noise" : related ? "content-related" : "unrelated");
  }
  return judgement;
}
