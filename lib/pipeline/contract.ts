import { z } from "zod";

/** Queries longer than this are refused: no film request needs more, and it bounds work. */
export const MAX_QUERY_CHARACTERS = 2000;

export const routePathSchema = z.enum(["fast", "reasoning"]);
export const routeOverrideSchema = z.enum(["auto", "fast", "reasoning"]);

/** Body of POST /api/recommend and the CLI's options. Unknown fields are ignored. */
export const recommendRequestSchema = z.object({
  query: z
    .string({ error: "query must be a string" })
    .max(MAX_QUERY_CHARACTERS, `query must be at most ${MAX_QUERY_CHARACTERS} characters`)
    .refine((value) => value.trim().length > 0, "query must not be empty"),
  limit: z.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(50, "limit must be at most 50").default(10),
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "sessionId must be 16-64 letters, digits, - or _").optional(),
  route: routeOverrideSchema.default("auto"),
  /** 0 = popular picks, 1 = the least obvious relevant picks (the discovery knob). */
  discovery: z.number().min(0).max(1).optional(),
});

export type RecommendRequest = z.input<typeof recommendRequestSchema>;
export type ParsedRecommendRequest = z.output<typeof recommendRequestSchema>;

export const explanationSchema = z.object({ kind: z.string(), text: z.string() });

export const recommendedItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().nullable(),
  genres: z.array(z.string()),
  runtimeMinutes: z.number().nullable(),
  language: z.string().nullable(),
  directors: z.array(z.string()),
  cast: z.array(z.string()),
  score: z.number(),
  /** The explanation the bandit chose for this item in this slot; null when no bandit runs. */
  explanation: explanationSchema.nullable(),
  /** One-line reason written by the LLM re-ranker (it may only choose among candidates); else null. */
  modelReason: z.string().nullable(),
});

export const routeSchema = z.object({
  path: routePathSchema,
  /** Router complexity score in [0, 1]; null when no router decided (forced or keyword-only). */
  score: z.number().nullable(),
  threshold: z.number().nullable(),
  reasons: z.array(z.string()),
  /** Which reasoner produced the constraints ("offline", "llm:<model>"), null on the fast path. */
  reasoner: z.string().nullable(),
  /** The cost model's estimate before running (0 for the fast path and the offline reasoner). */
  estimatedCostUsd: z.number().nullable(),
  /** The cost model's latency estimate for the chosen path, milliseconds. */
  estimatedLatencyMs: z.number().nullable(),
  /** What the LLM calls actually cost, from the provider's token counts; null when no LLM ran. */
  actualCostUsd: z.number().nullable(),
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  /** Measured time in the pipeline, milliseconds. */
  latencyMs: z.number(),
});

/** A catalog film named in a response outside the cards (references, "did you mean"). */
export const filmReferenceSchema = z.object({ id: z.string(), title: z.string(), year: z.number().nullable() });

/** A stated constraint that was widened or dropped because too few films met it (reasoning path). */
export const relaxationSchema = z.object({
  constraint: z.enum(["years", "runtime", "genres", "language", "people", "unrecorded-data"]),
  how: z.enum(["widened", "any-of", "dropped", "allowed-unknown"]),
  asked: z.string(),
  applied: z.string().nullable(),
  text: z.string(),
});

/** The one response contract of /api/recommend, `npm run ask` and the chat's data parts. */
export const recommendResponseSchema = z.object({
  route: routeSchema,
  constraints: z.record(z.string(), z.unknown()).nullable(),
  items: z.array(recommendedItemSchema),
  /** Constraints widened or dropped to fill the answer, in the order applied; empty when none were. */
  relaxations: z.array(relaxationSchema),
  /** How many candidates met every stated constraint before any relaxation; null on the fast path. */
  metEveryConstraint: z.number().int().nonnegative().nullable(),
  /** Other films that carry the title a lookup asked for (remakes, namesakes), most rated first. */
  didYouMean: z.array(filmReferenceSchema),
  /** The catalog films the request referred to ("like Heat" → Heat (1995)), so a swap is never silent. */
  references: z.array(filmReferenceSchema),
  /** Films the request named that the catalog lacks, with the closest catalog titles. */
  unknownTitles: z.array(z.object({ text: z.string(), didYouMean: z.array(filmReferenceSchema) })),
  narration: z.object({ text: z.string() }).passthrough().nullable(),
  impressionId: z.string().nullable(),
  sessionId: z.string().nullable(),
});

export type RecommendResponse = z.infer<typeof recommendResponseSchema>;
export type RecommendedItem = z.infer<typeof recommendedItemSchema>;
export type RouteInfo = z.infer<typeof routeSchema>;
export type Relaxation = z.infer<typeof relaxationSchema>;
