import { similarItems, recommendForUser, type TimelineBlend } from "./cf-neighbours";
import type { KeywordSearch } from "./keyword-search";
import { fuseRankedLists, type FusedItem, type RankedList } from "./rank-fusion";
import type { VectorIndex } from "./vector-index";

/**
 * Timeline co-occurrence neighbours and how a session's likes are blended through them: the
 * blend `recommendForUser` takes, with the session's `historyLength` most recent likes as history.
 */
export type SessionTimeline = Omit<TimelineBlend, "history"> & { historyLength: number };

/**
 * The CF model as serving sees it: item vectors and their nearest-neighbour index, and the
 * timeline co-occurrence neighbours blended with them when scoring a session's taste.
 */
export interface CfModel {
  index: VectorIndex;
  itemVectors: Float32Array;
  timeline?: SessionTimeline | null;
}

export interface FastPathRequest {
  query: string;
  limit: number;
  /** 0 favours popular picks, 1 the least obvious relevant ones; default 0.25. */
  discovery?: number;
  /** The session's folded-in user vector (from liked items), when there is one. */
  userVector?: Float32Array | null;
  /** The session's liked items, most recent first (as sessions store them): the latest ones' timeline neighbours join the session-taste list. */
  likedItems?: readonly number[];
  /** Items never returned (disliked or dismissed in the session). */
  exclude?: ReadonlySet<number>;
}

export interface FastPathResources {
  keyword: KeywordSearch;
  cf: CfModel | null;
  /** Popularity per item scaled to [0, 1]. */
  popularity: Float64Array;
}

export interface FastPathResult {
  items: FusedItem[];
  /** Items the query named as references ("like Heat"): seeds, not answers. */
  references: number[];
  reasons: string[];
}

/** How far the popularity prior moves a fused score: about one top-rank RRF contribution. */
const POPULARITY_PRIOR = 0.012;
const CANDIDATES_PER_LIST = 100;
/** Keyword hits whose CF neighbours widen a short keyword answer. */
const SPARSE_SEEDS = 3;

/**
 * The fast path: BM25 + title matches, CF neighbours of named or referenced titles, and the
 * session's taste vector, fused by weighted RRF with a popularity prior that the discovery knob
 * turns from a boost (0) into a penalty (1). No LLM, no I/O.
 */
export function retrieveFast(request: FastPathRequest, resources: FastPathResources): FastPathResult {
  const { keyword, cf, popularity } = resources;
  const discovery = Math.min(1, Math.max(0, request.discovery ?? 0.25));
  const reasons: string[] = [];
  const lists: RankedList[] = [];

  const mentions = keyword.titles.findMentions(request.query);
  const references = [...new Set(mentions.filter((mention) => mention.asReference).map((mention) => mention.itemIndex))];
  const wholeTitle = keyword.titles.match(request.query, 1, 0.85)[0];
  const keywordHits = keyword.search(request.query, CANDIDATES_PER_LIST).map((hit) => hit.itemIndex);

  if (references.length > 0) {
    // "movies like Heat": the words of the title are not what is wanted, its neighbours are.
    reasons.push(`reference title${references.length > 1 ? "s" : ""}: CF neighbours`);
    lists.push({ name: "keyword", weight: 0.25, items: keywordHits });
  } else {
    lists.push({ name: "keyword", weight: 1, items: keywordHits });
  }
  if (references.length === 0 && wholeTitle) {
    // The query is a title: that film comes first, whatever the other lists agree on.
    lists.push({ name: "title", weight: 3, items: [wholeTitle.itemIndex] });
  }
  const seeds = references.length > 0 ? references : wholeTitle ? [wholeTitle.itemIndex] : [];
  if (cf && seeds.length > 0) {
    for (const seed of seeds) {
      const neighbours = similarItems(cf.index, cf.itemVectors, seed, CANDIDATES_PER_LIST).map((neighbour) => neighbour.itemIndex);
      lists.push({ name: "cf-neighbours", weight: references.length > 0 ? 1.2 : 0.5, items: neighbours });
    }
    if (references.length === 0) reasons.push("title match, then CF neighbours");
  }
  if (cf && seeds.length === 0 && keywordHits.length > 0 && keywordHits.length < request.limit) {
    // Few keyword hits ("Pixar" names four films in the data): their CF neighbours fill the
    // answer with films the same people watched, instead of a short list.
    for (const seed of keywordHits.slice(0, SPARSE_SEEDS)) {
      const neighbours = similarItems(cf.index, cf.itemVectors, seed, CANDIDATES_PER_LIST).map((neighbour) => neighbour.itemIndex);
      lists.push({ name: "cf-neighbours", weight: 0.3, items: neighbours });
    }
    reasons.push(`only ${keywordHits.length} keyword match${keywordHits.length > 1 ? "es" : ""}: CF neighbours of them too`);
  }
  if (cf && request.userVector) {
    const timeline =
      cf.timeline && request.likedItems?.length ? { model: cf.timeline.model, weight: cf.timeline.weight, history: request.likedItems.slice(0, cf.timeline.historyLength) } : undefined;
    const forUser = recommendForUser(cf.index, cf.itemVectors, request.userVector, CANDIDATES_PER_LIST, { exclude: request.exclude, timeline });
    if (forUser.length > 0) {
      lists.push({ name: "session-taste", weight: 0.5, items: forUser.map((neighbour) => neighbour.itemIndex) });
      reasons.push(timeline ? "session taste from liked items: WALS vector + timeline neighbours" : "session taste vector from liked items");
    }
  }
  if (references.length === 0 && !wholeTitle) reasons.push("keyword search: BM25 over title, people, keywords, tags, overview");

  const excluded = new Set([...(request.exclude ?? []), ...references]);
  const priorScale = POPULARITY_PRIOR * (1 - 2 * discovery);
  const fused = fuseRankedLists(lists, (itemIndex) => priorScale * popularity[itemIndex]).filter((item) => !excluded.has(item.itemIndex));
  if (discovery !== 0.25) reasons.push(`discovery ${discovery.toFixed(2)}: popularity prior ${priorScale >= 0 ? "boost" : "penalty"}`);
  return { items: fused.slice(0, request.limit), references, reasons };
}
