/**
 * The band of relevance the bandit may reorder within. Retrieval's order is the baseline; the
 * bandit (exploration and its learned preferences alike) may only choose, at each slot, among
 * the few best candidates not yet shown, and only among those whose relevance is close to the
 * best of them. So no policy, however wrong its learned term, can put a weak candidate above a
 * clearly stronger one, and a slot's propensity is exact over a set fixed by the earlier slots.
 *
 * Definition, at each slot: take the unshown, unpinned candidates in retrieval order, among the
 * first `limit − pinned` of them (the films retrieval itself would have shown; see
 * `reachPastSlate`); the band is the longest prefix of at most `width` of them whose scaled
 * relevance is within `maximumDrop` of the first one's. Scaled relevance is min–max over all the
 * unpinned candidates of the request (1 = most relevant), so the drop is a share of the request's
 * own spread and does not depend on the scale of retrieval's scores (RRF fusion, 1 − rank/n,
 * dot products).
 *
 * Consequences: the most relevant unshown candidate is always in the band (a slot always has a
 * choice to make); the item shown in slot p has retrieval rank at most p + width − 1; an item is
 * never shown below one whose scaled relevance is more than `maximumDrop` below its own at the
 * time it was passed over; and the slate shows exactly the films retrieval ranked first, only
 * their order and explanations are the bandit's. The numbers chosen are measured in
 * docs/EVALUATION.md (eval:bandit).
 */
export interface RelevanceBand {
  /** Most candidates one slot chooses among (≥ 1). 1 = retrieval's order exactly. */
  width: number;
  /** Largest drop of scaled relevance (0..1 of the request's spread) below the best unshown candidate. */
  maximumDrop: number;
  /**
   * Whether a slot may show a candidate ranked past the slate's own length (the pool is longer
   * than the slate). Default false: the bandit orders the films retrieval would have shown and
   * never swaps one of them for a weaker one.
   */
  reachPastSlate?: boolean;
}

/**
 * The serving band: the best 3 unshown candidates of the slate's own, no more than 15 % of the
 * request's relevance spread below the best of them. Chosen in eval:bandit's sweep: as many plays per request as
 * wider bands (the learned order gains nothing measurable beyond it) at about half their NDCG
 * loss against retrieval's order, well inside the 2 % budget.
 */
export const DEFAULT_RELEVANCE_BAND: Readonly<RelevanceBand> = { width: 3, maximumDrop: 0.15, reachPastSlate: false };

/** No band: every unshown candidate is a choice at every slot (the comparison in eval:bandit). */
export const UNBOUNDED_BAND: Readonly<RelevanceBand> = { width: Number.POSITIVE_INFINITY, maximumDrop: Number.POSITIVE_INFINITY, reachPastSlate: true };

/**
 * Checks a band's numbers. Throws a RangeError for a width below 1 or a negative or NaN drop
 * (a configuration bug: a band with no room would leave slots empty).
 */
export function validateBand(band: RelevanceBand): RelevanceBand {
  if (!(band.width >= 1)) throw new RangeError(`Relevance band width must be at least 1, got ${band.width}.`);
  if (!(band.maximumDrop >= 0)) throw new RangeError(`Relevance band maximum drop must be ≥ 0, got ${band.maximumDrop}.`);
  return band;
}

/**
 * Min–max scaled relevance (1 = most relevant, 0 = least) of candidates already sorted best
 * first. All equal (or a single candidate) gives 1 for everyone: nothing separates them.
 */
export function scaleRelevance(sortedRelevance: readonly number[]): Float64Array {
  const count = sortedRelevance.length;
  const scaled = new Float64Array(count).fill(1);
  if (count < 2) return scaled;
  const highest = sortedRelevance[0];
  const lowest = sortedRelevance[count - 1];
  if (!(highest > lowest)) return scaled;
  for (let rank = 0; rank < count; rank++) scaled[rank] = (sortedRelevance[rank] - lowest) / (highest - lowest);
  return scaled;
}

/**
 * The items a slot may show: from `ranked` (unpinned items in retrieval order, best first, with
 * `scaled` relevance by rank), the unshown ones that form the band. `slateLength` is how many
 * unpinned slots the slate has (default: all of `ranked`); unless `band.reachPastSlate`, only the
 * first `slateLength` ranked items can ever be in the band. Empty only when every reachable item
 * is already shown. Order of the result: retrieval order.
 */
export function bandItems(ranked: readonly number[], scaled: ArrayLike<number>, shown: ReadonlySet<number>, band: RelevanceBand, slateLength = ranked.length): number[] {
  const reach = band.reachPastSlate ? ranked.length : Math.min(ranked.length, slateLength);
  const allowed: number[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  for (let rank = 0; rank < reach && allowed.length < band.width; rank++) {
    const itemIndex = ranked[rank];
    if (shown.has(itemIndex)) continue;
    // A hair of tolerance: a drop exactly at the limit stays in despite rounding of the scaling.
    if (allowed.length === 0) floor = scaled[rank] - band.maximumDrop - 1e-12;
    else if (scaled[rank] < floor) break;
    allowed.push(itemIndex);
  }
  return allowed;
}
