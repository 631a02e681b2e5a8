import type { Item } from "../catalog/item";

/** MovieLens tags that describe a user's list, not the film. */
const NON_DESCRIPTIVE_TAGS = new Set(["in netflix queue", "imdb top 250", "bad", "seen more than once", "watched"]);

/** An item's text in two parts: short descriptive labels, and the longer synopsis. */
export interface ItemTextFields {
  /** Title, genres, keywords and descriptive tags. */
  labels: string;
  /** Tagline and overview; empty for the many MovieLens items without TMDB metadata. */
  prose: string;
}

/**
 * Splits an item's text, what its semantic vector is made of, into labels and prose (see
 * ItemTextFields). People are left out on purpose: names carry no vibe and are matched by BM25
 * and the constraint filters instead.
 */
export function itemTextFields(item: Item): ItemTextFields {
  const tags = item.tags.filter((tag) => !NON_DESCRIPTIVE_TAGS.has(tag.toLowerCase()));
  const join = (parts: string[], separator: string) => parts.filter((part) => part.length > 0).join(separator);
  return {
    labels: join([item.title, item.genres.join(", "), item.keywords.join(", "), tags.join(", ")], ". "),
    prose: join([item.tagline ?? "", item.overview ?? ""], " "),
  };
}
