import { z } from "zod";
import { constraintJudgementSchema } from "../reasoning/constraint-verdict";
import { constraintsSchema } from "../reasoning/constraints";

/** Queries longer than this are refused: no film request needs more, and it bounds work. */
const MAX_QUERY_CHARACTERS = 2000;

const routePathSchema = z.enum(["fast", "reasoning"]);
const routeOverrideSchema = z.enum(["auto", "fast", "reasoning"]);

/** Body of POST /api/recommend and the CLI's options. Unknown fields are ignored. */
export const recommendRequestSchema = z.object({
  query: z
    .string({ error: "query must be a string" })
    .max(MAX_QUERY_CHARACTERS, `query must be at most ${MAX_QUERY_CHARACTERS} characters`)
    .refine((value) => value.trim().length > 0, "query must not be empty"),
  limit: z.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(50, "limit must be at most 50").default(10),
  sessionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, "sessionId must be 16-64 letters, digits, - or _")
    .optional(),
  route: routeOverrideSchema.default("auto"),
  /** 0 = popular picks, 1 = the least obvious relevant picks (the discovery knob). */
  discovery: z.number().min(0).max(1).optional(),
  /**
   * The most films a count in the request ("twelve comedies") may ask for; default `limit`, so
   * that a stated count can only lower it. The chat, whose limit is a default, raises it.
   */
  maxCount: z.number({ error: "maxCount must be a number" }).int("maxCount must be a whole number").min(1, "maxCount must be at least 1").max(50, "maxCount must be at most 50").optional(),
});

export type RecommendRequest = z.input<typeof recommendRequestSchema>;
export type ParsedRecommendRequest = z.output<typeof recommendRequestSchema>;

const explanationSchema = z.object({ kind: z.string(), text: z.string() });

/** A stated constraint that was widened or dropped because too few films met it (reasoning path). */
export const relaxationSchema = z.object({
  constraint: z.enum(["years", "runtime", "genres", "language", "people", "unrecorded-data"]),
  how: z.enum(["widened", "any-of", "dropped", "allowed-unknown"]),
  asked: z.string(),
  applied: z.string().nullable(),
  /** A widened range as numbers (years, or minutes for the runtime); null for other steps. */
  range: z.object({ from: z.number().nullable(), to: z.number().nullable() }).nullable(),
  text: z.string(),
});

/**
 * How one film stands against one stated constraint, as the server judged it: hard constraints
 * from the filter's own checks, soft ones (preferences) by the same tests. `relaxation` is the
 * answer's relaxation that admitted the film ("relaxed", or "unknown" when films with unrecorded
 * values were let in); null otherwise.
 */
export const constraintVerdictSchema = constraintJudgementSchema.extend({ relaxation: relaxationSchema.nullable() });

/** Where a card's rating figure comes from: MovieLens (0.5–5 stars) or TMDB votes (0–10). */
export const ratingSchema = z.object({
  source: z.enum(["movielens", "tmdb"]),
  /** The mean, one decimal. */
  value: z.number(),
  outOf: z.union([z.literal(5), z.literal(10)]),
  /** Ratings or votes behind the mean. */
  count: z.number().int().nonnegative(),
});

export const recommendedItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().nullable(),
  genres: z.array(z.string()),
  runtimeMinutes: z.number().nullable(),
  language: z.string().nullable(),
  directors: z.array(z.string()),
  /** Top billed cast, at most five. */
  cast: z.array(z.string()),
  /** TMDB's synopsis; null when the catalog has none. */
  overview: z.string().nullable(),
  /** The figure a film site would show; null when nobody rated the film. */
  rating: ratingSchema.nullable(),
  /** Outbound pages built from the dataset's ids; null when the id is unknown. */
  links: z.object({ imdb: z.string().nullable(), tmdb: z.string().nullable() }),
  /** One verdict per stated constraint (reasoning path); empty when none applied (fast path, previews). */
  verdicts: z.array(constraintVerdictSchema),
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
  /** Developer notes on the decision (router features, budget, provider state); for a details view. */
  reasons: z.array(z.string()),
  /** Why this path, in a few plain words for people ("you named a film", "checked genre, years and what to leave out"). */
  plainReason: z.string(),
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
const filmReferenceSchema = z.object({ id: z.string(), title: z.string(), year: z.number().nullable() });

/**
 * A film "like …" used. `note` is set when the match is a little-known film that is the only one of
 * its name here ("like Parasite" → Parasite (1982)): the person most likely means a film the catalog
 * lacks, and the answer must say which film it used and where the catalog ends, not swap silently.
 */
const referenceFilmSchema = filmReferenceSchema.extend({ note: z.string().nullable().optional() });

/**
 * A title lookup ("blade runner", "Dune 2021"): the film it answered with (the first card), and
 * the year the request named when no film of that title is from it ("Dune 2021" shows Dune (1984)).
 */
const titleLookupSchema = z.object({ film: filmReferenceSchema, askedYear: z.number().int().nullable() });

/** A person the request named, as credited; `excluded` for "without …". */
const namedPersonSchema = z.object({ name: z.string(), role: z.enum(["cast", "director"]), excluded: z.boolean() });

/** The asked-for years against the catalog's: "none" when no catalog film can be from them. */
export const catalogYearsSchema = z.object({
  askedFrom: z.number().int().nullable(),
  askedTo: z.number().int().nullable(),
  earliestYear: z.number().int(),
  latestYear: z.number().int(),
  coverage: z.enum(["none", "partial"]),
});

/** The one response contract of /api/recommend, `npm run ask` and the chat's data parts. */
export const recommendResponseSchema = z.object({
  route: routeSchema,
  /** What the reasoner understood, in the shared constraint schema; null on the fast path. */
  constraints: constraintsSchema.nullable(),
  items: z.array(recommendedItemSchema),
  /** Constraints widened or dropped to fill the answer, in the order applied; empty when none were. */
  relaxations: z.array(relaxationSchema),
  /** How many candidates met every stated constraint before any relaxation; null on the fast path. */
  metEveryConstraint: z.number().int().nonnegative().nullable(),
  /** Other films that carry the title a lookup asked for (remakes, namesakes), most rated first. */
  didYouMean: z.array(filmReferenceSchema),
  /** The catalog films the request referred to ("like Heat" → Heat (1995)), so a swap is never silent. */
  references: z.array(referenceFilmSchema),
  /** Set when the request was one title; null otherwise. */
  lookup: titleLookupSchema.nullable(),
  /** A series the request named by its first words ("harry potter"); its films lead the cards. Null otherwise. */
  series: z.string().nullable(),
  /** People the request named (both paths; the reasoning path's `constraints.people` says how they were applied). */
  people: z.array(namedPersonSchema),
  /** Films the request named that the catalog lacks, with the closest catalog titles. */
  unknownTitles: z.array(z.object({ text: z.string(), didYouMean: z.array(filmReferenceSchema) })),
  /** Set when the years asked for reach past the catalog's films (it ends around 2018); else null. */
  catalogYears: catalogYearsSchema.nullable(),
  impressionId: z.string().nullable(),
  sessionId: z.string().nullable(),
});

export type RecommendResponse = z.infer<typeof recommendResponseSchema>;
export type RecommendedItem = z.infer<typeof recommendedItemSchema>;
export type RouteInfo = z.infer<typeof routeSchema>;
export type Relaxation = z.infer<typeof relaxationSchema>;
export type ConstraintVerdict = z.infer<typeof constraintVerdictSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type CatalogYears = z.infer<typeof catalogYearsSchema>;
