// Text encoders (semantic search) and the LLM provider registry. Server-only: the registry reads
// secrets and the MiniLM encoder loads native code, so components/ must never import from here.
export { TEXT_ENCODER_ENVIRONMENT_KEYS, textEncoderConfig } from "./encoder-config";
export { circuitBreakerConfigFromEnvironment, createCircuitBreaker, DEFAULT_CIRCUIT_BREAKER, type CircuitAdmission, type CircuitBreaker, type CircuitBreakerConfig } from "./circuit-breaker";
export { exactTopK, rowDot, type ExactScan, type VectorHit } from "./exact-top-k";
export { compactVocabulary, countWords, fitCommonComponent, readWinkEmbeddings, winkEmbeddingsFile } from "./glove-compaction";
export { GLOVE_SIF_MODEL_ID, GloveSifEncoder } from "./glove-sif-encoder";
export { decodeGloveSifModel, encodeGloveSifModel, quantizeVector, type GloveSifModel } from "./glove-sif-model";
export { itemTextFields } from "./item-text";
export { DEFAULT_PROSE_WEIGHT, embedItems } from "./item-text-vectors";
export { getMiniLmEncoder, loadMiniLmEncoder, miniLmModelFiles, missingModelFiles } from "./minilm-encoder";
export { providerOutcome, type PaidCallAdmission, type PaidCallGate, type PaidCallKind, type PaidCallPermit, type ProviderOutcome } from "./paid-call";
export { streamPlainText, type PlainTextEvent } from "./plain-text-stream";
export { createProviderRegistry, DEFAULT_LLM_TIMEOUT_MS, llmSettings, type LanguageModelHandle, type ProviderRegistry, type ProviderRegistryOptions } from "./provider-registry";
export { type SentenceEncoder } from "./sentence-encoder";
export { firstPrincipalComponent, normaliseInPlace, removeComponentInPlace, sifWeight, zipfProbability } from "./sif";
export { generateStructured, type LlmFailure, type LlmFailureKind } from "./structured-generation";
export { createTextSearch, loadTextSearch, textVectorsArtifact, type NearestNeighbourIndex, type TextSearch } from "./text-search";
export { TEXT_VECTOR_FILES, TEXT_VECTORS_STAGE, textVectorsArtifactSchema, type TextIndexArtifact, type TextVectorsArtifact } from "./text-vectors-artifact";
export { DATA_NOT_INSTRUCTIONS, dataMessage, modelReason, untrustedText } from "./untrusted-data";
export { vocabularyTokens, wordTokens } from "./word-tokens";
