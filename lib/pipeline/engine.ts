import type { Catalog } from "../catalog/catalog";
import type { CfArtifacts } from "../../catalog/cf-artifacts";
import type { KeywordSearch } from "../retrieval/keyword-search";
import type { CatalogLexicon } from "../language";

/**
 * Everything a request needs, built once per process: the catalog and its indexes, plus the
 * clock. Passing it in keeps the pipeline free of I/O and easy to test.
 */
export interface Engine {
  catalog: Catalog;
  keywordSearch: KeywordSearch;
  /** Collaborative-filtering vectors and index; null when the bundle has none. */
  cf: CfArtifacts | null;
  /** Popularity per item scaled to [0, 1] (the fast path's prior). */
  popularity: Float64Array;
  /** People, titles and genre words of the catalog, for the router and the offline reasoner. */
  lexicon: CatalogLexicon;
  /** Router threshold in [0, 1] (REELCAST_ROUTER_THRESHOLD, default 0.5). */
  routerThreshold: number;
  /** The calendar year, for "recent" and "last decade" (the core reads no clock). */
  currentYear: number;
  /** Milliseconds, monotonic; performance.now in production, a fake in tests. */
  now: () => number;
}
