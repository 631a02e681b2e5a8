import { fnv1aHash } from "../hash/fnv1a";

/**
 * Randomness is passed into the bandit, never taken from `Math.random`, so a seeded run
 * reproduces exactly. A source returns uniform numbers in [0, 1).
 */
export type RandomSource = () => number;

/** 32-bit hash of a string, for deriving seeds and hashing keys. */
export const hashString = fnv1aHash;

/**
 * A seeded generator (sfc32, seeded through splitmix32): fast, 128-bit state, passes
 * PractRand far beyond what a simulation of a few million draws needs.
 */
export function createSeededRandom(seed: number | string): RandomSource {
  let state = typeof seed === "string" ? hashString(seed) : seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return (mixed ^ (mixed >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let counter = splitmix();
  const next = () => {
    const result = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + result) >>> 0;
    return result / 4294967296;
  };
  // Discard the first outputs: sfc32 mixes its seed state in a few rounds.
  for (let round = 0; round < 12; round++) next();
  return next;
}

/** An independent stream for a named purpose, so adding draws to one stream never shifts another. */
export function deriveRandom(seed: number, purpose: string): RandomSource {
  return createSeededRandom(`${seed}:${purpose}`);
}

/** A standard normal draw (Box–Muller; consumes two uniforms). */
export function standardNormal(random: RandomSource): number {
  const first = 1 - random(); // in (0, 1], so the logarithm is finite
  const second = random();
  return Math.sqrt(-2 * Math.log(first)) * Math.cos(2 * Math.PI * second);
}

/** A uniform integer in [0, count). */
export function randomInteger(random: RandomSource, count: number): number {
  return Math.min(count - 1, Math.floor(random() * count));
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(values: readonly T[], random: RandomSource): T[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const swap = randomInteger(random, index + 1);
    [copy[index], copy[swap]] = [copy[swap], copy[index]];
  }
  return copy;
}
