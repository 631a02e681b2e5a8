import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Catalog, Environment } from "../catalog/catalog";
import { ReelcastError } from "../errors/reelcast-error";
import { textEncoderConfig, type TextEncoderConfig } from "./encoder-config";
import { exactTopK, type ExactScan, type VectorHit } from "./exact-top-k";
import { GloveSifEncoder } from "./glove-sif-encoder";
import { decodeGloveSifModel } from "./glove-sif-model";
import { getMiniLmEncoder } from "./minilm-encoder";
import type { SentenceEncoder } from "./sentence-encoder";
import { TEXT_VECTORS_STAGE, textVectorsArtifactSchema, type TextIndexArtifact, type TextVectorsArtifact } from "./text-vectors-artifact";

/** Semantic search over the catalog's item text vectors. */
export interface TextSearch {
  encoder: SentenceEncoder;
  dimensions: number;
  /** items × dimensions, row-major, unit rows; row i is catalog.items[i]. */
  itemTextVectors: Float32Array;
  /** Embeds `query` and returns the `k` items whose text is closest (cosine), best first. */
  searchText(query: string, k: number, exclude?: ReadonlySet<number>): Promise<VectorHit[]>;
  /** The `k` items closest to an already-embedded vector (e.g. another item's row). */
  searchVector(vector: ArrayLike<number>, k: number, exclude?: ReadonlySet<number>): VectorHit[];
  /** A view on one item's row. */
  itemVector(itemIndex: number): Float32Array;
  /**
   * The `k` items closest to one item's own text, best first (the item itself among them): the
   * same as searchVector(itemVector(itemIndex), k), remembered per item and k, since the rows
   * never change while the process runs.
   */
  itemNeighbours(itemIndex: number, k: number): readonly number[];
}

/**
 * Item neighbour lists remembered: a film's text neighbours are asked for each time it is a
 * reference with few fans here, and the exact scan over every row was a fifth of a fast
 * request's CPU (bench:store --profile). 4,096 lists of a few dozen numbers each.
 */
const ITEM_NEIGHBOUR_LISTS = 4096;

/**
 * The shape of lib/retrieval's VectorIndex search (usearch HNSW or exact), declared here so lib/ai
 * needs no import from lib/retrieval: pass such an index to trade exactness for speed.
 */
export interface NearestNeighbourIndex {
  search(query: Float32Array, k: number): { indexes: Int32Array; scores: Float32Array };
}

/**
 * Builds the search over vectors already in memory (tests, the eval script). Without `index` it
 * scans every row exactly (measured ~1.6 ms p50 for 11k × 100); with one, it asks the index for
 * k + |exclude| neighbours and filters. A query without any known word (a zero vector) has no
 * cosine; it goes to the exact scan, which ranks every row equal, as without an index.
 */
export function createTextSearch(encoder: SentenceEncoder, itemTextVectors: Float32Array, index?: NearestNeighbourIndex, scan: ExactScan = exactTopK): TextSearch {
  const dimensions = encoder.dimensions;
  if (itemTextVectors.length % dimensions !== 0) throw new RangeError(`createTextSearch: ${itemTextVectors.length} values are not rows of ${dimensions}`);
  const searchVector = (vector: ArrayLike<number>, k: number, exclude?: ReadonlySet<number>): VectorHit[] => {
    if (!index || isZero(vector)) return scan(itemTextVectors, dimensions, vector, k, exclude);
    const query = vector instanceof Float32Array ? vector : Float32Array.from(vector);
    const found = index.search(query, k + (exclude?.size ?? 0));
    const hits: VectorHit[] = [];
    for (let position = 0; position < found.indexes.length && hits.length < k; position += 1) {
      if (!exclude?.has(found.indexes[position])) hits.push({ itemIndex: found.indexes[position], score: found.scores[position] });
    }
    return hits;
  };
  const itemVector = (itemIndex: number) => itemTextVectors.subarray(itemIndex * dimensions, (itemIndex + 1) * dimensions);
  const neighbourLists = new Map<string, readonly number[]>();
  const itemNeighbours = (itemIndex: number, k: number): readonly number[] => {
    const key = `${itemIndex}:${k}`;
    const known = neighbourLists.get(key);
    if (known) {
      // Most recently used last in the Map's order, so the oldest is the one dropped.
      neighbourLists.delete(key);
      neighbourLists.set(key, known);
      return known;
    }
    const found = Object.freeze(searchVector(itemVector(itemIndex), k).map((hit) => hit.itemIndex));
    neighbourLists.set(key, found);
    if (neighbourLists.size > ITEM_NEIGHBOUR_LISTS) neighbourLists.delete(neighbourLists.keys().next().value!);
    return found;
  };
  return {
    encoder,
    dimensions,
    itemTextVectors,
    searchVector,
    itemNeighbours,
    async searchText(query, k, exclude) {
      const [vector] = await encoder.embedTexts([query]);
      return searchVector(vector, k, exclude);
    },
    itemVector,
  };
}

function isZero(vector: ArrayLike<number>): boolean {
  for (let position = 0; position < vector.length; position += 1) if (vector[position] !== 0) return false;
  return true;
}

const REBUILD = "npm run catalog:build";

/** How to ask for a given encoder on the command line. */
function rebuildCommand(config: TextEncoderConfig): string {
  return config.encoderId === "glove-sif" ? REBUILD : `REELCAST_TEXT_ENCODER=${config.encoderId} ${REBUILD}`;
}

/**
 * Reads and validates the manifest's text-vectors record.
 * @throws ReelcastError unavailable:catalog when the bundle has none (built before this stage)
 */
export function textVectorsArtifact(catalog: Pick<Catalog, "manifest" | "bundleDir">): TextVectorsArtifact {
  const raw = catalog.manifest.artifacts[TEXT_VECTORS_STAGE];
  if (raw === undefined) {
    throw new ReelcastError("unavailable:catalog", `Catalog bundle ${catalog.bundleDir} has no item text vectors (it was built without the ${TEXT_VECTORS_STAGE} stage). Run \`${REBUILD}\`.`);
  }
  return textVectorsArtifactSchema.parse(raw);
}

/**
 * Throws when the bundle's text vectors were made by another encoder than the configured one:
 * a query vector from one model compared with item vectors from another is meaningless.
 * @throws ReelcastError unavailable:catalog naming both encoders and the command that rebuilds
 */
function assertEncoderMatches(artifact: TextVectorsArtifact, config: TextEncoderConfig, bundleDir: string): void {
  const configuredModel = config.encoderId === "minilm" ? config.miniLm.modelId : null;
  const sameEncoder = artifact.encoder.id === config.encoderId;
  const sameModel = configuredModel === null || artifact.encoder.modelId === configuredModel;
  if (sameEncoder && sameModel) return;
  const built = `${artifact.encoder.id} (${artifact.encoder.modelId}, ${artifact.encoder.dimensions} dimensions)`;
  const wanted = `${config.encoderId}${configuredModel ? ` (${configuredModel})` : ""}`;
  throw new ReelcastError(
    "unavailable:catalog",
    `Text encoder mismatch: catalog bundle ${bundleDir} holds item text vectors from ${built}, but REELCAST_TEXT_ENCODER asks for ${wanted}. ` +
      `Rebuild the catalog with the configured encoder (\`${rebuildCommand(config)}\`), or set REELCAST_TEXT_ENCODER=${artifact.encoder.id} to serve this bundle.`,
  );
}

/** Loads a bundle's compacted GloVe-SIF model (tens of milliseconds). */
function loadGloveSifEncoder(modelFile: string): GloveSifEncoder {
  if (!existsSync(modelFile)) throw new ReelcastError("unavailable:catalog", `GloVe-SIF model ${modelFile} is missing from the catalog bundle. Run \`${REBUILD}\`.`);
  return new GloveSifEncoder(decodeGloveSifModel(readFileSync(modelFile)));
}

function readVectors(file: string, expectedLength: number): Float32Array {
  if (!existsSync(file)) throw new ReelcastError("unavailable:catalog", `Item text vectors ${file} are missing from the catalog bundle. Run \`${REBUILD}\`.`);
  const bytes = readFileSync(file);
  const vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  if (vectors.length !== expectedLength) {
    throw new ReelcastError("unavailable:catalog", `Item text vectors ${file} hold ${vectors.length} values, expected ${expectedLength}: the bundle is corrupt. Run \`${REBUILD} -- --force\`.`);
  }
  return vectors;
}

export interface LoadTextSearchOptions {
  environment?: Environment;
  projectRoot?: string;
  /** Use this encoder instead of the configured one (tests); it must match the bundle's. */
  encoder?: SentenceEncoder;
  /** Search through this index (e.g. a usearch view) instead of the exact scan. */
  index?: NearestNeighbourIndex;
  /**
   * Opens the bundle's own text index when the build wrote one (large catalogs): catalog/text-index.ts
   * `openTextIndex`, passed in so lib/ai does not depend on the usearch binding. Without it, or
   * when the bundle has no index, the search scans exactly.
   */
  openIndex?: (bundleDir: string, artifact: TextIndexArtifact, dimensions: number) => NearestNeighbourIndex;
  /**
   * The exact scan to use without an index: catalog/native-exact-scan.ts (the same hits as
   * exactTopK, faster), passed in so lib/ai does not depend on the usearch binding. Default exactTopK.
   */
  exactScan?: ExactScan;
}

function openBundleIndex(catalog: Pick<Catalog, "bundleDir">, artifact: TextVectorsArtifact, options: LoadTextSearchOptions): NearestNeighbourIndex | undefined {
  if (options.index) return options.index;
  if (!artifact.index || !options.openIndex) return undefined;
  try {
    return options.openIndex(catalog.bundleDir, artifact.index, artifact.encoder.dimensions);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReelcastError("unavailable:catalog", `The text index ${path.join(catalog.bundleDir, artifact.index.file)} cannot be opened (${reason}). Run \`${REBUILD} -- --force\`.`);
  }
}

/**
 * The serve-time loader: checks that the configured encoder (REELCAST_TEXT_ENCODER) is the one
 * the bundle was built with, loads the item text vectors and the query encoder (the bundle's
 * GloVe-SIF model, or the MiniLM singleton).
 * @throws ReelcastError unavailable:catalog on a missing stage, an encoder mismatch, missing
 *   files, or a MiniLM model that is not available
 */
export async function loadTextSearch(catalog: Pick<Catalog, "manifest" | "bundleDir" | "items">, options: LoadTextSearchOptions = {}): Promise<TextSearch> {
  const artifact = textVectorsArtifact(catalog);
  const config = textEncoderConfig(options.environment ?? process.env, options.projectRoot);
  assertEncoderMatches(artifact, config, catalog.bundleDir);
  if (artifact.items !== catalog.items.length) {
    throw new ReelcastError("unavailable:catalog", `Item text vectors cover ${artifact.items} items, the catalog has ${catalog.items.length}. Run \`${REBUILD}\`.`);
  }
  const vectors = readVectors(path.join(catalog.bundleDir, artifact.vectorsFile), artifact.items * artifact.encoder.dimensions);
  let encoder = options.encoder;
  if (!encoder) {
    encoder = artifact.encoder.id === "glove-sif" ? loadGloveSifEncoder(path.join(catalog.bundleDir, artifact.modelFile ?? "")) : await getMiniLmEncoder(config.miniLm);
  }
  if (encoder.dimensions !== artifact.encoder.dimensions) {
    throw new ReelcastError(
      "unavailable:catalog",
      `Text encoder ${encoder.modelId} embeds into ${encoder.dimensions} dimensions, the bundle's vectors have ${artifact.encoder.dimensions}. Run \`${rebuildCommand(config)}\`.`,
    );
  }
  return createTextSearch(encoder, vectors, openBundleIndex(catalog, artifact, options), options.exactScan);
}
