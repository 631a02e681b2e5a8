import { z } from "zod";
import { FEATURE_VERSION, relevanceFeatureIndex } from "./features";
import { createRewardModel, DEFAULT_DIMENSION, type RewardModel } from "./reward-model";

/**
 * Bumped when the serialised layout or the meaning of the learned weights changes;
 * `deserializeBanditState` refuses other versions, and the server then rebuilds the state from
 * the event log (lib/server/bandit-persistence.ts), which keeps every impression and event.
 * 2: impressions no longer update the reward model, only feedback does (feedback-loop.ts); a
 * version-1 state learned every shown slot as a 0, so its weights carry the drift this removed.
 */
export const BANDIT_STATE_VERSION = 2;

/**
 * Everything the bandit learns: the reward model plus counters. Mutable in place (copying a
 * 2^16-weight model per feedback event would cost more than the update); serialise with
 * `serializeBanditState` to store it.
 */
export interface BanditState {
  featureVersion: number;
  model: RewardModel;
  /** Impressions observed (drives ε decay). */
  impressions: number;
  /** Feedback events applied. */
  feedbackEvents: number;
}

export interface BanditStateOptions {
  dimension?: number;
  priorPrecision?: number;
  /**
   * Prior mean of the scaled-relevance weight. Default 2: before any feedback the slate follows
   * retrieval's order instead of ties, since retrieval's relevance is the best prior we have.
   */
  relevancePrior?: number;
}

export function createBanditState(options: BanditStateOptions = {}): BanditState {
  const dimension = options.dimension ?? DEFAULT_DIMENSION;
  return {
    featureVersion: FEATURE_VERSION,
    model: createRewardModel({ dimension, priorPrecision: options.priorPrecision ?? 1, priorMeans: [[relevanceFeatureIndex(dimension), options.relevancePrior ?? 2]] }),
    impressions: 0,
    feedbackEvents: 0,
  };
}

const serializedSchema = z.object({
  schema: z.literal("reelcast.bandit-state"),
  version: z.number().int(),
  featureVersion: z.number().int(),
  dimension: z.number().int().positive(),
  priorPrecision: z.number().positive(),
  impressions: z.number().int().nonnegative(),
  feedbackEvents: z.number().int().nonnegative(),
  observations: z.number().int().nonnegative(),
  /** Only the weights that differ from the prior, as [index, mean, precision]. */
  weights: z.array(z.tuple([z.number().int().nonnegative(), z.number(), z.number().positive()])),
});

export type SerializedBanditState = z.infer<typeof serializedSchema>;

/** A JSON-ready copy of the state (sparse: untouched weights are left out). */
export function serializeBanditState(state: BanditState): SerializedBanditState {
  const { model } = state;
  const weights: [number, number, number][] = [];
  for (let index = 0; index < model.dimension; index++) {
    if (model.mean[index] !== 0 || model.precision[index] !== model.priorPrecision) weights.push([index, model.mean[index], model.precision[index]]);
  }
  return {
    schema: "reelcast.bandit-state",
    version: BANDIT_STATE_VERSION,
    featureVersion: state.featureVersion,
    dimension: model.dimension,
    priorPrecision: model.priorPrecision,
    impressions: state.impressions,
    feedbackEvents: state.feedbackEvents,
    observations: model.observations,
    weights,
  };
}

/**
 * Rebuilds a state from `serializeBanditState` output (parsed JSON). Throws a RangeError when
 * the layout or feature version differs from this code's, and a ZodError when malformed.
 */
export function deserializeBanditState(value: unknown): BanditState {
  const parsed = serializedSchema.parse(value);
  if (parsed.version !== BANDIT_STATE_VERSION) {
    const why = parsed.version === 1 ? " (version 1 learned every impression as a 0; the rebuild replays the log with feedback-only learning)" : "";
    throw new RangeError(`Bandit state version ${parsed.version}; this code reads ${BANDIT_STATE_VERSION}${why}. Run \`npm run bandit:rebuild\`.`);
  }
  if (parsed.featureVersion !== FEATURE_VERSION)
    throw new RangeError(`Bandit state uses feature version ${parsed.featureVersion}; this code builds ${FEATURE_VERSION}. Run \`npm run bandit:rebuild\`.`);
  const model = createRewardModel({ dimension: parsed.dimension, priorPrecision: parsed.priorPrecision });
  for (const [index, mean, precision] of parsed.weights) {
    if (index >= parsed.dimension) throw new RangeError(`Bandit state weight index ${index} outside dimension ${parsed.dimension}.`);
    model.mean[index] = mean;
    model.precision[index] = precision;
  }
  model.observations = parsed.observations;
  return { featureVersion: parsed.featureVersion, model, impressions: parsed.impressions, feedbackEvents: parsed.feedbackEvents };
}

/** A deep copy (freeze a policy for evaluation while the original keeps learning). */
export function cloneBanditState(state: BanditState): BanditState {
  return { ...state, model: { ...state.model, mean: new Float64Array(state.model.mean), precision: new Float64Array(state.model.precision) } };
}
