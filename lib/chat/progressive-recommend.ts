import type { ParsedRecommendRequest, RecommendResponse } from "../pipeline/contract";

export interface RecommendProgressOptions {
  /**
   * Called with provisional answers before the final one, e.g. the fast candidates while the
   * reasoner still works (route.path "reasoning"). Each call replaces the previous cards on screen;
   * the final answer replaces the last of them.
   */
  onProgress?: (partial: RecommendResponse) => void;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
}

/**
 * The pipeline as the chat calls it. Today's `recommend(request, engine)` fits by ignoring the
 * options; a pipeline that calls `options.onProgress(fastAnswer)` before reasoning gets fast
 * cards on screen first without any change to the chat.
 */
export type ProgressiveRecommend = (request: ParsedRecommendRequest, options: RecommendProgressOptions) => Promise<RecommendResponse>;
