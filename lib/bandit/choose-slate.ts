import { explanationKindIndex, matchArms, type Explanation, type ExplanationArm } from "./arms";
import type { Provenance } from "../catalog/provenance";
import type { BanditCatalog } from "./bandit-catalog";
import type { BanditState } from "./bandit-state";
import type { BanditContext } from "./context";
import { actionFeatures, concatFeatures, contextKey, FEATURE_VERSION, positionFeatures, type SparseFeatures } from "./features";
import { describePolicy, epsilonAt, type PolicyConfig } from "./policy";
import type { RandomSource } from "./random";
import { drawWeights, meanScore, sigmoid } from "./reward-model";
import { bandItems, DEFAULT_RELEVANCE_BAND, scaleRelevance, validateBand, type RelevanceBand } from "./relevance-band";
import { describeSlateChoices, type SlateChoices } from "./slate-choices";
import type { SlateAction, SlateProblem } from "./slate-problem";

/** One item retrieval proposes, with its relevance on any scale where larger is better. */
export interface SlateCandidate {
  itemIndex: number;
  relevance: number;
  /** The liked item this candidate is a CF neighbour of, when retrieval knows. */
  becauseOfItemIndex?: number | null;
  /** Why retrieval put it here: the explanations shown must be true of it. */
  provenance?: readonly Provenance[];
  /** Shown first whatever the policy (the exact film a title lookup asked for). */
  pinned?: boolean;
}

/**
 * Weight of retrieval's scaled relevance as a fixed logit offset in every policy's score, on top
 * of the learned model: before any feedback the greedy order inside the band is retrieval's, and
 * the learned part has to earn every change with evidence. (The band, not this offset, is what
 * bounds how far the learned part can move an item: see relevance-band.ts.)
 */
const RETRIEVAL_PRIOR_WEIGHT = 2;

export interface PrepareSlateInput {
  candidates: readonly SlateCandidate[];
  catalog: BanditCatalog;
  context: BanditContext;
  /** Slots to fill. */
  limit: number;
  /** Feature space size; must equal the state's model dimension. */
  dimension: number;
  arms?: readonly ExplanationArm[];
  /** Which candidates a slot may choose among. Default `DEFAULT_RELEVANCE_BAND`. */
  band?: RelevanceBand;
}

/**
 * Builds every valid (candidate item, explanation) action with its features, and the pinned
 * items and retrieval order the slots are filled from. Duplicate items keep their highest
 * relevance and are pinned when any copy is. Throws a RangeError for an item index outside the
 * catalog, a non-finite relevance (a pipeline bug, better loud than a silently short slate) or
 * a band with no room (width < 1, negative drop).
 */
export function prepareSlate(input: PrepareSlateInput): SlateProblem {
  const { catalog, context, dimension } = input;
  const band = validateBand(input.band ?? DEFAULT_RELEVANCE_BAND);
  const best = new Map<number, SlateCandidate>();
  const pinnedItems: number[] = [];
  for (const candidate of input.candidates) {
    if (!Number.isInteger(candidate.itemIndex) || candidate.itemIndex < 0 || candidate.itemIndex >= catalog.items.length) {
      throw new RangeError(`Candidate item index ${candidate.itemIndex} is outside the catalog (0..${catalog.items.length - 1}).`);
    }
    if (!Number.isFinite(candidate.relevance)) throw new RangeError(`Candidate ${candidate.itemIndex} has relevance ${candidate.relevance}.`);
    if (candidate.pinned && !pinnedItems.includes(candidate.itemIndex)) pinnedItems.push(candidate.itemIndex);
    const previous = best.get(candidate.itemIndex);
    if (!previous || candidate.relevance > previous.relevance) best.set(candidate.itemIndex, candidate);
  }
  // Most relevant first; ties by item index, so the order never depends on input order.
  const candidates = [...best.values()].sort((left, right) => right.relevance - left.relevance || left.itemIndex - right.itemIndex);
  const count = candidates.length;
  const highest = count > 0 ? candidates[0].relevance : 0;
  const lowest = count > 0 ? candidates[count - 1].relevance : 0;
  const key = contextKey(context);
  const actions: SlateAction[] = [];
  const actionsByItem = new Map<number, number[]>();
  candidates.forEach((candidate, rank) => {
    const item = catalog.items[candidate.itemIndex];
    const relevanceScaled = highest === lowest ? 1 : (candidate.relevance - lowest) / (highest - lowest);
    const relevanceRank = count <= 1 ? 1 : 1 - rank / (count - 1);
    const matches = matchArms(candidate.itemIndex, { catalog, context, becauseOfItemIndex: candidate.becauseOfItemIndex ?? null, provenance: candidate.provenance }, input.arms);
    const own: number[] = [];
    actionsByItem.set(candidate.itemIndex, own);
    for (const match of matches) {
      const kindIndex = explanationKindIndex(match.kind);
      own.push(actions.length);
      actions.push({
        itemIndex: candidate.itemIndex,
        relevance: candidate.relevance,
        kindIndex,
        match,
        features: actionFeatures(dimension, key, { item, kindIndex, strength: match.strength, relevanceScaled, relevanceRank }),
        prior: RETRIEVAL_PRIOR_WEIGHT * relevanceScaled,
      });
    }
  });
  // Features keep their scaling over every candidate (FEATURE_VERSION 1); the band scales over
  // the unpinned ones, so an exact title far above the rest does not squeeze them together.
  // An item no explanation is true of cannot be shown (nor pinned, nor hold a place in the band).
  const showable = pinnedItems.filter((itemIndex) => (actionsByItem.get(itemIndex)?.length ?? 0) > 0);
  const pinned = new Set(showable);
  const ranked = candidates.filter((candidate) => !pinned.has(candidate.itemIndex) && (actionsByItem.get(candidate.itemIndex)?.length ?? 0) > 0);
  const limit = Math.max(0, Math.min(Math.floor(input.limit), count));
  const cache = new Map<number, SparseFeatures>();
  const noActions: readonly number[] = [];
  return {
    actions,
    limit,
    dimension,
    pinnedItems: showable,
    unpinnedSlots: Math.max(0, limit - showable.length),
    rankedItems: ranked.map((candidate) => candidate.itemIndex),
    rankedScaled: scaleRelevance(ranked.map((candidate) => candidate.relevance)),
    band,
    actionsOfItem: (itemIndex) => actionsByItem.get(itemIndex) ?? noActions,
    positionFeatures(kindIndex, position) {
      const cacheKey = position * 64 + kindIndex;
      let features = cache.get(cacheKey);
      if (!features) cache.set(cacheKey, (features = positionFeatures(dimension, kindIndex, position)));
      return features;
    },
  };
}

/**
 * The unpinned items a slot of `problem` may show once `shown` are placed: the relevance band
 * (relevance-band.ts) over the problem's retrieval order. Pinned items in `shown` are ignored.
 */
export function bandOf(problem: SlateProblem, shown: ReadonlySet<number>): number[] {
  return bandItems(problem.rankedItems, problem.rankedScaled, shown, problem.band, problem.unpinnedSlots);
}

/**
 * A policy's action probabilities at one slot: over the explanations of the next pinned item
 * while one is unshown (one of them with probability 1), else over the actions of the items in
 * the relevance band after the items already shown.
 */
export interface SlotDistribution {
  /** Indexes into `SlateProblem.actions`. */
  actions: number[];
  /** Same length as `actions`; sums to 1. */
  probabilities: number[];
}

/** A policy bound to one request: the distribution at each slot given the items already placed. */
export interface SlatePolicy {
  epsilon: number | null;
  distribution(position: number, takenItems: ReadonlySet<number>): SlotDistribution;
  /** Logit of predicted engagement under the posterior mean. */
  meanScore(actionIndex: number, position: number): number;
}

/**
 * Binds a policy to a prepared request. Thompson sampling draws its posterior samples here
 * (from `random`), so the request's propensities are exact given those draws.
 */
export function createSlatePolicy(problem: SlateProblem, state: BanditState, policy: PolicyConfig, random: RandomSource): SlatePolicy {
  const { model } = state;
  if (model.dimension !== problem.dimension) throw new RangeError(`Slate features use dimension ${problem.dimension}, the model ${model.dimension}.`);
  const staticMean = problem.actions.map((action) => meanScore(model, action.features) + action.prior);
  const positionMean = new Map<number, number>();
  const meanAt = (actionIndex: number, position: number) => {
    const kindIndex = problem.actions[actionIndex].kindIndex;
    const cacheKey = position * 64 + kindIndex;
    let score = positionMean.get(cacheKey);
    if (score === undefined) positionMean.set(cacheKey, (score = meanScore(model, problem.positionFeatures(kindIndex, position))));
    return staticMean[actionIndex] + score;
  };
  const epsilon = policy.kind === "epsilon-greedy" ? epsilonAt(policy, state.impressions) : null;

  const argmaxBy = (available: number[], score: (actionIndex: number) => number) => {
    let bestIndex = available[0];
    let bestScore = -Infinity;
    // Strict ">" keeps the first of equal scores: a fixed tie-break makes propensities exact.
    for (const actionIndex of available) {
      const value = score(actionIndex);
      if (value > bestScore) {
        bestScore = value;
        bestIndex = actionIndex;
      }
    }
    return bestIndex;
  };

  let sampledScore: ((sample: number, actionIndex: number, position: number) => number) | null = null;
  let sampleCount = 0;
  if (policy.kind === "thompson") {
    sampleCount = policy.samples;
    const kinds = [...new Set(problem.actions.map((action) => action.kindIndex))];
    const featureIndexes: number[] = [];
    for (const action of problem.actions) featureIndexes.push(...action.features.indexes);
    for (let position = 0; position < problem.limit; position++) for (const kindIndex of kinds) featureIndexes.push(...problem.positionFeatures(kindIndex, position).indexes);
    const weights = drawWeights(model, featureIndexes, sampleCount, random, policy.explorationScale);
    const sampledDot = (features: SparseFeatures, sample: number) => {
      let score = 0;
      for (let index = 0; index < features.indexes.length; index++) score += weights.get(features.indexes[index])![sample] * features.values[index];
      return score;
    };
    const staticSampled = new Float64Array(sampleCount * problem.actions.length);
    problem.actions.forEach((action, actionIndex) => {
      for (let sample = 0; sample < sampleCount; sample++) staticSampled[sample * problem.actions.length + actionIndex] = sampledDot(action.features, sample) + action.prior;
    });
    const positionSampled = new Map<number, Float64Array>();
    sampledScore = (sample, actionIndex, position) => {
      const kindIndex = problem.actions[actionIndex].kindIndex;
      const cacheKey = position * 64 + kindIndex;
      let scores = positionSampled.get(cacheKey);
      if (!scores) {
        scores = new Float64Array(sampleCount);
        const features = problem.positionFeatures(kindIndex, position);
        for (let each = 0; each < sampleCount; each++) scores[each] = sampledDot(features, each);
        positionSampled.set(cacheKey, scores);
      }
      return staticSampled[sample * problem.actions.length + actionIndex] + scores[sample];
    };
  }

  return {
    epsilon,
    meanScore: meanAt,
    distribution(position, takenItems) {
      // A pinned item not yet shown takes this slot, with the explanation the model rates best:
      // one certain action, so its propensity is 1 under every policy.
      const pinnedItem = problem.pinnedItems.find((itemIndex) => !takenItems.has(itemIndex));
      if (pinnedItem !== undefined) {
        const own = [...problem.actionsOfItem(pinnedItem)];
        const chosen = argmaxBy(own, (actionIndex) => meanAt(actionIndex, position));
        return { actions: own, probabilities: own.map((actionIndex) => (actionIndex === chosen ? 1 : 0)) };
      }
      // Otherwise the policy chooses among the (item, explanation) actions of the band's items;
      // they come out in ascending action index, so ties break as they always did.
      const available: number[] = [];
      for (const itemIndex of bandOf(problem, takenItems)) available.push(...problem.actionsOfItem(itemIndex));
      const count = available.length;
      if (count === 0) return { actions: [], probabilities: [] };
      const probabilities = new Array<number>(count).fill(0);
      switch (policy.kind) {
        case "random":
          probabilities.fill(1 / count);
          break;
        case "greedy":
          probabilities[available.indexOf(argmaxBy(available, (actionIndex) => meanAt(actionIndex, position)))] = 1;
          break;
        case "epsilon-greedy": {
          const explore = epsilon ?? 0;
          probabilities.fill(explore / count);
          probabilities[available.indexOf(argmaxBy(available, (actionIndex) => meanAt(actionIndex, position)))] += 1 - explore;
          break;
        }
        case "thompson": {
          const slot = new Map(available.map((actionIndex, slotIndex) => [actionIndex, slotIndex]));
          for (let sample = 0; sample < sampleCount; sample++) {
            const winner = argmaxBy(available, (actionIndex) => sampledScore!(sample, actionIndex, position));
            probabilities[slot.get(winner)!] += 1 / sampleCount;
          }
          break;
        }
      }
      return { actions: available, probabilities };
    },
  };
}

/** Draws an index from a distribution with one uniform (inverse CDF), skipping zero mass. */
export function sampleIndex(probabilities: readonly number[], random: RandomSource): number {
  const target = random();
  let cumulative = 0;
  let last = -1;
  for (let index = 0; index < probabilities.length; index++) {
    if (probabilities[index] <= 0) continue;
    cumulative += probabilities[index];
    last = index;
    if (target < cumulative) return index;
  }
  return last; // rounding left the cumulative sum a hair under 1
}

export interface ChooseSlateInput extends Omit<PrepareSlateInput, "dimension"> {
  state: BanditState;
  policy: PolicyConfig;
  random: RandomSource;
}

/** One shown slot: what to show, and everything the feedback loop and off-policy evaluation need. */
export interface SlateSlot {
  itemIndex: number;
  explanation: Explanation;
  /** 0-based slot. */
  position: number;
  /**
   * P(this item with this explanation in this slot | the items in earlier slots, the request):
   * exact for random, greedy and ε-greedy; for Thompson sampling exact given the request's
   * posterior draws.
   */
  propensity: number;
  /** Features logged with the impression; the feedback update and the replay use these. */
  features: SparseFeatures;
  /** The policy's mean score as a probability, 0..1: the reward model's posterior mean plus the retrieval prior. */
  predictedEngagement: number;
  relevance: number;
  /** Shown here because the request pinned it (propensity 1 whatever the policy). */
  pinned: boolean;
  /** Items this slot chose among: the band's size (1 for a pinned slot). */
  bandSize: number;
}

export interface Slate {
  /** Label of the policy, e.g. "epsilon-greedy(0.1)". */
  policy: string;
  /** ε in force, for ε-greedy. */
  epsilon: number | null;
  featureVersion: number;
  /** The relevance band the policy chose within. */
  band: RelevanceBand;
  slots: SlateSlot[];
  /** Product of the slot propensities: the probability of the whole ordered slate. */
  slatePropensity: number;
  /** What every slot chose among, for off-policy evaluation over the logs (slate-choices.ts). */
  choices: SlateChoices;
}

/**
 * Orders a slate slot by slot. Pinned candidates come first, in the order given, each with the
 * explanation the model rates best and propensity 1. Then at each slot the policy picks one
 * (item, explanation) among the items of the relevance band (the best few unshown candidates,
 * see relevance-band.ts) and the explanations whose preconditions hold, and the exact
 * propensity of that choice is recorded. Deterministic given `random`; reads `state` without
 * changing it. Returns fewer than `limit` slots only when there are fewer distinct candidates
 * with a true explanation. Throws what `prepareSlate` throws, and a RangeError when the state's
 * model dimension differs from the features'.
 */
export function chooseSlate(input: ChooseSlateInput): Slate {
  const problem = prepareSlate({ ...input, dimension: input.state.model.dimension });
  const policy = createSlatePolicy(problem, input.state, input.policy, input.random);
  const filled = fillSlate(problem, policy, input.random);
  const pinned = new Set(problem.pinnedItems);
  const shown = new Set<number>();
  const slots: SlateSlot[] = filled.map(({ actionIndex, position, propensity }) => {
    const action = problem.actions[actionIndex];
    const bandSize = pinned.has(action.itemIndex) ? 1 : bandOf(problem, shown).length;
    shown.add(action.itemIndex);
    return {
      itemIndex: action.itemIndex,
      explanation: { kind: action.match.kind, text: action.match.render() },
      position,
      propensity,
      features: concatFeatures(action.features, problem.positionFeatures(action.kindIndex, position)),
      predictedEngagement: sigmoid(policy.meanScore(actionIndex, position)),
      relevance: action.relevance,
      pinned: pinned.has(action.itemIndex),
      bandSize,
    };
  });
  const slatePropensity = slots.reduce((product, slot) => product * slot.propensity, 1);
  const choices = describeSlateChoices(problem, input.state.model, input.policy.kind, policy.epsilon);
  return { policy: describePolicy(input.policy), epsilon: policy.epsilon, featureVersion: FEATURE_VERSION, band: problem.band, slots, slatePropensity, choices };
}

/** One filled slot as action index, slot and propensity (the simulator's view of a slate). */
export interface FilledSlot {
  actionIndex: number;
  position: number;
  propensity: number;
}

/** Fills `problem.limit` slots in order with a bound policy, one uniform draw per slot. */
export function fillSlate(problem: SlateProblem, policy: SlatePolicy, random: RandomSource): FilledSlot[] {
  const filled: FilledSlot[] = [];
  const taken = new Set<number>();
  for (let position = 0; position < problem.limit; position++) {
    const distribution = policy.distribution(position, taken);
    if (distribution.actions.length === 0) break;
    const chosen = sampleIndex(distribution.probabilities, random);
    const actionIndex = distribution.actions[chosen];
    taken.add(problem.actions[actionIndex].itemIndex);
    filled.push({ actionIndex, position, propensity: distribution.probabilities[chosen] });
  }
  return filled;
}

/** The full feature vector of an action shown in a slot (what gets logged and learned from). */
export function slotFeatures(problem: SlateProblem, actionIndex: number, position: number): SparseFeatures {
  const action = problem.actions[actionIndex];
  return concatFeatures(action.features, problem.positionFeatures(action.kindIndex, position));
}
