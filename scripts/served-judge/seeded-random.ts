/**
 * The judge's own seeded randomness (mulberry32 over an FNV-1a hash of the seed and a label), so
 * the film draw and the typos depend on nothing in lib/.
 */
export type Random = () => number;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A generator of uniform numbers in [0, 1), fixed by `seed` and `label` (e.g. "draw", "typo:541"). */
export function seededRandom(seed: number | string, label = ""): Random {
  let state = fnv1a(`${seed}\u0000${label}`);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, count). */
export const randomIndex = (random: Random, count: number): number => Math.floor(random() * count);
