import { loadCurrentCatalog } from "../../catalog/bundle-loader";
import { loadCfArtifacts } from "../../catalog/cf-artifacts";
import type { Engine } from "../pipeline/engine";
import { popularityScore } from "../catalog/popularity";
import { KeywordSearch } from "../retrieval/keyword-search";
import { buildCatalogLexicon } from "../language";
import { routerThresholdFromEnvironment } from "../../router";

const globalForEngine = globalThis as typeof globalThis & { reelcastEngine?: Promise<Engine> };

/** Loads the catalog bundle and builds the in-memory indexes. */
export async function createEngine(catalogRoot?: string): Promise<Engine> {
  const catalog = loadCurrentCatalog(catalogRoot);
  const rawPopularity = catalog.items.map(popularityScore);
  const maxPopularity = Math.max(1e-9, ...rawPopularity);
  const keywordSearch = new KeywordSearch(catalog.items);
  return {
    catalog,
    keywordSearch,
    lexicon: buildCatalogLexicon(catalog.items, keywordSearch.titles),
    routerThreshold: routerThresholdFromEnvironment(process.env).threshold,
    currentYear: new Date().getFullYear(),
    // A bundle built without the CF stage still serves, keyword-only; the reasons say so.
    cf: catalog.manifest.artifacts.cf === undefined ? null : loadCfArtifacts(catalog),
    popularity: Float64Array.from(rawPopularity, (value) => value / maxPopularity),
    now: () => performance.now(),
  };
}

/**
 * The process-wide engine, created on first use. Kept on globalThis so Next's dev hot reloads
 * reuse it instead of reloading the catalog; a failed load is forgotten so the next request
 * retries (e.g. after `npm run catalog:build`).
 */
export function getEngine(): Promise<Engine> {
  if (!globalForEngine.reelcastEngine) {
    globalForEngine.reelcastEngine = createEngine().catch((error) => {
      globalForEngine.reelcastEngine = undefined;
      throw error;
    });
  }
  return globalForEngine.reelcastEngine;
}
