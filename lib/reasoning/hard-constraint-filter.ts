import type { Item } from "../catalog/item";
import { meetsHardConstraints, meetsNonColumnarHardConstraints } from "./hard-checks";
import type { Constraints } from "./constraints";

/** The catalog's genres, years and runtimes as flat arrays, built once per catalog. */
interface CatalogColumns {
  /** Bit of each genre in `genreMasks`; null when the catalog has more genres than bits. */
  genreBits: Map<string, number> | null;
  genreMasks: Uint32Array;
  /** NaN where unknown. */
  years: Float64Array;
  runtimes: Float64Array;
}

const columnsByCatalog = new WeakMap<readonly Item[], CatalogColumns>();

function columnsOf(items: readonly Item[]): CatalogColumns {
  let columns = columnsByCatalog.get(items);
  if (columns) return columns;
  let genreBits: Map<string, number> | null = new Map();
  const genreMasks = new Uint32Array(items.length);
  items.forEach((item, index) => {
    for (const genre of item.genres) {
      if (!genreBits) break;
      let bit = genreBits.get(genre);
      if (bit === undefined) {
        if (genreBits.size === 32) {
          genreBits = null;
          break;
        }
        genreBits.set(genre, (bit = genreBits.size));
      }
      genreMasks[index] |= 1 << bit;
    }
  });
  columns = {
    genreBits,
    genreMasks,
    years: Float64Array.from(items, (item) => item.year ?? Number.NaN),
    runtimes: Float64Array.from(items, (item) => item.runtimeMinutes ?? Number.NaN),
  };
  columnsByCatalog.set(items, columns);
  return columns;
}

/**
 * `meetsHardConstraints` by catalog index, for scanning the whole catalog. The hard genre, year
 * and runtime constraints (the common ones) are checked on flat arrays first: each is a
 * necessary condition of the full predicate, so an item failing one is rejected without
 * touching its object. Only when other hard constraints exist (language, people, exclusions)
 * does an item that passes go on to those checks. Same answers, several times faster on
 * narrow requests, which check thousands of items before finding enough matches.
 */
export function hardConstraintFilter(constraints: Constraints, items: readonly Item[]): (itemIndex: number) => boolean {
  const columns = columnsOf(items);
  const hard = (strength: string) => strength === "hard";
  const includeGenres = constraints.includeGenres.filter((entry) => hard(entry.strength)).map((entry) => entry.genre);
  const excludeGenres = constraints.excludeGenres.filter((entry) => hard(entry.strength)).map((entry) => entry.genre);
  if (!columns.genreBits && includeGenres.length + excludeGenres.length > 0) {
    const full = meetsHardConstraints(constraints);
    return (itemIndex) => full(items[itemIndex]);
  }
  const bits = columns.genreBits ?? new Map<string, number>();
  // A wanted genre no film has: nothing can meet the constraints.
  if (includeGenres.some((genre) => !bits.has(genre))) return () => false;
  const includeMask = includeGenres.reduce((mask, genre) => mask | (1 << bits.get(genre)!), 0) >>> 0;
  const excludeMask = excludeGenres.reduce((mask, genre) => (bits.has(genre) ? mask | (1 << bits.get(genre)!) : mask), 0) >>> 0;
  const years = constraints.years && hard(constraints.years.strength) ? constraints.years : null;
  const yearFrom = years?.from ?? -Infinity;
  const yearTo = years?.to ?? Infinity;
  const runtime = constraints.runtime && hard(constraints.runtime.strength) ? constraints.runtime : null;
  const runtimeMin = runtime?.minMinutes ?? -Infinity;
  const runtimeMax = runtime?.maxMinutes ?? Infinity;
  // Language, people and exclusions, when any is set, for the items the columns let through.
  const others = meetsNonColumnarHardConstraints(constraints);
  const { genreMasks, years: itemYears, runtimes } = columns;
  return (itemIndex) => {
    const mask = genreMasks[itemIndex];
    if ((mask & includeMask) >>> 0 !== includeMask || (mask & excludeMask) !== 0) return false;
    // NaN (unknown) fails both comparisons, as an unknown year or runtime fails the full check.
    if (years && !(itemYears[itemIndex] >= yearFrom && itemYears[itemIndex] <= yearTo)) return false;
    if (runtime && !(runtimes[itemIndex] >= runtimeMin && runtimes[itemIndex] <= runtimeMax)) return false;
    return others === null || others(items[itemIndex]);
  };
}
