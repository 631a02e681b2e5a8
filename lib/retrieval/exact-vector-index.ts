import { readFileSync, writeFileSync } from "node:fs";
import { normalizeRows } from "./linear-algebra";
import { topKIndexes } from "./ranking-metrics";
import { assertItemIndexes, assertVectorBatch, type VectorIndex, type VectorMetric, type VectorSearchResult } from "./vector-index";

const FILE_MAGIC = 0x52435845; // "RCXE": Reelcast exact index
const HEADER_INTEGERS = 4; // magic, dimensions, metric (0 cos, 1 ip), count

/**
 * Exact brute-force search: every query is scored against every stored vector, O(n·d). The
 * reference for recall measurements and the right choice below a few thousand vectors.
 * For "cos" the stored vectors and the query are normalised, so scores are cosine similarities.
 */
export class ExactVectorIndex implements VectorIndex {
  private vectors: Float32Array;
  private keys: Int32Array;
  private count = 0;

  constructor(
    readonly dimensions: number,
    readonly metric: VectorMetric = "cos",
    initialCapacity = 1024,
  ) {
    if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`ExactVectorIndex: dimensions must be a positive integer, got ${dimensions}`);
    this.vectors = new Float32Array(initialCapacity * dimensions);
    this.keys = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  add(indexes: ArrayLike<number>, vectors: Float32Array): void {
    assertVectorBatch(indexes.length, vectors, this.dimensions);
    assertItemIndexes(indexes);
    this.reserve(this.count + indexes.length);
    this.vectors.set(this.metric === "cos" ? normalizeRows(vectors, this.dimensions) : vectors, this.count * this.dimensions);
    for (let position = 0; position < indexes.length; position += 1) this.keys[this.count + position] = indexes[position];
    this.count += indexes.length;
  }

  search(query: Float32Array, k: number): VectorSearchResult {
    if (query.length !== this.dimensions) throw new Error(`ExactVectorIndex.search: query has ${query.length} values, index has ${this.dimensions} dimensions`);
    const probe = this.metric === "cos" ? normalizeRows(query, this.dimensions) : query;
    const scores = new Float32Array(this.count);
    const { dimensions, vectors } = this;
    for (let row = 0; row < this.count; row += 1) {
      const offset = row * dimensions;
      let sum = 0;
      for (let column = 0; column < dimensions; column += 1) sum += vectors[offset + column] * probe[column];
      scores[row] = sum;
    }
    const rows = topKIndexes(scores, k);
    return { indexes: Int32Array.from(rows, (row) => this.keys[row]), scores: Float32Array.from(rows, (row) => scores[row]) };
  }

  /** Writes a small binary file: header (magic, dimensions, metric, count), keys, vectors. */
  save(filePath: string): void {
    const header = Int32Array.of(FILE_MAGIC, this.dimensions, this.metric === "cos" ? 0 : 1, this.count);
    const keys = this.keys.subarray(0, this.count);
    const vectors = this.vectors.subarray(0, this.count * this.dimensions);
    writeFileSync(filePath, Buffer.concat([header, keys, vectors].map((array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength))));
  }

  /**
   * Reads a file written by `save` into memory (brute force gains nothing from memory mapping).
   * Throws when the file is not an exact index.
   */
  static view(filePath: string): ExactVectorIndex {
    const buffer = readFileSync(filePath);
    const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    const [magic, dimensions, metricCode, count] = new Int32Array(bytes, 0, HEADER_INTEGERS);
    if (magic !== FILE_MAGIC) throw new Error(`${filePath} is not an exact vector index file`);
    const index = new ExactVectorIndex(dimensions, metricCode === 0 ? "cos" : "ip", Math.max(1, count));
    index.keys.set(new Int32Array(bytes, HEADER_INTEGERS * 4, count));
    index.vectors.set(new Float32Array(bytes, (HEADER_INTEGERS + count) * 4, count * dimensions));
    index.count = count;
    return index;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.keys.length) return;
    const grown = Math.max(capacity, this.keys.length * 2);
    const vectors = new Float32Array(grown * this.dimensions);
    vectors.set(this.vectors);
    const keys = new Int32Array(grown);
    keys.set(this.keys);
    this.vectors = vectors;
    this.keys = keys;
  }
}
