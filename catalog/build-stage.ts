import type { Catalog, Environment } from "../lib/catalog/catalog";

export interface BuildStageContext {
  /** The joined catalog, already written to `bundleDir` (items, interactions). */
  catalog: Catalog;
  bundleDir: string;
  log: (line: string) => void;
  /** Fixed seed for every stochastic step, so a build is reproducible. */
  seed: number;
  environment: Environment;
}

/**
 * One offline step after the join (CF training, vector indexes, text vectors). It writes its
 * files into the bundle directory and returns what the manifest should record under
 * `artifacts[name]`.
 */
export interface BuildStage {
  name: string;
  /** Environment variables that change this stage's output; they enter the bundle's build key. */
  environmentKeys?: readonly string[];
  run(context: BuildStageContext): Promise<Record<string, unknown>>;
}
