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

/**
 * The index as flat arrays, for writing into the catalog bundle at build time and loading at
 * serve time without rebuilding (tokenising the whole catalog is on the cold-start path).
 * Token t's postings are items/frequencies[offsets[t] .. offsets[t + 1]).
 */
export interface Bm25Snapshot {
  documentCount: number;
  k1: number;
  tokens: string[];
  idf: Float64Array;
  offsets: Int32Array;
  items: Int32Array;
  frequencies: Float32Array;
}

export interface Bm25Hit {
  itemIndex: number;
  score: number;
}

/**
 * BM25F (Robertson & Zaragoza 2009) over the catalog: per-field weighted term frequencies are
 * summed before the saturation k1, so a term found in the title and the overview is not
 * counted as two independent matches. Postings live in flat typed arrays (the snapshot layout),
 * so an index loaded from the catalog bundle needs no per-term objects.
 */
export class Bm25Index {
  readonly documentCount: number;
  private readonly k1: number;
  private readonly tokens: string[];
  private readonly tokenIds: Map<string, number>;
  private readonly idfs: Float64Array;
  private readonly offsets: Int32Array;
  private readonly postingItems: Int32Array;
  /** Field-weighted, length-normalised term frequency (the BM25F pseudo-frequency) per posting. */
  private readonly postingFrequencies: Float32Array;
  /** Per-item score accumulator reused across queries (reset after each), to avoid a Map per query. */
  private readonly scratchScores: Float64Array;

  /** Rebuilds the index from a snapshot; the arrays are used as they are, not copied. */
  static fromSnapshot(snapshot: Bm25Snapshot): Bm25Index {
    const { tokens, offsets, idf } = snapshot;
    if (offsets.length !== tokens.length + 1 || idf.length !== tokens.length || offsets[tokens.length] !== snapshot.items.length || snapshot.items.length !== snapshot.frequencies.length) {
      throw new RangeError("BM25 snapshot arrays do not fit together");
    }
    return new Bm25Index(snapshot);
  }

  /** The index as flat arrays (see Bm25Snapshot); shares the index's arrays. */
  snapshot(): Bm25Snapshot {
    return { documentCount: this.documentCount, k1: this.k1, tokens: this.tokens, idf: this.idfs, offsets: this.offsets, items: this.postingItems, frequencies: this.postingFrequencies };
  }

  constructor(items: readonly Item[] | Bm25Snapshot, fields: readonly FieldSpec[] = DEFAULT_FIELDS, k1 = 1.2) {
    const snapshot = Array.isArray(items) ? buildSnapshot(items, fields, k1) : (items as Bm25Snapshot);
    this.documentCount = snapshot.documentCount;
    this.k1 = snapshot.k1;
    this.tokens = snapshot.tokens;
    this.tokenIds = new Map(snapshot.tokens.map((token, tokenId) => [token, tokenId]));
    this.idfs = snapshot.idf;
    this.offsets = snapshot.offsets;
    this.postingItems = snapshot.items;
    this.postingFrequencies = snapshot.frequencies;
    this.scratchScores = new Float64Array(snapshot.documentCount);
  }

  /** Inverse document frequency of an already-tokenised term; 0 when unknown. */
  idf(token: string): number {
    const tokenId = this.tokenIds.get(token);
    return tokenId === undefined ? 0 : this.idfs[tokenId];
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
      const tokenId = this.tokenIds.get(token);
      if (tokenId === undefined) continue;
      const idf = this.idfs[tokenId];
      for (let position = this.offsets[tokenId]; position < this.offsets[tokenId + 1]; position += 1) {
        const frequency = this.postingFrequencies[position];
        const item = this.postingItems[position];
        if (scores[item] === 0) touched.push(item);
        scores[item] += (idf * frequency * (this.k1 + 1)) / (frequency + this.k1);
      }
    }
    const hits = touched.map((itemIndex) => ({ itemIndex, score: scores[itemIndex] }));
    for (const itemIndex of touched) scores[itemIndex] = 0;
    return hits.sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex).slice(0, limit);
  }
}

/** Tokenises every field of every item and lays the postings out flat, item by item. */
function buildSnapshot(items: readonly Item[], fields: readonly FieldSpec[], k1: number): Bm25Snapshot {
  const fieldTokens = fields.map((field) => items.map((item) => searchTokens(field.text(item))));
  const averageLengths = fieldTokens.map((perItem) => perItem.reduce((sum, tokens) => sum + tokens.length, 0) / Math.max(1, perItem.length) || 1);
  // Item by item, so each term's postings come out in item order with no per-term map.
  const tokenIds = new Map<string, number>();
  const termItems: number[][] = [];
  const termFrequencies: number[][] = [];
  const itemFrequencies = new Map<number, number>();
  for (let itemIndex = 0; itemIndex < items.length; itemIndex += 1) {
    itemFrequencies.clear();
    fields.forEach((field, fieldIndex) => {
      const tokens = fieldTokens[fieldIndex][itemIndex];
      if (tokens.length === 0) return;
      const norm = 1 - field.lengthNormalisation + (field.lengthNormalisation * tokens.length) / averageLengths[fieldIndex];
      const increment = field.weight / norm;
      for (const token of tokens) {
        let tokenId = tokenIds.get(token);
        if (tokenId === undefined) {
          tokenId = tokenIds.size;
          tokenIds.set(token, tokenId);
          termItems.push([]);
          termFrequencies.push([]);
        }
        itemFrequencies.set(tokenId, (itemFrequencies.get(tokenId) ?? 0) + increment);
      }
    });
    for (const [tokenId, frequency] of itemFrequencies) {
      termItems[tokenId].push(itemIndex);
      termFrequencies[tokenId].push(frequency);
    }
  }
  const tokens = [...tokenIds.keys()];
  const offsets = new Int32Array(tokens.length + 1);
  for (let tokenId = 0; tokenId < tokens.length; tokenId += 1) offsets[tokenId + 1] = offsets[tokenId] + termItems[tokenId].length;
  const postingItems = new Int32Array(offsets[tokens.length]);
  const postingFrequencies = new Float32Array(offsets[tokens.length]);
  const idf = new Float64Array(tokens.length);
  for (let tokenId = 0; tokenId < tokens.length; tokenId += 1) {
    postingItems.set(termItems[tokenId], offsets[tokenId]);
    postingFrequencies.set(termFrequencies[tokenId], offsets[tokenId]);
    const documentFrequency = termItems[tokenId].length;
    idf[tokenId] = Math.log(1 + (items.length - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }
  return { documentCount: items.length, k1, tokens, idf, offsets, items: postingItems, frequencies: postingFrequencies };
}
