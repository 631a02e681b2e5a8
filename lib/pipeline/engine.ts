import type { Catalog } from "../catalog/catalog";
import type { KeywordSearch } from "../retrieval/keyword-search";

/**
 * Everything a request needs, built once per process: the catalog and its indexes, plus the
 * clock. Passing it in keeps the pipeline free of I/O and easy to test.
 */
export interface Engine {
  catalog: Catalog;
  keywordSearch: KeywordSearch;
  /** Milliseconds, monotonic; performance.now in production, a fake in tests. */
  now: () => number;
}
