import path from "node:path";
import { TEXT_VECTOR_FILES, type NearestNeighbourIndex, type TextIndexArtifact } from "../lib/ai";
import { gatherRows } from "../lib/retrieval/cf-item-vectors";
import { UsearchVectorIndex } from "../lib/retrieval/usearch-vector-index";

/**
 * From this many items the build also writes an HNSW index over the item text vectors. Below it
 * the exact scan is cheap (11k items: ~1.6 ms p50; 100k: 13 / 22 ms p50 / p99 in bench:scale) and
 * gives perfect recall; at 1M it takes ~150 ms per query, which the reasoning path cannot afford.
 */
export const TEXT_INDEX_MIN_ITEMS = 40_000;

/**
 * Search expansion (ef) for the text index, far above the CF index's 64: semantic text queries ask
 * for 100 candidates, and recall of a long list needs a wide beam. Measured recall@100 against the
 * exact scan (scratch sweep, M 16, efConstruction 128): real 11k catalog 0.97 / 0.99 / 0.999 at
 * ef 128 / 256 / 512; synthetic 100k bench:scale catalog 0.85 / 0.92 / 0.956, at p50 0.4 / 0.7 /
 * 1.5 ms against 17.6 ms for the exact scan. Recall is worth the millisecond here.
 */
const TEXT_INDEX_EXPANSION_SEARCH = 512;

/** Rows of row-major `vectors` with any non-zero value (items whose text had known words). */
export function rowsWithText(vectors: Float32Array, dimensions: number): number[] {
  const withText: number[] = [];
  for (let row = 0, offset = 0; offset < vectors.length; row += 1, offset += dimensions) {
    for (let column = 0; column < dimensions; column += 1) {
      if (vectors[offset + column] !== 0) {
        withText.push(row);
        break;
      }
    }
  }
  return withText;
}

/**
 * Builds and saves a cosine HNSW index over the rows `withText` of `vectors` (all-zero rows,
 * items without known words, are left out: they match nothing). One thread, so the file is the
 * same for the same vectors.
 */
export function writeTextIndex(bundleDir: string, vectors: Float32Array, dimensions: number, withText: readonly number[] = rowsWithText(vectors, dimensions)): TextIndexArtifact {
  const started = performance.now();
  const index = UsearchVectorIndex.create(dimensions, { metric: "cos", addThreads: 1, expansionSearch: TEXT_INDEX_EXPANSION_SEARCH });
  index.add(withText, gatherRows(vectors, dimensions, withText));
  index.save(path.join(bundleDir, TEXT_VECTOR_FILES.index));
  return {
    file: TEXT_VECTOR_FILES.index,
    metric: "cos",
    items: index.size,
    expansionSearch: TEXT_INDEX_EXPANSION_SEARCH,
    buildSeconds: Math.round(performance.now() - started) / 1000,
  };
}

/** Memory-maps the bundle's text index (usearch `view`); throws when the file is missing or broken. */
export function openTextIndex(bundleDir: string, artifact: TextIndexArtifact, dimensions: number): NearestNeighbourIndex {
  return UsearchVectorIndex.view(path.join(bundleDir, artifact.file), dimensions, { metric: artifact.metric, expansionSearch: artifact.expansionSearch });
}
