import { z } from "zod";
import { actualCost, estimateCallUsd, type PriceTable } from "../../router";
import { DATA_NOT_INSTRUCTIONS, dataMessage, generateStructured, modelReason, providerOutcome, untrustedText, type LanguageModelHandle, type PaidCallGate } from "../ai";
import { composeDjScript, NARRATED_PICKS } from "./dj-script";
import type { DjScript, NarrationRequest } from "./narration-input";
import { findScriptProblems } from "./script-problems";
import { stringHash } from "./seeded-choice";

/** Longest script kept from a model; a spoken answer should take well under half a minute. */
const MAX_SCRIPT_CHARACTERS = 600;
/** Most completion tokens a script may use (the JSON around ~90 words, with room). */
const SCRIPT_OUTPUT_TOKENS = 300;

const scriptSchema = z.object({ script: z.string().max(2000) });

const SYSTEM_PROMPT = [
  "You are the late-night radio DJ of Reelcast, a film recommender. Write the short spoken script that introduces the films in the data, the way a warm radio host introduces the next records.",
  "Three to five short sentences, under 90 words, plain text to be read aloud: no lists, markup, emojis, links or stage directions.",
  `Mention at most ${NARRATED_PICKS} titles, in the given order, exactly as written, and use only the given facts and reasons; never invent films, people or facts.`,
  "Vary your opening line from answer to answer.",
  DATA_NOT_INSTRUCTIONS,
].join(" ");

/** The first sentence of a script, normalised: what "the same opening line" compares. */
export function openingSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/su.exec(text.trim());
  return (match ? match[0] : text).trim().toLowerCase().replace(/\s+/g, " ");
}

/** Opening id of a model-written script: a hash of its first sentence, comparable across turns. */
export function llmOpeningId(text: string): string {
  return `llm:${stringHash(openingSentence(text)).toString(36)}`;
}

export interface WriteDjScriptOptions {
  /** The language model from lib/ai's provider registry; null or absent = templates only. */
  model?: LanguageModelHandle | null;
  /** Cancels the model call (the client went away); the templates answer instead. */
  signal?: AbortSignal;
  /**
   * The spend gate (lib/pipeline/spend-gate.ts): asked before the model call, settled after it.
   * When it says no, the templates answer and the script carries the reason.
   */
  gate?: PaidCallGate;
  /** Prices for the estimate and the settled cost (default router/cost-model.ts's table). */
  priceTable?: PriceTable;
}

/** A DJ script, with why the templates wrote it when the gate refused the model. */
export type GatedDjScript = DjScript & { reason?: string };

/**
 * A DJ script for one answer: written by the LLM when `options.model` is given, otherwise (and
 * whenever the model fails, times out, answers empty, repeats the previous opening or writes
 * something findScriptProblems objects to) composed
 * from templates by composeDjScript. Never throws for model faults. The model call has no
 * retries and the handle's deadline (REELCAST_LLM_TIMEOUT_MS).
 */
export async function writeDjScript(request: NarrationRequest, options: WriteDjScriptOptions = {}): Promise<GatedDjScript> {
  const handle = options.model;
  if (!handle || request.items.length === 0) return composeDjScript(request);
  const content = dataMessage({
    request: untrustedText(request.query, 300),
    films: request.items.slice(0, NARRATED_PICKS).map((item) => ({
      title: untrustedText(item.title, 120),
      year: item.year,
      genres: item.genres.slice(0, 3),
      runtimeMinutes: item.runtimeMinutes,
      director: item.directors[0] ?? null,
      reason: item.explanation ? untrustedText(item.explanation.text, 200) : null,
    })),
    moreFilms: Math.max(0, request.items.length - NARRATED_PICKS),
  });
  const promptCharacters = SYSTEM_PROMPT.length + content.length;
  const admission = options.gate
    ? await options.gate({ call: "DJ script", estimatedUsd: estimateCallUsd({ modelId: handle.modelId, promptCharacters, maxOutputTokens: SCRIPT_OUTPUT_TOKENS, priceTable: options.priceTable }) })
    : null;
  if (admission && !admission.allowed) return { ...composeDjScript(request), reason: admission.reason };
  const result = await generateStructured({
    handle,
    schema: scriptSchema,
    schemaName: "dj_script",
    schemaDescription: "The spoken script introducing the films",
    system: SYSTEM_PROMPT,
    messages: [{ role: "user", content }],
    abortSignal: options.signal,
    maxOutputTokens: SCRIPT_OUTPUT_TOKENS,
    temperature: 0.8,
  });
  if (admission?.allowed) {
    admission.permit.report(providerOutcome(result.ok ? null : result.failure));
    const usage = { modelId: handle.modelId, inputTokens: result.ok ? result.inputTokens : undefined, outputTokens: result.ok ? result.outputTokens : undefined, latencyMs: result.latencyMs };
    await admission.permit.settle(actualCost([usage], { priceTable: options.priceTable, fallbackPromptCharacters: promptCharacters }).usd);
  }
  if (!result.ok) return composeDjScript(request);
  const text = modelReason(result.value.script, MAX_SCRIPT_CHARACTERS);
  const openingId = llmOpeningId(text);
  // Empty, the same first line as last time, or clumsy ("a 88-minute", "Heat ,"): the templates
  // guarantee variety and clean phrasing instead.
  const titles = request.items.map((item) => item.title);
  if (text.length < 20 || openingId === request.previousOpeningId || findScriptProblems(text, titles).length > 0) return composeDjScript(request);
  return { text, openingId, source: `llm:${handle.modelId}` };
}
