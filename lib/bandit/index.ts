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
export { EXPLANATION_ARMS, EXPLANATION_KINDS, matchArms, type ExplanationKind } from "./arms";
export { createBanditCatalog, type BanditCatalog } from "./bandit-catalog";
export { BANDIT_STATE_VERSION, cloneBanditState, createBanditState, deserializeBanditState, serializeBanditState, type BanditState, type SerializedBanditState } from "./bandit-state";
export { bandOf, chooseSlate, createSlatePolicy, fillSlate, prepareSlate, sampleIndex, slotFeatures, type Slate, type SlateCandidate } from "./choose-slate";
export type { SlateProblem } from "./slate-problem";
export { emptyContext, type BanditContext } from "./context";
export { catchUpFromLog, toReplayEntry, type CatchUpResult, type StoredLogEntry } from "./event-log-replay";
export { FEATURE_VERSION, type SparseFeatures } from "./features";
export { slateToImpression, type ImpressionInput } from "./impression";
export { applyFeedback, observeImpression, replayEventLog, type ObservedSlot, type ReplayEntry } from "./feedback-loop";
export { doublyRobustEstimate, inversePropensityEstimate, selfNormalizedEstimate, type LoggedSlot } from "./off-policy";
export { DEFAULT_POLICY, describePolicy, epsilonAt, parsePolicy, type PolicyConfig } from "./policy";
export { loggedSlateChoices } from "./slate-choices";
export { createSeededRandom, deriveRandom, type RandomSource } from "./random";
export { DEFAULT_RELEVANCE_BAND, UNBOUNDED_BAND, type RelevanceBand } from "./relevance-band";
export { predictEngagement } from "./reward-model";
export { EVENT_REWARD, FEEDBACK_EVENTS, feedbackEventSchema, slotFeedbackState, slotReward, type FeedbackEvent, type SlotFeedbackState } from "./rewards";
