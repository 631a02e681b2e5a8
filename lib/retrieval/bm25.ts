import type { Item } from "../catalog/item";
import { searchTokens } from "./text-tokens";

/** A searchable field of an item, with its BM25F weight and length-normalisation strength. */
export interface FieldSpec {
  name: string;
  weight: number;
  lengthNormalisation: number;
  text(item: Item): string;
}

/**
 * People are deduplicated so a director who also acts is not counted twice. Title first; people, keywords and tags next; overview last. Genres sit with keywords so a
 * bare "comedy" finds comedies without drowning out titles that contain the word.
 */
export const DEFAULT_FIELDS: readonly FieldSpec[] = [
  { name: "title", weight: 4, lengthNormalisation: 0.5, text: (item) => [item.title, ...item.aliases].join(" ") },
  { name: "people", weight: 2.5, lengthNormalisation: 0.3, text: (item) => [...new Set([...item.directors, ...item.cast])].join(" ") },
  { name: "keywords", weight: 1.6, lengthNormalisation: 0.5, text: (item) => [...item.keywords, ...item.tags].join(" ") },
  { name: "genres", weight: 1.2, lengthNormalisation: 0, text: (item) => item.genres.join(" ") },
  { name: "overview", weight: 1, lengthNormalisation: 0.75, text: (item) => [item.overview ?? "", item.tagline ?? ""].join(" ") },
];

export interface Bm25Hit {
  itemIndex: number;
  score: number;
}

interface Posting {
  items: Int32Array;
  /** Field-weighted, length-normalised term frequency (the BM25F pseudo-frequency). */
  weightedFrequencies: Float32Array;
  idf: number;
}

/**
 * BM25F (Robertson & Zaragoza 2009) over the catalog: per-field weighted term frequencies are
 * summed before the saturation k1, so a term found in the title and the overview is not
 * counted as two independent matches.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Posting>();
  readonly documentCount: number;
  /** Per-item score accumulator reused across queries (reset after each), to avoid a Map per query. */
  private readonly scratchScores: Float64Array;

  constructor(items: readonly Item[], fields: readonly FieldSpec[] = DEFAULT_FIELDS, private readonly k1 = 1.2) {
    this.documentCount = items.length;
    this.scratchScores = new Float64Array(items.length);
    const fieldTokens = fields.map((field) => items.map((item) => searchTokens(field.text(item))));
    const averageLengths = fieldTokens.map((perItem) => perItem.reduce((sum, tokens) => sum + tokens.length, 0) / Math.max(1, perItem.length) || 1);
    const accumulated = new Map<string, Map<number, number>>();
    fields.forEach((field, fieldIndex) => {
      fieldTokens[fieldIndex].forEach((tokens, itemIndex) => {
        if (tokens.length === 0) return;
        const norm = 1 - field.lengthNormalisation + (field.lengthNormalisation * tokens.length) / averageLengths[fieldIndex];
        const counts = new Map<string, number>();
        for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
        for (const [token, count] of counts) {
          const perItem = accumulated.get(token) ?? new Map<number, number>();
          perItem.set(itemIndex, (perItem.get(itemIndex) ?? 0) + (field.weight * count) / norm);
          accumulated.set(token, perItem);
        }
      });
    });
    for (const [token, perItem] of accumulated) {
      const documentFrequency = perItem.size;
      this.postings.set(token, {
        items: Int32Array.from(perItem.keys()),
        weightedFrequencies: Float32Array.from(perItem.values()),
        idf: Math.log(1 + (this.documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)),
      });
    }
  }

  /** Inverse document frequency of an already-tokenised term; 0 when unknown. */
  idf(token: string): number {
    return this.postings.get(token)?.idf ?? 0;
  }

  /**
   * Scores every item containing at least one query term.
   * @param query free text; tokenised like the documents
   * @param limit how many hits to return, best first (default 100)
   */
  search(query: string, limit = 100): Bm25Hit[] {
    const tokens = [...new Set(searchTokens(query))];
    const scores = this.scratchScores;
    const touched: number[] = [];
    for (const token of tokens) {
      const posting = this.postings.get(token);
      if (!posting) continue;
      for (let position = 0; position < posting.items.length; position += 1) {
        const frequency = posting.weightedFrequencies[position];
        const item = posting.items[position];
        if (scores[item] === 0) touched.push(item);
        scores[item] += (posting.idf * frequency * (this.k1 + 1)) / (frequency + this.k1);
      }
    }
    const hits = touched.map((itemIndex) => ({ itemIndex, score: scores[itemIndex] }));
    for (const itemIndex of touched) scores[itemIndex] = 0;
    return hits.sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex).slice(0, limit);
  }
}
