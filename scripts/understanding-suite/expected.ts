import type { ConstraintsInput, ConstraintStrength, PersonRole, SortOrder } from "../../lib/reasoning/constraints";

/**
 * Builders for the expected constraints of a query, in the input shape of lib/reasoning's
 * constraint schema (the generator parses them with it, so every expectation has exactly the
 * shape the reasoners return). Each builder states one constraint; `merge` joins them.
 */
export const expect = {
  genre: (genre: string, strength: ConstraintStrength = "hard"): ConstraintsInput => ({ includeGenres: [{ genre, strength }] }),
  genres: (genres: readonly string[], strength: ConstraintStrength = "hard"): ConstraintsInput => ({ includeGenres: genres.map((genre) => ({ genre, strength })) }),
  notGenre: (genre: string, strength: ConstraintStrength = "hard"): ConstraintsInput => ({ excludeGenres: [{ genre, strength }] }),
  years: (bounds: YearBounds, strength: ConstraintStrength = "hard"): ConstraintsInput => ({ years: { from: bounds.from, to: bounds.to, strength } }),
  runtime: (bounds: RuntimeBounds, strength: ConstraintStrength = "hard"): ConstraintsInput => ({ runtime: { minMinutes: bounds.min, maxMinutes: bounds.max, strength } }),
  languages: (include: readonly string[], exclude: readonly string[] = [], strength: ConstraintStrength = "hard"): ConstraintsInput => ({
    languages: { include: [...include], exclude: [...exclude], strength },
  }),
  person: (name: string, role: PersonRole, exclude = false, strength: ConstraintStrength = "hard"): ConstraintsInput => ({ people: [{ name, role, exclude, strength }] }),
  reference: (itemId: string, title: string): ConstraintsInput => ({ references: [{ title, itemId, modifier: null }] }),
  excludeTitle: (title: string): ConstraintsInput => ({ excludeTitles: [title] }),
  count: (count: number): ConstraintsInput => ({ count }),
  sort: (sort: SortOrder): ConstraintsInput => ({ sort }),
  /** "less popular", "hidden gems": the discovery knob turned towards the less obvious (see compare.ts). */
  discovery: (discovery: number): ConstraintsInput => ({ discovery }),
};

export interface YearBounds {
  from: number | null;
  to: number | null;
}
export interface RuntimeBounds {
  min: number | null;
  max: number | null;
}

const LIST_FIELDS = ["includeGenres", "excludeGenres", "people", "references", "excludeTitles"] as const;
const RANGE_FIELDS = ["years", "runtime", "languages"] as const;

/** Joins partial expectations: lists concatenate, ranges merge field by field, scalars: last wins. */
export function merge(...parts: readonly ConstraintsInput[]): ConstraintsInput {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (value === undefined) continue;
      if ((LIST_FIELDS as readonly string[]).includes(key)) out[key] = [...((out[key] as unknown[]) ?? []), ...(value as unknown[])];
      else if ((RANGE_FIELDS as readonly string[]).includes(key) && out[key] && value) out[key] = mergeRange(out[key] as Record<string, unknown>, value as Record<string, unknown>);
      else out[key] = value;
    }
  }
  return out as ConstraintsInput;
}

function mergeRange(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (Array.isArray(value)) merged[key] = [...((a[key] as unknown[]) ?? []), ...value];
    else if (value !== null && value !== undefined) merged[key] = value;
  }
  return merged;
}
