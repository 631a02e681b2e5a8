/**
 * bench:retrieval — in-process retrieval benchmarks, one section each.
 *
 *   npm run bench:retrieval                         every section, markdown
 *   npm run bench:retrieval -- --json               machine-readable
 *   npm run bench:retrieval -- --only=vector-index  one section (names below)
 *   npm run bench:retrieval -- --sizes=10000,100000 smaller vector-index sweep (CI, quick checks)
 *   npm run bench:retrieval -- --only=fast-path --queries=2400 --repeats=3   fast-path latency settings
 *   … --expansions=16,32,64 --expansion-add=64 --connectivity=16 --quantization=f16   HNSW settings
 *   … --no-session-ranker   serve session taste without the bundle's learned ranker (before/after)
 *
 * Sections: "cf" (fold-in / neighbour latency on the real bundle), "fast-path" (retrieveFast and
 * decideRoute latency over queries generated from the real catalog) and "vector-index" (the
 * usearch scale sweep on synthetic vectors). A section is a name plus a function returning
 * { result, markdown }; add one to SECTIONS.
 */
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { loadCfArtifacts } from "../catalog/cf-artifacts";
import { cfLatencyMarkdown, runCfLatency } from "./bench/cf-latency";
import { DEFAULT_FAST_PATH_LATENCY_OPTIONS, fastPathLatencyMarkdown, runFastPathLatency } from "./bench/fast-path-latency";
import { DEFAULT_SWEEP_OPTIONS, runVectorIndexSweep, vectorIndexSweepMarkdown } from "./bench/vector-index-sweep";
import { describeRun, runContext } from "./support/run-context";

export interface BenchSection {
  name: string;
  /** The `## ` heading its markdown belongs under in docs/BENCHMARKS.md. */
  heading: string;
  run(arguments_: readonly string[], log: (line: string) => void): Promise<{ result: unknown; markdown: string }>;
}

/** `--name=value` or `--name value` (without the second form, `--only fast-path` would silently run every section). */
const option = (arguments_: readonly string[], name: string): string | undefined => {
  const separate = arguments_.indexOf(`--${name}`);
  if (separate >= 0 && separate + 1 < arguments_.length) return arguments_[separate + 1];
  return arguments_.find((argument) => argument.startsWith(`--${name}=`))?.split("=")[1];
};

export const SECTIONS: BenchSection[] = [
  {
    name: "cf",
    heading: "CF fold-in and neighbour latency (bench:retrieval)",
    async run(arguments_) {
      const catalog = loadCurrentCatalog();
      const started = performance.now();
      const cf = loadCfArtifacts(catalog, { sessionRanker: !arguments_.includes("--no-session-ranker") });
      const result = runCfLatency(catalog, cf, performance.now() - started);
      return { result, markdown: cfLatencyMarkdown(result) };
    },
  },
  {
    name: "fast-path",
    heading: "Fast-path latency over real queries (bench:retrieval)",
    async run(arguments_, log) {
      const catalog = loadCurrentCatalog();
      const cf = loadCfArtifacts(catalog, { sessionRanker: !arguments_.includes("--no-session-ranker") });
      const count = Number(option(arguments_, "queries") ?? DEFAULT_FAST_PATH_LATENCY_OPTIONS.count);
      const repeats = Number(option(arguments_, "repeats") ?? DEFAULT_FAST_PATH_LATENCY_OPTIONS.repeats);
      const result = runFastPathLatency(catalog, cf, { ...DEFAULT_FAST_PATH_LATENCY_OPTIONS, count, repeats }, log);
      return { result, markdown: fastPathLatencyMarkdown(result) };
    },
  },
  {
    name: "vector-index",
    heading: "Vector index scale sweep (bench:retrieval)",
    async run(arguments_, log) {
      const sizes = option(arguments_, "sizes")?.split(",").map(Number) ?? DEFAULT_SWEEP_OPTIONS.sizes;
      const expansions = option(arguments_, "expansions")?.split(",").map(Number) ?? DEFAULT_SWEEP_OPTIONS.expansions;
      const expansionAdd = Number(option(arguments_, "expansion-add") ?? DEFAULT_SWEEP_OPTIONS.expansionAdd);
      const connectivity = Number(option(arguments_, "connectivity") ?? DEFAULT_SWEEP_OPTIONS.connectivity);
      const quantization = (option(arguments_, "quantization") ?? DEFAULT_SWEEP_OPTIONS.quantization) as "f32" | "f16" | "i8";
      const result = runVectorIndexSweep({ ...DEFAULT_SWEEP_OPTIONS, sizes, expansions, expansionAdd, connectivity, quantization }, log);
      return { result, markdown: vectorIndexSweepMarkdown(result) };
    },
  },
];

async function main(arguments_: readonly string[]): Promise<void> {
  const json = arguments_.includes("--json");
  const run = runContext();
  const only = option(arguments_, "only")?.split(",");
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results: Record<string, unknown> = {};
  const markdown: string[] = [];
  for (const section of SECTIONS) {
    if (only && !only.includes(section.name)) continue;
    log(`— ${section.name}`);
    const { result, markdown: text } = await section.run(arguments_, log);
    results[section.name] = result;
    markdown.push(`## ${section.heading}`, "", text, "");
  }
  if (json) process.stdout.write(`${JSON.stringify({ ...run, sections: results }, null, 2)}\n`);
  else process.stdout.write(`Run ${describeRun(run)}.\n\n${markdown.join("\n")}\n`);
}

await main(process.argv.slice(2));
