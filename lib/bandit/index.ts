/**
 * lib/bandit — BaRT-style explanation and ordering bandit (McInerney et al., RecSys 2018).
 * Pure: randomness, clock-derived context and stored state are passed in.
 *
 * Serving: `createBanditCatalog(items)` once per catalog; per request `chooseSlate(...)` (pinned
 * items first, every other slot chosen within the relevance band), store
 * `slateToImpression(...)`, then `observeImpression(state, slots)` (counts it; impressions alone
 * teach nothing). Feedback: after the store accepts a new event,
 * `applyFeedback(state, { features, previousEvents, event })`, which moves the slot's label to
 * where its reaction stands (`slotFeedbackState`: a like switched to a skip is a skip). Start-up and recovery:
 * `catchUpFromLog(state, readPage, watermark)` over the store's event log.
 */
export { EXPLANATION_ARMS, EXPLANATION_KINDS, matchArms, metadataSimilarity, type ArmMatch, type ArmRequest, type Explanation, type ExplanationArm, type ExplanationKind } from "./arms";
export { createBanditCatalog, type BanditCatalog, type GenreRank } from "./bandit-catalog";
export { BANDIT_STATE_VERSION, cloneBanditState, createBanditState, deserializeBanditState, serializeBanditState, type BanditState, type BanditStateOptions, type SerializedBanditState } from "./bandit-state";
export {
  bandOf,
  chooseSlate,
  createSlatePolicy,
  fillSlate,
  prepareSlate,
  sampleIndex,
  slotFeatures,
  type ChooseSlateInput,
  type FilledSlot,
  type Slate,
  type SlateAction,
  type SlateCandidate,
  type SlatePolicy,
  type SlateProblem,
  type SlateSlot,
  type SlotDistribution,
} from "./choose-slate";
export { banditContextSchema, emptyContext, timeOfDay, type BanditContext } from "./context";
export { catchUpFromLog, toReplayEntry, type CatchUpResult, type StoredLogEntry } from "./event-log-replay";
export { FEATURE_VERSION, type SparseFeatures } from "./features";
export { loggedContext, slateToImpression, type ImpressionInput } from "./impression";
export { applyFeedback, observeImpression, replayEventLog, type FeedbackUpdate, type ObservedSlot, type ReplayEntry } from "./feedback-loop";
export { doublyRobustEstimate, inversePropensityEstimate, selfNormalizedEstimate, type Estimate, type LoggedSlate, type LoggedSlot, type SlotWeighting } from "./off-policy";
export { availabilityProbability, positionMarginals } from "./position-marginals";
export { DEFAULT_POLICY, describePolicy, epsilonAt, parsePolicy, policyConfigSchema, POLICY_KINDS, type PolicyConfig, type PolicyKind } from "./policy";
export { describeSlateChoices, loggedSlateChoices, type LoggedSlateChoices, type SlateChoices } from "./slate-choices";
export { createSeededRandom, deriveRandom, type RandomSource } from "./random";
export { bandItems, DEFAULT_RELEVANCE_BAND, scaleRelevance, UNBOUNDED_BAND, validateBand, type RelevanceBand } from "./relevance-band";
export { predictEngagement, type RewardModel } from "./reward-model";
export {
  EVENT_REWARD,
  FEEDBACK_EVENTS,
  feedbackEventSchema,
  slotFeedbackState,
  slotReward,
  stateReward,
  UNDOABLE_EVENTS,
  type FeedbackEvent,
  type RewardedEvent,
  type SlotFeedbackState,
  type UndoableEvent,
} from "./rewards";
