import { slope } from "./latency-stats";
import { treeRssMb } from "./process-memory";

/** RSS samples of a process tree: [seconds since the start, MB]. */
export type RssSamples = Array<[number, number]>;

/**
 * Samples the resident memory of `rootPid` and its children every `everyMs` (default 1 s) until
 * `stop`, which returns the samples. `onSample` runs after each one (e.g. a finer breakdown).
 */
export function sampleRss(rootPid: number, everyMs = 1000, onSample?: (index: number) => void): { stop: () => RssSamples } {
  const samples: RssSamples = [];
  const started = performance.now();
  const timer = setInterval(() => {
    samples.push([(performance.now() - started) / 1000, treeRssMb(rootPid)]);
    onSample?.(samples.length - 1);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

/** Least-squares RSS trend over the samples from `fromFraction` of the run on (default: the second half), MB per minute. */
export function rssTrendMbPerMinute(samples: RssSamples, fromFraction = 0.5): number {
  return Math.round(slope(samples.slice(Math.floor(samples.length * fromFraction))) * 60 * 100) / 100;
}
