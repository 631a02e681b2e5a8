// The one place the app builds LLM and speech providers. It reads secrets (OPENAI_API_KEY), so it
// must only ever be imported by server code: route handlers, lib/pipeline, lib/reasoning,
// lib/narration and scripts — never by components/ (`import "server-only"` would enforce that under
// Next, but breaks plain tsx scripts and node --test, which this module also serves).
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel, SpeechModel } from "ai";
import type { Environment } from "../catalog/catalog";

/** Default LLM deadline: past it the caller falls back to the offline reasoner. */
export const DEFAULT_LLM_TIMEOUT_MS = 4000;
/** Used when OPENAI_API_KEY is set without REELCAST_LLM_MODEL (OpenAI itself). */
const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

/** What the environment says about the LLM; the key itself is never part of any description. */
export interface LlmSettings {
  modelId: string;
  /** OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp…); undefined = api.openai.com. */
  baseURL: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
  /** REELCAST_TTS_MODEL; null = no paid speech (espeak-ng or the browser's voice speaks). */
  speechModelId: string | null;
}

export type LlmSettingsResult = { settings: LlmSettings; reason: null } | { settings: null; reason: string };

/**
 * Reads OPENAI_API_KEY, OPENAI_BASE_URL, REELCAST_LLM_MODEL, REELCAST_LLM_TIMEOUT_MS (default 4000)
 * and REELCAST_TTS_MODEL. An LLM is configured when OPENAI_API_KEY is set (model defaults to
 * gpt-4o-mini), or when OPENAI_BASE_URL and REELCAST_LLM_MODEL are (local servers need no key).
 * @returns the settings, or null with the reason no LLM is configured
 */
export function llmSettings(environment: Environment = process.env): LlmSettingsResult {
  const apiKey = environment.OPENAI_API_KEY?.trim() || undefined;
  const baseURL = environment.OPENAI_BASE_URL?.trim() || undefined;
  const model = environment.REELCAST_LLM_MODEL?.trim() || undefined;
  if (!apiKey && !(baseURL && model)) {
    return {
      settings: null,
      reason: baseURL
        ? "OPENAI_BASE_URL is set but REELCAST_LLM_MODEL is not: name the model the server should run"
        : "no LLM configured (set OPENAI_API_KEY, or OPENAI_BASE_URL and REELCAST_LLM_MODEL)",
    };
  }
  const timeout = Number(environment.REELCAST_LLM_TIMEOUT_MS);
  return {
    settings: {
      modelId: model ?? DEFAULT_OPENAI_MODEL,
      baseURL,
      apiKey,
      timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_LLM_TIMEOUT_MS,
      // Speech is paid per character on the operator's key: only when the operator names a model.
      speechModelId: environment.REELCAST_TTS_MODEL?.trim() || null,
    },
    reason: null,
  };
}

/** A language model ready for generateText, with what the response may say about it. */
export interface LanguageModelHandle {
  model: LanguageModel;
  /** e.g. "gpt-4o-mini", or the injected model's id. */
  modelId: string;
  /** e.g. "openai.chat", "mock-provider". */
  provider: string;
  /** Deadline per call in milliseconds. */
  timeoutMs: number;
}

export interface ProviderRegistry {
  /** Null when no LLM is configured: callers use the offline reasoner. */
  languageModel: LanguageModelHandle | null;
  /** Server-side text-to-speech through the same provider; null without an LLM provider or without REELCAST_TTS_MODEL. */
  speechModel: SpeechModel | null;
  /** Why `languageModel` is null, for the response's reasoner note; null when it is set. */
  unavailableReason: string | null;
}

export interface ProviderRegistryOptions {
  environment?: Environment;
  /** Use this model instead of the environment's (tests: MockLanguageModelV3 from `ai/test`). */
  languageModel?: Exclude<LanguageModel, string>;
  /** Deadline for the injected model (default REELCAST_LLM_TIMEOUT_MS or 4000). */
  timeoutMs?: number;
  /** Custom fetch for the provider (tests, proxies). */
  fetch?: typeof fetch;
}

/**
 * Builds the providers explicitly from the environment: `createOpenAI({ apiKey, baseURL })` and
 * its Chat Completions model (the API every OpenAI-compatible server implements), or the
 * injected model. Never reads a key from anywhere but `environment`.
 */
export function createProviderRegistry(options: ProviderRegistryOptions = {}): ProviderRegistry {
  const environment = options.environment ?? process.env;
  const configured = llmSettings(environment);
  if (options.languageModel) {
    const model = options.languageModel;
    return {
      languageModel: { model, modelId: model.modelId, provider: model.provider, timeoutMs: options.timeoutMs ?? configured.settings?.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS },
      speechModel: null,
      unavailableReason: null,
    };
  }
  if (!configured.settings) return { languageModel: null, speechModel: null, unavailableReason: configured.reason };
  const { settings } = configured;
  const provider = createOpenAI({
    // Local servers ignore the key but the client insists on one; never fall back to ambient env.
    apiKey: settings.apiKey ?? "not-needed",
    baseURL: settings.baseURL,
    fetch: options.fetch,
  });
  const model = provider.chat(settings.modelId);
  return {
    languageModel: { model, modelId: settings.modelId, provider: model.provider, timeoutMs: settings.timeoutMs },
    speechModel: settings.speechModelId ? provider.speech(settings.speechModelId) : null,
    unavailableReason: null,
  };
}
