import { analyseQuery, type QueryAnalysis } from "../lib/language/analyse-query";
import type { CatalogLexicon } from "../lib/language/catalog-lexicon";
import { DEFAULT_ROUTER_THRESHOLD } from "./config";
import { routerFeatures, type RouterFeatures, type RouterSessionContext } from "./features";
import { predictProbability, type LogisticModel } from "./logistic-regression";
import { ROUTER_WEIGHTS } from "./router-weights";

export type RoutePath = "fast" | "reasoning";

export interface RouterContext {
  /** Built once per process from the catalog (lib/language buildCatalogLexicon). */
  lexicon: CatalogLexicon;
  /** The conversation so far; null or absent on a first request. */
  session?: RouterSessionContext | null;
  /** Model to score with; default the committed router/weights.json. */
  model?: LogisticModel;
}

export interface RouteOptions {
  /** Complexity at or above which the request takes the reasoning path; default 0.5. */
  threshold?: number;
}

export interface RouteDecision {
  path: RoutePath;
  /** Complexity: the model's probability that the request needs reasoning, in [0, 1]. */
  score: number;
  threshold: number;
  /** Human-readable, most telling first ("2 hard constraints: decade, runtime", …). */
  reasons: string[];
  /** The analysis the decision read, so the reasoning path need not parse the query twice. */
  analysis: QueryAnalysis;
}

function describe(features: RouterFeatures, analysis: QueryAnalysis, lexicon: CatalogLexicon): string[] {
  const reasons: string[] = [];
  if (features.wholeTitle && analysis.wholeTitle) {
    const item = lexicon.items[analysis.wholeTitle.itemIndex];
    reasons.push(`title lookup: ${item.title}${item.year ? ` (${item.year})` : ""}`);
  }
  if (features.followUp) reasons.push("follow-up to previous answer");
  const uniqueKinds = [...new Set(features.hardKinds)];
  if (features.hardKinds.length > 0) reasons.push(`${features.hardKinds.length} hard constraint${features.hardKinds.length > 1 ? "s" : ""}: ${uniqueKinds.join(", ")}`);
  if (features.negations.length > 0) reasons.push(`negation: ${features.negations.join(", ")}`);
  if (features.vibes.length > 0) reasons.push(`vibe words: ${features.vibes.join(", ")}`);
  if (features.referenceTwist) reasons.push("reference title with a twist");
  else if (features.reference) reasons.push("reference title");
  if (features.people.length > 0) reasons.push(`people: ${features.people.join(", ")}`);
  const genres = analysis.genres.filter((genre) => !genre.negated).flatMap((genre) => genre.genres);
  if (genres.length > 0 && !features.wholeTitle) reasons.push(`genre${genres.length > 1 ? "s" : ""}: ${[...new Set(genres)].join(", ")}`);
  if (analysis.sorts.length > 0) reasons.push(`sort: ${analysis.sorts[0].sort}`);
  return reasons;
}

/**
 * The agentic router: decides whether a request is worth the reasoning path. Reads the query
 * with the shared lexicon (catalog titles and people, years, runtimes, genres, negations, vibe
 * words, follow-up phrases), scores complexity with a small logistic regression and compares it
 * with the threshold. Pure and deterministic: no I/O, no clock, no LLM; well under 1 ms.
 */
export function decideRoute(query: string, context: RouterContext, options: RouteOptions = {}): RouteDecision {
  const threshold = options.threshold ?? DEFAULT_ROUTER_THRESHOLD;
  const analysis = analyseQuery(query, context.lexicon, { fuzzyTitles: false });
  const features = routerFeatures(analysis, context.session ?? null);
  const score = predictProbability(context.model ?? ROUTER_WEIGHTS, features.values);
  const path: RoutePath = score >= threshold ? "reasoning" : "fast";
  const reasons = describe(features, analysis, context.lexicon);
  reasons.push(`complexity ${score.toFixed(2)} ${path === "reasoning" ? "≥" : "<"} threshold ${threshold.toFixed(2)} → ${path}`);
  return { path, score, threshold, reasons, analysis };
}

/** The feature vector of a query, for training and evaluation scripts. */
export function routeFeatureVector(query: string, context: RouterContext): Float64Array {
  const analysis = analyseQuery(query, context.lexicon, { fuzzyTitles: false });
  return routerFeatures(analysis, context.session ?? null).values;
}
