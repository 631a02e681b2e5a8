import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { APICallError } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { z } from "zod";
import { createProviderRegistry, generateStructured, type LanguageModelHandle, type LlmFailureKind } from "../../../lib/ai";
import { startOpenAiTestServer, type Fault, type OpenAiTestServer } from "../../../support/openai-test-server";

const schema = z.object({ genres: z.array(z.string()), yearFrom: z.number().int().nullable() });
const valid = JSON.stringify({ genres: ["Sci-Fi"], yearFrom: 1990 });
const call = (handle: LanguageModelHandle, abortSignal?: AbortSignal) =>
  generateStructured({ handle, schema, schemaName: "constraints", system: "Extract constraints.", messages: [{ role: "user", content: "90s sci-fi" }], abortSignal });

let server: OpenAiTestServer;
let handle: LanguageModelHandle;
before(async () => {
  server = await startOpenAiTestServer();
  handle = createProviderRegistry({ environment: { OPENAI_BASE_URL: server.baseURL, REELCAST_LLM_MODEL: "test-model", REELCAST_LLM_TIMEOUT_MS: "300" } }).languageModel!;
});
after(() => server.close());

test("over HTTP: a valid structured answer comes back typed, with token usage", async () => {
  server.enqueue({ content: valid });
  const result = await call(handle);
  assert.ok(result.ok);
  assert.deepEqual(result.value, { genres: ["Sci-Fi"], yearFrom: 1990 });
  assert.ok((result.inputTokens ?? 0) > 0);
  const body = server.requests.at(-1)!.body;
  // Non-strict json_schema: schemas with optional fields stay acceptable to OpenAI; zod validates.
  assert.equal(body.response_format?.json_schema?.name, "constraints");
  assert.equal(body.response_format?.json_schema?.strict, false);
  assert.equal(body.temperature, 0);
});

const faults: Array<[string, Fault, LlmFailureKind, RegExp, number?]> = [
  ["a delay beyond the timeout", { kind: "delay", milliseconds: 700 }, "timeout", /LLM timed out after 300 ms/],
  ["HTTP 400", { kind: "status", status: 400 }, "http-error", /HTTP 400/, 400],
  ["HTTP 500", { kind: "status", status: 500 }, "http-error", /HTTP 500/, 500],
  ["HTTP 429 with Retry-After", { kind: "rate-limit", retryAfterSeconds: 7 }, "rate-limited", /rate limiting \(retry after 7 s\)/, 429],
  ["a body that is not JSON", { kind: "invalid-body" }, "invalid-json", /not valid JSON/],
  ["content cut off mid-JSON", { kind: "partial-json" }, "invalid-json", /cut off before the JSON was complete/],
  ["prose instead of JSON", { kind: "not-json" }, "invalid-json", /not valid JSON/],
  ["JSON of the wrong shape", { kind: "schema-violation" }, "schema-violation", /did not match the constraint schema/],
  ["a dropped connection", { kind: "hang-up" }, "network", /could not be reached/],
];
for (const [name, fault, kind, message, status] of faults) {
  test(`over HTTP: ${name} becomes a typed ${kind} failure, without retries`, async () => {
    const before = server.requests.length;
    server.enqueue({ content: valid, fault });
    const result = await call(handle);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.failure.kind, kind);
    assert.match(result.failure.message, message);
    assert.equal(result.failure.status, status === undefined && kind === "invalid-json" && fault.kind === "invalid-body" ? 200 : status);
    assert.equal(server.requests.length - before, 1, "no retry: the fallback is faster than a second attempt");
    // The deadline, not the provider, ended the call: the stalled provider (700 ms) had not answered yet.
    if (fault.kind === "delay") assert.equal(server.requests.at(-1)?.answered, false, "gave up before the provider answered");
    if (kind === "rate-limited") assert.equal(result.failure.retryAfterSeconds, 7);
  });
}

const mockHandle = (model: MockLanguageModelV3, timeoutMs = 100) => createProviderRegistry({ environment: {}, languageModel: model, timeoutMs }).languageModel!;
const usage = { inputTokens: { total: 5, noCache: 5, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } };
const textResult = (text: string) => ({ content: [{ type: "text" as const, text }], finishReason: { unified: "stop" as const, raw: "stop" }, usage, warnings: [] });

test("with a mock model: the request carries the JSON response format, and a valid answer passes", async () => {
  const model = new MockLanguageModelV3({ doGenerate: textResult(valid) });
  const result = await call(mockHandle(model));
  assert.ok(result.ok);
  const options = model.doGenerateCalls[0];
  assert.equal(options.responseFormat?.type, "json");
  assert.equal(options.temperature, 0);
  assert.deepEqual(options.prompt[0], { role: "system", content: "Extract constraints." });
});

test("with a mock model that never answers and ignores the abort signal: timeout at the deadline", async () => {
  const model = new MockLanguageModelV3({ doGenerate: () => new Promise(() => {}) });
  const result = await call(mockHandle(model, 80));
  assert.ok(!result.ok && result.failure.kind === "timeout");
  assert.match(result.failure.message, /timed out after 80 ms/);
  // The model never settles, so only the deadline can have ended the call; it also aborted the model's request.
  assert.equal(model.doGenerateCalls.length, 1);
  assert.equal(model.doGenerateCalls[0].abortSignal?.aborted, true);
});

test("with a mock model: a thrown 503 and a schema-violating answer are typed failures", async () => {
  const failing = new MockLanguageModelV3({
    doGenerate: async () => {
      throw new APICallError({ message: "overloaded", url: "http://mock", requestBodyValues: {}, statusCode: 503, isRetryable: true });
    },
  });
  const overloaded = await call(mockHandle(failing));
  assert.ok(!overloaded.ok && overloaded.failure.kind === "http-error" && overloaded.failure.status === 503);
  assert.equal(failing.doGenerateCalls.length, 1);
  const wrongShape = await call(mockHandle(new MockLanguageModelV3({ doGenerate: textResult(JSON.stringify({ genres: "Sci-Fi" })) })));
  assert.ok(!wrongShape.ok && wrongShape.failure.kind === "schema-violation");
});

test("a caller's abort is reported as aborted, not as a timeout", async () => {
  const controller = new AbortController();
  const model = new MockLanguageModelV3({
    doGenerate: (options) => new Promise((_, reject) => options.abortSignal?.addEventListener("abort", () => reject(Object.assign(new Error("The operation was aborted"), { name: "AbortError" })))),
  });
  const pending = call(mockHandle(model, 5000), controller.signal);
  controller.abort();
  const result = await pending;
  assert.ok(!result.ok && result.failure.kind === "aborted", JSON.stringify(result));
});
