import { GENRES } from "../../catalog/genres";
import type { Item } from "../../catalog/item";
import { EXPLANATION_KINDS, type ExplanationKind } from "../arms";
import type { SlateCandidate } from "../choose-slate";
import type { SlateProblem } from "../slate-problem";
import type { BanditContext } from "../context";
import { randomInteger, shuffled, type RandomSource } from "../random";
import { sigmoid } from "../reward-model";
import type { SimulatedUser } from "./synthetic-users";

/** One simulated request: who asks, in what context, and what retrieval proposes. */
export interface SimulationRound {
  userIndex: number;
  context: BanditContext;
  candidates: SlateCandidate[];
}

/** Examination probability of slot p (position-based click model): 1 / log2(p + 2). */
export function positionBias(position: number): number {
  return 1 / Math.log2(position + 2);
}

/** Logit intercept of engagement: about 15–25 % of examined picks are played at the optimum. */
const BASE_LOGIT = -1.6;
/** Logit per standard deviation of true affinity. */
const AFFINITY_EFFECT = 0.9;
/** Logit per unit of arm strength (a stronger reason persuades more). */
const STRENGTH_EFFECT = 0.5;

const kindIndex = (kind: ExplanationKind) => EXPLANATION_KINDS.indexOf(kind);

/** How context changes an explanation's pull (the bandit must learn these crosses). */
function contextEffect(kind: number, context: BanditContext): number {
  switch (kind) {
    case kindIndex("fits-your-time-limit"):
      return context.hourOfDay >= 20 || context.hourOfDay < 2 ? 0.5 : -0.1; // late: time matters
    case kindIndex("hidden-gem"):
      return context.path === "reasoning" ? 0.4 : -0.1; // someone describing a vibe wants discovery
    case kindIndex("crowd-favourite"):
      return context.sessionTurns === 1 ? 0.4 : -0.2; // safe picks convince on a first request
    case kindIndex("new-to-you"):
      return context.sessionTurns >= 4 ? 0.5 : -0.2; // after a while, something different
    case kindIndex("because-you-liked"):
      return 0.15 * Math.min(3, context.likedItemIndexes.length);
    default:
      return 0;
  }
}

export interface SimulationEnvironment {
  users: readonly SimulatedUser[];
  items: readonly Item[];
  /** Draws the next request. */
  drawRound(random: RandomSource): SimulationRound;
  /**
   * True engagement probability of an action (before position bias), i.e. P(engage | examined).
   * The expected reward of showing it in slot p is positionBias(p) times this.
   */
  engagement(round: SimulationRound, actionIndex: number, problem: SlateProblem): number;
  /**
   * The user's true affinity for an item of their pool (all-history taste, z-scored over the
   * pool: 0 = their average candidate); 0 for an item outside the pool.
   */
  trueAffinity(round: SimulationRound, itemIndex: number): number;
  /** Best achievable expected slate reward for this request and prepared problem. */
  oracleValue(round: SimulationRound, problem: SlateProblem): number;
  /**
   * True expected reward of the best slate chosen with what the bandit can observe: the
   * oracle's engagement model, but with each item's true affinity replaced by its least-squares
   * prediction from retrieval's relevance (fitted per user over the pool). The gap between the
   * two oracles is retrieval's error, which no explanation policy can remove.
   */
  observableOracleValue(round: SimulationRound, problem: SlateProblem): number;
}

export interface EnvironmentOptions {
  users: readonly SimulatedUser[];
  items: readonly Item[];
  /** Candidates retrieval proposes per request. Default 15. */
  candidatesPerRound?: number;
  /** Slate size, for keeping enough candidates after filters. Default 5. */
  limit?: number;
}

/**
 * The simulated world. Engagement of item i with explanation k in slot p for user u:
 * positionBias(p) · σ(−1.6 + 0.9·affinity(u, i) + taste(u, k) + context(k) + 0.5·strength).
 * Because position acts multiplicatively, the oracle slate is the items' best explanations
 * sorted by engagement (rearrangement inequality), so regret is computed exactly.
 */
export function createEnvironment(options: EnvironmentOptions): SimulationEnvironment {
  const { users, items } = options;
  const candidatesPerRound = options.candidatesPerRound ?? 15;
  const limit = options.limit ?? 5;
  const affinity = users.map((user) => new Map(user.pool.map((item, index) => [item, user.poolTrueAffinity[index]])));
  const predictedAffinity = users.map((user) => {
    const relevance = Array.from(user.poolRelevance);
    const truth = Array.from(user.poolTrueAffinity);
    const meanRelevance = relevance.reduce((sum, value) => sum + value, 0) / relevance.length;
    const meanTruth = truth.reduce((sum, value) => sum + value, 0) / truth.length;
    let covariance = 0;
    let variance = 0;
    relevance.forEach((value, index) => {
      covariance += (value - meanRelevance) * (truth[index] - meanTruth);
      variance += (value - meanRelevance) ** 2;
    });
    const slope = variance > 0 ? covariance / variance : 0;
    return new Map(user.pool.map((item, index) => [item, meanTruth + slope * (relevance[index] - meanRelevance)]));
  });

  const engagementWith = (affinities: ReadonlyArray<ReadonlyMap<number, number>>, round: SimulationRound, actionIndex: number, problem: SlateProblem) => {
    const action = problem.actions[actionIndex];
    const user = users[round.userIndex];
    const logit =
      BASE_LOGIT +
      AFFINITY_EFFECT * (affinities[round.userIndex].get(action.itemIndex) ?? 0) +
      user.kindEffect[action.kindIndex] +
      contextEffect(action.kindIndex, round.context) +
      STRENGTH_EFFECT * action.match.strength;
    return sigmoid(logit);
  };
  const engagement = (round: SimulationRound, actionIndex: number, problem: SlateProblem) => engagementWith(affinity, round, actionIndex, problem);

  /** True value of the slate that sorts items by `score` and gives each its best-scoring explanation. */
  const slateValueRankedBy = (round: SimulationRound, problem: SlateProblem, score: (actionIndex: number) => number) => {
    const bestByItem = new Map<number, { score: number; value: number }>();
    problem.actions.forEach((action, actionIndex) => {
      const actionScore = score(actionIndex);
      const previous = bestByItem.get(action.itemIndex);
      if (!previous || actionScore > previous.score) bestByItem.set(action.itemIndex, { score: actionScore, value: engagement(round, actionIndex, problem) });
    });
    const ranked = [...bestByItem.values()].sort((left, right) => right.score - left.score);
    let total = 0;
    for (let position = 0; position < Math.min(problem.limit, ranked.length); position++) total += positionBias(position) * ranked[position].value;
    return total;
  };

  return {
    users,
    items,
    engagement,
    trueAffinity: (round, itemIndex) => affinity[round.userIndex].get(itemIndex) ?? 0,
    oracleValue: (round, problem) => slateValueRankedBy(round, problem, (actionIndex) => engagement(round, actionIndex, problem)),
    observableOracleValue: (round, problem) => slateValueRankedBy(round, problem, (actionIndex) => engagementWith(predictedAffinity, round, actionIndex, problem)),
    drawRound(random) {
      const userIndex = randomInteger(random, users.length);
      const user = users[userIndex];
      const likedCount = user.likedHistory.length === 0 || random() < 0.25 ? 0 : 1 + randomInteger(random, 3);
      const likedItemIndexes = shuffled(user.likedHistory, random).slice(0, likedCount);
      const path = random() < 0.35 ? "reasoning" : "fast";
      const hourOfDay = randomInteger(random, 24);
      const sessionTurns = 1 + likedItemIndexes.length + randomInteger(random, 2);
      const runtimeMaxMinutes = random() < 0.3 ? [90, 100, 120][randomInteger(random, 3)] : null;
      const moodText = user.moodWords.length >= 2 && random() < 0.35 ? shuffled(user.moodWords, random).slice(0, 2).join(" and ") : null;
      let genres: string[] = [];
      if (random() < 0.2 && likedItemIndexes.length > 0) {
        const genre = items[likedItemIndexes[0]].genres[0];
        genres = genre && GENRES.includes(genre) ? [genre] : [];
      }
      const picked = shuffled(
        user.pool.map((item, index) => index),
        random,
      ).slice(0, candidatesPerRound);
      let candidates = picked.map((index) => ({ itemIndex: user.pool[index], relevance: user.poolRelevance[index] }));
      if (runtimeMaxMinutes !== null) {
        // Retrieval applies the hard runtime filter, unless it would leave too little to show.
        const kept = candidates.filter(({ itemIndex }) => (items[itemIndex].runtimeMinutes ?? 0) <= runtimeMaxMinutes);
        if (kept.length >= limit) candidates = kept;
      }
      return {
        userIndex,
        candidates,
        context: {
          likedItemIndexes,
          constraints: { runtimeMaxMinutes, genres, moodText },
          path,
          hourOfDay,
          sessionTurns,
          userKey: user.key,
        },
      };
    },
  };
}
