/** FNV-1a over UTF-16 code units: a stable 32-bit hash, the same on every platform. */
export function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Picks one of `options` from `seed` and a slot name, so each slot varies independently. */
export function seededChoice<T>(options: readonly T[], seed: string, slot: string): T {
  if (options.length === 0) throw new RangeError("seededChoice needs at least one option");
  return options[stringHash(`${seed}\u0000${slot}`) % options.length];
}
