import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { experimental_generateSpeech as generateSpeech, generateText, Output, streamText } from "ai";
import { z } from "zod";
import { createProviderRegistry, type ProviderRegistry } from "../../../lib/ai";
import { startOpenAiTestServer, type OpenAiTestServer } from "../../../support/openai-test-server";

// @ai-sdk/openai against the local OpenAI-compatible server: real HTTP, real response formats.
let server: OpenAiTestServer;
let registry: ProviderRegistry;
before(async () => {
  server = await startOpenAiTestServer();
  registry = createProviderRegistry({
    environment: { OPENAI_API_KEY: "sk-reelcast-test", OPENAI_BASE_URL: server.baseURL, REELCAST_LLM_MODEL: "reelcast-test-model", REELCAST_TTS_MODEL: "gpt-4o-mini-tts" },
  });
});
after(() => server.close());

const schema = z.object({ genres: z.array(z.string()), yearFrom: z.number().int().nullable() });

test("generateText sends a chat completion with the configured model and key, and reads the answer", async () => {
  server.enqueue({ content: "Try Gattaca." });
  const { text, usage, finishReason } = await generateText({ model: registry.languageModel!.model, system: "Be brief.", prompt: "A 90s sci-fi film?" });
  assert.equal(text, "Try Gattaca.");
  assert.equal(finishReason, "stop");
  assert.ok((usage.inputTokens ?? 0) > 0);
  const request = server.requests.at(-1)!;
  assert.equal(request.path, "/v1/chat/completions");
  assert.equal(request.headers.authorization, "Bearer sk-reelcast-test");
  assert.equal(request.body.model, "reelcast-test-model");
  assert.deepEqual(request.body.messages, [
    { role: "system", content: "Be brief." },
    { role: "user", content: "A 90s sci-fi film?" },
  ]);
});

test("generateText with Output.object sends a strict json_schema response_format and validates the answer", async () => {
  server.enqueue((request) => {
    assert.equal(request.response_format?.type, "json_schema");
    return { content: JSON.stringify({ genres: ["Sci-Fi"], yearFrom: 1990 }) };
  });
  const { output } = await generateText({ model: registry.languageModel!.model, output: Output.object({ schema, name: "constraints" }), prompt: "90s sci-fi" });
  assert.deepEqual(output, { genres: ["Sci-Fi"], yearFrom: 1990 });
  const format = server.requests.at(-1)!.body.response_format?.json_schema;
  assert.ok(format);
  assert.equal(format.name, "constraints");
  assert.equal(format.strict, true);
  assert.deepEqual(format.schema.required, ["genres", "yearFrom"]);
});

test("streamText reads the SSE stream chunk by chunk, and streamed structured output parses", async () => {
  const sentence = "A slow, rainy, neon-lit detective story from 1982.";
  server.enqueue({ content: sentence });
  const stream = streamText({ model: registry.languageModel!.model, prompt: "describe Blade Runner" });
  const parts: string[] = [];
  for await (const part of stream.textStream) parts.push(part);
  assert.equal(parts.join(""), sentence);
  assert.ok(parts.length >= 4, `expected several chunks, got ${parts.length}`);
  assert.equal(server.requests.at(-1)!.body.stream, true);

  server.enqueue({ content: JSON.stringify({ genres: ["Film-Noir", "Sci-Fi"], yearFrom: null }) });
  const structured = streamText({ model: registry.languageModel!.model, output: Output.object({ schema }), prompt: "noir sci-fi" });
  assert.deepEqual(await structured.output, { genres: ["Film-Noir", "Sci-Fi"], yearFrom: null });
});

test("speech comes back from /v1/audio/speech as WAV bytes", async () => {
  const { audio } = await generateSpeech({ model: registry.speechModel!, text: "Here are three films for a rainy night.", outputFormat: "wav" });
  const bytes = audio.uint8Array;
  assert.equal(Buffer.from(bytes.subarray(0, 4)).toString("ascii"), "RIFF");
  assert.equal(Buffer.from(bytes.subarray(8, 12)).toString("ascii"), "WAVE");
  const request = server.requests.at(-1)!;
  assert.equal(request.path, "/v1/audio/speech");
  assert.equal(request.body.input, "Here are three films for a rainy night.");
  assert.equal(request.body.model, "gpt-4o-mini-tts");
});
