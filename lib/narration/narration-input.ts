/** What a DJ script is made from: a film as the narration sees it (RecommendedItem fits). */
export interface NarratedItem {
  title: string;
  year: number | null;
  genres: readonly string[];
  runtimeMinutes: number | null;
  directors: readonly string[];
  /** The explanation the bandit chose for this pick, when there is one. */
  explanation: { text: string } | null;
}

export interface NarrationRequest {
  /** What the person asked for (the last user message). */
  query: string;
  /** The picks in the order shown. */
  items: readonly NarratedItem[];
  routePath: "fast" | "reasoning";
  /** Seeds the choice of lines, e.g. session id + query: the same request gets the same script. */
  seed: string;
  /** The opening used by the previous answer in this session; never used twice in a row. */
  previousOpeningId: string | null;
}

/** A spoken-style script for one answer. */
export interface DjScript {
  text: string;
  /** Template id of the opening line, or "llm:<hash>" for a model-written one. */
  openingId: string;
  source: "template" | `llm:${string}`;
}
