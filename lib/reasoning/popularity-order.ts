import type { Item } from "../catalog/item";

// The popularity order of a catalog, computed once per (items, popularity) pair.
const popularityOrders = new WeakMap<readonly Item[], { popularity: ArrayLike<number> | undefined; order: Int32Array }>();

/** Catalog indexes, most popular first (ties by index); cached per catalog and popularity array. */
export function popularityOrder(items: readonly Item[], popularity: ArrayLike<number> | undefined): Int32Array {
  const cached = popularityOrders.get(items);
  if (cached && cached.popularity === popularity) return cached.order;
  const score = (index: number) => popularity?.[index] ?? items[index].ratingCount;
  const order = Int32Array.from(items.keys()).sort((a, b) => score(b) - score(a) || a - b);
  popularityOrders.set(items, { popularity, order });
  return order;
}
