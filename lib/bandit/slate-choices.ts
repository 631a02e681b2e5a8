import type { SlateProblem } from "./slate-problem";
import type { PolicyKind } from "./policy";
import type { RewardModel } from "./reward-model";
import { meanScore } from "./reward-model";

/**
 * What a slate chose among, logged with the impression so the evaluator over the real logs
 * (lib/evaluation) can rebuild the policy's distribution at every slot after ANY earlier slots,
 * not only the ones shown: the reachable unpinned items in retrieval order with their scaled
 * relevance, the explanations true of each with the policy's logit for them (posterior mean plus
 * the retrieval prior), and the logit each explanation adds at each position. A slot's score is
 * `logits[k] + positionLogits[kind][position]`, exactly as `createSlatePolicy` adds them, so
 * ε-greedy, greedy and random distributions (and any target policy defined on the same choices)
 * can be recomputed; Thompson sampling's draws cannot, and the evaluator says so.
 *
 * Logits are rounded to 1e-5: the evaluator checks every rebuilt propensity of the shown slots
 * against the logged one and sets aside an impression where rounding changed an argmax.
 */
export type SlateChoices = {
  version: 1;
  policy: PolicyKind;
  epsilon: number | null;
  /** The band as in relevance-band.ts; an unbounded width or drop is logged as null. */
  band: { width: number | null; maximumDrop: number | null; reachPastSlate: boolean };
  unpinnedSlots: number;
  /** Pinned item indexes, in slot order (every policy shows them first). */
  pinned: number[];
  /** The unpinned items a slot can reach, in retrieval order. */
  ranked: Array<{ item: number; scaled: number; kinds: number[]; logits: number[] }>;
  /** Per explanation kind, its logit at positions 0..limit − 1. */
  positionLogits: Array<{ kind: number; logits: number[] }>;
};

const round = (value: number) => Math.round(value * 1e5) / 1e5;
const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/** The choices of a prepared request under a policy's model (see `SlateChoices`). */
export function describeSlateChoices(problem: SlateProblem, model: RewardModel, policy: PolicyKind, epsilon: number | null): SlateChoices {
  const reach = problem.band.reachPastSlate ? problem.rankedItems.length : Math.min(problem.rankedItems.length, problem.unpinnedSlots);
  const kinds = new Set<number>();
  const ranked = problem.rankedItems.slice(0, reach).map((item, rank) => {
    const own = problem.actionsOfItem(item);
    const entry = { item, scaled: round(problem.rankedScaled[rank]), kinds: [] as number[], logits: [] as number[] };
    for (const actionIndex of own) {
      const action = problem.actions[actionIndex];
      kinds.add(action.kindIndex);
      entry.kinds.push(action.kindIndex);
      entry.logits.push(round(meanScore(model, action.features) + action.prior));
    }
    return entry;
  });
  const positionLogits = [...kinds]
    .sort((left, right) => left - right)
    .map((kind) => ({ kind, logits: Array.from({ length: problem.limit }, (_, position) => round(meanScore(model, problem.positionFeatures(kind, position)))) }));
  return {
    version: 1,
    policy,
    epsilon,
    band: { width: finiteOrNull(problem.band.width), maximumDrop: finiteOrNull(problem.band.maximumDrop), reachPastSlate: problem.band.reachPastSlate ?? false },
    unpinnedSlots: problem.unpinnedSlots,
    pinned: [...problem.pinnedItems],
    ranked,
    positionLogits,
  };
}

/** `SlateChoices` as stored with an impression: item indexes replaced by stable item ids. */
export type LoggedSlateChoices = Omit<SlateChoices, "pinned" | "ranked"> & {
  pinned: string[];
  ranked: Array<{ id: string; scaled: number; kinds: number[]; logits: number[] }>;
};

export function loggedSlateChoices(choices: SlateChoices, items: ReadonlyArray<{ id: string }>): LoggedSlateChoices {
  const idOf = (index: number) => items[index]?.id ?? `index:${index}`;
  return { ...choices, pinned: choices.pinned.map(idOf), ranked: choices.ranked.map(({ item, ...rest }) => ({ id: idOf(item), ...rest })) };
}
