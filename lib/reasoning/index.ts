// The reasoning path: one constraint schema for both reasoners, the offline reasoner, constraint
// application over retrieved candidates, and session memory. The LLM reasoner and re-ranker call
// providers only through lib/ai.
export {
  CONSTRAINT_STRENGTHS,
  constraintsSchema,
  emptyConstraints,
  hasAnyConstraint,
  LANGUAGE_CODES,
  MAX_COUNT,
  normaliseGenreName,
  normaliseLanguage,
  parseConstraints,
  PERSON_ROLES,
  SORT_ORDERS,
  type Constraints,
  type ConstraintsInput,
  type ConstraintStrength,
  type GenreConstraint,
  type LanguageConstraint,
  type PersonConstraint,
  type ReferenceTitle,
  type RuntimeRange,
  type SortOrder,
  type YearRange,
} from "./constraints";
export { applyConstraints, type AppliedItem, type ApplyOptions, type ApplyResult } from "./apply-constraints";
export { applyConstraintsWithCatalogFallback } from "./catalog-fallback";
export type { Candidate } from "./candidate-pool";
export { meetsHardConstraints, type CheckStatus } from "./hard-checks";
export { RUNTIME_WIDENING_STEPS, YEAR_WIDENING_STEPS, type RelaxationStep } from "./relaxation";
export { constraintsFromAnalysis, describeConstraints, followUpInstructions, reasonOffline, type OfflineReasonerContext, type OfflineReasonerResult } from "./offline-reasoner";
export {
  applyFollowUp,
  carryFeedback,
  emptySession,
  mergeConstraints,
  recordFeedback,
  recordReaction,
  recordTurn,
  restoreSession,
  MAX_REMEMBERED_ITEMS,
  MAX_REMEMBERED_REQUESTS,
  type FollowUpInstruction,
  type ItemReaction,
  type PreviousAnswerItem,
  type SessionState,
} from "./session-memory";
export { fallbackReason, reasonerPrompt, reasonWithLlm, type LlmReasonerInput, type LlmReasonerOutcome, type LlmReasonerSession } from "./llm-reasoner";
export { rerankAnswerSchema, rerankWithLlm, type RerankPick, type RerankRequest, type RerankResult } from "./llm-rerank";
export { constraintFacts } from "./constraint-facts";
export { CANDIDATES_PER_LIST, constraintSearchText, gatherCandidates, type CandidateResources, type GatheredCandidates } from "./gather-candidates";
