import { decideRoute, estimateRouteCost, actualCost, type ActualCost } from "../../router";
import { applyConstraintsWithCatalogFallback, CANDIDATES_PER_LIST, constraintFacts, describeConstraints, gatherCandidates, rerankWithLlm, type Constraints } from "../reasoning";
import { retrieveFast } from "../retrieval/fast-path";
import type { SparseFilmSupport } from "../retrieval/reference-neighbours";
import type { BanditContext } from "../bandit";
import type { ConstraintVerdict, ParsedRecommendRequest, RecommendResponse, RouteInfo } from "./contract";
import { catalogYearsFor, constraintVerdicts } from "./constraint-verdicts";
import type { Engine } from "./engine";
import { littleKnownReferenceNote } from "./little-known-reference";
import { movedNeighbours } from "./moved-neighbours";
import { presentItem } from "./present-item";
import { plainRouteReason } from "./route-words";
import { providerOutcome } from "../ai";
import { providerSkipReason } from "./spend-gate";
import { reasonStep, RERANK_CANDIDATES } from "./reason-step";
import { recordStep } from "./record-step";
import { servingRecord } from "./serving-record";
import { hiddenItems, loadSession, sessionTaste, turnUpdate, type Rerun, type SessionTaste } from "./session-step";
import { understandRequest } from "./understand-step";
import type { TitleIntent } from "../language";
import type { Provenance } from "../catalog/provenance";
import { slatePoolSize, slateStep, type RankedCandidate } from "./slate-step";

export interface RecommendOptions {
  /**
   * Called with a provisional answer before the final one: the fast candidates while an LLM
   * reasons (route.path "reasoning", no impression). Not called when nothing slow runs.
   */
  onProgress?: (partial: RecommendResponse) => void;
  /** Aborted when the client goes away; passed to LLM calls. */
  signal?: AbortSignal;
  /** Answer an earlier request again (regenerate, or its next page) from the session it was made from. */
  rerun?: Rerun;
  /** The client address (lib/server/client-address.ts) whose share of the budgets this request spends; null or absent = none. */
  client?: string | null;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

function fastCandidates(engine: Engine, request: ParsedRecommendRequest, taste: SessionTaste, intent: TitleIntent, poolSize: number, hidden: readonly number[]) {
  return retrieveFast(
    {
      query: request.query,
      limit: poolSize,
      titles: { lookup: intent.lookup, series: intent.series, references: intent.references, excluded: [...intent.excluded, ...hidden] },
      discovery: request.discovery,
      userVector: taste.userVector,
      likedItems: [...taste.liked, ...taste.interested],
      exclude: new Set(taste.disliked),
    },
    { keyword: engine.keywordSearch, cf: engine.cf, popularity: engine.popularity, sparseSupport: sparseSupportOf(engine) },
  );
}

/** Text neighbours through the engine's text search, for films with few fans here (none without text search). */
function sparseSupportOf(engine: Engine): SparseFilmSupport | undefined {
  const search = engine.textSearch;
  if (!search) return undefined;
  return {
    textNeighbours: (itemIndex, k) => [...search.itemNeighbours(itemIndex, k + 1)],
    ratingCount: (itemIndex) => engine.catalog.items[itemIndex].ratingCount,
  };
}

/** The film among `pulls` closest to `itemIndex` in CF space: the one a session-taste pick came from. */
function nearestOf(engine: Engine, pulls: readonly number[], itemIndex: number): number | null {
  const cf = engine.cf;
  if (!cf || pulls.length === 0) return null;
  const dimensions = cf.dimensions;
  let best: number | null = null;
  let bestScore = -Infinity;
  for (const pull of pulls) {
    let score = 0;
    for (let dimension = 0; dimension < dimensions; dimension++) score += cf.itemVectors[itemIndex * dimensions + dimension] * cf.itemVectors[pull * dimensions + dimension];
    if (score > bestScore) {
      bestScore = score;
      best = pull;
    }
  }
  return best;
}

/**
 * A session-taste pick's provenance: the nearest film the person liked when that is what pulled
 * it, else the taste as a whole (a "more like this" click is interest, not a like).
 */
function sessionProvenance(engine: Engine, taste: SessionTaste, itemIndex: number): { provenance: Provenance; becauseOf: number | null } {
  const nearest = nearestOf(engine, [...taste.liked, ...taste.interested], itemIndex);
  if (nearest !== null && taste.liked.includes(nearest)) return { provenance: { kind: "neighbour-of-like", itemIndex: nearest }, becauseOf: nearest };
  return { provenance: { kind: "session-taste" }, becauseOf: null };
}

function banditContext(engine: Engine, input: { taste: SessionTaste; constraints: Constraints | null; path: "fast" | "reasoning"; turns: number; sessionId: string | null }): BanditContext {
  const constraints = input.constraints;
  return {
    likedItemIndexes: input.taste.liked,
    constraints: {
      runtimeMaxMinutes: constraints?.runtime?.maxMinutes ?? null,
      genres: constraints?.includeGenres.map((entry) => entry.genre) ?? [],
      moodText: constraints?.mood ?? null,
    },
    path: input.path,
    hourOfDay: engine.hourOfDay(),
    sessionTurns: input.turns,
    userKey: input.sessionId,
  };
}

/**
 * The one pipeline behind /api/recommend, /api/chat and `npm run ask`. The session is loaded;
 * the router picks the path (or the request forces one); the fast path fuses keyword, title, CF
 * and session-taste lists; the reasoning path turns the request into constraints (LLM within
 * budget, else the offline reasoner), gathers candidates (keyword, CF neighbours of references,
 * semantic neighbours of the mood, a catalog scan), applies the constraints and optionally lets
 * the LLM re-rank; the bandit then chooses order and explanations, the impression is stored with
 * its propensities and the turn is remembered for follow-ups.
 */
export async function recommend(request: ParsedRecommendRequest, engine: Engine, options: RecommendOptions = {}): Promise<RecommendResponse> {
  const started = engine.now();
  const sessionId = request.sessionId ?? (engine.store ? engine.newSessionId() : null);
  const session = await loadSession(engine, sessionId, options.rerun);
  const taste = sessionTaste(engine, session);
  const decision =
    request.route === "auto" ? decideRoute(request.query, { lexicon: engine.lexicon, session: { hasPreviousAnswer: session.lastItemIds.length > 0 } }, { threshold: engine.routerThreshold }) : null;
  let path = decision?.path ?? (request.route === "reasoning" ? "reasoning" : "fast");
  const reasons = decision ? [...decision.reasons] : [`path forced by the request: ${path}`];
  const { intent, analysis } = understandRequest(engine, request.query, decision?.analysis ?? null);
  // How many cards: a count the request states ("three films") lowers the limit, and raises it up to maxCount.
  const statedCount = analysis.counts[0]?.count ?? null;
  const cardsFor = (count: number | null) => (count === null ? request.limit : Math.max(1, Math.min(count, Math.max(request.limit, request.maxCount ?? request.limit))));
  const statedLikes = intent.statedLikes.map((itemIndex) => engine.catalog.items[itemIndex].id);
  if (intent.lookup && decision?.analysis.wholeTitle && decision.analysis.wholeTitle.itemIndex !== intent.lookup.itemIndex) {
    // A year in the request chose another film of that title than the router read.
    const chosen = engine.catalog.items[intent.lookup.itemIndex];
    const index = reasons.findIndex((reason) => reason.startsWith("title lookup:"));
    if (index >= 0) reasons[index] = `title lookup: ${chosen.title}${chosen.year === null ? "" : ` (${chosen.year})`}`;
  }
  const film = (itemIndex: number) => {
    const item = engine.catalog.items[itemIndex];
    return { id: item.id, title: item.title, year: item.year };
  };
  for (const unknown of intent.unknown) reasons.push(`not in the catalog: ${unknown.text} (its films go up to ${engine.lexicon.latestYear})`);
  if (statedLikes.length > 0) reasons.push(`counted as liked this session: ${intent.statedLikes.map((itemIndex) => engine.catalog.items[itemIndex].title).join(", ")}`);
  if (taste.liked.length > 0 || taste.disliked.length > 0) reasons.push(`session taste: ${taste.liked.length} liked, ${taste.disliked.length} disliked`);
  // Liked and seen films are not suggested again this session (unless asked for by name), nor what earlier pages showed.
  const hidden = hiddenItems(engine, taste, intent, options.rerun);
  const hiddenSet = new Set(hidden);
  if (hidden.length > 0) reasons.push(`not shown again: ${hidden.length} liked, seen or already on an earlier page`);

  let estimate = estimateRouteCost({ path: "fast", reasoner: "offline", modelId: "", promptCharacters: 0 });
  let actual: ActualCost | null = null;
  let constraints: Constraints | null = null;
  let reasoner: string | null = null;
  let candidates: RankedCandidate[] = [];
  let didYouMean: number[] = [];
  let relaxations: RecommendResponse["relaxations"] = [];
  let metEveryConstraint: number | null = null;
  const modelReasons = new Map<number, string>();
  const verdictsOf = new Map<number, ConstraintVerdict[]>();
  let budgetFallback = false;
  const disliked = new Set(taste.disliked);

  const route = (): RouteInfo => ({
    path,
    score: decision ? round(decision.score, 3) : null,
    threshold: decision?.threshold ?? null,
    reasons,
    plainReason: plainRouteReason({
      path,
      forced: decision === null,
      budgetFallback,
      titleLookup: intent.lookup !== null,
      followUp: path === "reasoning" && session.lastItemIds.length > 0 && analysis.followUps.length > 0,
      analysis,
    }),
    reasoner,
    estimatedCostUsd: round(estimate.usd, 6),
    estimatedLatencyMs: estimate.latencyMs,
    actualCostUsd: actual ? round(actual.usd, 6) : null,
    inputTokens: actual?.inputTokens ?? null,
    outputTokens: actual?.outputTokens ?? null,
    latencyMs: round(engine.now() - started, 2),
  });

  if (path === "reasoning") {
    if (options.onProgress && engine.llm.handle) {
      // The LLM takes hundreds of milliseconds: show the fast candidates meanwhile.
      const preview = fastCandidates(engine, request, taste, intent, cardsFor(statedCount), hidden);
      options.onProgress({
        route: { ...route(), reasons: [...reasons, "fast candidates shown while the reasoner works"] },
        constraints: null,
        items: preview.items.map((hit) => presentItem(engine.catalog.items[hit.itemIndex], hit.score, null)),
        relaxations: [],
        metEveryConstraint: null,
        didYouMean: [],
        references: [],
        lookup: null,
        series: null,
        people: [],
        unknownTitles: [],
        catalogYears: null,
        impressionId: null,
        sessionId,
      });
    }
    const step = await reasonStep(engine, { query: request.query, session, sessionId, client: options.client ?? null, signal: options.signal, complexity: decision?.score ?? null });
    reasons.push(...step.reasons);
    estimate = step.estimate;
    actual = step.actual;
    if (step.use === "fast" || !step.constraints) {
      path = "fast";
      budgetFallback = step.use === "fast";
    } else {
      reasoner = step.reasoner;
      constraints = request.discovery === undefined ? step.constraints : { ...step.constraints, discovery: request.discovery };
      const wanted = cardsFor(constraints.count ?? statedCount);
      // "not stupid" must not search for stupid films: negated words leave the semantic query.
      const moodQuery =
        constraints.mood
          ?.replace(/\b(?:not|no|nothing|without)\s+\w+/gi, "")
          .replace(/\s+/g, " ")
          .trim() ?? "";
      const semanticHits = engine.textSearch && moodQuery ? (await engine.textSearch.searchText(moodQuery, CANDIDATES_PER_LIST, disliked)).map((hit) => hit.itemIndex) : null;
      const gathered = gatherCandidates(moodQuery === (constraints.mood ?? "") ? constraints : { ...constraints, mood: moodQuery || null }, {
        items: engine.catalog.items,
        keyword: engine.keywordSearch,
        cf: engine.cf,
        popularity: engine.popularity,
        indexOf: engine.catalog.indexOf,
        sparseSupport: sparseSupportOf(engine),
        ...(semanticHits ? { semanticSearch: () => semanticHits } : {}),
        movedNeighbours: movedNeighbours(engine, disliked),
      });
      if (constraints.mood && !engine.textSearch && engine.textSearchUnavailable) reasons.push(`semantic search off: ${engine.textSearchUnavailable}`);
      const applied = applyConstraintsWithCatalogFallback(
        gathered.candidates.filter((candidate) => !disliked.has(candidate.itemIndex) && !hiddenSet.has(candidate.itemIndex)),
        engine.catalog.items,
        constraints,
        { limit: Math.max(wanted, step.rerank ? RERANK_CANDIDATES : 0, slatePoolSize(wanted)), fallbackBelow: wanted, popularity: engine.popularity, directionScores: engine.contentDirections.scores },
      );
      // The re-ranker and the bandit choose only among films that meet every constraint as
      // stated; when too few do, the answer is exactly the first `wanted` (relaxed ones last).
      const relaxedNeeded = applied.items.length < wanted || applied.items[wanted - 1].relaxationLevel > 0;
      const compliant = relaxedNeeded ? applied.items.slice(0, wanted) : applied.items.filter((item) => item.relaxationLevel === 0);
      reasons.push(...describeConstraints(constraints), ...(relaxedNeeded ? applied.relaxations : []));
      metEveryConstraint = applied.strictCount;
      if (relaxedNeeded) relaxations = applied.relaxed;
      for (const item of compliant) verdictsOf.set(item.itemIndex, constraintVerdicts(engine.catalog.items[item.itemIndex], item, constraints, relaxations));
      // Relevance by rank: the applied order (stated constraints first) is what the bandit starts from.
      const provenanceOf = (itemIndex: number): Provenance[] => {
        const facts = constraintFacts(engine.catalog.items[itemIndex], constraints!);
        return [...(facts.length > 0 ? [{ kind: "constraints" as const, described: facts }] : []), ...(gathered.provenance.get(itemIndex) ?? [])];
      };
      candidates = compliant.map((item, rank) => ({ itemIndex: item.itemIndex, score: 1 - rank / compliant.length, provenance: provenanceOf(item.itemIndex) }));
      // The reasoner's permit covers the re-rank; only the breaker may still say no (the reasoner's call just failed).
      const rerankSkipped = step.rerank && engine.llm.handle && candidates.length > 1 ? providerSkipReason(engine, "re-rank") : null;
      if (rerankSkipped) reasons.push(rerankSkipped);
      else if (step.rerank && engine.llm.handle && candidates.length > 1) {
        const rerankStarted = engine.now();
        const pool = candidates.slice(0, RERANK_CANDIDATES);
        const reranked = await rerankWithLlm({
          handle: engine.llm.handle,
          request: request.query,
          candidates: pool.map((candidate) => engine.catalog.items[candidate.itemIndex]),
          count: pool.length,
          abortSignal: options.signal,
          now: engine.now,
        });
        step.permit?.report(providerOutcome(reranked.ok ? null : reranked.failure));
        const usage = {
          modelId: engine.llm.handle.modelId,
          inputTokens: reranked.ok ? reranked.inputTokens : undefined,
          outputTokens: reranked.ok ? reranked.outputTokens : undefined,
          latencyMs: engine.now() - rerankStarted,
        };
        const rerankCost = actualCost([usage], { priceTable: engine.llm.priceTable });
        actual = actual
          ? {
              ...actual,
              inputTokens: actual.inputTokens + rerankCost.inputTokens,
              outputTokens: actual.outputTokens + rerankCost.outputTokens,
              usd: actual.usd + rerankCost.usd,
              latencyMs: actual.latencyMs + rerankCost.latencyMs,
              estimated: actual.estimated || rerankCost.estimated,
            }
          : rerankCost;
        if (reranked.ok) {
          const byId = new Map(pool.map((candidate) => [engine.catalog.items[candidate.itemIndex].id, candidate]));
          const picked = reranked.picks.map((pick) => byId.get(pick.id)!);
          reranked.picks.forEach((pick) => modelReasons.set(byId.get(pick.id)!.itemIndex, pick.reason));
          const rest = candidates.filter((candidate) => !modelReasons.has(candidate.itemIndex));
          // The model's order becomes the relevance the bandit starts from.
          const ordered = [...picked, ...rest];
          candidates = ordered.map((candidate, rank) => ({ itemIndex: candidate.itemIndex, score: 1 - rank / ordered.length, provenance: candidate.provenance }));
          reasons.push(`LLM re-ranked the top ${pool.length}${reranked.discardedIds.length > 0 ? `, ignoring ${reranked.discardedIds.length} id(s) outside the candidates` : ""}`);
        } else {
          engine.observer?.fellBack("re_rank", reranked.failure.kind);
          reasons.push(`LLM re-rank skipped: ${reranked.failure.message}`);
        }
      }
    }
    // The ledger held the estimate while the calls ran; from here it holds what they cost.
    const unsettled = await step.permit?.settle(actual?.usd ?? 0);
    if (unsettled) reasons.push(unsettled);
  }

  if (path === "fast") {
    const fast = fastCandidates(engine, request, taste, intent, slatePoolSize(cardsFor(statedCount)), hidden);
    reasons.push(...fast.reasons);
    if (intent.lookup?.unmatchedYear) {
      const shown = engine.catalog.items[intent.lookup.itemIndex];
      reasons.push(`no ${shown.title} from ${intent.lookup.unmatchedYear} in the catalog: showing the ${shown.year ?? "undated"} film`);
    }
    didYouMean = fast.namesakes;
    candidates = fast.items.map((hit) => {
      const provenance = [...hit.provenance];
      let becauseOfItemIndex: number | null = null;
      const tasteIndex = provenance.findIndex((entry) => entry.kind === "session-taste");
      if (tasteIndex >= 0) {
        const session = sessionProvenance(engine, taste, hit.itemIndex);
        provenance[tasteIndex] = session.provenance;
        becauseOfItemIndex = session.becauseOf;
      }
      return { itemIndex: hit.itemIndex, score: hit.score, becauseOfItemIndex, provenance, pinned: hit.itemIndex === fast.asked };
    });
  }

  const limit = cardsFor(constraints?.count ?? statedCount);
  const slate = await slateStep(engine, {
    candidates,
    limit,
    context: banditContext(engine, { taste, constraints, path, turns: session.turns + 1, sessionId }),
    sessionId,
    // A title lookup is navigational: the film asked for is pinned on top.
    explore: true,
  });
  if (slate.policy) reasons.push(`order and explanations: ${slate.policy}`);
  const items = slate.items.map((shown) =>
    presentItem(engine.catalog.items[shown.itemIndex], shown.score, shown.explanation, modelReasons.get(shown.itemIndex) ?? null, verdictsOf.get(shown.itemIndex) ?? []),
  );
  // The years asked for, even when the fast path answered ("blade runner from 2022").
  // A year only a title lookup read ("Dune 2021") is asked-for years too.
  const lookupYear = intent.lookup?.unmatchedYear ?? null;
  const askedYears = constraints?.years ?? (analysis.years[0] ? { from: analysis.years[0].from, to: analysis.years[0].to } : lookupYear !== null ? { from: lookupYear, to: lookupYear } : null);
  // One transaction: the impression and the session's turn.
  const impressionId = await recordStep(engine, {
    impression: slate.impression,
    chosenSlots: slate.chosenSlots,
    session: sessionId === null ? null : { id: sessionId, update: turnUpdate({ request: request.query, constraints, itemIds: items.map((item) => item.id), statedLikes }, options.rerun) },
    serving: servingRecord({ reasoner, budgetFallback, llmCalled: actual !== null, llmConfigured: engine.llm.handle !== null, latencyMs: engine.now() - started }),
  });
  const response: RecommendResponse = {
    route: route(),
    constraints,
    items,
    relaxations,
    metEveryConstraint,
    didYouMean: didYouMean.map(film),
    references: intent.references.map((itemIndex) => ({ ...film(itemIndex), note: littleKnownReferenceNote(engine, itemIndex) })),
    lookup: intent.lookup ? { film: film(intent.lookup.itemIndex), askedYear: intent.lookup.unmatchedYear } : null,
    series: intent.series?.name ?? null,
    people: analysis.people.map((mention) => ({
      name: mention.person.name,
      role: mention.role === "any" ? (mention.person.directed > mention.person.acted ? "director" : "cast") : mention.role,
      excluded: mention.negated !== null,
    })),
    unknownTitles: intent.unknown.map((unknown) => ({ text: unknown.text, didYouMean: unknown.didYouMean.map(film) })),
    catalogYears: catalogYearsFor(engine.catalog.items, askedYears),
    impressionId,
    sessionId,
  };
  engine.observer?.answered(response);
  return response;
}
