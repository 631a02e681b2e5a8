import type { Item } from "../catalog/item";
import type { PersonConstraint } from "./constraints";

/** Lower-cased views of an item's text fields, computed once per item and shared by requests. */
export interface ItemView {
  tags: Set<string>;
  text: string;
  directors: string[];
  cast: string[];
  /** Normalised title and aliases, computed on first use (only title exclusions need them). */
  titles: string[] | null;
}

// Items are immutable and shared by every request, so their derived views are cached on them
// (a WeakMap keeps this pure: nothing observable changes, and a dropped catalog frees it).
const views = new WeakMap<Item, ItemView>();

export function viewOf(item: Item): ItemView {
  let view = views.get(item);
  if (!view) {
    view = {
      tags: new Set([...item.keywords, ...item.tags].map((value) => value.toLowerCase())),
      text: `${item.overview ?? ""} ${item.tagline ?? ""}`.toLowerCase(),
      directors: item.directors.map((name) => name.toLowerCase()),
      cast: item.cast.map((name) => name.toLowerCase()),
      titles: null,
    };
    views.set(item, view);
  }
  return view;
}

/** Whether the item credits `name` (lower-case) in the role asked (either role for "any"). */
export function credited(item: Item, role: PersonConstraint["role"], name: string): boolean {
  const view = viewOf(item);
  if (role === "director") return view.directors.includes(name);
  if (role === "cast") return view.cast.includes(name);
  return view.directors.includes(name) || view.cast.includes(name);
}
