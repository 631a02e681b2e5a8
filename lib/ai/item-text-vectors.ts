import type { Item } from "../catalog/item";
import { itemTextFields } from "./item-text";
import type { SentenceEncoder } from "./sentence-encoder";
import { normaliseInPlace } from "./sif";

/**
 * Weight of the synopsis against the labels in an item vector. Measured on the vibe set
 * (tests/fixtures/vibe-queries.json, glove-sif): labels only 0.69 precision@10, labels + 0.3 ×
 * prose 0.71, 0.5 → 0.68, 1.0 → 0.63, one concatenated text 0.61: long overviews full of plot
 * names drown the descriptive words, but a little of them helps items with few labels.
 */
export const DEFAULT_PROSE_WEIGHT = 0.3;

/**
 * Embeds every item as unit(unit(labels) + proseWeight · unit(prose)), row-major
 * (items × dimensions). Items without any known word get the zero vector.
 * @param onProgress called after each batch with the number of items done
 */
export async function embedItems(
  encoder: SentenceEncoder,
  items: readonly Item[],
  options: { proseWeight?: number; batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<Float32Array> {
  const proseWeight = options.proseWeight ?? DEFAULT_PROSE_WEIGHT;
  const batchSize = options.batchSize ?? 512;
  const dimensions = encoder.dimensions;
  const vectors = new Float32Array(items.length * dimensions);
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items.slice(start, start + batchSize).map(itemTextFields);
    const labelVectors = await encoder.embedTexts(batch.map((fields) => fields.labels));
    const withProse = batch.flatMap((fields, index) => (fields.prose && proseWeight > 0 ? [index] : []));
    const proseVectors = await encoder.embedTexts(withProse.map((index) => batch[index].prose));
    const proseOf = new Map(withProse.map((index, position) => [index, proseVectors[position]]));
    batch.forEach((_, index) => {
      const vector = Float32Array.from(labelVectors[index]);
      const prose = proseOf.get(index);
      if (prose) for (let dimension = 0; dimension < dimensions; dimension += 1) vector[dimension] += proseWeight * prose[dimension];
      normaliseInPlace(vector);
      vectors.set(vector, (start + index) * dimensions);
    });
    options.onProgress?.(Math.min(items.length, start + batchSize));
  }
  return vectors;
}
