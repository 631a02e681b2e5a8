/**
 * The reward model of the doubly robust estimates: the mean reward of each (explanation,
 * position), shrunk towards the explanation's mean and that towards the window's mean (each by
 * `smoothing` pseudo-observations), positions past `maximumPosition` pooled. Cross-fitted: the
 * impressions are split in two folds by their order and each fold is predicted by the table fitted
 * on the other, so no slot's own reward is in its prediction (that would bias DR towards the log).
 * Chosen over the bandit's own model because it is fitted on the window alone (the bandit's model
 * was trained on these very rewards, online) and because its predictions do not need the
 * features of actions that were not shown, which the log does not keep.
 */
export interface RewardTable {
  predict(kind: string, position: number): number;
}

export interface RewardObservation {
  kind: string;
  position: number;
  reward: number;
}

function fitRewardTable(slates: ReadonlyArray<readonly RewardObservation[]>, options: { smoothing: number; maximumPosition: number }): RewardTable {
  const cell = new Map<string, { sum: number; count: number }>();
  const byKind = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  let count = 0;
  const add = (map: Map<string, { sum: number; count: number }>, key: string, reward: number) => {
    const entry = map.get(key) ?? { sum: 0, count: 0 };
    entry.sum += reward;
    entry.count += 1;
    map.set(key, entry);
  };
  const cellKey = (kind: string, position: number) => `${kind}@${Math.min(position, options.maximumPosition)}`;
  for (const slate of slates) {
    for (const slot of slate) {
      add(cell, cellKey(slot.kind, slot.position), slot.reward);
      add(byKind, slot.kind, slot.reward);
      sum += slot.reward;
      count += 1;
    }
  }
  const overall = count > 0 ? sum / count : 0;
  const m = options.smoothing;
  // Predictions are asked for millions of times: computed once per (kind, position).
  const memo = new Map<string, Float64Array>();
  const compute = (kind: string, position: number) => {
    const kindEntry = byKind.get(kind) ?? { sum: 0, count: 0 };
    const kindMean = (kindEntry.sum + m * overall) / (kindEntry.count + m);
    const entry = cell.get(cellKey(kind, position)) ?? { sum: 0, count: 0 };
    return (entry.sum + m * kindMean) / (entry.count + m);
  };
  return {
    predict(kind, position) {
      let row = memo.get(kind);
      if (!row) {
        row = Float64Array.from({ length: options.maximumPosition + 1 }, (_, each) => compute(kind, each));
        memo.set(kind, row);
      }
      return row[Math.min(position, options.maximumPosition)];
    },
  };
}

/** Two tables, each fitted on the other fold: `forImpression(i)` predicts impression i. */
export function crossFittedRewardTables(slates: ReadonlyArray<readonly RewardObservation[]>, options: { smoothing: number; maximumPosition: number }): { forImpression(index: number): RewardTable } {
  const folds = [0, 1].map((fold) =>
    fitRewardTable(
      slates.filter((_, index) => index % 2 === fold),
      options,
    ),
  );
  return { forImpression: (index) => folds[(index + 1) % 2] };
}
