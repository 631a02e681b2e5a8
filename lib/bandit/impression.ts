import type { Item } from "../catalog/item";
import type { Slate } from "./choose-slate";
import type { BanditContext } from "./context";
import type { SparseFeatures } from "./features";

/** JSON data, as the store logs it. */
export type LoggedJson = string | number | boolean | null | LoggedJson[] | { [key: string]: LoggedJson };

/** A slate as the store's `recordImpression` takes it (structurally; item indexes become ids). */
export interface ImpressionInput {
  sessionId: string | null;
  createdAt: number;
  policy: string;
  featureVersion: number;
  context: { [key: string]: LoggedJson };
  slots: Array<{ itemId: string; position: number; explanationKind: string; explanationText: string; propensity: number; features: SparseFeatures }>;
}

/**
 * The context as logged with an impression: item indexes replaced by stable item ids (indexes
 * change when the catalog is rebuilt), plus the ε in force.
 */
function loggedContext(context: BanditContext, items: readonly Item[], epsilon: number | null): ImpressionInput["context"] {
  return {
    likedItemIds: context.likedItemIndexes.map((index) => items[index]?.id ?? `index:${index}`),
    constraints: { runtimeMaxMinutes: context.constraints.runtimeMaxMinutes, genres: [...context.constraints.genres], moodText: context.constraints.moodText },
    path: context.path,
    hourOfDay: context.hourOfDay,
    sessionTurns: context.sessionTurns,
    userKey: context.userKey,
    epsilon,
  };
}

/** Converts a chosen slate into the impression record to store (then call `observeImpression`). */
export function slateToImpression(slate: Slate, items: readonly Item[], meta: { sessionId: string | null; createdAt: number; context: BanditContext }): ImpressionInput {
  return {
    sessionId: meta.sessionId,
    createdAt: meta.createdAt,
    policy: slate.policy,
    featureVersion: slate.featureVersion,
    context: loggedContext(meta.context, items, slate.epsilon),
    slots: slate.slots.map((slot) => ({
      itemId: items[slot.itemIndex].id,
      position: slot.position,
      explanationKind: slot.explanation.kind,
      explanationText: slot.explanation.text,
      propensity: slot.propensity,
      features: slot.features,
    })),
  };
}
