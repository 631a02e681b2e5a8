import { chooseSlate, observeImpression, slateToImpression, type BanditContext, type PolicyConfig } from "../bandit";
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
  /** The stored impression's id; null when nothing is stored (no store, or no items). */
  impressionId: string | null;
  /** Policy label, e.g. "epsilon-greedy(0.1)"; null without a bandit. */
  policy: string | null;
}

/**
 * How many candidates the bandit may order for `limit` slots: some room to explore beyond
 * retrieval's top `limit`, not so much that a weak candidate is likely to surface.
 */
export function slatePoolSize(limit: number): number {
  return Math.min(limit * 2, limit + 5);
}

/**
 * The bandit step: picks each slot's (item, explanation) among the candidates with the
 * configured policy, stores the impression with its propensities, then observes it (every slot
 * a 0 until feedback raises it). A navigational request (a title lookup) is ordered greedily:
 * exploring would move the very film asked for away from the top. Without a bandit the
 * candidates keep retrieval's order and carry no explanation.
 */
export async function slateStep(
  engine: Engine,
  input: { candidates: readonly RankedCandidate[]; limit: number; context: BanditContext; sessionId: string | null; explore: boolean },
): Promise<SlateStepResult> {
  const { bandit, store } = engine;
  if (!bandit || input.candidates.length === 0) {
    return { items: input.candidates.slice(0, input.limit).map((candidate) => ({ itemIndex: candidate.itemIndex, score: candidate.score, explanation: null, propensity: null })), impressionId: null, policy: null };
  }
  // Other processes' feedback first, so the choice reflects everything acknowledged so far. A
  // failed read only leaves the state a little behind; the impression write below reports a
  // broken store.
  await bandit.log?.catchUp().catch(() => undefined);
  const policy: PolicyConfig = input.explore ? bandit.policy : GREEDY;
  const slate = chooseSlate({
    candidates: input.candidates.slice(0, slatePoolSize(input.limit)).map((candidate) => ({ itemIndex: candidate.itemIndex, relevance: candidate.score, becauseOfItemIndex: candidate.becauseOfItemIndex ?? null, provenance: candidate.provenance ?? [], pinned: candidate.pinned ?? false })),
    catalog: bandit.catalog,
    context: input.context,
    limit: input.limit,
    state: bandit.state,
    policy,
    random: bandit.random,
  });
  const items = slate.slots.map((slot) => ({ itemIndex: slot.itemIndex, score: slot.relevance, explanation: slot.explanation, propensity: slot.propensity }));
  if (!store || slate.slots.length === 0) return { items, impressionId: null, policy: slate.policy };
  const impression = slateToImpression(slate, engine.catalog.items, { sessionId: input.sessionId, createdAt: engine.epochMs(), context: input.context });
  const stored = await store.recordImpression(impression);
  // Only what the store holds is learned from, so the state can always be rebuilt from the log.
  if (bandit.log) await bandit.log.applyOwn({ type: "impression", sequence: stored.sequence, impressionId: stored.id, featureVersion: stored.featureVersion, slots: stored.slots });
  else observeImpression(bandit.state, slate.slots);
  return { items, impressionId: stored.id, policy: slate.policy };
}
