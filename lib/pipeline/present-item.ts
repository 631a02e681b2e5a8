import type { Item } from "../catalog/item";
import type { RecommendedItem } from "./contract";

/** The public view of a catalog item in a response; rounding keeps payloads stable and small. */
export function presentItem(item: Item, score: number, explanation: RecommendedItem["explanation"], modelReason: string | null = null): RecommendedItem {
  return {
    id: item.id,
    title: item.title,
    year: item.year,
    genres: item.genres,
    runtimeMinutes: item.runtimeMinutes,
    language: item.language,
    directors: item.directors,
    cast: item.cast,
    score: Math.round(score * 10_000) / 10_000,
    explanation,
    modelReason,
  };
}
