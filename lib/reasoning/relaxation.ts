import type { Item } from "../catalog/item";
import { rangeText, runtimeLabel } from "./constraint-labels";
import type { Constraints } from "./constraints";
import { isExclusion, type CheckKind, type CheckStatus, type HardCheck } from "./hard-checks";
import { STRICT, type Relaxation } from "./relaxation-state";

/** How far each relaxation step widens year (years) and runtime (minutes) ranges. */
// A third, wide step keeps what a request is about (its genre, its language) before any of it is
// dropped: "French romance from the 90s" with two such films shows French romances of 1970–2019, not
// French films of any genre.
export const YEAR_WIDENING_STEPS = [5, 10, 20] as const;
export const RUNTIME_WIDENING_STEPS = [15, 30] as const;

/** One relaxation as data: which stated constraint gave way, how, and what it became. */
export interface RelaxationStep {
  constraint: "years" | "runtime" | "genres" | "language" | "people" | "unrecorded-data";
  how: "widened" | "any-of" | "dropped" | "allowed-unknown";
  /** The constraint as the person stated it ("1990–1999", "≤ 90 min", "Comedy, Romance"). */
  asked: string;
  /** What was applied instead; null when the constraint was dropped. */
  applied: string | null;
  /** A widened range as numbers (years, or minutes for the runtime); null for other steps. */
  range: { from: number | null; to: number | null } | null;
  /** The same in one sentence, for reasons and the chat. */
  text: string;
}

interface PlannedStep {
  relaxation: Relaxation;
  message: string;
  kind: string;
  step: RelaxationStep;
}

/** The relaxation steps that apply to these checks, in the stated order, each with its message. */
function relaxationSteps(constraints: Constraints, checks: readonly HardCheck[]): PlannedStep[] {
  const steps: PlannedStep[] = [];
  let current = STRICT;
  const push = (change: Partial<Relaxation>, step: Omit<RelaxationStep, "text" | "range"> & { range?: RelaxationStep["range"] }, message: string) => {
    current = { ...current, ...change };
    steps.push({ relaxation: current, message, kind: Object.keys(change)[0], step: { ...step, range: step.range ?? null, text: message } });
  };
  const has = (kind: CheckKind) => checks.some((check) => check.kind === kind);
  if (has("years") && constraints.years) {
    const { from, to } = constraints.years;
    for (const widening of YEAR_WIDENING_STEPS) {
      const applied = rangeText(from === null ? null : from - widening, to === null ? null : to + widening);
      const range = { from: from === null ? null : from - widening, to: to === null ? null : to + widening };
      push({ yearWidening: widening }, { constraint: "years", how: "widened", asked: rangeText(from, to), applied, range }, `widened the release years to ${applied} (asked ${rangeText(from, to)})`);
    }
  }
  if (has("runtime") && constraints.runtime) {
    const { minMinutes, maxMinutes } = constraints.runtime;
    const asked = runtimeLabel(minMinutes, maxMinutes).replace("runtime ", "");
    for (const widening of RUNTIME_WIDENING_STEPS) {
      const applied = runtimeLabel(minMinutes === null ? null : minMinutes - widening, maxMinutes === null ? null : maxMinutes + widening).replace("runtime ", "");
      const range = { from: minMinutes === null ? null : minMinutes - widening, to: maxMinutes === null ? null : maxMinutes + widening };
      push({ runtimeWidening: widening }, { constraint: "runtime", how: "widened", asked, applied, range }, `widened the runtime to ${applied} (asked ${asked})`);
    }
  }
  const genres = checks.filter((check) => check.kind === "genre-include").map((check) => check.label.replace("genre: ", ""));
  if (genres.length > 1)
    push(
      { genreMode: "any" },
      { constraint: "genres", how: "any-of", asked: genres.join(" and "), applied: genres.join(" or ") },
      `accepted any of the genres ${genres.join(", ")} instead of all of them`,
    );
  if (genres.length > 0) push({ genreMode: "none" }, { constraint: "genres", how: "dropped", asked: genres.join(", "), applied: null }, `dropped the genre requirement (${genres.join(", ")})`);
  if (has("language")) {
    const languages = [...(constraints.languages?.include ?? [])].join(" or ");
    push({ dropLanguage: true }, { constraint: "language", how: "dropped", asked: languages, applied: null }, "dropped the language requirement");
  }
  if (has("person-include")) {
    const people = constraints.people.filter((person) => !person.exclude && person.strength === "hard").map((person) => person.name);
    push({ dropPeople: true }, { constraint: "people", how: "dropped", asked: people.join(", "), applied: null }, `dropped the requirement for ${people.join(", ")}`);
  }
  if (checks.some((check) => ["genre-include", "years", "runtime", "language", "person-include"].includes(check.kind))) {
    push(
      { allowUnknown: true },
      { constraint: "unrecorded-data", how: "allowed-unknown", asked: "recorded year, runtime, language, genres and credits", applied: "films with some of them unrecorded" },
      "included films whose year, runtime, language, genres or credits are not recorded",
    );
  }
  return steps;
}

/** A candidate as relaxation sees it: its item, its verdict per hard check, and the level it qualified at. */
export interface RelaxableCandidate {
  item: Item;
  /** One per check, in the checks' order. */
  statuses: CheckStatus[];
  /** Breaks an exclusion, which is never relaxed: it qualifies at no level. */
  hopeless: boolean;
  /** −1 until it qualifies; 0 as stated, k after the k-th relaxation step. Set here. */
  level: number;
}

export interface RelaxationOutcome {
  /** Candidates meeting every hard constraint as stated. */
  strictCount: number;
  /** Candidates that qualified at some level. */
  eligible: number;
  /** Human-readable, in the order applied; empty when nothing had to be relaxed and enough qualified. */
  relaxations: string[];
  /** The relaxations that admitted items, as data, in the order applied (latest step per constraint). */
  relaxed: RelaxationStep[];
}

/**
 * Marks each candidate with the level it qualifies at: as stated first, then, while fewer than
 * `limit` qualify (and `relax` allows), one cumulative relaxation step at a time: widen the years
 * by 5, 10 then 20, widen the runtime by 15 then 30 minutes, accept any of several required
 * genres, drop the genre requirement, drop the language, drop required people, accept items
 * whose values are not recorded. Exclusions are never relaxed.
 */
export function relaxUntilEnough(
  candidates: RelaxableCandidate[],
  checks: readonly HardCheck[],
  constraints: Constraints,
  options: { limit: number; relax: boolean; candidateCount: number },
): RelaxationOutcome {
  const { limit } = options;
  const passesAt = (entry: RelaxableCandidate, relaxation: Relaxation) => {
    for (let index = 0; index < checks.length; index += 1) if (!checks[index].passes(entry.item, relaxation, entry.statuses[index])) return false;
    return true;
  };
  let eligible = 0;
  for (const entry of candidates) {
    if (!entry.hopeless && passesAt(entry, STRICT)) {
      entry.level = 0;
      eligible += 1;
    }
  }
  const strictCount = eligible;
  const relaxations: string[] = [];
  const relaxed: RelaxationStep[] = [];
  if (eligible < limit && options.relax) {
    const steps = relaxationSteps(constraints, checks);
    // Steps are cumulative: a step that admitted nothing still applies to later ones, so its
    // message is reported with the first later step that admits items (latest per kind).
    const pending = new Map<string, { message: string; step: RelaxationStep }>();
    for (let stepIndex = 0; stepIndex < steps.length && eligible < limit; stepIndex += 1) {
      const { relaxation, message, kind, step } = steps[stepIndex];
      pending.delete(kind);
      pending.set(kind, { message, step });
      let added = 0;
      for (const entry of candidates) {
        if (entry.level >= 0 || entry.hopeless || !passesAt(entry, relaxation)) continue;
        entry.level = stepIndex + 1;
        added += 1;
      }
      eligible += added;
      if (added > 0) {
        for (const entry of pending.values()) {
          relaxations.push(entry.message);
          // A later step on the same constraint replaces the earlier one: the data says where it ended.
          const previous = relaxed.findIndex((existing) => existing.constraint === entry.step.constraint);
          if (previous >= 0) relaxed.splice(previous, 1);
          relaxed.push(entry.step);
        }
        pending.clear();
      }
    }
    if (relaxations.length > 0) {
      relaxations.unshift(`only ${strictCount} of ${options.candidateCount} candidates met every requirement as stated, so:`);
    }
  }
  if (eligible < limit) {
    relaxations.push(`${eligible} film${eligible === 1 ? "" : "s"} met the requirements${checks.some(isExclusion) ? "; exclusions are never relaxed" : ""}`);
  }
  return { strictCount, eligible, relaxations, relaxed };
}
