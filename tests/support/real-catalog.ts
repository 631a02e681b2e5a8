import { loadCurrentCatalog } from "../../catalog/bundle-loader";
import type { Catalog } from "../../lib/catalog/catalog";

let cached: Catalog | undefined;

/** The real catalog bundle built by `npm run catalog:build` (npm test builds it first). */
export function realCatalog(): Catalog {
  cached ??= loadCurrentCatalog();
  return cached;
}

/** The item with exactly this title (and year, when several share it). */
export function itemByTitle(catalog: Catalog, title: string, year?: number) {
  const item = catalog.items.find((candidate) => candidate.title === title && (year === undefined || candidate.year === year));
  if (!item) throw new Error(`test fixture: no item titled ${title} ${year ?? ""}`);
  return item;
}
