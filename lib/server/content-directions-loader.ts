import type { CfArtifacts } from "../../catalog/cf-artifacts";
import { CONTENT_DIRECTIONS, type ContentDirection, type ContentDirectionModel, type DirectionScores } from "../catalog/content-directions";
import type { Item } from "../catalog/item";
import type { TextSearch } from "../ai";
import { computeDirectionScores, DIRECTION_SEED_WORDS, type DirectionScoreInputs } from "../retrieval/direction-scores";

/**
 * What the direction scores are computed from, gathered from what the engine already holds: the
 * item text vectors (with each axis' seed words embedded by the same encoder, so query and item
 * sides share a space) and the CF item vectors. Either may be null; the scores then use the rest.
 */
export async function directionScoreInputs(items: readonly Item[], textSearch: TextSearch | null, cf: CfArtifacts | null): Promise<DirectionScoreInputs> {
  let text: DirectionScoreInputs["text"] = null;
  if (textSearch) {
    const seeds = {} as Record<ContentDirection, { more: Float32Array; less: Float32Array }>;
    for (const direction of CONTENT_DIRECTIONS) {
      const { more, less } = DIRECTION_SEED_WORDS[direction];
      const [moreVector, lessVector] = await textSearch.encoder.embedTexts([more.join(" "), less.join(" ")]);
      seeds[direction] = { more: moreVector, less: lessVector };
    }
    text = { vectors: textSearch.itemTextVectors, dimensions: textSearch.dimensions, seeds };
  }
  return { items, text, audience: cf ? { vectors: cf.itemVectors, dimensions: cf.dimensions } : null };
}

/**
 * The catalog's content directions: item scores (lib/retrieval/direction-scores) and the axes in
 * text space, computed from what the engine holds rather than stored in the bundle, so any
 * bundle, old or new, serves directions. The seeds are embedded now (milliseconds); the scores
 * on first use (~0.1 s of CPU at load time's cold JIT, measured on 11k items), so starting the
 * engine and every request without a direction pay nothing for them.
 */
export async function loadContentDirections(items: readonly Item[], textSearch: TextSearch | null, cf: CfArtifacts | null): Promise<ContentDirectionModel> {
  const inputs = await directionScoreInputs(items, textSearch, cf);
  const seeds = inputs.text?.seeds;
  const textAxes = seeds
    ? (Object.fromEntries(CONTENT_DIRECTIONS.map((direction) => [direction, Float32Array.from(seeds[direction].more, (value, column) => value - seeds[direction].less[column])])) as Record<
        ContentDirection,
        Float32Array
      >)
    : null;
  let scores: DirectionScores | null = null;
  return {
    get scores() {
      scores ??= computeDirectionScores(inputs);
      return scores;
    },
    textAxes,
  };
}
