import assert from "node:assert/strict";
import { test } from "node:test";
import { generateText } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { createProviderRegistry, DEFAULT_LLM_TIMEOUT_MS, llmSettings } from "../../../lib/ai";

test("no LLM is configured without a key, or with a base URL but no model: the registry says why", () => {
  const empty = createProviderRegistry({ environment: {} });
  assert.equal(empty.languageModel, null);
  assert.equal(empty.speechModel, null);
  assert.match(empty.unavailableReason ?? "", /no LLM configured \(set OPENAI_API_KEY, or OPENAI_BASE_URL and REELCAST_LLM_MODEL\)/);
  const noModel = createProviderRegistry({ environment: { OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" } });
  assert.equal(noModel.languageModel, null);
  assert.match(noModel.unavailableReason ?? "", /REELCAST_LLM_MODEL is not/);
});

test("the environment passed in is the only source of settings (never the ambient process.env)", () => {
  const saved = process.env.OPENAI_API_KEY;
  process.env.OPENAI_API_KEY = "sk-ambient";
  try {
    assert.equal(createProviderRegistry({ environment: {} }).languageModel, null);
  } finally {
    if (saved === undefined) delete process.env.OPENAI_API_KEY;
    else process.env.OPENAI_API_KEY = saved;
  }
});

test("settings: key alone means OpenAI's default model; a local server needs base URL and model; timeout parses", () => {
  assert.deepEqual(llmSettings({ OPENAI_API_KEY: "sk-test" }).settings, {
    modelId: "gpt-4o-mini",
    baseURL: undefined,
    apiKey: "sk-test",
    timeoutMs: DEFAULT_LLM_TIMEOUT_MS,
    speechModelId: null,
  });
  // Paid speech only when the operator names a speech model.
  assert.equal(llmSettings({ OPENAI_API_KEY: "sk-test", REELCAST_TTS_MODEL: "gpt-4o-mini-tts" }).settings?.speechModelId, "gpt-4o-mini-tts");
  const local = llmSettings({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", REELCAST_LLM_MODEL: "llama3.2", REELCAST_LLM_TIMEOUT_MS: "2500" }).settings;
  assert.equal(local?.modelId, "llama3.2");
  assert.equal(local?.timeoutMs, 2500);
  assert.equal(llmSettings({ OPENAI_API_KEY: "k", REELCAST_LLM_TIMEOUT_MS: "soon" }).settings?.timeoutMs, DEFAULT_LLM_TIMEOUT_MS);
});

test("a configured registry builds an OpenAI chat-completions model, and a speech model only with REELCAST_TTS_MODEL", () => {
  const registry = createProviderRegistry({ environment: { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", REELCAST_LLM_MODEL: "qwen2.5" } });
  assert.equal(registry.languageModel?.modelId, "qwen2.5");
  assert.equal(registry.languageModel?.provider, "openai.chat");
  assert.equal(registry.languageModel?.timeoutMs, 4000);
  assert.equal(registry.speechModel, null, "no paid speech unless the operator names a speech model");
  assert.ok(createProviderRegistry({ environment: { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", REELCAST_LLM_MODEL: "qwen2.5", REELCAST_TTS_MODEL: "tts-1" } }).speechModel);
  assert.equal(registry.unavailableReason, null);
});

test("an injected mock model wins over the environment and is what generateText calls", async () => {
  const model = new MockLanguageModelV3({
    modelId: "mock-reasoner",
    doGenerate: async () => ({
      content: [{ type: "text", text: "mocked" }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: { inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } },
      warnings: [],
    }),
  });
  const registry = createProviderRegistry({ environment: { OPENAI_API_KEY: "sk-ignored" }, languageModel: model, timeoutMs: 250 });
  assert.equal(registry.languageModel?.modelId, "mock-reasoner");
  assert.equal(registry.languageModel?.timeoutMs, 250);
  const { text } = await generateText({ model: registry.languageModel!.model, prompt: "hello" });
  assert.equal(text, "mocked");
  assert.equal(model.doGenerateCalls.length, 1);
});
