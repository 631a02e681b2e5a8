import { createBanditState, createSeededRandom } from "../../../lib/bandit";
import type { Engine } from "../../../lib/pipeline/engine";
import { createEngine } from "../../../lib/server/engine-singleton";
import { emptyBudgetState, DEFAULT_BUDGET, type BudgetConfig } from "../../../router";
import { openSqliteStore } from "../../../lib/store";
import { recommendRequestSchema, type RecommendRequest } from "../../../lib/pipeline/contract";

let base: Promise<Engine> | undefined;

/** One engine over the real catalog per test file (loading it takes a few seconds). */
export function realEngine(): Promise<Engine> {
  base ??= createEngine({ environment: {}, seed: 7, epochMs: () => Date.UTC(2026, 10, 23, 20) });
  return base;
}

/**
 * A variant of the real engine with its own in-memory store, a fresh bandit (seeded) and a fresh
 * budget, so tests cannot see each other's sessions or learning.
 */
export async function isolatedEngine(overrides: Partial<Engine> & { budgetConfig?: Partial<BudgetConfig> } = {}): Promise<Engine> {
  const engine = await realEngine();
  const { budgetConfig, ...rest } = overrides;
  return {
    ...engine,
    store: openSqliteStore({ path: ":memory:" }),
    bandit: { ...engine.bandit!, state: createBanditState(), random: createSeededRandom(11) },
    budget: { config: { ...DEFAULT_BUDGET, ...budgetConfig }, state: emptyBudgetState() },
    ...rest,
  };
}

export const request = (input: RecommendRequest) => recommendRequestSchema.parse(input);
