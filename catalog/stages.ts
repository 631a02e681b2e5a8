import type { BuildStage } from "./build-stage";

/** The build steps after the join, in order. Each later issue adds its own. */
export const BUILD_STAGES: BuildStage[] = [];
