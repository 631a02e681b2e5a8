/** One reasoning request as the pacer needs it: when, its complexity, and whether it got the LLM. */
export interface ReasoningDecisionSample {
  /** Unix milliseconds. */
  at: number;
  /** The router's complexity score, in [0, 1]. */
  score: number;
  /** True when the spend gate let it use the LLM. */
  llm: boolean;
}

/**
 * The reasoning decisions this process made lately, in a fixed-size ring: recording is O(1) on
 * the request path and the memory is bounded whatever the traffic. Times come from the caller.
 */
export class RecentDecisions {
  private readonly samples: Array<ReasoningDecisionSample | undefined>;
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.samples = new Array<ReasoningDecisionSample | undefined>(Math.max(1, Math.floor(capacity)));
  }

  record(sample: ReasoningDecisionSample): void {
    this.samples[this.next] = sample;
    this.next = (this.next + 1) % this.samples.length;
    this.size = Math.min(this.size + 1, this.samples.length);
  }

  /** The samples at or after `since` (and not after `until`), oldest first. */
  since(since: number, until = Number.POSITIVE_INFINITY): ReasoningDecisionSample[] {
    const found: ReasoningDecisionSample[] = [];
    const start = (this.next - this.size + this.samples.length) % this.samples.length;
    for (let offset = 0; offset < this.size; offset++) {
      const sample = this.samples[(start + offset) % this.samples.length]!;
      if (sample.at >= since && sample.at <= until) found.push(sample);
    }
    return found;
  }
}
