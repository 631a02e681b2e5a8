import { EXPLANATION_KINDS } from "../bandit/arms";
import { sampleIndex } from "../bandit/choose-slate";
import { createSeededRandom, standardNormal, type RandomSource } from "../bandit/random";
import { choiceProblem, type LoggedChoices } from "./choice-problem";
import { kindOfKey, slotMarginals } from "./slot-marginals";
import { LOGGING_POLICY, type EvaluatedPolicy } from "./target-policies";
import type { EvaluationWindow, WindowImpression, WindowSlot } from "./window-input";

/**
 * A synthetic log with a known truth, in the exact format the store logs (choices, serving,
 * propensities, feedback events), for the evaluator's tests and `npm run eval:logs -- --synthetic`.
 *
 * Each impression shows 5 films chosen by ε-greedy (ε = 0.2 by default) over logged scores that
 * favour "crowd-favourite" and "picked-for-you", within a band 3 wide; one in ten pins a film
 * first. The TRUE expected reward of a slot depends only on its explanation and position
 * (`SYNTHETIC_BASE_REWARD` × 1/(1 + 0.3·position)): "hidden-gem" is truly the best explanation,
 * which the logging scores rate worst, so "explanation:hidden-gem" is truly better than the
 * logging policy. A slot is liked (reward 1) with that probability, else skipped with
 * probability `skipRate`, else left alone (reward 0 either way).
 */
const SYNTHETIC_BASE_REWARD: Readonly<Record<string, number>> = {
  "because-you-liked": 0.3,
  "hidden-gem": 0.45,
  "crowd-favourite": 0.2,
  "picked-for-you": 0.15,
  "you-asked-for": 0.5,
};

/** The kinds the synthetic films may have, with the chance each is true of a film ("picked-for-you" always is). */
const KIND_CHANCE: ReadonlyArray<readonly [string, number]> = [
  ["because-you-liked", 0.3],
  ["hidden-gem", 0.5],
  ["crowd-favourite", 0.4],
  ["picked-for-you", 1],
];

/** The logging model's preference (logit offset) per kind: wrong on purpose. */
const LOGGING_BIAS: Readonly<Record<string, number>> = { "because-you-liked": 0, "hidden-gem": -0.3, "crowd-favourite": 0.6, "picked-for-you": 0.3, "you-asked-for": 0 };

export function syntheticTrueReward(kind: string, position: number): number {
  return (SYNTHETIC_BASE_REWARD[kind] ?? 0.1) / (1 + 0.3 * position);
}

export interface SyntheticLogOptions {
  seed: number;
  impressions: number;
  from: number;
  to: number;
  /** Default 0.2. */
  epsilon?: number;
  /** Default 0.3. */
  skipRate?: number;
  /**
   * Serving as if something changed: the LLM's share falls from 10 % to 2 % (to the offline
   * reasoner), fallbacks among reasoning requests rise from 5 % to 25 %, latency rises by half,
   * and people skip twice as often. Default false.
   */
  shifted?: boolean;
}

const SLOTS = 5;
const kindIndex = (kind: string) => (EXPLANATION_KINDS as readonly string[]).indexOf(kind);

function servingFor(random: RandomSource, shifted: boolean) {
  const llmShare = shifted ? 0.02 : 0.1;
  const offlineShare = shifted ? 0.28 : 0.2;
  const draw = random();
  const route = draw < llmShare ? "llm" : draw < llmShare + offlineShare ? "offline" : "fast";
  const reasoning = route !== "fast" || random() < 0.02;
  const fallbackRate = shifted ? 0.25 : 0.05;
  let fallback: string | null = null;
  if (reasoning && random() < fallbackRate) fallback = route === "fast" ? "fast-by-spend-gate" : route === "offline" ? "llm-failed" : null;
  const typical = route === "llm" ? 900 : route === "offline" ? 25 : 8;
  const latencyMs = Math.round(typical * (shifted ? 1.5 : 1) * Math.exp(0.3 * standardNormal(random)) * 100) / 100;
  return { route, requested: reasoning ? "reasoning" : "fast", fallback, latencyMs };
}

function syntheticChoices(random: RandomSource, index: number, epsilon: number, pinned: boolean): LoggedChoices {
  const unpinnedSlots = pinned ? SLOTS - 1 : SLOTS;
  const relevance = Array.from({ length: unpinnedSlots }, () => random()).sort((left, right) => right - left);
  const scale = (value: number) => (relevance[0] > relevance[unpinnedSlots - 1] ? (value - relevance[unpinnedSlots - 1]) / (relevance[0] - relevance[unpinnedSlots - 1]) : 1);
  const ranked = relevance.map((value, rank) => {
    const scaled = Math.round(scale(value) * 1e5) / 1e5;
    const kinds = KIND_CHANCE.filter(([, chance]) => random() < chance).map(([kind]) => kind);
    return {
      id: `film-${index}-${rank}`,
      scaled,
      kinds: kinds.map(kindIndex),
      logits: kinds.map((kind) => Math.round((2 * scaled + LOGGING_BIAS[kind] + 0.3 * standardNormal(random)) * 1e5) / 1e5),
    };
  });
  const positionLogits = KIND_CHANCE.map(([kind]) => ({ kind: kindIndex(kind), logits: Array.from({ length: SLOTS }, (_, position) => (kind === "picked-for-you" ? -0.1 : -0.2) * position) })).sort(
    (left, right) => left.kind - right.kind,
  );
  return {
    version: 1,
    policy: "epsilon-greedy",
    epsilon,
    band: { width: 3, maximumDrop: 0.5, reachPastSlate: false },
    unpinnedSlots,
    pinned: pinned ? [`pinned-${index}`] : [],
    ranked,
    positionLogits,
  };
}

function feedbackEvents(kind: string, position: number, random: RandomSource, skipRate: number): string[] {
  if (random() < syntheticTrueReward(kind, position)) return ["like"];
  return random() < skipRate ? ["skip"] : [];
}

/** A window of `impressions` synthetic impressions created uniformly in [from, to). */
export function syntheticLog(options: SyntheticLogOptions): EvaluationWindow {
  const random = createSeededRandom(`synthetic-log:${options.seed}`);
  const epsilon = options.epsilon ?? 0.2;
  const skipRate = (options.skipRate ?? 0.3) * (options.shifted ? 2 : 1);
  const impressions: WindowImpression[] = [];
  for (let index = 0; index < options.impressions; index++) {
    const pinned = random() < 0.1;
    const choices = syntheticChoices(random, index, epsilon, pinned);
    const context = { choices, serving: servingFor(random, options.shifted ?? false) };
    const problem = choiceProblem(context)!;
    const slots: WindowSlot[] = [];
    if (pinned) slots.push({ itemId: choices.pinned[0], position: 0, explanationKind: "you-asked-for", propensity: 1, events: feedbackEvents("you-asked-for", 0, random, skipRate) });
    let taken = 0;
    for (let position = slots.length; position < SLOTS; position++) {
      const actions = problem.actions(position, taken);
      const probabilities = LOGGING_POLICY.distribution(actions, problem)!;
      const chosen = sampleIndex(probabilities, random);
      const action = actions[chosen];
      taken |= 1 << action.item;
      const kind = EXPLANATION_KINDS[action.kind];
      slots.push({ itemId: choices.ranked[action.item].id, position, explanationKind: kind, propensity: probabilities[chosen], events: feedbackEvents(kind, position, random, skipRate) });
    }
    const createdAt = options.from + Math.floor((index / options.impressions) * (options.to - options.from));
    impressions.push({ id: `synthetic-${options.seed}-${index}`, createdAt, policy: `epsilon-greedy(${epsilon})`, context, slots });
  }
  return { from: options.from, to: options.to, impressions };
}

/**
 * The exact expected reward per impression of `policy` on these impressions' choices under a
 * known reward of (explanation, position): the pinned slots' rewards plus, at every other slot,
 * Σ_a π_p(a) r(a, p) with the policy's exact marginals. The truth the estimates are tested against.
 */
export function exactPolicyValue(window: EvaluationWindow, policy: EvaluatedPolicy, reward: (kind: string, position: number) => number): number {
  let total = 0;
  for (const impression of window.impressions) {
    const problem = choiceProblem(impression.context);
    if (!problem) throw new RangeError(`Impression ${impression.id} has no choices.`);
    const start = problem.choices.pinned.length;
    for (const slot of impression.slots.slice(0, start)) total += reward(slot.explanationKind, slot.position);
    const marginals = slotMarginals(problem, policy, impression.slots.length - start, start, Number.POSITIVE_INFINITY);
    if (!marginals) throw new RangeError(`The ${policy.name} policy cannot be computed for impression ${impression.id}.`);
    marginals.forEach((marginal, step) => {
      for (const [key, probability] of marginal) total += probability * reward(EXPLANATION_KINDS[kindOfKey(key)], start + step);
    });
  }
  return total / window.impressions.length;
}
