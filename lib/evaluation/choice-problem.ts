import { z } from "zod";
import { bandItems, type RelevanceBand } from "../bandit/relevance-band";

/**
 * A logged slate's choices (lib/bandit/slate-choices.ts) read back: enough to rebuild the
 * actions a slot could choose among after ANY earlier slots, with the logging model's score of
 * each. Items are numbered by retrieval rank among the reachable unpinned items.
 */
const loggedChoicesSchema = z.object({
  version: z.literal(1),
  policy: z.enum(["random", "greedy", "epsilon-greedy", "thompson"]),
  epsilon: z.number().min(0).max(1).nullable(),
  band: z.object({ width: z.number().min(1).nullable(), maximumDrop: z.number().min(0).nullable(), reachPastSlate: z.boolean() }),
  unpinnedSlots: z.number().int().min(0),
  pinned: z.array(z.string()),
  ranked: z.array(z.object({ id: z.string(), scaled: z.number(), kinds: z.array(z.number().int().min(0)), logits: z.array(z.number()) })),
  positionLogits: z.array(z.object({ kind: z.number().int().min(0), logits: z.array(z.number()) })),
});

export type LoggedChoices = z.infer<typeof loggedChoicesSchema>;

/** One (item, explanation) a slot may show, with the logging model's score there. */
export interface SlotAction {
  /** Rank of the item among `ChoiceProblem.ranked`. */
  item: number;
  /** Index into EXPLANATION_KINDS. */
  kind: number;
  score: number;
}

export interface ChoiceProblem {
  choices: LoggedChoices;
  band: RelevanceBand;
  /** Item id → rank in `choices.ranked`. */
  rankOf: ReadonlyMap<string, number>;
  /**
   * The actions of the slot at `position` once the ranked items in `taken` are shown: the band's
   * items in retrieval order, each with its explanations in arm order (the order the serving
   * policy breaks ties in). `taken` is a bit set of ranks (see `MAX_RANKED`).
   */
  actions(position: number, taken: number): SlotAction[];
}

/** Items past this many ranks do not fit the bit sets of shown items; such an impression is not evaluated. */
const MAX_RANKED = 30;

/** The set of ranks in a bit set. */
function ranksIn(taken: number): Set<number> {
  const ranks = new Set<number>();
  for (let rank = 0; taken >>> rank !== 0; rank++) if ((taken >>> rank) & 1) ranks.add(rank);
  return ranks;
}

/**
 * The choices logged with an impression, or null when it has none, they do not parse (logged
 * before they were, or by another version) or they rank more than `MAX_RANKED` items.
 */
export function choiceProblem(context: Readonly<Record<string, unknown>>): ChoiceProblem | null {
  const parsed = loggedChoicesSchema.safeParse(context.choices);
  if (!parsed.success) return null;
  const choices = parsed.data;
  if (choices.ranked.length > MAX_RANKED || choices.ranked.some((entry) => entry.kinds.length !== entry.logits.length || entry.kinds.length === 0)) return null;
  const band: RelevanceBand = {
    width: choices.band.width ?? Number.POSITIVE_INFINITY,
    maximumDrop: choices.band.maximumDrop ?? Number.POSITIVE_INFINITY,
    reachPastSlate: choices.band.reachPastSlate,
  };
  const positionLogit = new Map(choices.positionLogits.map((entry) => [entry.kind, entry.logits]));
  const ranks = choices.ranked.map((_, rank) => rank);
  const scaled = choices.ranked.map((entry) => entry.scaled);
  const cache = new Map<number, SlotAction[]>();
  return {
    choices,
    band,
    rankOf: new Map(choices.ranked.map((entry, rank) => [entry.id, rank])),
    actions(position, taken) {
      // Positions and bit sets are small: one number keys both.
      const key = position * 2 ** MAX_RANKED + taken;
      let actions = cache.get(key);
      if (actions) return actions;
      actions = [];
      for (const item of bandItems(ranks, scaled, ranksIn(taken), band, choices.unpinnedSlots)) {
        const entry = choices.ranked[item];
        entry.kinds.forEach((kind, index) => actions!.push({ item, kind, score: entry.logits[index] + (positionLogit.get(kind)?.[position] ?? 0) }));
      }
      cache.set(key, actions);
      return actions;
    },
  };
}
