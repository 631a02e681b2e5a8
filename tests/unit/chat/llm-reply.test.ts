import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createProviderRegistry, streamPlainText, type LanguageModelHandle, type PlainTextEvent } from "../../../lib/ai";
import { acceptableSentence, checkedReplyDeltas, createLlmReplyWriter, REPLY_SYSTEM_PROMPT, type TextStreamer } from "../../../lib/chat/llm-reply";
import type { ReplyText } from "../../../lib/chat/reply-text";
import type { Engine } from "../../../lib/pipeline/engine";
import { parseConstraints } from "../../../lib/reasoning/constraints";
import { DEFAULT_BUDGET, emptyBudgetState, type BudgetConfig } from "../../../router";
import { startOpenAiTestServer, type OpenAiTestServer } from "../../../support/openai-test-server";
import { recommendedItem, recommendResponse, routeInfo } from "../../support/response-factory";

const template: ReplyText = { understood: "Looking for thrillers from the 2000s.", details: ["I found 207 films that fit all of that; here are the eight I'd start with."] };
const end = (failure: Extract<PlainTextEvent, { kind: "end" }>["failure"] = null): PlainTextEvent => ({ kind: "end", failure, inputTokens: 50, outputTokens: 20, latencyMs: 5 });

async function* events(...parts: PlainTextEvent[]): AsyncGenerator<PlainTextEvent> {
  for (const part of parts) yield part;
}
const text = (value: string): PlainTextEvent => ({ kind: "text", text: value });

async function collect(iterable: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const delta of iterable) out += delta;
  return out;
}

const numbers = new Set(["207", "8", "2000", "2009"]);

test("model sentences are sent on as they complete, each checked", async () => {
  let ended: unknown = "not yet";
  const stream = events(text("Plenty of thrill"), text("ers fit: 207 of them. Here are eig"), text("ht to start with."), end());
  const out = await collect(checkedReplyDeltas(stream, template, numbers, (value) => (ended = value)));
  assert.equal(out, " Plenty of thrillers fit: 207 of them. Here are eight to start with.");
  assert.deepEqual(ended, end());
});

test("a fault before the first good sentence sends the template's details; after it, the reply ends at the last good sentence", async () => {
  const fallback = ` ${template.details[0]}`;
  assert.equal(await collect(checkedReplyDeltas(events(end({ kind: "timeout", message: "LLM timed out after 4000 ms" })), template, numbers, () => {})), fallback);
  // An invented number, a developer word, a link: rejected; markup is stripped.
  assert.equal(await collect(checkedReplyDeltas(events(text("I found 950 films. "), end()), template, numbers, () => {})), fallback);
  assert.equal(await collect(checkedReplyDeltas(events(text("The reasoner matched 207. "), end()), template, numbers, () => {})), fallback);
  assert.equal(await collect(checkedReplyDeltas(events(text("Browse www.example.com today. "), end()), template, numbers, () => {})), fallback);
  assert.equal(await collect(checkedReplyDeltas(events(text("**207** films fit."), end()), template, numbers, () => {})), " 207 films fit.");
  // A good sentence, then a bad one: the good one stays, nothing after it.
  assert.equal(await collect(checkedReplyDeltas(events(text("207 films fit. See https://example.com for more. And more."), end()), template, numbers, () => {})), " 207 films fit.");
  // A sentence cut off by a failure is dropped.
  assert.equal(
    await collect(checkedReplyDeltas(events(text("207 films fit. Here are"), end({ kind: "network", message: "LLM provider could not be reached" })), template, numbers, () => {})),
    " 207 films fit.",
  );
  assert.equal(acceptableSentence("Only 8 fit, from 2000 to 2009.", numbers), true);
  assert.equal(acceptableSentence("Only 9 fit.", numbers), false);
});

const reasoned = recommendResponse({
  route: routeInfo({ path: "reasoning", score: 1, threshold: 0.5, reasoner: "llm:test-model" }),
  constraints: parseConstraints({ includeGenres: ["Thriller"], years: { from: 2000, to: 2009 } }),
  items: [recommendedItem({ id: "ml:1", title: "Memento", year: 2000, genres: ["Thriller"] })],
  metEveryConstraint: 207,
  sessionId: "session-llm-reply-0001",
});

/** Just what the reply writer reads of an engine: the budget, prices, the clock and (no) store. */
function budgetEngine(config: Partial<BudgetConfig> = {}): Engine {
  return {
    budget: { config: { ...DEFAULT_BUDGET, ...config }, state: emptyBudgetState() },
    llm: { handle: null, unavailableReason: null, rerank: false },
    store: null,
    epochMs: () => 1_000_000,
  } as unknown as Engine;
}
const handle = { model: "unused", modelId: "gpt-4o-mini", provider: "test", timeoutMs: 1000 } as unknown as LanguageModelHandle;

test("the LLM writes only for answers it reasoned, within budget; its cost is recorded in the budget window", async () => {
  const prompts: Array<{ system: string; content: string }> = [];
  const stream: TextStreamer = (prompt) => {
    prompts.push(prompt);
    return events(text("Of all that, 207 fit; here is the first."), end());
  };
  const engine = budgetEngine();
  const writer = createLlmReplyWriter({ engine, handle, stream });
  assert.equal(await writer({ query: "x", response: { ...reasoned, route: { ...reasoned.route, reasoner: "offline" } }, template }), null);
  assert.equal(await writer({ query: "x", response: { ...reasoned, route: { ...reasoned.route, path: "fast", reasoner: null } }, template }), null);
  assert.equal(await createLlmReplyWriter({ engine, handle: null, stream })({ query: "x", response: reasoned, template }), null);
  assert.equal(prompts.length, 0);

  const deltas = await writer({ query: "thrillers from the 2000s", response: reasoned, template });
  assert.ok(deltas);
  assert.equal(await collect(deltas), " Of all that, 207 fit; here is the first.");
  assert.equal(prompts[0].system, REPLY_SYSTEM_PROMPT);
  const sent = JSON.parse(prompts[0].content) as Record<string, unknown>;
  assert.equal(sent.alreadySaid, template.understood);
  assert.equal(sent.metEverything, 207);
  assert.equal(sent.request, "thrillers from the 2000s");
  const events_ = engine.budget.state.events;
  assert.equal(events_.length, 1);
  assert.equal(events_[0].sessionId, "session-llm-reply-0001");
  assert.ok(events_[0].usd > 0);

  // A spent session budget: the template answers, and the model is never called.
  const spent = budgetEngine({ sessionUsdPerWindow: 0 });
  assert.equal(await createLlmReplyWriter({ engine: spent, handle, stream })({ query: "x", response: reasoned, template }), null);
  assert.equal(prompts.length, 1);
});

let server: OpenAiTestServer;
let wire: LanguageModelHandle;
before(async () => {
  server = await startOpenAiTestServer();
  wire = createProviderRegistry({ environment: { OPENAI_BASE_URL: server.baseURL, REELCAST_LLM_MODEL: "test-model", REELCAST_LLM_TIMEOUT_MS: "400" } }).languageModel!;
});
after(() => server.close());

test("over HTTP: streamPlainText yields the text as it streams, then the usage; a slow model ends with a timeout", async () => {
  server.enqueue({ content: "Two hundred and seven films fit. Here are eight to start with." });
  const parts: PlainTextEvent[] = [];
  for await (const event of streamPlainText({ handle: wire, system: "Be brief.", content: "{}", maxOutputTokens: 50 })) parts.push(event);
  const texts = parts.filter((part) => part.kind === "text");
  assert.ok(texts.length > 1, "more than one delta");
  assert.equal(texts.map((part) => part.text).join(""), "Two hundred and seven films fit. Here are eight to start with.");
  const last = parts.at(-1)!;
  assert.equal(last.kind, "end");
  assert.equal(last.kind === "end" && last.failure, null);
  assert.ok(last.kind === "end" && (last.outputTokens ?? 0) > 0);
  assert.equal(server.requests.at(-1)!.body.stream, true);

  // A 400 ms deadline against a 4 s delay: the stream ends before the provider answers.
  server.enqueue({ content: "Too late.", fault: { kind: "delay", milliseconds: 4000 } });
  const slow: PlainTextEvent[] = [];
  for await (const event of streamPlainText({ handle: wire, system: "Be brief.", content: "{}" })) slow.push(event);
  assert.equal(server.requests.at(-1)!.answered, false, "ended before the provider answered");
  assert.deepEqual(
    slow.map((event) => (event.kind === "end" ? event.failure?.kind : "text")),
    ["timeout"],
  );
});
