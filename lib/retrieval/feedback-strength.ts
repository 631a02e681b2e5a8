/**
 * How an explicit rating becomes implicit feedback for the CF models. A strength s > 0 means
 * "interacted, preference 1, confidence 1 + s"; s < 0 means "disliked, preference 0,
 * confidence 1 + |s|" (Hu, Koren & Volinsky 2008, with the negative-confidence extension used
 * by the `implicit` library); s = 0 is dropped.
 */
export interface FeedbackStrengthOptions {
  /** Confidence scale α: strength = α × weight(rating). */
  alpha: number;
  /**
   * Ratings strictly below this count as dislikes (negative strength); null treats every rating
   * as a positive interaction (watching is a signal whatever the score).
   */
  dislikeBelow: number | null;
  /** Weight of a positive rating: "binary" = 1, "rating" = rating / 5 (0.1..1). */
  weighting: "binary" | "rating";
  /** Scale of dislike strengths relative to likes (default 1). */
  dislikeWeight: number;
}

/** The signed strength of one rating (0.5..5 stars) under `options`. */
export function feedbackStrength(rating: number, options: FeedbackStrengthOptions): number {
  if (options.dislikeBelow !== null && rating < options.dislikeBelow) return -options.alpha * options.dislikeWeight * (1 - rating / 5);
  return options.alpha * (options.weighting === "binary" ? 1 : rating / 5);
}
