import type { RecommendedItem } from "../lib/pipeline/contract";

/** One constraint of the answer as shown under "why this?", and whether this film meets it. */
export interface ConstraintLine {
  label: string;
  /** true / false when the film's facts can be checked against it, null when they cannot. */
  satisfied: boolean | null;
}

function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function format(value: unknown): string {
  if (Array.isArray(value)) return value.map(format).join(", ");
  if (value && typeof value === "object") {
    return Object.entries(value)
      .filter(([, inner]) => inner !== null && inner !== undefined)
      .map(([key, inner]) => `${words(key).toLowerCase()} ${format(inner)}`)
      .join(", ");
  }
  return String(value);
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

const lower = (list: readonly unknown[]) => list.filter((entry): entry is string => typeof entry === "string").map((entry) => entry.toLowerCase());

/** Range bounds from { from, to } / { min, max } objects. */
function range(value: unknown): { low: number | null; high: number | null } | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const pick = (...names: string[]) => {
    for (const name of names) if (typeof record[name] === "number") return record[name] as number;
    return null;
  };
  const low = pick("from", "min", "minimum", "after");
  const high = pick("to", "max", "maximum", "before");
  return low === null && high === null ? null : { low, high };
}

function within(actual: number | null, low: number | null, high: number | null): boolean | null {
  if (actual === null) return null;
  return (low === null || actual >= low) && (high === null || actual <= high);
}

/**
 * Checks a film against one constraint by the key's wording: runtimes ("maxRuntimeMinutes",
 * "runtime": { max }), years ("yearRange": { from, to }, "minYear"), genres to exclude
 * ("excludeGenres", "avoidGenres") or include ("includeGenres", "genres"). Unknown keys → null.
 * The constraint schema belongs to lib/reasoning and may change; guessing from names keeps the UI
 * useful for any shape without importing server code.
 */
function check(key: string, value: unknown, item: RecommendedItem): boolean | null {
  const name = key.toLowerCase();
  const upper = /max|under|most|shorter|before|to$|until/.test(name);
  const lowerBound = /min|over|least|longer|after|from$|since/.test(name);
  if (/runtime|minutes|length|duration/.test(name)) {
    const bounds = range(value);
    if (bounds) return within(item.runtimeMinutes, bounds.low, bounds.high);
    if (typeof value === "number") return upper ? within(item.runtimeMinutes, null, value) : lowerBound ? within(item.runtimeMinutes, value, null) : null;
    return null;
  }
  if (/year|decade|released|era/.test(name)) {
    const bounds = range(value);
    if (bounds) return within(item.year, bounds.low, bounds.high);
    if (typeof value === "number") return upper ? within(item.year, null, value) : lowerBound ? within(item.year, value, null) : null;
    return null;
  }
  if (/genre/.test(name) && Array.isArray(value)) {
    const wanted = lower(value);
    const genres = lower(item.genres);
    if (/exclude|avoid|without|not|banned|forbid/.test(name)) return !genres.some((genre) => wanted.includes(genre));
    return genres.some((genre) => wanted.includes(genre));
  }
  return null;
}

/** The answer's constraints as lines for "why this?", each checked against `item` where possible. */
export function constraintLines(constraints: Record<string, unknown> | null, item: RecommendedItem): ConstraintLine[] {
  if (!constraints) return [];
  return Object.entries(constraints)
    .filter(([, value]) => !isEmpty(value))
    .map(([key, value]) => ({ label: `${words(key)}: ${format(value)}`, satisfied: check(key, value, item) }));
}
