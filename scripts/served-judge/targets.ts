import type { SideMetrics } from "./metrics";
import { REFERENCE_PHRASING, type PhrasingKind } from "./phrasings";

/** The targets of issue 16 for served answers. */
export const TARGETS = {
  askedFirst: 0.99,
  askedAbsent: 0.99,
  neighbourPrecisionFloor: 0.85,
  neighbourPrecisionGap: 0.05,
  titleWordNoise: 0.01,
} as const;

export interface TargetResult {
  id: "asked-first" | "reference-not-shown" | "neighbour-precision" | "title-word-noise";
  description: string;
  pass: boolean;
  /** The phrasings that miss it, with their value. */
  failures: string[];
}

/** What the targets read of one phrasing's result (run-served-eval.ts's PhrasingResult). */
export interface PhrasingOutcome {
  id: string;
  kind: PhrasingKind;
  served: Pick<SideMetrics, "askedFirst" | "askedAbsent" | "neighbourPrecision" | "titleWordNoise">;
}

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

/**
 * Each target holds for every phrasing it concerns: asked-for film first ≥ 99 % (lookups); no
 * asked film shown ≥ 99 % (references); neighbour precision ≥ 0.85 and within 0.05 of "movies
 * like X"; title-word noise ≤ 1 %.
 */
export function checkTargets(phrasings: readonly PhrasingOutcome[]): TargetResult[] {
  const results: TargetResult[] = [];
  const lookups = phrasings.filter((phrasing) => phrasing.kind === "lookup");
  const references = phrasings.filter((phrasing) => phrasing.kind === "reference");
  const firstFailures = lookups.filter((phrasing) => phrasing.served.askedFirst < TARGETS.askedFirst);
  results.push({
    id: "asked-first",
    description: `asked-for film first ≥ ${percent(TARGETS.askedFirst)} (${lookups.map((phrasing) => phrasing.id).join(", ") || "no lookup phrasing"})`,
    pass: firstFailures.length === 0,
    failures: firstFailures.map((phrasing) => `${phrasing.id} ${percent(phrasing.served.askedFirst)}`),
  });
  const absentFailures = references.filter((phrasing) => phrasing.served.askedAbsent < TARGETS.askedAbsent);
  results.push({
    id: "reference-not-shown",
    description: `referenced film never shown back ≥ ${percent(TARGETS.askedAbsent)} (every reference phrasing)`,
    pass: absentFailures.length === 0,
    failures: absentFailures.map((phrasing) => `${phrasing.id} ${percent(phrasing.served.askedAbsent)}`),
  });
  const reference = phrasings.find((phrasing) => phrasing.id === REFERENCE_PHRASING);
  const floor = Math.max(TARGETS.neighbourPrecisionFloor, reference ? reference.served.neighbourPrecision - TARGETS.neighbourPrecisionGap : 0);
  const precisionFailures = phrasings.filter((phrasing) => phrasing.served.neighbourPrecision < floor - 1e-12);
  results.push({
    id: "neighbour-precision",
    description: `neighbour precision of every phrasing ≥ ${TARGETS.neighbourPrecisionFloor} and within ${TARGETS.neighbourPrecisionGap} of "movies like X"${reference ? ` (${reference.served.neighbourPrecision.toFixed(3)}), so ≥ ${floor.toFixed(3)}` : ""}`,
    pass: precisionFailures.length === 0,
    failures: precisionFailures.map((phrasing) => `${phrasing.id} ${phrasing.served.neighbourPrecision.toFixed(3)}`),
  });
  const noiseFailures = phrasings.filter((phrasing) => phrasing.served.titleWordNoise > TARGETS.titleWordNoise);
  results.push({
    id: "title-word-noise",
    description: `title-word noise ≤ ${percent(TARGETS.titleWordNoise)} (every phrasing)`,
    pass: noiseFailures.length === 0,
    failures: noiseFailures.map((phrasing) => `${phrasing.id} ${percent(phrasing.served.titleWordNoise)}`),
  });
  return results;
}
