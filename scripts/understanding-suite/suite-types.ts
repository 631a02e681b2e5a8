import type { ConstraintsInput } from "../../lib/reasoning/constraints";

/**
 * The classes of the paraphrase suite, each a way people phrase one kind of constraint (or a
 * mix). Exact match is scored per class; the 97 % target applies to every one of them.
 */
export const CLASS_NAMES = [
  "genre",
  "genre-negation",
  "decade",
  "year",
  "runtime",
  "language",
  "people",
  "sort",
  "count",
  "filler",
  "typo",
  "combination",
  "soft",
  "reference",
  "french",
  "spanish",
  "german",
] as const;
export type ClassName = (typeof CLASS_NAMES)[number];

export const SPLITS = ["dev", "held-out"] as const;
export type Split = (typeof SPLITS)[number];

/** One value a slot can take; `id` is unique across every slot list (it is what the manifest names). */
export interface SlotValue<T> {
  id: string;
  value: T;
}

/**
 * A list of slot values. Base lists are split (a seeded quarter of their values is held out);
 * derived lists (unions) reuse the ids, and with them the split, of the base lists they join.
 */
export interface SlotList<T> {
  name: string;
  values: readonly SlotValue<T>[];
  /** The base lists a derived list joins; empty for a base list. */
  sources: readonly SlotList<T>[];
}

/** What a template produces from one choice of slot values; null when the choice makes no sense. */
export interface Rendered {
  text: string;
  expected: ConstraintsInput;
}

type ValueOf<L> = L extends SlotList<infer T> ? T : never;

export interface Template {
  /** `<class>/<name>`, unique; the manifest names held-out templates by it. */
  id: string;
  className: ClassName;
  roles: Readonly<Record<string, SlotList<unknown>>>;
  render: (values: Readonly<Record<string, unknown>>) => Rendered | null;
}

function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "x"
  );
}

/** A base slot list whose ids are `<name>:<slug of key(value)>`; throws on a repeated id. */
export function slotList<T>(name: string, values: readonly T[], key: (value: T) => string): SlotList<T> {
  const seen = new Set<string>();
  const entries = values.map((value) => {
    const id = `${name}:${slug(key(value))}`;
    if (seen.has(id)) throw new Error(`slot list ${name}: repeated id ${id}`);
    seen.add(id);
    return { id, value };
  });
  return { name, values: entries, sources: [] };
}

/** A derived list: the values of several base lists together (their ids and split kept). */
export function unionList<T>(name: string, ...lists: readonly SlotList<T>[]): SlotList<T> {
  return { name, values: lists.flatMap((list) => list.values), sources: lists };
}

/** Declares a template with typed roles; `render` sees the chosen values, not their ids. */
export function template<S extends Record<string, SlotList<unknown>>>(
  className: ClassName,
  name: string,
  roles: S,
  render: (values: { [K in keyof S]: ValueOf<S[K]> }) => Rendered | null,
): Template {
  return { id: `${className}/${name}`, className, roles, render: render as Template["render"] };
}
