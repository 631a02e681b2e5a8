import type { ArmMatch } from "./arms";
import type { SparseFeatures } from "./features";
import type { RelevanceBand } from "./relevance-band";

// The prepared request apart from the code that prepares it (choose-slate.ts), so that
// slate-choices.ts can describe one without importing the chooser that calls it.

/** One (item, explanation) the bandit could show; the slot adds position features. */
export interface SlateAction {
  itemIndex: number;
  relevance: number;
  kindIndex: number;
  match: ArmMatch;
  /** Features that do not depend on the slot. */
  features: SparseFeatures;
  /** Fixed logit offset from retrieval's relevance (choose-slate.ts: RETRIEVAL_PRIOR_WEIGHT × scaled relevance). */
  prior: number;
}

/** A request prepared once: every valid action and its features. */
export interface SlateProblem {
  actions: SlateAction[];
  /** Slots to fill: min(limit, distinct candidate items). */
  limit: number;
  dimension: number;
  /** Pinned items in the order given: they fill the first slots whatever the policy. */
  pinnedItems: number[];
  /** Slots left after the pinned items: unless the band reaches past the slate, only the first this many of `rankedItems` can be shown. */
  unpinnedSlots: number;
  /** The other items in retrieval order (most relevant first): the band slides over these. */
  rankedItems: number[];
  /** Scaled relevance of `rankedItems` by rank, min–max over them (1 = most relevant). */
  rankedScaled: Float64Array;
  band: RelevanceBand;
  /** Indexes into `actions` of one item's (item, explanation) actions, ascending. */
  actionsOfItem(itemIndex: number): readonly number[];
  /** Position features of (kind, slot), cached. */
  positionFeatures(kindIndex: number, position: number): SparseFeatures;
}
