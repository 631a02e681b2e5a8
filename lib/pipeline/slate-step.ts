import { chooseSlate, loggedSlateChoices, slateToImpression, type BanditContext, type ImpressionInput, type ObservedSlot, type PolicyConfig } from "../bandit";
import type { Provenance } from "../catalog/provenance";
import type { Engine } from "./engine";

const GREEDY: PolicyConfig = { kind: "greedy" };

/** One ranked candidate from either path, best first. */
export interface RankedCandidate {
  itemIndex: number;
  score: number;
  /** The liked item this candidate was retrieved for (session taste), when known. */
  becauseOfItemIndex?: number | null;
  /** Why retrieval or reasoning put it here; explanations may only say what this makes true. */
  provenance?: readonly Provenance[];
  /** Shown first whatever the policy: the exact film a title lookup asked for. */
  pinned?: boolean;
}

export interface ShownItem {
  itemIndex: number;
  score: number;
  explanation: { kind: string; text: string } | null;
  /** Probability the policy chose this item with this explanation at this slot; null without a bandit. */
  propensity: number | null;
}

export interface SlateStepResult {
  items: ShownItem[];
  /**
   * The impression to log with the request's other writes (lib/pipeline/record-step.ts), with
   * its propensities, the pinned items and the band; null when nothing is to be stored (no
   * store, no bandit, or no items).
   */
  impression: ImpressionInput | null;
  /** The slots as the bandit chose them, for a bandit that does not follow the log. */
  chosenSlots: readonly ObservedSlot[];
  /** Policy label, e.g. "epsilon-greedy(0.1)"; null without a bandit. */
  policy: string | null;
}

/**
 * How many candidates the bandit is given for `limit` slots. The serving band never shows one
 * past retrieval's top `limit` (lib/bandit/relevance-band.ts); the rest set the relevance scale
 * the band and the features are measured on (features logged since FEATURE_VERSION 1 are scaled
 * over this pool, so it stays).
 */
export function slatePoolSize(limit: number): number {
  return Math.min(limit * 2, limit + 5);
}

/**
 * The bandit step: pinned candidates (the film a title lookup asked for) take the first slots
 * with propensity 1; every other slot's (item, explanation) is picked by the configured policy
 * within the relevance band (lib/bandit/relevance-band.ts), so neither exploration nor what the
 * model learned can move an item far from retrieval's order. Returns the impression to log (the
 * record step stores it with the session's turn, then the bandit counts it). `explore: false`
 * orders greedily. Without a bandit the candidates keep retrieval's order (pinned first) and
 * carry no explanation.
 */
export async function slateStep(
  engine: Engine,
  input: { candidates: readonly RankedCandidate[]; limit: number; context: BanditContext; sessionId: string | null; explore: boolean },
): Promise<SlateStepResult> {
  const { bandit, store } = engine;
  if (!bandit || input.candidates.length === 0) {
    const pinnedFirst = [...input.candidates.filter((candidate) => candidate.pinned), ...input.candidates.filter((candidate) => !candidate.pinned)];
    return {
      items: pinnedFirst.slice(0, input.limit).map((candidate) => ({ itemIndex: candidate.itemIndex, score: candidate.score, explanation: null, propensity: null })),
      impression: null,
      chosenSlots: [],
      policy: null,
    };
  }
  // Other processes' feedback first, so the choice reflects everything acknowledged so far. A
  // failed read only leaves the state a little behind; the impression write below reports a
  // broken store.
  await bandit.log?.catchUp().catch(() => undefined);
  const policy: PolicyConfig = input.explore ? bandit.policy : GREEDY;
  const slate = chooseSlate({
    candidates: input.candidates.slice(0, slatePoolSize(input.limit)).map((candidate) => ({
      itemIndex: candidate.itemIndex,
      relevance: candidate.score,
      becauseOfItemIndex: candidate.becauseOfItemIndex ?? null,
      provenance: candidate.provenance,
      pinned: candidate.pinned ?? false,
    })),
    catalog: bandit.catalog,
    context: input.context,
    limit: input.limit,
    state: bandit.state,
    policy,
    random: bandit.random,
  });
  const items = slate.slots.map((slot) => ({ itemIndex: slot.itemIndex, score: slot.relevance, explanation: slot.explanation, propensity: slot.propensity }));
  if (!store || slate.slots.length === 0) return { items, impression: null, chosenSlots: slate.slots, policy: slate.policy };
  const logged = slateToImpression(slate, engine.catalog.items, { sessionId: input.sessionId, createdAt: engine.epochMs(), context: input.context });
  // Off-policy evaluation needs what constrained the choice: the pinned slots (propensity 1
  // under any policy) and the band every other slot was chosen within.
  const impression = {
    ...logged,
    context: {
      ...logged.context,
      pinnedItemIds: slate.slots.filter((slot) => slot.pinned).map((slot) => engine.catalog.items[slot.itemIndex].id),
      relevanceBand: { width: slate.band.width, maximumDrop: slate.band.maximumDrop, reachPastSlate: slate.band.reachPastSlate ?? false },
      bandSizes: slate.slots.map((slot) => slot.bandSize),
      // Every slot's choice set and scores, so lib/evaluation can evaluate other policies on the log.
      choices: loggedSlateChoices(slate.choices, engine.catalog.items),
    },
  };
  return { items, impression, chosenSlots: slate.slots, policy: slate.policy };
}
