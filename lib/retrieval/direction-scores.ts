import { CONTENT_DIRECTIONS, type ContentDirection, type DirectionScores } from "../catalog/content-directions";
import type { Item } from "../catalog/item";

/**
 * Where each catalog film sits on the content axes (violence, darkness, intensity), computed
 * from the catalog alone, no hand-picked titles. Per axis, two short lists of seed words name its
 * ends; from them:
 * 1. keyword evidence: seed words among the film's TMDB keywords and MovieLens tags (only the
 *    ~45 % of films that have any);
 * 2. seed direction: the film's text vector projected on embed(more-end words) − embed(less-end
 *    words), so a film whose synopsis or labels read "brutal revenge" scores without the keyword;
 * 3. weak-label text direction: the films the keywords label (evidence > 0 vs < 0) give two
 *    class means in text space; their difference carries the axis to films with few keywords;
 * 4. genre prior: the mean keyword label of the film's genres (a documentary with no keywords
 *    still gets War's or Family's average);
 * 5. weak-label audience direction (when CF vectors are given): the same two classes in the CF
 *    space, where films whose audiences overlap sit together, reaching the many MovieLens films
 *    whose text is only a title and genres.
 * Each component is z-scored over the catalog and the available ones are averaged with equal
 * weights (nothing tuned on the labelled set); the average becomes a percentile in [0, 1].
 * Measured on tests/fixtures/direction-labels.json by `npm run eval:directions`.
 * Pure: vectors and seed embeddings are passed in (lib/server embeds the seeds at load).
 */

/** Seed words of each axis' two ends: what "violent" or "calm" means in keywords and text. */
export const DIRECTION_SEED_WORDS: Readonly<Record<ContentDirection, { more: readonly string[]; less: readonly string[] }>> = {
  violence: {
    more: [
      "violence",
      "violent",
      "gore",
      "gory",
      "blood",
      "bloody",
      "brutal",
      "brutality",
      "murder",
      "kill",
      "killer",
      "killing",
      "torture",
      "massacre",
      "slasher",
      "slaughter",
      "shootout",
      "gunfight",
      "war",
      "battle",
      "combat",
      "rape",
      "revenge",
      "assassin",
      "decapitation",
      "carnage",
      "stabbing",
      "execution",
    ],
    less: ["gentle", "heartwarming", "feel-good", "wholesome", "sweet", "charming", "family", "friendship", "romance", "kids", "children", "cooking", "wedding", "christmas"],
  },
  darkness: {
    more: [
      "dark",
      "bleak",
      "grim",
      "depressing",
      "disturbing",
      "despair",
      "tragedy",
      "tragic",
      "death",
      "dying",
      "grief",
      "suicide",
      "nihilism",
      "dystopia",
      "addiction",
      "abuse",
      "cruelty",
      "misery",
      "loneliness",
      "melancholy",
      "hopeless",
      "doom",
      "nightmare",
      "madness",
    ],
    less: [
      "lighthearted",
      "feel-good",
      "heartwarming",
      "uplifting",
      "cheerful",
      "happy",
      "fun",
      "funny",
      "comedy",
      "whimsical",
      "charming",
      "sweet",
      "joyful",
      "optimism",
      "friendship",
      "musical",
      "playful",
      "silly",
    ],
  },
  intensity: {
    more: [
      "suspense",
      "tense",
      "tension",
      "thriller",
      "terror",
      "terrifying",
      "scary",
      "horror",
      "fear",
      "panic",
      "chase",
      "danger",
      "survival",
      "hostage",
      "escape",
      "kidnapping",
      "haunting",
      "creepy",
      "frightening",
      "claustrophobic",
      "adrenaline",
    ],
    less: ["calm", "relaxing", "quiet", "gentle", "slow", "meditative", "contemplative", "leisurely", "cozy", "peaceful", "understated", "everyday", "conversation", "low-key", "slice of life"],
  },
};

/** Row-major vectors (items × dimensions); all-zero rows are films without a vector. */
export interface ItemVectors {
  vectors: Float32Array;
  dimensions: number;
}

export interface DirectionScoreInputs {
  items: readonly Item[];
  /** Item text vectors and, per axis, the embedded seed words of each end; null without text vectors. */
  text: (ItemVectors & { seeds: Readonly<Record<ContentDirection, { more: ArrayLike<number>; less: ArrayLike<number> }>> }) | null;
  /** CF item vectors; null when the bundle has none. */
  audience: ItemVectors | null;
}

/** The five components of one axis, raw (not z-scored), for the blend and for evaluation. */
export type DirectionComponents = Partial<Record<"keywords" | "seedText" | "weakText" | "genrePrior" | "weakAudience", Float64Array>>;

interface KeywordEvidence {
  /** Per item: (more-end hits − less-end hits) / √(label count); 0 without labels. */
  evidence: Float64Array;
  /** 1 for items with any keyword or tag. */
  labelled: Uint8Array;
}

// Keyword evidence for every axis at once, per catalog. Labels repeat across films, so each
// distinct label is matched once, to a bit mask of the axis ends its words name (bit 2a: axis a's
// more end, bit 2a + 1: its less end); this matching is most of the load-time cost otherwise.
const evidenceCache = new WeakMap<readonly Item[], Record<ContentDirection, KeywordEvidence>>();

function seedTermMasks(): Map<string, number> {
  const masks = new Map<string, number>();
  CONTENT_DIRECTIONS.forEach((direction, axis) => {
    const { more, less } = DIRECTION_SEED_WORDS[direction];
    for (const word of more) masks.set(word, (masks.get(word) ?? 0) | (1 << (2 * axis)));
    for (const word of less) masks.set(word, (masks.get(word) ?? 0) | (1 << (2 * axis + 1)));
  });
  return masks;
}

/** The ends a label names: as a whole ("feel-good", "slice of life") or by any of its words. */
function labelMask(raw: string, terms: ReadonlyMap<string, number>): number {
  const label = raw.toLowerCase();
  let mask = terms.get(label) ?? 0;
  for (const word of label.split(/[^a-z]+/)) if (word) mask |= terms.get(word) ?? 0;
  return mask;
}

function keywordEvidence(items: readonly Item[]): Record<ContentDirection, KeywordEvidence> {
  const cached = evidenceCache.get(items);
  if (cached) return cached;
  const terms = seedTermMasks();
  const maskOf = new Map<string, number>();
  const axes = CONTENT_DIRECTIONS.length;
  const result = {} as Record<ContentDirection, KeywordEvidence>;
  for (const direction of CONTENT_DIRECTIONS) result[direction] = { evidence: new Float64Array(items.length), labelled: new Uint8Array(items.length) };
  const sums = new Float64Array(axes);
  const add = (raw: string) => {
    let mask = maskOf.get(raw);
    if (mask === undefined) {
      mask = labelMask(raw, terms);
      maskOf.set(raw, mask);
    }
    if (mask === 0) return;
    for (let axis = 0; axis < axes; axis += 1) sums[axis] += ((mask >> (2 * axis)) & 1) - ((mask >> (2 * axis + 1)) & 1);
  };
  for (let index = 0; index < items.length; index += 1) {
    const { keywords, tags } = items[index];
    const count = keywords.length + tags.length;
    if (count === 0) continue;
    sums.fill(0);
    for (const label of keywords) add(label);
    for (const label of tags) add(label);
    for (let axis = 0; axis < axes; axis += 1) {
      const { evidence, labelled } = result[CONTENT_DIRECTIONS[axis]];
      labelled[index] = 1;
      // Per square root of the label count: a film with 40 tags is not 4× as violent as one with 10.
      evidence[index] = sums[axis] / Math.sqrt(count);
    }
  }
  evidenceCache.set(items, result);
  return result;
}

function project({ vectors, dimensions }: ItemVectors, direction: ArrayLike<number>): Float64Array {
  const result = new Float64Array(vectors.length / dimensions);
  for (let row = 0; row < result.length; row += 1) {
    let sum = 0;
    for (let column = 0, offset = row * dimensions; column < dimensions; column += 1) sum += vectors[offset + column] * direction[column];
    result[row] = sum;
  }
  return result;
}

/** Mean vector of the labelled-positive rows minus that of the labelled-negative ones; null when a class is empty. */
function classMeanDifference({ vectors, dimensions }: ItemVectors, evidence: Float64Array, labelled: Uint8Array): Float64Array | null {
  const positive = new Float64Array(dimensions);
  const negative = new Float64Array(dimensions);
  let positives = 0;
  let negatives = 0;
  for (let row = 0; row < evidence.length; row += 1) {
    if (!labelled[row] || evidence[row] === 0) continue;
    const offset = row * dimensions;
    let empty = true;
    for (let column = 0; column < dimensions; column += 1) if (vectors[offset + column] !== 0) empty = false;
    if (empty) continue;
    const target = evidence[row] > 0 ? positive : negative;
    for (let column = 0; column < dimensions; column += 1) target[column] += vectors[offset + column];
    if (evidence[row] > 0) positives += 1;
    else negatives += 1;
  }
  if (positives === 0 || negatives === 0) return null;
  return positive.map((value, column) => value / positives - negative[column] / negatives);
}

// Each item's genres as small integers, per catalog, so the per-axis genre averages need no string hashing.
const genreIdCache = new WeakMap<readonly Item[], { ids: Int32Array[]; count: number }>();

function genreIds(items: readonly Item[]): { ids: Int32Array[]; count: number } {
  let cached = genreIdCache.get(items);
  if (!cached) {
    const idOf = new Map<string, number>();
    const ids = items.map((item) => Int32Array.from(item.genres, (genre) => idOf.get(genre) ?? (idOf.set(genre, idOf.size), idOf.size - 1)));
    cached = { ids, count: idOf.size };
    genreIdCache.set(items, cached);
  }
  return cached;
}

function genrePrior(items: readonly Item[], evidence: Float64Array, labelled: Uint8Array): Float64Array {
  const { ids, count } = genreIds(items);
  const sums = new Float64Array(count);
  const counts = new Float64Array(count);
  for (let index = 0; index < items.length; index += 1) {
    if (!labelled[index]) continue;
    const sign = Math.sign(evidence[index]);
    for (const id of ids[index]) {
      sums[id] += sign;
      counts[id] += 1;
    }
  }
  const prior = new Float64Array(items.length);
  for (let index = 0; index < items.length; index += 1) {
    let sum = 0;
    let known = 0;
    for (const id of ids[index]) {
      if (counts[id] === 0) continue;
      sum += sums[id] / counts[id];
      known += 1;
    }
    prior[index] = known === 0 ? 0 : sum / known;
  }
  return prior;
}

/** The raw components of one axis (see the top of this file); absent inputs leave components out. */
export function directionComponents(inputs: DirectionScoreInputs, direction: ContentDirection): DirectionComponents {
  const { items, text, audience } = inputs;
  const { evidence, labelled } = keywordEvidence(items)[direction];
  const components: DirectionComponents = { keywords: evidence, genrePrior: genrePrior(items, evidence, labelled) };
  if (text) {
    const { more, less } = text.seeds[direction];
    components.seedText = project(
      text,
      Float64Array.from(more, (value, column) => value - less[column]),
    );
    const weak = classMeanDifference(text, evidence, labelled);
    if (weak) components.weakText = project(text, weak);
  }
  if (audience) {
    const weak = classMeanDifference(audience, evidence, labelled);
    if (weak) components.weakAudience = project(audience, weak);
  }
  return components;
}

/** Adds weight × z-score of `values` (over the whole catalog) into `into`. */
function addZScores(into: Float64Array, values: Float64Array, weight: number): void {
  let mean = 0;
  for (let index = 0; index < values.length; index += 1) mean += values[index];
  mean /= values.length || 1;
  let variance = 0;
  for (let index = 0; index < values.length; index += 1) variance += (values[index] - mean) ** 2;
  const deviation = Math.sqrt(variance / (values.length || 1)) || 1;
  for (let index = 0; index < values.length; index += 1) into[index] += (weight * (values[index] - mean)) / deviation;
}

/** Equal-weight mean of the z-scored components, as percentiles in [0, 1]; tied items share their mean rank. */
export function blendComponents(components: readonly Float64Array[], count: number): Float32Array {
  const blended = new Float64Array(count);
  for (const component of components) addZScores(blended, component, 1 / components.length);
  // A typed array's own sort is numeric and native: far cheaper than sorting indexes with a comparator.
  const sorted = Float64Array.from(blended).sort();
  const percentiles = new Float32Array(count).fill(0.5);
  if (count < 2) return percentiles;
  for (let index = 0; index < count; index += 1) {
    const first = firstPosition(sorted, blended[index], false);
    const last = firstPosition(sorted, blended[index], true) - 1;
    percentiles[index] = (first + last) / 2 / (count - 1);
  }
  return percentiles;
}

/** The first position of ascending `sorted` holding `value` or more (`above`: more than `value`). */
function firstPosition(sorted: Float64Array, value: number, above: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value || (above && sorted[middle] === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Every item's percentile on every axis (see the top of this file). 11k items × 100 + 64
 * dimensions: ~20 ms, so the engine computes it at load instead of storing it in the bundle.
 */
export function computeDirectionScores(inputs: DirectionScoreInputs): DirectionScores {
  const scores = {} as Record<ContentDirection, Float32Array>;
  for (const direction of CONTENT_DIRECTIONS) {
    scores[direction] = blendComponents(Object.values(directionComponents(inputs, direction)), inputs.items.length);
  }
  return scores;
}
