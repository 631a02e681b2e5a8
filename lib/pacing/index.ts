/**
 * lib/pacing — spend pacing: a bar on the router's complexity score that decides which reasoning
 * requests get the LLM so spend tracks REELCAST_LLM_TARGET_USD_PER_HOUR. Pure: the server's loop
 * (lib/server/spend-pacer.ts) reads the ledger and the store and passes what it read in.
 */
export { DEFAULT_PACING, pacingConfigFromEnvironment, type PacingConfig } from "./pacing-config";
export { barForShare, nextPacing, shareAtOrAbove, UNPACED, type PacingState, type PacingStep } from "./pacing-controller";
export { formatScore, PACING_RECORD_KIND, pacingRecordPayload, parsePacingRecordPayload, type PacingRecordPayload } from "./pacing-record";
export { createSpendPacing, pacedRefusal, type SpendPacing } from "./spend-pacing";
