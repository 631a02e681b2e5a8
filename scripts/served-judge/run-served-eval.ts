import { cloneBanditState, createSeededRandom } from "../../lib/bandit";
import { recommend, recommendRequestSchema, type Engine } from "../../lib/pipeline";
import { drawFilms, type DrawnFilm } from "./film-draw";
import { itemIdOf } from "./item-ids";
import { EXCUSED_NEIGHBOURS, judgeAnswer, RELEVANT_NEIGHBOURS, type AskedContext, type ItemMark, type ShownItem } from "./judge-answer";
import { loadJudgeData, type JudgeData } from "./judge-data";
import { SideAccumulator, type SideMetrics } from "./metrics";
import { fillerText, filmsNamed, renderPhrasing, selectPhrasings, type Phrasing, type PhrasingKind } from "./phrasings";
import { checkTargets, type TargetResult } from "./targets";
import { allWords, contentWords, fillerWords as phrasingWords } from "./title-words";
import { seededTypo } from "./typo";
import { typedTitle } from "./typed-title";

export const DEFAULT_SEED = 16;
export const DEFAULT_FILMS = 300;

export interface ServedEvalOptions {
  /** Films drawn (default 300). */
  films?: number;
  /** Seed of the draw, the typos, the session ids and the bandit's randomness (default 16). */
  seed?: number;
  /** Phrasing ids (phrasings.ts), default all of them. */
  phrasings?: readonly string[];
  /** The judge's data; default read from the datasets (loadJudgeData). */
  data?: JudgeData;
  /** Example answers kept per phrasing (the first films drawn), default 3. */
  examples?: number;
  /** Items asked for per request, default 10. */
  limit?: number;
  /**
   * "frozen" (default): every request meets the engine's bandit state as it was when the run
   * began (restored before each request), so the numbers judge that state alone and do not
   * depend on the run's length. "live": the bandit learns from the run's own impressions (no
   * feedback), as a busy server's would; later films then meet a drifted bandit.
   */
  banditLearning?: "frozen" | "live";
  /**
   * Live learning only. Default true: the run learns on a copy of the engine's bandit state, so
   * the caller's engine is the same afterwards. False: the engine's own state learns.
   */
  isolateBandit?: boolean;
  /** Local hour the bandit sees as context (default 20), fixed so runs do not depend on the clock. */
  hourOfDay?: number;
  /** Called after each request (progress for the CLI). */
  onRequest?: (done: number, total: number) => void;
}

export interface ExampleItem {
  id: string;
  title: string;
  year: number | null;
  mark: ItemMark;
}

export interface ServedExample {
  phrasing: string;
  query: string;
  route: "fast" | "reasoning";
  items: ExampleItem[];
}

/** A request that missed its phrasing's asked-for target (lookup: the film not first; reference: a named film shown back). */
export interface TargetMiss {
  query: string;
  /** 1-based rank of the first asked-for film in the answer; null when absent. */
  askedRank: number | null;
  /** The first three titles shown. */
  shown: string[];
}

/** Misses kept per phrasing (the first ones, in request order). */
const KEPT_MISSES = 5;

export interface PhrasingResult {
  id: string;
  kind: PhrasingKind;
  template: string;
  /** The first request of the run in this phrasing. */
  example: string;
  /** Requests made (films for which the phrasing could not be written — a typo needs a word of ≥ 5 letters — are skipped). */
  requests: number;
  skipped: number;
  /** Share of answers the router sent each way. */
  routes: { fast: number; reasoning: number };
  served: SideMetrics;
  /** The first requests that missed the asked-for target (at most 5), for people fixing the pipeline. */
  misses: TargetMiss[];
  /** The served metrics of the first, middle and last third of the films (drift within a live run). */
  servedByThird: SideMetrics[];
  /** The 10 most-liked films (asked ones left out) judged the same way, on the same requests. */
  baseline: SideMetrics;
}

export interface ServedEvalResult {
  seed: number;
  films: number;
  /** Films with ≥ 20 likes the draw chose from, and those left out as lesser namesakes. */
  eligibleFilms: number;
  namesakesLeftOut: number;
  drawn: { movieId: number; title: string }[];
  limit: number;
  banditLearning: "frozen" | "live";
  /** Films whose answers are kept as examples (the first drawn). */
  exampleFilms: number;
  requests: number;
  phrasings: PhrasingResult[];
  targets: TargetResult[];
  pass: boolean;
  examples: ServedExample[];
}

/** The engine the judge asks: shared catalog, indexes and store; its own seeded bandit randomness and clock-free context. */
function judgeEngine(engine: Engine, options: { seed: number; copyState: boolean; hourOfDay: number }): Engine {
  return {
    ...engine,
    hourOfDay: () => options.hourOfDay,
    budget: { ...engine.budget },
    bandit: engine.bandit
      ? {
          catalog: engine.bandit.catalog,
          policy: engine.bandit.policy,
          state: options.copyState ? cloneBanditState(engine.bandit.state) : engine.bandit.state,
          random: createSeededRandom(options.seed),
          // No log follower: the run's impressions apply to `state` directly, in request order.
        }
      : null,
  };
}

/** A session id nobody has used in this store: deterministic for a given seed and store. */
async function freshSessionId(engine: Engine, base: string): Promise<string | undefined> {
  if (!engine.store) return undefined;
  for (let attempt = 0; ; attempt++) {
    const id = attempt === 0 ? base : `${base}-r${attempt}`;
    if (!(await engine.store.getSession(id))) return id;
  }
}

function askedContext(data: JudgeData, films: DrawnFilm[], phrasing: Phrasing, typed: string[]): AskedContext {
  const askedMovieIds = films.map((film) => film.movieId);
  const titleWords = new Set(typed.flatMap((title) => [...contentWords(title)]));
  const inTitles = new Set(typed.flatMap((title) => [...allWords(title)]));
  const fillerWords = new Set([...phrasingWords(fillerText(phrasing))].filter((word) => !inTitles.has(word)));
  return {
    askedMovieIds,
    relevant: data.neighbours.union(askedMovieIds, RELEVANT_NEIGHBOURS),
    excused: data.neighbours.union(askedMovieIds, EXCUSED_NEIGHBOURS),
    titleWords,
    fillerWords,
    askedContent: askedMovieIds.map((movieId) => data.content.ofMovie(movieId)!),
  };
}

/** The popularity baseline's answer: the 10 most-liked films, asked ones left out. */
function popularityAnswer(data: JudgeData, askedMovieIds: number[], limit: number): ShownItem[] {
  const asked = new Set(askedMovieIds);
  return data.mostLiked
    .filter((movieId) => !asked.has(movieId))
    .slice(0, limit)
    .map((movieId) => ({ id: itemIdOf(movieId), title: typedTitle(data.movieLens.films.get(movieId)!.rawTitle) }));
}

/**
 * Asks the engine, through the real pipeline (recommend(), route "auto", a fresh session per
 * request), for `films` films drawn with `seed` under every phrasing, and judges the answers
 * against the raw ratings (and content) read by the judge's own code. Requests go film by film,
 * every phrasing of a film in turn, so (with live learning) bandit drift touches all phrasings
 * alike. Deterministic for a given seed and engine state (catalog, bandit state, store); with
 * the default frozen bandit the engine is left as it was, but for the sessions and impressions
 * the requests add to its store.
 */
export async function runServedEval(engine: Engine, options: ServedEvalOptions = {}): Promise<ServedEvalResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const filmCount = options.films ?? DEFAULT_FILMS;
  const limit = options.limit ?? 10;
  const exampleFilms = options.examples ?? 3;
  if (!Number.isInteger(filmCount) || filmCount < 2) throw new Error("eval:served: films must be an integer ≥ 2");
  const data = options.data ?? loadJudgeData();
  const phrasings = selectPhrasings(options.phrasings);
  const drawn = drawFilms(data.pool, filmCount, seed);
  const banditLearning = options.banditLearning ?? "frozen";
  const asker = judgeEngine(engine, { seed, copyState: banditLearning === "frozen" || (options.isolateBandit ?? true), hourOfDay: options.hourOfDay ?? 20 });
  const startState = banditLearning === "frozen" && asker.bandit ? cloneBanditState(asker.bandit.state) : null;

  const perPhrasing = phrasings.map((phrasing) => ({
    phrasing,
    example: "",
    requests: 0,
    skipped: 0,
    fast: 0,
    misses: [] as TargetMiss[],
    served: new SideAccumulator(),
    servedByThird: [new SideAccumulator(), new SideAccumulator(), new SideAccumulator()],
    baseline: new SideAccumulator(),
  }));
  const examples: ServedExample[] = [];
  const total = drawn.length * phrasings.length;
  let done = 0;
  for (const [filmIndex, film] of drawn.entries()) {
    const next = drawn[(filmIndex + 1) % drawn.length];
    const typo = seededTypo(film.title, seed, String(film.movieId));
    for (const [phrasingIndex, state] of perPhrasing.entries()) {
      const { phrasing } = state;
      const query = renderPhrasing(phrasing, { x: film.title, xTypo: typo?.text ?? null, y: next.title });
      done++;
      if (query === null) {
        state.skipped++;
        options.onRequest?.(done, total);
        continue;
      }
      const askedFilms = filmsNamed(phrasing) === 2 ? [film, next] : [film];
      const typed = [...askedFilms.map((asked) => asked.title), ...(phrasing.template.includes("{X~}") && typo ? [typo.text] : [])];
      const context = askedContext(data, askedFilms, phrasing, typed);
      const sessionId = await freshSessionId(asker, `served-${banditLearning}-s${seed}-f${String(filmIndex).padStart(4, "0")}-p${String(phrasingIndex).padStart(2, "0")}`);
      if (startState && asker.bandit) asker.bandit.state = cloneBanditState(startState);
      const response = await recommend(recommendRequestSchema.parse({ query, route: "auto", limit, sessionId }), asker);
      const judgement = judgeAnswer(response.items, context, data.content);
      state.served.add(judgement);
      state.servedByThird[Math.floor((3 * filmIndex) / drawn.length)].add(judgement);
      state.baseline.add(judgeAnswer(popularityAnswer(data, context.askedMovieIds, limit), context, data.content));
      state.requests++;
      if (response.route.path === "fast") state.fast++;
      if (state.example === "") state.example = query;
      const missed = phrasing.kind === "lookup" ? !judgement.askedFirst : judgement.askedShown;
      if (missed && state.misses.length < KEPT_MISSES) {
        const rank = judgement.marks.indexOf("asked");
        state.misses.push({ query, askedRank: rank === -1 ? null : rank + 1, shown: response.items.slice(0, 3).map((item) => item.title) });
      }
      if (filmIndex < exampleFilms) {
        examples.push({
          phrasing: phrasing.id,
          query,
          route: response.route.path,
          items: response.items.map((item, index) => ({ id: item.id, title: item.title, year: item.year, mark: judgement.marks[index] })),
        });
      }
      options.onRequest?.(done, total);
    }
  }

  const results: PhrasingResult[] = perPhrasing.map((state) => ({
    id: state.phrasing.id,
    kind: state.phrasing.kind,
    template: state.phrasing.template,
    example: state.example,
    requests: state.requests,
    skipped: state.skipped,
    routes: { fast: state.requests === 0 ? 0 : state.fast / state.requests, reasoning: state.requests === 0 ? 0 : 1 - state.fast / state.requests },
    served: state.served.metrics(),
    misses: state.misses,
    servedByThird: state.servedByThird.map((third) => third.metrics()),
    baseline: state.baseline.metrics(),
  }));
  const targets = checkTargets(results);
  return {
    seed,
    films: drawn.length,
    eligibleFilms: data.pool.eligible.length,
    namesakesLeftOut: data.pool.namesakes.length,
    drawn: drawn.map((film) => ({ movieId: film.movieId, title: film.title })),
    limit,
    banditLearning,
    exampleFilms: Math.min(exampleFilms, drawn.length),
    requests: results.reduce((sum, result) => sum + result.requests, 0),
    phrasings: results,
    targets,
    pass: targets.every((target) => target.pass),
    examples: examples.sort((left, right) => phrasings.findIndex((phrasing) => phrasing.id === left.phrasing) - phrasings.findIndex((phrasing) => phrasing.id === right.phrasing)),
  };
}
