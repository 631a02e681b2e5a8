/** A source of uniform numbers in [0, 1), passed into anything stochastic so runs are reproducible. */
export type RandomSource = () => number;

/**
 * Mulberry32: a tiny 32-bit PRNG, plenty for initialising factors and sampling triples. The same
 * seed always yields the same sequence on every platform (integer arithmetic only).
 */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** One standard normal draw (Box–Muller). */
export function gaussian(random: RandomSource): number {
  // 1 - u keeps the logarithm away from zero.
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}

/** Integer in [0, upperExclusive). */
export function randomInteger(random: RandomSource, upperExclusive: number): number {
  return Math.floor(random() * upperExclusive);
}
