// Text encoders (semantic search) and the LLM provider registry. Server-only: the registry reads
// secrets and the MiniLM encoder loads native code, so components/ must never import from here.
export { DEFAULT_MINILM_MODEL, DEFAULT_TEXT_ENCODER, TEXT_ENCODER_ENVIRONMENT_KEYS, textEncoderConfig, type MiniLmOptions, type TextEncoderConfig } from "./encoder-config";
export { circuitBreakerConfigFromEnvironment, createCircuitBreaker, DEFAULT_CIRCUIT_BREAKER, type CircuitAdmission, type CircuitBreaker, type CircuitBreakerConfig } from "./circuit-breaker";
export { exactTopK, rowDot, type ExactScan, type VectorHit } from "./exact-top-k";
export { compactVocabulary, countWords, fitCommonComponent, readWinkEmbeddings, winkEmbeddingsFile, type CompactionOptions, type WordVectorSource } from "./glove-compaction";
export { GLOVE_SIF_MODEL_ID, GloveSifEncoder } from "./glove-sif-encoder";
export { decodeGloveSifModel, encodeGloveSifModel, quantizeVector, type GloveSifModel } from "./glove-sif-model";
export { itemText, itemTextFields, type ItemTextFields } from "./item-text";
export { DEFAULT_PROSE_WEIGHT, embedItems } from "./item-text-vectors";
export { getMiniLmEncoder, loadMiniLmEncoder, MINILM_DIMENSIONS, miniLmModelFiles, missingModelFiles } from "./minilm-encoder";
export { providerOutcome, type PaidCallAdmission, type PaidCallGate, type PaidCallKind, type PaidCallPermit, type ProviderOutcome } from "./paid-call";
export { streamPlainText, type PlainTextEvent } from "./plain-text-stream";
export {
  createProviderRegistry,
  DEFAULT_LLM_TIMEOUT_MS,
  llmSettings,
  type LanguageModelHandle,
  type LlmSettings,
  type ProviderRegistry,
  type ProviderRegistryOptions,
} from "./provider-registry";
export { TEXT_ENCODER_IDS, type EmbeddingModelV3, type SentenceEncoder, type TextEncoderId } from "./sentence-encoder";
export { DEFAULT_SIF_SMOOTHING, firstPrincipalComponent, normaliseInPlace, removeComponentInPlace, sifWeight, zipfProbability } from "./sif";
export { classifyLlmError, generateStructured, type GenerateStructuredOptions, type LlmFailure, type LlmFailureKind, type StructuredResult } from "./structured-generation";
export { assertEncoderMatches, createTextSearch, loadGloveSifEncoder, loadTextSearch, textVectorsArtifact, type LoadTextSearchOptions, type NearestNeighbourIndex, type TextSearch } from "./text-search";
export { TEXT_VECTOR_FILES, TEXT_VECTORS_STAGE, textVectorsArtifactSchema, type TextIndexArtifact, type TextVectorsArtifact } from "./text-vectors-artifact";
export { DATA_NOT_INSTRUCTIONS, dataMessage, modelReason, untrustedText } from "./untrusted-data";
export { vocabularyTokens, wordTokens } from "./word-tokens";
