/**
 * Content directions: axes along which a person asks for "more" or "less" of what a film
 * contains ("less violent", "darker", "gentler", "less scary"). Three axes cover the soft wishes
 * people phrase as comparatives without naming a genre or topic:
 * - violence: how much bloodshed, brutality and killing the film shows;
 * - darkness: how bleak, grim or tragic its tone is (light, upbeat, cheerful is the other end);
 * - intensity: how tense, scary or stressful it is to watch (calm, relaxed is the other end).
 * "Gentler" moves down two axes at once (violence and intensity). Humour is not an axis: the
 * Comedy genre already carries it ("funnier" prefers comedy).
 *
 * Each item gets a score per axis in [0, 1]: its percentile in the catalog (0.9 = more violent
 * than 90 % of the films), computed once when the engine loads (lib/retrieval/direction-scores).
 */
export const CONTENT_DIRECTIONS = ["violence", "darkness", "intensity"] as const;
export type ContentDirection = (typeof CONTENT_DIRECTIONS)[number];

/** "more" moves towards the named end of the axis (more violent, darker, more intense). */
export const DIRECTION_TOWARDS = ["more", "less"] as const;
export type DirectionTowards = (typeof DIRECTION_TOWARDS)[number];

/** Per-axis percentile of every catalog item, row i = catalog.items[i]. */
export type DirectionScores = Readonly<Record<ContentDirection, Float32Array>>;

/** The content axes as the engine holds them: item scores, and each axis as a vector in item-text space. */
export interface ContentDirectionModel {
  /** May be computed on first read (lib/server/content-directions-loader). */
  readonly scores: DirectionScores;
  /** unit(embed(more-end seed words)) − unit(embed(less-end seed words)); null without text vectors. */
  textAxes: Readonly<Record<ContentDirection, Float32Array>> | null;
}

/** How each end of an axis is said in reasons ("less violent", "lighter"). */
export const DIRECTION_WORDS: Readonly<Record<ContentDirection, Record<DirectionTowards, string>>> = {
  violence: { more: "more violent", less: "less violent" },
  darkness: { more: "darker", less: "lighter" },
  intensity: { more: "more intense", less: "less intense" },
};

/** What each axis means, for the LLM reasoner's schema description. */
export const DIRECTION_MEANINGS: Readonly<Record<ContentDirection, string>> = {
  violence: "bloodshed, gore, brutality ('less violent', 'not too gory', 'bloodier')",
  darkness: "bleak, grim, tragic tone vs light, upbeat, cheerful ('darker', 'lighter', 'more upbeat')",
  intensity: "tense, scary, stressful vs calm, relaxed ('less scary', 'less intense', 'calmer')",
};
