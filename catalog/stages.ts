import type { BuildStage } from "./build-stage";
import { cfStage } from "./cf-stage";
import { coLikedStage } from "./co-liked-stage";
import { keywordIndexStage } from "./keyword-index-stage";
import { sessionRankerStage } from "./session-ranker-stage";
import { textVectorsStage } from "./text-vectors-stage";

/** The build steps after the join, in order. Each later issue adds its own. */
export const BUILD_STAGES: BuildStage[] = [keywordIndexStage, textVectorsStage, cfStage, coLikedStage, sessionRankerStage];
