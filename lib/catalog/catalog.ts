import type { Item } from "./item";
import type { Interactions } from "./interactions";
import type { BundleManifest } from "./manifest";

/** The loaded catalog bundle: plain data, shared read-only by every request. */
export interface Catalog {
  manifest: BundleManifest;
  /** Dense item array; an item's position is its index everywhere (CF vectors, indexes). */
  items: Item[];
  indexOf: Map<string, number>;
  interactions: Interactions;
  /** Directory holding the bundle files, for stages that memory-map their own artifacts. */
  bundleDir: string;
}

/** Builds the id → index map for a dense item array. */
export function indexItems(items: readonly Item[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  items.forEach((item, index) => indexOf.set(item.id, index));
  return indexOf;
}

/** Environment variables as plain data, so builders and tests can pass their own. */
export type Environment = Readonly<Record<string, string | undefined>>;
