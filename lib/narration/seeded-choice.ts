import { fnv1aHash } from "../hash/fnv1a";

/** A stable 32-bit hash (FNV-1a). */
export const stringHash = fnv1aHash;

/** Picks one of `options` from `seed` and a slot name, so each slot varies independently. */
export function seededChoice<T>(options: readonly T[], seed: string, slot: string): T {
  if (options.length === 0) throw new RangeError("seededChoice needs at least one option");
  return options[stringHash(`${seed}\u0000${slot}`) % options.length];
}
