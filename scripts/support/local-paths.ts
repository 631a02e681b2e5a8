import type { Item } from "../../lib/catalog/item";
import { buildCatalogLexicon, type CatalogLexicon } from "../../lib/language/catalog-lexicon";
import type { Engine } from "../../lib/pipeline/engine";
import type { AppliedItem, ApplyResult } from "../../lib/reasoning/apply-constraints";
import { applyConstraintsWithCatalogFallback } from "../../lib/reasoning/catalog-fallback";
import type { Constraints } from "../../lib/reasoning/constraints";
import { gatherCandidates } from "../../lib/reasoning/gather-candidates";
import { reasonOffline } from "../../lib/reasoning/offline-reasoner";
import { emptySession, recordTurn, type SessionState } from "../../lib/reasoning/session-memory";
import { retrieveFast } from "../../lib/retrieval/fast-path";

export interface ReasoningAnswer {
  itemIndexes: number[];
  items: AppliedItem[];
  constraints: Constraints;
  relaxations: string[];
  /** Milliseconds for reasoner + candidates + constraints (monotonic clock). */
  latencyMs: number;
  result: ApplyResult;
}

/**
 * The two paths as the eval scripts run them in-process, for as long as lib/pipeline does not
 * expose a reasoning path: fast = lib/retrieval's retrieveFast (BM25 + titles + CF neighbours);
 * reasoning = offline reasoner → gatherCandidates (keyword ∪ CF neighbours of references ∪ a
 * catalog scan for the hard constraints) → applyConstraintsWithCatalogFallback. No LLM, no
 * semantic text search.
 */
export function createLocalPaths(engine: Engine, lexicon: CatalogLexicon = buildCatalogLexicon(engine.catalog.items, engine.keywordSearch.titles)) {
  const items: readonly Item[] = engine.catalog.items;
  const fast = (query: string, limit = 10): number[] =>
    retrieveFast({ query, limit }, { keyword: engine.keywordSearch, cf: engine.cf, popularity: engine.popularity }).items.map((item) => item.itemIndex);
  const reasoning = (query: string, session: SessionState | null, limit = 10): ReasoningAnswer => {
    const started = performance.now();
    const reasoned = reasonOffline(query, { lexicon, session, currentYear: 2026 });
    const { candidates } = gatherCandidates(reasoned.constraints, { items, keyword: engine.keywordSearch, cf: engine.cf, popularity: engine.popularity, indexOf: engine.catalog.indexOf });
    const result = applyConstraintsWithCatalogFallback(candidates, items, reasoned.constraints, { limit, popularity: engine.popularity });
    const latencyMs = performance.now() - started;
    return { itemIndexes: result.items.map((item) => item.itemIndex), items: result.items, constraints: reasoned.constraints, relaxations: result.relaxations, latencyMs, result };
  };
  /** The session after answering `previousQuery` on the reasoning path (for follow-up fixtures). */
  const sessionAfter = (previousQuery: string): SessionState => {
    const answer = reasoning(previousQuery, null);
    return recordTurn(emptySession(), { request: previousQuery, constraints: answer.constraints, itemIds: answer.itemIndexes.map((index) => items[index].id) });
  };
  return { lexicon, fast, reasoning, sessionAfter };
}
