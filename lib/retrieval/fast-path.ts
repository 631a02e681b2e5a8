import { recommendForUser, type PoolReranker, type TimelineBlend } from "./cf-neighbours";
import type { ItemKnnModel } from "./item-knn";
import { isSparseFilm, referenceNeighbours, type SparseFilmSupport } from "./reference-neighbours";
import type { KeywordSearch } from "./keyword-search";
import type { Provenance } from "../catalog/provenance";
import { fuseRankedLists, type FusedItem, type RankedList } from "./rank-fusion";
import { contentWords } from "./text-tokens";
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
  /** "People who loved X also loved" lists: with WALS, the neighbours of a looked-up or referenced film. */
  coLiked?: ItemKnnModel | null;
  /** The learned ranker that re-orders the head of the session-taste pool (session-ranker.ts). */
  sessionRanker?: PoolReranker | null;
}

/**
 * What the request's titles ask for, read by lib/language (`titleIntent`): retrieval looks films
 * up and follows references instead of searching the words of their titles.
 */
export interface RequestTitles {
  /** A bare-title request: that film first, its namesakes offered, its neighbours after it. */
  lookup: { itemIndex: number; namesakes: readonly number[] } | null;
  /** A series named by its first words ("harry potter"): its films first, most rated first. */
  series?: { name: string; items: readonly number[] } | null;
  /** Films whose neighbours are wanted; never shown themselves. */
  references: readonly number[];
  /** Films the request rules out. */
  excluded: readonly number[];
}

export interface FastPathRequest {
  query: string;
  limit: number;
  /**
   * The request's titles as the language layer read them. Without it (benchmarks, old callers)
   * the title matcher's own whole-query match and "like X" mentions stand in.
   */
  titles?: RequestTitles;
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
  /** Text neighbours and rating counts, for films with few fans here; optional. */
  sparseSupport?: SparseFilmSupport;
  /** Popularity per item scaled to [0, 1]. */
  popularity: Float64Array;
}

/** A fused item and why it is there. */
export interface FastPathItem extends FusedItem {
  provenance: Provenance[];
}

export interface FastPathResult {
  items: FastPathItem[];
  /** Items the query named as references ("like Heat"): seeds, not answers. */
  references: number[];
  /** The film a bare-title request asked for, pinned first; null otherwise. */
  asked: number | null;
  /** Other films of the asked title ("did you mean"), most popular first. */
  namesakes: number[];
  reasons: string[];
}

/** How far the popularity prior moves a fused score: about one top-rank RRF contribution. */
const POPULARITY_PRIOR = 0.012;
const CANDIDATES_PER_LIST = 100;
/** Keyword hits whose CF neighbours widen a short keyword answer. */
const SPARSE_SEEDS = 3;

/** The title matcher's reading of a query, for callers that did not analyse it. */
function titlesFromMatcher(query: string, keyword: KeywordSearch): RequestTitles {
  const references = [
    ...new Set(
      keyword.titles
        .findMentions(query)
        .filter((mention) => mention.asReference)
        .map((mention) => mention.itemIndex),
    ),
  ];
  const whole = references.length === 0 ? keyword.titles.match(query, 1, 0.85)[0] : undefined;
  return { lookup: whole ? { itemIndex: whole.itemIndex, namesakes: [] } : null, series: null, references, excluded: [] };
}

/** Records why each item of a list is there, first reason first. */
class ProvenanceLedger {
  private readonly entries = new Map<number, Provenance[]>();
  /** Each list adds one entry object for all its items, so identity is enough to skip repeats (no per-item serialising on the hot path). */
  add(items: readonly number[], entry: Provenance): void {
    for (const itemIndex of items) {
      const list = this.entries.get(itemIndex);
      if (!list) this.entries.set(itemIndex, [entry]);
      else if (!list.includes(entry)) list.push(entry);
    }
  }
  of(itemIndex: number): Provenance[] {
    return this.entries.get(itemIndex) ?? [];
  }
}

/**
 * The fast path. A bare title is a lookup: that film, then its CF neighbours (the words of the
 * title are not what is wanted). References ("like Heat", "I loved Inception") bring their CF
 * neighbours and are never shown. Only a request with no title searches words: BM25 + title
 * matches, widened by the CF neighbours of a short answer. The session's taste joins every
 * answer. Lists are fused by weighted RRF with a popularity prior that the discovery knob turns
 * from a boost (0) into a penalty (1). No LLM, no I/O.
 */
export function retrieveFast(request: FastPathRequest, resources: FastPathResources): FastPathResult {
  const { keyword, cf, popularity } = resources;
  const discovery = Math.min(1, Math.max(0, request.discovery ?? 0.25));
  const reasons: string[] = [];
  const lists: RankedList[] = [];
  const ledger = new ProvenanceLedger();
  const titles = request.titles ?? titlesFromMatcher(request.query, keyword);
  const references = [...titles.references];
  const lookup = titles.lookup;
  const byOf = (seed: number) => (isSparseFilm(resources.sparseSupport, seed) ? ("story" as const) : ("fans" as const));
  const neighboursOf = (seed: number) => (cf ? referenceNeighbours(cf, seed, CANDIDATES_PER_LIST, resources.sparseSupport) : []);

  if (lookup) {
    // The query is a title: that film comes first, then films the same people loved.
    lists.push({ name: "title", weight: 3, items: [lookup.itemIndex] });
    ledger.add([lookup.itemIndex], { kind: "asked-for", exact: true });
    const neighbours = neighboursOf(lookup.itemIndex);
    if (neighbours.length > 0) {
      lists.push({ name: "cf-neighbours", weight: 1, items: neighbours });
      ledger.add(neighbours, { kind: "neighbour-of-reference", itemIndex: lookup.itemIndex, by: byOf(lookup.itemIndex) });
      reasons.push("title lookup, then CF neighbours");
    } else {
      // A film nobody here rated has no neighbours: its words are the best lead left.
      const hits = keyword.search(request.query, CANDIDATES_PER_LIST).map((hit) => hit.itemIndex);
      lists.push({ name: "keyword", weight: 0.5, items: hits });
      ledger.add(hits, { kind: "keyword", terms: contentWords(request.query) });
      reasons.push("title lookup; no CF neighbours for it, keyword matches after it");
    }
  } else if (titles.series && titles.series.items.length > 0) {
    const { name, items } = titles.series;
    lists.push({ name: "title", weight: 3, items });
    ledger.add(items, { kind: "series", name });
    const neighbours = neighboursOf(items[0]);
    lists.push({ name: "cf-neighbours", weight: 0.5, items: neighbours });
    ledger.add(neighbours, { kind: "neighbour-of-reference", itemIndex: items[0], by: byOf(items[0]) });
    reasons.push(`series "${name}": its ${items.length} film${items.length > 1 ? "s" : ""}, then CF neighbours`);
  } else if (references.length > 0) {
    // "movies like Heat", "I loved Inception": the words of the request are not what is wanted.
    reasons.push(`reference title${references.length > 1 ? "s" : ""}: CF neighbours`);
    for (const seed of references) {
      const neighbours = neighboursOf(seed);
      lists.push({ name: "cf-neighbours", weight: 1.2, items: neighbours });
      ledger.add(neighbours, { kind: "neighbour-of-reference", itemIndex: seed, by: byOf(seed) });
    }
  } else {
    const keywordHits = keyword.search(request.query, CANDIDATES_PER_LIST).map((hit) => hit.itemIndex);
    const terms = contentWords(request.query);
    lists.push({ name: "keyword", weight: 1, items: keywordHits });
    ledger.add(keywordHits, { kind: "keyword", terms });
    reasons.push("keyword search: BM25 over title, people, keywords, tags, overview");
    if (cf && keywordHits.length > 0 && keywordHits.length < request.limit) {
      // Few keyword hits ("Pixar" names four films in the data): their CF neighbours fill the
      // answer with films the same people watched, instead of a short list.
      for (const seed of keywordHits.slice(0, SPARSE_SEEDS)) {
        const neighbours = neighboursOf(seed);
        lists.push({ name: "cf-neighbours", weight: 0.3, items: neighbours });
        ledger.add(neighbours, { kind: "neighbour-of-match", itemIndex: seed });
      }
      reasons.push(`only ${keywordHits.length} keyword match${keywordHits.length > 1 ? "es" : ""}: CF neighbours of them too`);
    }
  }
  if (cf && request.userVector) {
    const timeline = cf.timeline && request.likedItems?.length ? { model: cf.timeline.model, weight: cf.timeline.weight, history: request.likedItems.slice(0, cf.timeline.historyLength) } : undefined;
    // The pipeline passes the session's dislikes as `exclude`; liked items there are not dislikes.
    const liked = new Set(request.likedItems ?? []);
    const dislikedItems = [...(request.exclude ?? [])].filter((itemIndex) => !liked.has(itemIndex));
    const reranker = cf.sessionRanker && liked.size > 0 ? { model: cf.sessionRanker, likedItems: request.likedItems!, dislikedItems } : undefined;
    const forUser = recommendForUser(cf.index, cf.itemVectors, request.userVector, CANDIDATES_PER_LIST, { exclude: request.exclude, timeline, reranker });
    if (forUser.length > 0) {
      const items = forUser.map((neighbour) => neighbour.itemIndex);
      lists.push({ name: "session-taste", weight: lookup || references.length > 0 ? 0.3 : 0.5, items });
      ledger.add(items, { kind: "session-taste" });
      reasons.push(timeline ? "session taste from liked items: WALS vector + timeline neighbours" : "session taste vector from liked items");
      if (reranker) reasons.push("session taste re-ordered by the learned session ranker");
    }
  }

  const excluded = new Set([...(request.exclude ?? []), ...references, ...titles.excluded]);
  const priorScale = POPULARITY_PRIOR * (1 - 2 * discovery);
  const fused = fuseRankedLists(lists, (itemIndex) => priorScale * popularity[itemIndex]).filter((item) => !excluded.has(item.itemIndex));
  if (discovery !== 0.25) reasons.push(`discovery ${discovery.toFixed(2)}: popularity prior ${priorScale >= 0 ? "boost" : "penalty"}`);
  const items = fused.slice(0, request.limit).map((item) => ({ ...item, provenance: ledger.of(item.itemIndex) }));
  return { items, references, asked: lookup && items[0]?.itemIndex === lookup.itemIndex ? lookup.itemIndex : null, namesakes: lookup ? [...lookup.namesakes] : [], reasons };
}
