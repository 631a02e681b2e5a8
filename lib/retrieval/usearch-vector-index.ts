import { Index, MetricKind, ScalarKind } from "usearch";
import { assertItemIndexes, assertVectorBatch, type VectorIndex, type VectorMetric, type VectorSearchResult } from "./vector-index";

/** HNSW graph settings (Malkov & Yashunin, 2018) as usearch names them. */
export interface UsearchIndexOptions {
  metric: VectorMetric;
  /** Graph degree M: more edges = better recall, more memory, slower builds (default 16). */
  connectivity: number;
  /** Candidate list size while inserting, efConstruction (default 128). */
  expansionAdd: number;
  /** Candidate list size while searching, ef: the recall/latency knob (default 64). */
  expansionSearch: number;
  /**
   * Threads for `add` batches; 0 = all cores. 1 gives a reproducible graph (the bundle build
   * uses it); more threads build faster but insertion order, hence the graph, varies.
   */
  addThreads: number;
  /**
   * How vectors are stored: "f32" (default, exact distances), "f16" or "i8" (half / a quarter of
   * the memory traffic, slightly approximate distances; useful for millions of vectors).
   */
  quantization: "f32" | "f16" | "i8";
}

export const DEFAULT_USEARCH_OPTIONS: UsearchIndexOptions = {
  metric: "cos",
  connectivity: 16,
  expansionAdd: 128,
  expansionSearch: 64,
  addThreads: 0,
  quantization: "f32",
};

const METRIC_KIND: Record<VectorMetric, MetricKind> = { cos: MetricKind.Cos, ip: MetricKind.IP };
const SCALAR_KIND: Record<UsearchIndexOptions["quantization"], ScalarKind> = { f32: ScalarKind.F32, f16: ScalarKind.F16, i8: ScalarKind.I8 };

/**
 * Approximate nearest-neighbour search on a usearch HNSW index. usearch keys are
 * 64-bit bigints; this class converts item indexes to and from them at its boundary so callers
 * only ever see numbers. File I/O happens only in `save` and `view`.
 */
export class UsearchVectorIndex implements VectorIndex {
  readonly metric: VectorMetric;
  readonly options: UsearchIndexOptions;
  /** True for an index opened with `view`: memory-mapped, searchable, not writable. */
  readonly readOnly: boolean;
  private readonly native: Index;

  private constructor(native: Index, options: UsearchIndexOptions, readOnly: boolean) {
    this.native = native;
    this.options = options;
    this.metric = options.metric;
    this.readOnly = readOnly;
  }

  /** An empty in-memory index. Throws on a non-positive dimension. */
  static create(dimensions: number, options: Partial<UsearchIndexOptions> = {}): UsearchVectorIndex {
    const settings = { ...DEFAULT_USEARCH_OPTIONS, ...options };
    return new UsearchVectorIndex(createNative(dimensions, settings), settings, false);
  }

  /**
   * Opens a file written by `save` without reading it into memory (mmap): start-up is instant and
   * the pages are shared between processes. Graph, metric and quantization come from the file;
   * pass the metric it was built with (`options.metric`, default "cos") so `metric` reports it.
   * `expansionSearch` applies to this view only, so one file can serve several recall/latency
   * trade-offs. Throws when the file is missing or unreadable, or its dimensions differ.
   */
  static view(filePath: string, dimensions: number, options: Partial<Omit<UsearchIndexOptions, "connectivity" | "expansionAdd" | "addThreads" | "quantization">> = {}): UsearchVectorIndex {
    const settings = { ...DEFAULT_USEARCH_OPTIONS, ...options };
    const native = createNative(dimensions, settings);
    native.view(filePath);
    if (native.dimensions() !== dimensions) {
      throw new Error(`usearch index ${filePath} has ${native.dimensions()} dimensions, expected ${dimensions}`);
    }
    return new UsearchVectorIndex(native, { ...settings, connectivity: native.connectivity() }, true);
  }

  get dimensions(): number {
    return this.native.dimensions();
  }

  get size(): number {
    return this.native.size();
  }

  add(indexes: ArrayLike<number>, vectors: Float32Array): void {
    if (this.readOnly) throw new Error("UsearchVectorIndex: a viewed (memory-mapped) index is read-only");
    assertVectorBatch(indexes.length, vectors, this.dimensions);
    assertItemIndexes(indexes);
    if (indexes.length === 0) return;
    const keys = new BigUint64Array(indexes.length);
    for (let position = 0; position < indexes.length; position += 1) keys[position] = BigInt(indexes[position]);
    this.native.add(keys, vectors, this.options.addThreads);
  }

  search(query: Float32Array, k: number): VectorSearchResult {
    if (query.length !== this.dimensions) throw new Error(`UsearchVectorIndex.search: query has ${query.length} values, index has ${this.dimensions} dimensions`);
    if (this.size === 0 || k <= 0) return { indexes: new Int32Array(0), scores: new Float32Array(0) };
    // One thread: a single query gains nothing from a thread pool and would pay its start-up.
    const matches = this.native.search(query, k, 1);
    const indexes = new Int32Array(matches.keys.length);
    const scores = new Float32Array(matches.keys.length);
    for (let position = 0; position < indexes.length; position += 1) {
      indexes[position] = Number(matches.keys[position]);
      // usearch distances are 1 − cosine and 1 − dot; turn them back into similarities.
      scores[position] = 1 - matches.distances[position];
    }
    return { indexes, scores };
  }

  save(filePath: string): void {
    this.native.save(filePath);
  }
}

function createNative(dimensions: number, settings: UsearchIndexOptions): Index {
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`UsearchVectorIndex: dimensions must be a positive integer, got ${dimensions}`);
  return new Index({
    dimensions,
    metric: METRIC_KIND[settings.metric],
    quantization: SCALAR_KIND[settings.quantization],
    connectivity: settings.connectivity,
    expansion_add: settings.expansionAdd,
    expansion_search: settings.expansionSearch,
    multi: false,
  });
}
