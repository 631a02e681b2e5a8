import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { exactSearch, MetricKind } from "usearch";
import { ExactVectorIndex } from "../../lib/retrieval/exact-vector-index";
import { createSeededRandom, gaussian, type RandomSource } from "../../lib/retrieval/seeded-random";
import { UsearchVectorIndex } from "../../lib/retrieval/usearch-vector-index";
import type { VectorIndex } from "../../lib/retrieval/vector-index";
import { percentile } from "./latency-stats";
import { atRaisedPriority, TIMING_PRIORITY } from "./raised-priority";

/**
 * Vector-index scale sweep: synthetic clustered vectors at several sizes, a usearch HNSW index
 * built once per size and memory-mapped (`view`, as served) at several search expansions, beside
 * the exact brute-force index. Recall@10 is measured against exact cosine neighbours.
 */
export interface SweepOptions {
  sizes: number[];
  dimensions: number;
  /** Queries per size for HNSW latency and recall. */
  queries: number;
  /** Queries per size for the (slow) exact brute-force latency. */
  exactQueries: number;
  expansions: number[];
  connectivity: number;
  expansionAdd: number;
  quantization: "f32" | "f16" | "i8";
  seed: number;
}

export const DEFAULT_SWEEP_OPTIONS: SweepOptions = {
  sizes: [10_000, 100_000, 1_000_000],
  dimensions: 64,
  queries: 1000,
  exactQueries: 100,
  expansions: [16, 32, 64, 128],
  connectivity: 16,
  expansionAdd: 128,
  quantization: "f32",
  seed: 2026,
};

export interface LatencyFigures {
  p50: number;
  p99: number;
  mean: number;
}

export interface SweepRow {
  size: number;
  generateSeconds: number;
  build: { seconds: number; threads: number; rssDeltaMb: number; fileMb: number };
  exact: LatencyFigures & { memoryMb: number; queries: number };
  hnsw: Array<LatencyFigures & { expansionSearch: number; recallAt10: number }>;
  /** 1-minute load average when the row finished: other processes inflate tail latencies. */
  loadAverage: number;
}

export interface SweepResult {
  options: SweepOptions;
  data: string;
  /** Whether query timing ran at raised scheduling priority (nice −10). */
  raisedPriority: boolean;
  rows: SweepRow[];
}

/** Synthetic data parameters: many clusters, each a random 16-d affine subspace plus noise. */
const LATENT_DIMENSIONS = 16;
const CLUSTER_SPREAD = 0.5;
const NOISE = 0.05;

/**
 * `count` vectors drawn from a mixture of clusters (one per 1,000 vectors, at least 10): centre
 * c ~ N(0, I), point = c + B·z·spread + noise, where B is the cluster's random 64 × 16 basis and
 * z ~ N(0, I₁₆). Real embeddings sit near low-dimensional manifolds like this; uniform noise
 * would make every neighbour equally far and recall meaningless.
 */
function clusteredVectors(count: number, dimensions: number, random: RandomSource, clusterRandom: RandomSource, clusterCount: number): Float32Array {
  const centres = Float32Array.from({ length: clusterCount * dimensions }, () => gaussian(clusterRandom));
  const bases = Float32Array.from({ length: clusterCount * dimensions * LATENT_DIMENSIONS }, () => gaussian(clusterRandom) / Math.sqrt(LATENT_DIMENSIONS));
  const vectors = new Float32Array(count * dimensions);
  const latent = new Float64Array(LATENT_DIMENSIONS);
  for (let row = 0; row < count; row += 1) {
    const cluster = Math.floor(random() * clusterCount);
    for (let axis = 0; axis < LATENT_DIMENSIONS; axis += 1) latent[axis] = gaussian(random);
    const basis = cluster * dimensions * LATENT_DIMENSIONS;
    for (let column = 0; column < dimensions; column += 1) {
      let value = centres[cluster * dimensions + column];
      const basisRow = basis + column * LATENT_DIMENSIONS;
      for (let axis = 0; axis < LATENT_DIMENSIONS; axis += 1) value += CLUSTER_SPREAD * bases[basisRow + axis] * latent[axis];
      vectors[row * dimensions + column] = value + NOISE * gaussian(random);
    }
  }
  return vectors;
}

function latencies(index: VectorIndex, queries: Float32Array, dimensions: number, count: number, k: number): { samples: number[]; results: Int32Array[] } {
  const samples: number[] = [];
  const results: Int32Array[] = [];
  for (let query = 0; query < count; query += 1) {
    const vector = queries.subarray(query * dimensions, (query + 1) * dimensions);
    const started = performance.now();
    const { indexes } = index.search(vector, k);
    samples.push(performance.now() - started);
    results.push(indexes);
  }
  return { samples, results };
}

const figures = (samples: number[]): LatencyFigures => ({
  p50: Math.round(percentile(samples, 0.5) * 1000) / 1000,
  p99: Math.round(percentile(samples, 0.99) * 1000) / 1000,
  mean: Math.round((samples.reduce((sum, value) => sum + value, 0) / samples.length) * 1000) / 1000,
});

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

/** Runs the sweep; `log` receives progress lines. */
export function runVectorIndexSweep(options: SweepOptions = DEFAULT_SWEEP_OPTIONS, log: (line: string) => void = () => {}): SweepResult {
  const { dimensions, seed } = options;
  const rows: SweepRow[] = [];
  let raisedPriority = true;
  const directory = mkdtempSync(path.join(tmpdir(), "reelcast-vector-sweep-"));
  try {
    for (const size of options.sizes) {
      const clusterCount = Math.max(10, Math.round(size / 1000));
      const generateStarted = performance.now();
      const vectors = clusteredVectors(size, dimensions, createSeededRandom(seed), createSeededRandom(seed + 1), clusterCount);
      // Queries: fresh draws from the same clusters (same cluster stream, other point stream).
      const queries = clusteredVectors(options.queries, dimensions, createSeededRandom(seed + 2), createSeededRandom(seed + 1), clusterCount);
      const generateSeconds = (performance.now() - generateStarted) / 1000;
      log(`${size} vectors (${clusterCount} clusters) generated in ${generateSeconds.toFixed(1)} s`);

      // Ground truth with usearch's native multi-threaded exact search (cross-checked below).
      const truthStarted = performance.now();
      const truthMatches = exactSearch(vectors, queries, dimensions, 10, MetricKind.Cos, 0);
      const truth = Array.from({ length: options.queries }, (_, query) => new Set(Array.from(truthMatches.keys.subarray(query * 10, query * 10 + 10), Number)));
      log(`  exact ground truth for ${options.queries} queries in ${((performance.now() - truthStarted) / 1000).toFixed(1)} s`);

      const exact = new ExactVectorIndex(dimensions, "cos", size);
      exact.add(
        Int32Array.from({ length: size }, (_, row) => row),
        vectors,
      );
      const [exactRun, exactRaised] = atRaisedPriority(() => latencies(exact, queries, dimensions, Math.min(options.exactQueries, options.queries), 10));
      raisedPriority &&= exactRaised;
      exactRun.results.forEach((indexes, query) => {
        const agreed = [...indexes].filter((index) => truth[query].has(index)).length;
        if (agreed < 9) throw new Error(`exact index and usearch exactSearch disagree on query ${query} (${agreed}/10)`);
      });
      const exactFigures = { ...figures(exactRun.samples), memoryMb: Math.round((size * dimensions * 4) / 2 ** 20), queries: exactRun.samples.length };
      log(`  exact brute force: p50 ${exactFigures.p50} ms, p99 ${exactFigures.p99} ms`);

      const rssBefore = rssMb();
      const buildStarted = performance.now();
      const built = UsearchVectorIndex.create(dimensions, { metric: "cos", connectivity: options.connectivity, expansionAdd: options.expansionAdd, addThreads: 0, quantization: options.quantization });
      built.add(
        Int32Array.from({ length: size }, (_, row) => row),
        vectors,
      );
      const buildSeconds = (performance.now() - buildStarted) / 1000;
      const rssDeltaMb = rssMb() - rssBefore;
      const file = path.join(directory, `sweep-${size}.usearch`);
      built.save(file);
      const fileMb = statSync(file).size / 2 ** 20;
      log(`  HNSW build (M=${options.connectivity}, efConstruction=${options.expansionAdd}, ${options.quantization}) in ${buildSeconds.toFixed(1)} s, file ${fileMb.toFixed(0)} MB`);

      const hnsw: SweepRow["hnsw"] = [];
      for (const expansionSearch of options.expansions) {
        const viewed = UsearchVectorIndex.view(file, dimensions, { metric: "cos", expansionSearch });
        latencies(viewed, queries, dimensions, Math.min(200, options.queries), 10); // warm the mapped pages and the JIT
        const [run, raised] = atRaisedPriority(() => latencies(viewed, queries, dimensions, options.queries, 10));
        raisedPriority &&= raised;
        let found = 0;
        run.results.forEach((indexes, query) => {
          for (const index of indexes) if (truth[query].has(index)) found += 1;
        });
        const row = { expansionSearch, ...figures(run.samples), recallAt10: Math.round((found / (10 * options.queries)) * 10000) / 10000 };
        hnsw.push(row);
        log(`  ef=${expansionSearch}: p50 ${row.p50} ms, p99 ${row.p99} ms, recall@10 ${row.recallAt10}`);
      }
      rows.push({
        size,
        generateSeconds: Math.round(generateSeconds * 10) / 10,
        build: { seconds: Math.round(buildSeconds * 10) / 10, threads: 0, rssDeltaMb: Math.round(rssDeltaMb), fileMb: Math.round(fileMb) },
        exact: exactFigures,
        hnsw,
        loadAverage: Math.round(loadavg()[0] * 10) / 10,
      });
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return {
    options,
    raisedPriority,
    data: `${options.dimensions}-d, one cluster per 1,000 vectors: centre ~ N(0, I) + ${CLUSTER_SPREAD} × random ${LATENT_DIMENSIONS}-d subspace + ${NOISE} isotropic noise; queries are fresh draws from the same clusters`,
    rows,
  };
}

/** The sweep as markdown tables. */
export function vectorIndexSweepMarkdown(result: SweepResult): string {
  const { options } = result;
  const lines = [
    `Data: ${result.data}. Cosine metric, k = 10, one query at a time on one thread through \`VectorIndex.search\` (number↔bigint key conversion included). ` +
      `HNSW: usearch, ${options.quantization} vectors, M = ${options.connectivity}, efConstruction = ${options.expansionAdd}, built with all cores, saved and memory-mapped with \`view\` at each search expansion ef; ` +
      `${options.queries} queries per row after 200 warm-up queries${result.raisedPriority ? `, timed at raised scheduling priority (nice ${TIMING_PRIORITY}; builds at normal priority) because the machine is shared` : ", timed at normal priority"}. Recall@10 against exact cosine neighbours (usearch \`exactSearch\`, cross-checked with ExactVectorIndex). ` +
      `Exact: the TypeScript brute-force ExactVectorIndex, ${options.exactQueries} queries.`,
    "",
    "| vectors | index | build s | memory | query p50 | query p99 | recall@10 | load avg |",
    "|---:|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of result.rows) {
    const size = row.size.toLocaleString("en-US");
    lines.push(`| ${size} | exact brute force (${row.exact.queries} queries) | — | ${row.exact.memoryMb} MB | ${row.exact.p50} ms | ${row.exact.p99} ms | 1 | ${row.loadAverage} |`);
    for (const hnsw of row.hnsw) {
      lines.push(
        `| ${size} | HNSW ef = ${hnsw.expansionSearch} | ${row.build.seconds} | ${row.build.fileMb} MB file (RSS +${row.build.rssDeltaMb} MB while building) | ${hnsw.p50} ms | ${hnsw.p99} ms | ${hnsw.recallAt10.toFixed(4)} | ${row.loadAverage} |`,
      );
    }
  }
  return lines.join("\n");
}
