import { bandOf } from "../choose-slate";
import type { SimulationEnvironment } from "./environment";
import type { RoundRecord } from "./run-simulation";
import { slateNdcg, trueGain } from "./slate-ndcg";

/** Mean NDCG over a window of requests, the policy's and retrieval's on the same requests. */
export interface NdcgWindow {
  /** Requests in the window that had something to rank (a candidate with positive gain). */
  requests: number;
  served: number;
  retrieval: number;
  /** served / retrieval − 1 (−0.02 = 2 % less NDCG than retrieval's order). */
  relative: number;
  /** Standard error of the paired per-request difference, as a share of retrieval's mean. */
  relativeStandardError: number;
}

/** How one policy's served order related to retrieval's over a run. */
export interface RelevanceSummary {
  policyName: string;
  /** Every request, the first tenth (little feedback yet), the last tenth (most feedback). */
  all: NdcgWindow;
  firstTenth: NdcgWindow;
  lastTenth: NdcgWindow;
  /** Mean number of items a slot chose among. */
  meanBandSize: number;
  /** Share of slots that did not show the most relevant unshown candidate. */
  movedShare: number;
  /** Largest (retrieval rank − slot) of a shown item: how far up anything was moved. */
  largestRise: number;
  /** The worst order the band allows, chosen by an adversary who knows the true taste, on the same requests. */
  adversary: NdcgWindow;
}

/**
 * Collects, through `runSimulation`'s `onRound`, the NDCG@k of every policy's served slate and of
 * retrieval's order (the first k candidates by relevance) on the same request, against the
 * simulated person's true taste (`slateNdcg`, gains max(0, true affinity)), plus how the band
 * was used. The adversary fills each slot with the band's least-liked item (by true taste),
 * which bounds what any policy inside that band can lose.
 */
export function createRelevanceTracker(environment: SimulationEnvironment, k: number) {
  interface Series {
    served: number[];
    retrieval: number[];
    adversary: number[];
    bandTotal: number;
    slots: number;
    moved: number;
    largestRise: number;
  }
  const series = new Map<string, Series>();
  const onRound = (record: RoundRecord): void => {
    const { problem, filled, simulationRound } = record;
    const gain = (itemIndex: number) => trueGain(environment.trueAffinity(simulationRound, itemIndex));
    const candidates = problem.rankedItems;
    const retrieval = slateNdcg(candidates.slice(0, problem.limit), candidates, gain, k);
    if (retrieval === null) return;
    let entry = series.get(record.policyName);
    if (!entry) series.set(record.policyName, (entry = { served: [], retrieval: [], adversary: [], bandTotal: 0, slots: 0, moved: 0, largestRise: 0 }));
    const shown = filled.map(({ actionIndex }) => problem.actions[actionIndex].itemIndex);
    entry.served.push(slateNdcg(shown, candidates, gain, k) ?? 0);
    entry.retrieval.push(retrieval);
    const taken = new Set<number>();
    shown.forEach((itemIndex, position) => {
      const band = bandOf(problem, taken);
      entry.bandTotal += band.length;
      entry.slots++;
      if (band[0] !== itemIndex) entry.moved++;
      entry.largestRise = Math.max(entry.largestRise, candidates.indexOf(itemIndex) - position);
      taken.add(itemIndex);
    });
    const adversaryTaken = new Set<number>();
    const adversary: number[] = [];
    for (let position = 0; position < problem.limit; position++) {
      const band = bandOf(problem, adversaryTaken);
      if (band.length === 0) break;
      const worst = band.reduce((least, itemIndex) => (gain(itemIndex) < gain(least) ? itemIndex : least));
      adversary.push(worst);
      adversaryTaken.add(worst);
    }
    entry.adversary.push(slateNdcg(adversary, candidates, gain, k) ?? 0);
  };

  const window = (served: number[], retrieval: number[], from: number, to: number): NdcgWindow => {
    const count = Math.max(0, to - from);
    let servedSum = 0;
    let retrievalSum = 0;
    for (let index = from; index < to; index++) {
      servedSum += served[index];
      retrievalSum += retrieval[index];
    }
    const servedMean = servedSum / count;
    const retrievalMean = retrievalSum / count;
    let variance = 0;
    for (let index = from; index < to; index++) variance += (served[index] - retrieval[index] - (servedMean - retrievalMean)) ** 2;
    variance /= Math.max(1, count - 1);
    return { requests: count, served: servedMean, retrieval: retrievalMean, relative: servedMean / retrievalMean - 1, relativeStandardError: Math.sqrt(variance / count) / retrievalMean };
  };

  /** The summary of one policy (by its simulation name). Throws a RangeError for a policy never seen. */
  const summary = (policyName: string): RelevanceSummary => {
    const entry = series.get(policyName);
    if (!entry) throw new RangeError(`No rounds recorded for policy "${policyName}".`);
    const count = entry.served.length;
    const tenth = Math.max(1, Math.floor(count / 10));
    return {
      policyName,
      all: window(entry.served, entry.retrieval, 0, count),
      firstTenth: window(entry.served, entry.retrieval, 0, tenth),
      lastTenth: window(entry.served, entry.retrieval, count - tenth, count),
      meanBandSize: entry.bandTotal / entry.slots,
      movedShare: entry.moved / entry.slots,
      largestRise: entry.largestRise,
      adversary: window(entry.adversary, entry.retrieval, 0, count),
    };
  };
  return { onRound, summary };
}
