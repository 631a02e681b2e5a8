import type { ItemMark } from "./judge-answer";
import type { SideMetrics } from "./metrics";
import type { ServedEvalResult } from "./run-served-eval";

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
const fixed = (value: number) => value.toFixed(3);

/** The per-phrasing table (served answers, then the popularity baseline on the same requests), in markdown. */
export function phrasingTable(result: ServedEvalResult): string {
  const header =
    "| phrasing | example request | n | fast / reasoning | asked-for film first | asked-for film absent | neighbour precision | title-word noise | filler-word noise | content-related | popularity: neighbour precision | popularity: title-word noise | popularity: content-related |";
  const rule = "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const rows = result.phrasings.map((phrasing) => {
    const served = phrasing.served;
    const baseline = phrasing.baseline;
    return [
      phrasing.id,
      `"${phrasing.example.replace(/\|/g, "\\|")}"`,
      String(phrasing.requests),
      `${percent(phrasing.routes.fast)} / ${percent(phrasing.routes.reasoning)}`,
      phrasing.kind === "lookup" ? percent(served.askedFirst) : "—",
      phrasing.kind === "reference" ? percent(served.askedAbsent) : "—",
      fixed(served.neighbourPrecision),
      percent(served.titleWordNoise),
      percent(served.fillerWordNoise),
      fixed(served.contentRelevance),
      fixed(baseline.neighbourPrecision),
      percent(baseline.titleWordNoise),
      fixed(baseline.contentRelevance),
    ].join(" | ");
  });
  return [header, rule, ...rows.map((row) => `| ${row} |`)].join("\n");
}

/** One line per target: PASS or FAIL, and the phrasings that miss it. */
export function targetLines(result: ServedEvalResult): string[] {
  return result.targets.map((target) => `${target.pass ? "PASS" : "FAIL"}  ${target.description}${target.failures.length > 0 ? ` — misses: ${target.failures.join("; ")}` : ""}`);
}

const MARK_SYMBOL: Record<ItemMark, string> = {
  asked: "★",
  neighbour: "✓",
  "title-word-noise": "~",
  "filler-word-noise": "!",
  "content-related": "c",
  unrelated: "·",
};

export const MARK_LEGEND = "★ asked-for film · ✓ among its 50 nearest · ~ title-word noise · ! filler-word noise · c related by content only · · neither";

/** The example answers, one line each: the request, the route, then the titles with their marks. */
export function exampleLines(result: ServedEvalResult): string[] {
  return result.examples.map(
    (example) =>
      `${example.phrasing.padEnd(21)} "${example.query}" [${example.route}] → ${example.items
        .map((item) => `${MARK_SYMBOL[item.mark]} ${item.title}${item.year ? ` (${item.year})` : ""}`)
        .join(" | ")}`,
  );
}

/**
 * Frozen bandit against a bandit learning from the run's own impressions (no feedback), per
 * phrasing: the target metric of its kind, then neighbour precision and title-word noise, each
 * as frozen → live over the first / middle / last third of the films.
 */
export function driftTable(frozen: ServedEvalResult, live: ServedEvalResult): string {
  const header =
    "| phrasing | asked-for first (lookup) or absent (reference): frozen → live, thirds 1 / 2 / 3 | neighbour precision: frozen → live, thirds 1 / 2 / 3 | title-word noise: frozen → live, thirds 1 / 2 / 3 |";
  const rule = "|---|---|---|---|";
  const rows = frozen.phrasings.map((phrasing) => {
    const other = live.phrasings.find((candidate) => candidate.id === phrasing.id);
    if (!other) return `| ${phrasing.id} | — | — | — |`;
    const cell = (format: (value: number) => string, pick: (metrics: SideMetrics) => number) =>
      `${format(pick(phrasing.served))} → ${other.servedByThird.map((third) => format(pick(third))).join(" / ")}`;
    const target = (metrics: SideMetrics) => (phrasing.kind === "lookup" ? metrics.askedFirst : metrics.askedAbsent);
    return `| ${phrasing.id} | ${cell(percent, target)} | ${cell(fixed, (metrics) => metrics.neighbourPrecision)} | ${cell(percent, (metrics) => metrics.titleWordNoise)} |`;
  });
  return [header, rule, ...rows].join("\n");
}

/** The first requests of each phrasing that missed the asked-for target, one line each. */
export function missLines(result: ServedEvalResult): string[] {
  return result.phrasings
    .filter((phrasing) => phrasing.misses.length > 0)
    .map(
      (phrasing) =>
        `${phrasing.id.padEnd(21)} ${phrasing.misses.map((miss) => `"${miss.query}" → ${miss.askedRank === null ? "absent" : `#${miss.askedRank}`} (${miss.shown.join(", ")})`).join("; ")}`,
    );
}
