/**
 * eval:pacing — spend pacing on a replayed day of reasoning requests, against today's
 * ceiling-only behaviour at the same hourly ceiling.
 *
 *   npm run eval:pacing                   markdown; writes docs/EVALUATION.md "## Spend pacing (eval:pacing)"
 *   npm run eval:pacing -- --json         machine-readable results only (writes nothing)
 *   npm run eval:pacing -- --seed 7 --target 3 --peak-demand 3 --llm-recovers 0.5
 *
 * The day: reasoning requests arrive on a diurnal curve (Poisson per minute, fixed seed), each one
 * of the router evaluation's labelled queries that the router sends to reasoning
 * (tests/fixtures/router-queries.json, drawn uniformly), with its complexity score from
 * decideRoute and its LLM cost from the cost model (router/cost-model.ts: the reasoner prompt as
 * reason-step builds it plus the re-rank, at the default model's list price). The peak hour's
 * demand is `--peak-demand` times the hourly ceiling (default 3), so the ceiling binds for most
 * of the day.
 *
 * Quality proxy: the router evaluation's (scripts/support/router-answer-quality.ts) on the
 * answer the pipeline serves on the reasoning path with the offline reasoner. No LLM answers here
 * (no provider is reachable from this machine), so an LLM answer's quality is an assumption,
 * stated in the report: it recovers `--llm-recovers` (default 0.5) of the offline answer's
 * shortfall from 1 on that query. Which requests the LLM helps therefore comes from measured
 * per-query shortfalls; how much it helps is the assumption.
 */
import { parseArgs } from "node:util";
import { GENRES } from "../lib/catalog/genres";
import { DEFAULT_PACING, type PacingConfig } from "../lib/pacing";
import { recommend } from "../lib/pipeline";
import { RERANK_CANDIDATES, RERANK_CHARACTERS_PER_CANDIDATE } from "../lib/pipeline/reason-step";
import { reasonerPrompt } from "../lib/reasoning";
import { createEngine } from "../lib/server/engine-singleton";
import { openSqliteStore } from "../lib/store";
import { createSeededRandom } from "../lib/bandit";
import { DEFAULT_BUDGET, DEFAULT_ROUTER_THRESHOLD, decideRoute, estimateRouteCost } from "../router";
import { replaceMarkdownSection } from "./support/markdown-section";
import { describeRun, runContext } from "./support/run-context";
import { replayDay, type ReplayRequest, type ReplayResult } from "./support/pacing-replay";
import { routerAnswerQuality } from "./support/router-answer-quality";
import { loadRouterQueries, type RouterQuery } from "./support/router-fixture";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    seed: { type: "string", default: "2026" },
    target: { type: "string", default: "3" },
    "peak-demand": { type: "string", default: "3" },
    "llm-recovers": { type: "string", default: "0.5" },
    model: { type: "string", default: "gpt-4o-mini" },
  },
});
const seed = Number(values.seed);
const targetUsdPerHour = Number(values.target);
const peakDemand = Number(values["peak-demand"]);
const llmRecovers = Number(values["llm-recovers"]);
const modelId = values.model;
const HOUR = 3_600_000;
const budget = { ...DEFAULT_BUDGET };
// Date, commit and machine of this run, read as it starts.
const context = runContext();
const started = performance.now();

/**
 * Relative reasoning traffic per hour of the day (local time), a streaming service's evening
 * shape: the night's trough at 4–5 h, a midday plateau, the peak at 20 h. A shape to replay, not a
 * measurement; the minutes between hours are interpolated.
 */
const DIURNAL = [0.45, 0.28, 0.17, 0.11, 0.08, 0.08, 0.12, 0.2, 0.3, 0.38, 0.45, 0.52, 0.58, 0.6, 0.6, 0.62, 0.66, 0.72, 0.82, 0.93, 1.0, 0.97, 0.83, 0.63];
const diurnal = (minute: number) => {
  const hour = minute / 60;
  const low = Math.floor(hour) % 24;
  const fraction = hour - Math.floor(hour);
  return DIURNAL[low] * (1 - fraction) + DIURNAL[(low + 1) % 24] * fraction;
};

// 1. The reasoning queries: score, cost, and the quality of the offline answer.
const engine = await createEngine({ store: openSqliteStore({ path: ":memory:" }), seed, environment: {} });
const contextOf = (query: RouterQuery) => ({ lexicon: engine.lexicon, session: { hasPreviousAnswer: query.context !== undefined } });
const reasoningQueries = loadRouterQueries().filter((query) => decideRoute(query.query, contextOf(query)).score >= DEFAULT_ROUTER_THRESHOLD);
const items = engine.catalog.items;

async function offlineQuality(query: RouterQuery): Promise<number | null> {
  let sessionId: string | undefined;
  if (query.context) {
    sessionId = `evalpacing${String(query.id).padStart(8, "0")}`;
    await recommend({ query: query.context.previousQuery, limit: 10, route: "reasoning", sessionId }, engine);
  }
  const response = await recommend({ query: query.query, limit: 10, route: "reasoning", sessionId }, engine);
  return routerAnswerQuality(
    query,
    response.items.map((item) => items[engine.catalog.indexOf.get(item.id)!]),
  );
}

function llmUsd(query: RouterQuery): number {
  const prompt = reasonerPrompt({
    request: query.query,
    session: { previousConstraints: null, liked: [], disliked: [], previousRequests: query.context ? [query.context.previousQuery] : [] },
    currentYear: engine.currentYear,
    genres: GENRES,
  });
  return estimateRouteCost({
    path: "reasoning",
    reasoner: "llm",
    modelId,
    promptCharacters: prompt.system.length + prompt.content.length,
    rerank: { promptCharacters: RERANK_CANDIDATES * RERANK_CHARACTERS_PER_CANDIDATE, picks: RERANK_CANDIDATES },
  }).usd;
}

interface Profile {
  query: RouterQuery;
  score: number;
  usd: number;
  offline: number | null;
  llm: number | null;
}
const profiles: Profile[] = [];
for (const query of reasoningQueries) {
  const offline = await offlineQuality(query);
  profiles.push({ query, score: decideRoute(query.query, contextOf(query)).score, usd: llmUsd(query), offline, llm: offline === null ? null : offline + llmRecovers * (1 - offline) });
}
const meanUsd = profiles.reduce((sum, profile) => sum + profile.usd, 0) / profiles.length;

// Does the score say where the LLM can help? The offline answer's measured shortfall by score half.
const judged = profiles.filter((profile) => profile.offline !== null).sort((a, b) => a.score - b.score);
const half = Math.floor(judged.length / 2);
const shortfall = (list: Profile[]) => list.reduce((sum, profile) => sum + (1 - profile.offline!), 0) / Math.max(1, list.length);
const shortfallLow = shortfall(judged.slice(0, half));
const shortfallHigh = shortfall(judged.slice(half));

// 2. The day: Poisson arrivals per minute on the diurnal curve, queries drawn uniformly.
const random = createSeededRandom(seed);
const peakPerHour = (peakDemand * budget.globalUsdPerWindow) / meanUsd;
function poisson(mean: number): number {
  // Knuth's method in chunks of 30 (e^-30 stays well inside float range).
  let count = 0;
  for (let remaining = mean; remaining > 0; remaining -= 30) {
    const limit = Math.exp(-Math.min(30, remaining));
    let product = random();
    while (product > limit) {
      count += 1;
      product *= random();
    }
  }
  return count;
}
const requests: Array<ReplayRequest & { profile: Profile }> = [];
for (let minute = 0; minute < 24 * 60; minute++) {
  const arrivals = poisson((peakPerHour * diurnal(minute)) / 60);
  const times = Array.from({ length: arrivals }, () => (minute + random()) * 60_000).sort((a, b) => a - b);
  for (const at of times) {
    const profile = profiles[Math.floor(random() * profiles.length)];
    requests.push({ at, score: profile.score, usd: profile.usd, profile });
  }
}

// 3. Replays: ceiling only (today), paced at the target, and paced at the target that spends what the ceiling-only day spent.
const pacingAt = (target: number): PacingConfig => ({ ...DEFAULT_PACING, targetUsdPerHour: target, budgetWindowMs: budget.windowMs });
const spendOf = (result: ReplayResult) => requests.reduce((sum, request, index) => sum + (result.llm[index] ? request.usd : 0), 0);
const ceilingOnly = replayDay(requests, budget, null);
const paced = replayDay(requests, budget, pacingAt(targetUsdPerHour));
const ceilingSpend = spendOf(ceilingOnly);
let low = 0.05;
let high = budget.globalUsdPerWindow;
let matched = replayDay(requests, budget, pacingAt(high));
for (let round = 0; round < 12; round++) {
  const middle = (low + high) / 2;
  const trial = replayDay(requests, budget, pacingAt(middle));
  if (spendOf(trial) > ceilingSpend) high = middle;
  else {
    low = middle;
    matched = trial;
  }
}
const matchedTarget = low;

// 4. Figures per slot and for the day.
interface Slot {
  requests: number;
  usd: number;
  llm: number;
  qualitySum: number;
  judged: number;
}
const SLOT_HOURS = 2;
function slots(result: ReplayResult): Slot[] {
  const table = Array.from({ length: 24 / SLOT_HOURS }, () => ({ requests: 0, usd: 0, llm: 0, qualitySum: 0, judged: 0 }));
  requests.forEach((request, index) => {
    const slot = table[Math.min(table.length - 1, Math.floor(request.at / (SLOT_HOURS * HOUR)))];
    slot.requests += 1;
    const quality = result.llm[index] ? request.profile.llm : request.profile.offline;
    if (result.llm[index]) {
      slot.usd += request.usd;
      slot.llm += 1;
    }
    if (quality !== null) {
      slot.qualitySum += quality;
      slot.judged += 1;
    }
  });
  return table;
}
const clockTime = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
function day(result: ReplayResult) {
  let usd = 0;
  let llm = 0;
  let qualitySum = 0;
  let judgedCount = 0;
  let topQuartileLlm = 0;
  let topQuartile = 0;
  const quartileBar = [...profiles.map((profile) => profile.score)].sort((a, b) => a - b)[Math.floor(profiles.length * 0.75)];
  // Minutes in which reasoning requests arrived and none got the LLM.
  const minutes = new Map<number, boolean>();
  requests.forEach((request, index) => {
    const got = result.llm[index] === 1;
    const minute = Math.floor(request.at / 60_000);
    minutes.set(minute, (minutes.get(minute) ?? false) || got);
    if (got) {
      usd += request.usd;
      llm += 1;
    }
    if (request.score >= quartileBar) {
      topQuartile += 1;
      if (got) topQuartileLlm += 1;
    }
    const quality = got ? request.profile.llm : request.profile.offline;
    if (quality !== null) {
      qualitySum += quality;
      judgedCount += 1;
    }
  });
  // The highest spend over any sliding hour, sampled each minute.
  const perMinute = new Float64Array(24 * 60);
  requests.forEach((request, index) => {
    if (result.llm[index]) perMinute[Math.floor(request.at / 60_000)] += request.usd;
  });
  let busiestHour = 0;
  let busiestEnd = 0;
  // The replay starts cold at midnight (no bar yet, an empty ledger); a running server has both.
  let busiestWarm = 0;
  let sliding = 0;
  perMinute.forEach((usd, minute) => {
    sliding += usd - (minute >= 60 ? perMinute[minute - 60] : 0);
    if (sliding > busiestHour) {
      busiestHour = sliding;
      busiestEnd = minute + 1;
    }
    if (minute + 1 >= 120) busiestWarm = Math.max(busiestWarm, sliding);
  });
  return {
    usd,
    llmShare: llm / requests.length,
    topQuartileLlmShare: topQuartileLlm / Math.max(1, topQuartile),
    quality: qualitySum / Math.max(1, judgedCount),
    minutesWithoutLlm: [...minutes.values()].filter((got) => !got).length,
    busiestHourUsd: busiestHour,
    /** The busiest sliding hour starting at 01:00 or later. */
    busiestWarmHourUsd: busiestWarm,
    /** "hh:mm–hh:mm" of that hour. */
    busiestHourAt: `${clockTime(Math.max(0, busiestEnd - 60))}–${clockTime(busiestEnd)}`,
    refusedByCeiling: result.refusedByCeiling,
    paced: result.paced,
    records: result.records,
  };
}
const allOffline = day({ llm: new Uint8Array(requests.length), refusedByCeiling: 0, paced: 0, bars: [], records: 0 });
const allLlm = day({ llm: new Uint8Array(requests.length).fill(1), refusedByCeiling: 0, paced: 0, bars: [], records: 0 });
const results = {
  ceilingOnly: day(ceilingOnly),
  paced: day(paced),
  matched: day(matched),
};
const barAtEndOf = (result: ReplayResult, slot: number) => [...result.bars].reverse().find((entry) => entry.at <= (slot + 1) * SLOT_HOURS * HOUR)?.bar ?? null;

const run = { ...context, seconds: Math.round((performance.now() - started) / 1000) };

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ run, seed, targetUsdPerHour, matchedTarget, peakDemand, llmRecovers, modelId, meanUsd, requests: requests.length, queries: profiles.length, shortfallLow, shortfallHigh, results, allOffline, allLlm }, null, 2)}\n`,
  );
  process.exit(0);
}

const money = (usd: number) => `$${usd.toFixed(2)}`;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const quality = (slot: Slot) => (slot.judged ? (slot.qualitySum / slot.judged).toFixed(4) : "–");
const ceilingSlots = slots(ceilingOnly);
const pacedSlots = slots(paced);
const rows = ceilingSlots.map((slot, index) => {
  const pacedSlot = pacedSlots[index];
  const bar = barAtEndOf(paced, index);
  return `| ${String(index * SLOT_HOURS).padStart(2, "0")}–${String((index + 1) * SLOT_HOURS).padStart(2, "0")} h | ${slot.requests} | ${money(slot.usd / SLOT_HOURS)} | ${percent(slot.llm / Math.max(1, slot.requests))} | ${quality(slot)} | ${money(pacedSlot.usd / SLOT_HOURS)} | ${percent(pacedSlot.llm / Math.max(1, pacedSlot.requests))} | ${quality(pacedSlot)} | ${bar === null ? "none" : bar.toFixed(3)} |`;
});
/** How much of the quality the LLM could add over an all-offline day a run captures. */
const captured = (figures: ReturnType<typeof day>) => percent((figures.quality - allOffline.quality) / Math.max(1e-12, allLlm.quality - allOffline.quality));
const summaryRow = (name: string, figures: ReturnType<typeof day>) =>
  `| ${name} | ${money(figures.usd)} | ${money(figures.busiestHourUsd)} (${figures.busiestHourAt}) | ${percent(figures.llmShare)} | ${percent(figures.topQuartileLlmShare)} | ${figures.minutesWithoutLlm} | ${figures.quality.toFixed(4)} | ${captured(figures)} |`;

const body = `
Command: \`npm run eval:pacing\` (scripts/eval-pacing.ts; \`-- --json\` for the raw numbers) · seed ${seed} · ${describeRun(context)} · ${run.seconds} s.

**The day.** ${requests.length.toLocaleString("en")} reasoning requests over 24 h, Poisson per minute on a diurnal curve (trough 4–5 h at 8 % of the peak, peak at 20 h); each is one of the ${profiles.length} labelled queries of tests/fixtures/router-queries.json that the router sends to reasoning (complexity ≥ ${DEFAULT_ROUTER_THRESHOLD}), drawn uniformly, with its complexity from decideRoute. LLM cost per request from the cost model: the reasoner prompt as reason-step builds it plus the re-rank of ${RERANK_CANDIDATES} candidates at ${modelId}'s list price, mean ${money(meanUsd * 1000)} per thousand requests. The peak hour's demand is ${peakDemand}× the hourly ceiling (${money(peakDemand * budget.globalUsdPerWindow)}/h against ${money(budget.globalUsdPerWindow)}/h). Both runs use the default ceilings (global ${money(budget.globalUsdPerWindow)} per sliding hour; every request is its own session and client, so only the global ceiling binds) through the budget guard's own rule; the paced run adds the controller of lib/pacing on a ${DEFAULT_PACING.intervalMs / 1000} s tick over a ${DEFAULT_PACING.observeWindowMs / 60_000} min window, as lib/server/spend-pacer.ts runs it (scripts/support/pacing-replay.ts).

**Quality proxy** (eval:router's: share of the top 10 meeting the expected hard constraints, the expected title in it, or the expected people) of the answer the pipeline serves with the offline reasoner, measured per query (${judged.length} of the ${profiles.length} queries have an expectation). No LLM is reachable here, so the LLM answer's quality is an **assumption**: it recovers ${percent(llmRecovers)} of the offline answer's shortfall from 1 on that query (\`--llm-recovers\`). The measured part is *where* the LLM can help: the offline shortfall is ${shortfallHigh.toFixed(4)} on the more complex half of the queries and ${shortfallLow.toFixed(4)} on the less complex half${shortfallHigh > shortfallLow ? ", so a bar on complexity spends on the requests with the most to gain" : ", so on this set complexity does not single out where the LLM helps, and the paced run's quality gain, if any, comes from spreading the spend rather than from choosing"}. For scale: every request offline ${allOffline.quality.toFixed(4)}, every request on the LLM ${allLlm.quality.toFixed(4)}.

Per ${SLOT_HOURS} h (spend as USD per hour; bar: the paced run's bar at the end of the slot):

| hours | requests | ceiling only: spend | LLM share | quality | paced ${money(targetUsdPerHour)}/h: spend | LLM share | quality | bar |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

The day:

| run | LLM spend | busiest sliding hour | LLM share | LLM share of the most complex quarter | minutes with requests and no LLM | quality | of the all-LLM gain |
|---|---:|---:|---:|---:|---:|---:|---:|
${summaryRow("ceiling only (today)", results.ceilingOnly)}
${summaryRow(`paced, target ${money(targetUsdPerHour)}/h`, results.paced)}
${summaryRow(`paced, target ${money(matchedTarget)}/h (the ceiling-only day's spend)`, results.matched)}

The paced run's busiest sliding hour starting at 01:00 or later spent ${money(results.paced.busiestWarmHourUsd)} (${(100 * (results.paced.busiestWarmHourUsd / targetUsdPerHour - 1)).toFixed(0)} % over the target; the bar moves only when the share it lets through is off by more than 10 %; the first hour is the cold start: no bar yet and an empty ledger at midnight, where a running server has both). Quality at the same day's spend: the paced run captures ${captured(results.matched)} of what an LLM for every request would add over an all-offline day, the ceiling-only day ${captured(results.ceilingOnly)}, because it gives the LLM to the most complex quarter of requests ${percent(results.matched.topQuartileLlmShare)} of the time instead of ${percent(results.ceilingOnly.topQuartileLlmShare)}; at ${money(targetUsdPerHour)}/h it spends ${percent(1 - results.paced.usd / results.ceilingOnly.usd)} less than the ceiling-only day and still captures ${captured(results.paced)}. These gains rest on the assumed LLM quality; the shares and the spend curve do not.

Ceiling only: ${results.ceilingOnly.refusedByCeiling.toLocaleString("en")} requests refused by the ceiling — the spend runs until the sliding hour holds ${money(budget.globalUsdPerWindow)} and everyone after is served offline until old spend leaves the window, so the LLM goes to whoever comes first in each burst, whatever the request. Paced at ${money(targetUsdPerHour)}/h: ${results.paced.paced.toLocaleString("en")} requests below the bar, ${results.paced.refusedByCeiling.toLocaleString("en")} refused by the ceiling, ${results.paced.records} changes of the bar (records written). At the ceiling-only day's spend the paced run's target is ${money(matchedTarget)}/h (bisection); it refuses ${results.matched.refusedByCeiling.toLocaleString("en")} by the ceiling.
`;
replaceMarkdownSection("docs/EVALUATION.md", "Spend pacing (eval:pacing)", body);
process.stdout.write(body);
