/**
 * Phases of a catalog build as its log announces them (catalog/build.ts and the stages' own log
 * lines), for bench:scale's per-phase time and memory profile. A new stage needs nothing here:
 * "Stage <name>…" starts a phase of that name. Probes announce theirs as "phase: <name>".
 */
export function buildPhaseOf(line: string): string | null {
  if (line.startsWith("phase: ")) return line.slice("phase: ".length);
  if (line.startsWith("Sources:")) return "hash sources";
  if (line.startsWith("Reading MovieLens")) return "read MovieLens CSVs (csv-parse + zod)";
  if (line.startsWith("Reading TMDB")) return "read TMDB CSVs";
  if (line.startsWith("Joining and validating")) return "join + validate, write items.jsonl + interactions";
  if (line.startsWith("Stage text-vectors")) return "text vectors: read GloVe (wink 100-d JSON)";
  if (line.startsWith("read wink-embeddings") || line.startsWith("reusing the compacted")) return "text vectors: compact vocabulary, fit common component";
  if (line.startsWith("compacted to ")) return "text vectors: embed items (GloVe SIF)";
  if (line.startsWith("Stage cf")) return "CF: WALS training";
  // After the last sweep: trained vectors copied, cold-start items given content-based vectors.
  const sweep = /^WALS iteration (\d+)\/(\d+)/.exec(line);
  if (sweep && sweep[1] === sweep[2]) return "CF: content-based vectors for untrained items";
  if (/^\d+-d WALS vectors for/.test(line)) return "CF: usearch HNSW index";
  const stage = /^Stage (\S+?)…/.exec(line);
  if (stage) return `stage ${stage[1]}`;
  if (/^\S+ done in [\d.]+ s$/.test(line)) return "between stages / publish bundle";
  return null;
}
