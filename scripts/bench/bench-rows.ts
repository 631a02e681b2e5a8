import type { LoadShape, RowAgainstFloor } from "./floor-ratio";

/** The rows of `npm run bench`'s load table, each measured beside the health floor. */
export interface BenchRow {
  label: string;
  path: "fast" | "reasoning";
  shape: LoadShape;
}

/** Issue 20's service levels: fast path at 300 req/s, offline reasoning at 150 req/s, both over 32 connections. */
const FAST_RATE = 300;
const REASONING_RATE = 150;

export const BENCH_ROWS: readonly BenchRow[] = [
  ...[1, 8, 32].map((connections) => ({ label: "fast", path: "fast" as const, shape: { connections, offeredRate: null } })),
  { label: "fast", path: "fast", shape: { connections: 32, offeredRate: FAST_RATE } },
  ...[1, 8, 32].map((connections) => ({ label: "reasoning (offline)", path: "reasoning" as const, shape: { connections, offeredRate: null } })),
  { label: "reasoning (offline)", path: "reasoning", shape: { connections: 32, offeredRate: REASONING_RATE } },
];

const describeShape = (shape: LoadShape) => (shape.offeredRate === null ? `closed loop × ${shape.connections}` : `open loop ${shape.offeredRate} req/s over ${shape.connections}`);

export function describeRow({ row, floor, ratios }: RowAgainstFloor): string {
  return `${row.label}, ${describeShape(row)}: ${row.requestsPerSecond} req/s (floor ${floor.requestsPerSecond}, ×${ratios.throughput}), p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms (floor ${floor.latencyMs.p99}, ×${ratios.p99}), errors + non-2xx ${row.errors + row.non2xx}`;
}

const find = (rows: readonly RowAgainstFloor[], path: string, shape: LoadShape) =>
  rows.find((row) => row.row.label.startsWith(path) && row.row.connections === shape.connections && row.row.offeredRate === shape.offeredRate);

export interface BenchTarget {
  name: string;
  met: boolean;
  measured: string;
}

/**
 * Issue 20's targets, read from the rows: fast-path throughput at 32 connections ≥ 60 % of the
 * floor's in the same run; open loop 300 req/s fast p99 ≤ 15 ms and 150 req/s offline reasoning
 * p99 ≤ 40 ms, each served in full (within 2 % of the offered rate); no errors. Also the earlier
 * ones: fast p99 ≤ 50 ms at 300 req/s, offline reasoning p99 ≤ 150 ms at 8 connections.
 */
export function benchTargets(rows: readonly RowAgainstFloor[], otherErrors = 0): BenchTarget[] {
  const fast32 = find(rows, "fast", { connections: 32, offeredRate: null });
  const fastOpen = find(rows, "fast", { connections: 32, offeredRate: FAST_RATE });
  const reasoningOpen = find(rows, "reasoning", { connections: 32, offeredRate: REASONING_RATE });
  const reasoning8 = find(rows, "reasoning", { connections: 8, offeredRate: null });
  const keptUp = (row: RowAgainstFloor | undefined) => !!row && row.row.offeredRate !== null && row.row.requestsPerSecond >= row.row.offeredRate * 0.98;
  const errors = rows.reduce((sum, row) => sum + row.row.errors + row.row.non2xx, 0) + otherErrors;
  const targets: BenchTarget[] = [];
  if (fast32)
    targets.push({
      name: "fast × 32 throughput ≥ 60 % of the floor's",
      met: fast32.ratios.throughput >= 0.6,
      measured: `${Math.round(fast32.ratios.throughput * 1000) / 10} % (${fast32.row.requestsPerSecond} of ${fast32.floor.requestsPerSecond} req/s)`,
    });
  if (fastOpen) {
    targets.push({
      name: `fast open loop ${FAST_RATE} req/s: p99 ≤ 15 ms, all served`,
      met: keptUp(fastOpen) && fastOpen.row.latencyMs.p99 <= 15,
      measured: `p99 ${fastOpen.row.latencyMs.p99} ms, ${fastOpen.row.requestsPerSecond} req/s served`,
    });
    targets.push({ name: `(earlier) fast open loop ${FAST_RATE} req/s: p99 ≤ 50 ms`, met: keptUp(fastOpen) && fastOpen.row.latencyMs.p99 <= 50, measured: `p99 ${fastOpen.row.latencyMs.p99} ms` });
  }
  if (reasoningOpen)
    targets.push({
      name: `offline reasoning open loop ${REASONING_RATE} req/s: p99 ≤ 40 ms, all served`,
      met: keptUp(reasoningOpen) && reasoningOpen.row.latencyMs.p99 <= 40,
      measured: `p99 ${reasoningOpen.row.latencyMs.p99} ms, ${reasoningOpen.row.requestsPerSecond} req/s served`,
    });
  if (reasoning8) targets.push({ name: "(earlier) offline reasoning × 8: p99 ≤ 150 ms", met: reasoning8.row.latencyMs.p99 <= 150, measured: `p99 ${reasoning8.row.latencyMs.p99} ms` });
  targets.push({ name: "zero errors and non-2xx", met: errors === 0, measured: String(errors) });
  return targets;
}

/** The load table: each row beside its floor, with the ratios. */
export function floorTableMarkdown(rows: readonly RowAgainstFloor[]): string {
  const number = (value: number) => (Number.isFinite(value) ? String(value) : "—");
  return [
    "| path | load | req/s | floor req/s | **req/s ÷ floor** | p50 ms | p99 ms | floor p99 ms | **p99 ÷ floor** | max ms | errors + non-2xx |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      ({ row, floor, ratios }) =>
        `| ${row.label} | ${describeShape(row)} | ${row.requestsPerSecond} | ${floor.requestsPerSecond} | **${number(ratios.throughput)}** | ${row.latencyMs.p50} | ${row.latencyMs.p99} | ${floor.latencyMs.p99} | **${number(ratios.p99)}** | ${row.latencyMs.max} | ${row.errors + row.non2xx} |`,
    ),
  ].join("\n");
}

export function targetsMarkdown(targets: readonly BenchTarget[]): string {
  return targets.map((target) => `- ${target.name} — ${target.met ? "met" : "**not met**"} (${target.measured})`).join("\n");
}
