import { DATA_NOT_INSTRUCTIONS, dataMessage, modelReason, providerOutcome, untrustedText, type LanguageModelHandle, type PlainTextEvent } from "../ai";
import type { RecommendResponse } from "../pipeline/contract";
import type { Engine } from "../pipeline/engine";
import { spendGate } from "../pipeline/spend-gate";
import { actualCost, estimateCallUsd } from "../../router";
import { replyFacts, type ReplyText } from "./reply-text";

/** What the reply writer gets for one final answer. */
export interface ReplyInput {
  query: string;
  response: RecommendResponse;
  /** The template reply; its `understood` sentence is already on screen when the writer runs. */
  template: ReplyText;
  signal?: AbortSignal;
}

/**
 * Writes the rest of the reply (after `template.understood`) as text deltas, or returns null to
 * leave it to the template. The deltas never throw: a writer falls back to the template itself.
 */
export type ReplyWriter = (input: ReplyInput) => Promise<AsyncIterable<string> | null>;

/** A streamed plain-text model call, as lib/ai's streamPlainText makes it. */
export type TextStreamer = (prompt: { system: string; content: string; maxOutputTokens: number; signal?: AbortSignal }) => AsyncIterable<PlainTextEvent>;

/** Most completion tokens the reply may use: two or three sentences. */
const REPLY_OUTPUT_TOKENS = 120;
/** Longest reply tail kept from a model. */
const MAX_REPLY_CHARACTERS = 450;

export const REPLY_SYSTEM_PROMPT = [
  "You are the host of Reelcast, a film recommender chat. The reply to the person already opened with the sentence in `alreadySaid`; the film cards are on screen below it.",
  "Continue the reply with one to three short sentences, under 60 words, plain text: say how many films fit everything they asked (`metEverything`, when it is not null);",
  "when `loosened` is not empty, say what was loosened to fill the list and that it was because too few films fit;",
  "when `didYouMean` or `notInCatalog` is not empty, say which titles the catalog lacks and ask “Did you mean …?” with the given titles exactly as written.",
  "Use only the given facts and numbers. Never name a film that is not in the data. Never mention scores, models, paths, reasoners, constraints or how the system works. Do not repeat `alreadySaid`. No lists, markup, emojis or links.",
  DATA_NOT_INSTRUCTIONS,
].join(" ");

/** Words a person should never see in the reply. */
const DEVELOPER_WORDS = /\b(?:scores?|reasoner|reasoning path|fast path|constraints?|llm|language model|model|algorithm|database|json|offline|prompt|data)\b/i;

/** The model's sentences, checked as they complete: plain, short, and only the facts' numbers. */
export function acceptableSentence(sentence: string, numbers: ReadonlySet<string>): boolean {
  if (sentence.length < 8 || sentence.length > 300) return false;
  if (/https?:|www\.|[<>`*#[\]{}|]/i.test(sentence) || DEVELOPER_WORDS.test(sentence)) return false;
  for (const number of sentence.match(/\d+(?:[.,]\d+)?/g) ?? []) if (!numbers.has(number)) return false;
  return true;
}

/** Splits off every complete sentence at the start of `buffer`. */
function completeSentences(buffer: string): { sentences: string[]; rest: string } {
  const sentences: string[] = [];
  let rest = buffer;
  for (let match = /^(.*?[.!?…]["”)]?)(\s+)(?=\S)/su.exec(rest); match; match = /^(.*?[.!?…]["”)]?)(\s+)(?=\S)/su.exec(rest)) {
    sentences.push(match[1].trim());
    rest = rest.slice(match[0].length);
  }
  return { sentences, rest };
}

/**
 * The reply tail from a model stream, sentence by sentence: each complete sentence is checked
 * (acceptableSentence) before it is sent on. Before the first accepted sentence any fault (a
 * failure, a timeout, an empty answer, a rejected sentence) sends the template's details instead;
 * after it, a fault ends the reply at the last good sentence.
 */
export async function* checkedReplyDeltas(
  events: AsyncIterable<PlainTextEvent>,
  template: ReplyText,
  numbers: ReadonlySet<string>,
  onEnd: (end: Extract<PlainTextEvent, { kind: "end" }> | null) => void,
): AsyncGenerator<string> {
  let buffer = "";
  let written = 0;
  let rejected = false;
  let end: Extract<PlainTextEvent, { kind: "end" }> | null = null;
  const accept = (sentence: string) => {
    // Markup is stripped; a link is a reason to stop (it would be stripped mid-sentence).
    const clean = modelReason(sentence, 300);
    if (rejected || /https?:|www\./i.test(sentence) || written + clean.length > MAX_REPLY_CHARACTERS || !acceptableSentence(clean, numbers)) {
      rejected = true;
      return null;
    }
    written += clean.length + 1;
    return ` ${clean}`;
  };
  try {
    for await (const event of events) {
      if (event.kind === "end") {
        end = event;
        break;
      }
      buffer += event.text;
      const { sentences, rest } = completeSentences(buffer);
      buffer = rest;
      for (const sentence of sentences) {
        const delta = accept(sentence);
        if (delta) yield delta;
      }
      if (rejected) break;
    }
    // The last sentence has no space after it; a cut-off one (no end mark) is dropped.
    if (!rejected && end?.failure === null && /[.!?…]["”)]?$/u.test(buffer.trim())) {
      const delta = accept(buffer.trim());
      if (delta) yield delta;
    }
  } finally {
    onEnd(end);
  }
  if (written === 0) for (const detail of template.details) yield ` ${detail}`;
}

/** Every number the reply may say: counts, years, minutes, from the facts sent to the model. */
function factNumbers(facts: unknown, query: string): Set<string> {
  const numbers = new Set<string>(JSON.stringify(facts).match(/\d+(?:[.,]\d+)?/g) ?? []);
  for (const number of query.match(/\d+/g) ?? []) numbers.add(number);
  return numbers;
}

export interface LlmReplyDependencies {
  engine: Engine;
  /** Null without an LLM: the writer always leaves the reply to the template. */
  handle: LanguageModelHandle | null;
  stream: TextStreamer;
  /** The client address whose share of the budget the reply spends (lib/server/client-address.ts). */
  client?: string | null;
  /** The session the reply spends for, when the response does not show it (a browser's is hidden); default response.sessionId. */
  sessionId?: string | null;
  /** Called with the reason when the spend gate says no (budget spent, circuit open), for route.reasons. */
  onRefused?: (reason: string) => void;
}

/**
 * The LLM reply writer: only for answers the LLM itself reasoned (the router judged the request
 * worth an LLM and the budget allowed it), and only when the budget also allows this call, judged
 * and reserved in the spend ledger like the reasoner's. What it cost is recorded in the budget
 * window and settled in the ledger when the stream ends.
 */
export function createLlmReplyWriter({ engine, handle, stream, client, sessionId, onRefused }: LlmReplyDependencies): ReplyWriter {
  return async ({ query, response, template, signal }) => {
    if (!handle || !response.route.reasoner?.startsWith("llm:") || response.items.length === 0) return null;
    const facts = { request: untrustedText(query, 300), alreadySaid: template.understood, ...replyFacts(response) };
    const content = dataMessage(facts);
    const promptCharacters = REPLY_SYSTEM_PROMPT.length + content.length;
    const estimatedUsd = estimateCallUsd({ modelId: handle.modelId, promptCharacters, maxOutputTokens: REPLY_OUTPUT_TOKENS, priceTable: engine.llm.priceTable });
    const admission = await spendGate(engine, { sessionId: sessionId !== undefined ? sessionId : response.sessionId, client: client ?? null })({ call: "reply", estimatedUsd });
    if (!admission.allowed) {
      onRefused?.(admission.reason);
      return null;
    }
    const { permit } = admission;
    const settle = (end: Extract<PlainTextEvent, { kind: "end" }> | null) => {
      const usage = { modelId: handle.modelId, inputTokens: end?.inputTokens, outputTokens: end?.outputTokens, latencyMs: end?.latencyMs ?? 0 };
      // A stream the reader dropped before its end reports nothing about the provider.
      permit.report(end ? providerOutcome(end.failure) : "abandoned");
      void permit.settle(actualCost([usage], { priceTable: engine.llm.priceTable, fallbackPromptCharacters: promptCharacters }).usd);
    };
    const events = stream({ system: REPLY_SYSTEM_PROMPT, content, maxOutputTokens: REPLY_OUTPUT_TOKENS, signal });
    return checkedReplyDeltas(events, template, factNumbers(facts, query), settle);
  };
}
