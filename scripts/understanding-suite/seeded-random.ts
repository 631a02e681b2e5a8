import { createHash } from "node:crypto";

/** A 32-bit unsigned integer from the SHA-256 of `text` (stable across platforms and Node versions). */
export function hash32(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}

/** Hex SHA-256 of `text`, for fingerprints and query ids. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** mulberry32: a small seeded generator of floats in [0, 1); the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of a non-empty list, uniformly. */
export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

/**
 * The quarter of `ids` set aside by `seed`: ids ordered by the hash of seed and id, the first
 * round(n / 4) of them (at least one when there are two or more). Each id's place depends only
 * on its own hash, so the choice is reproducible; the committed manifest pins it anyway.
 */
export function seededQuarter(ids: readonly string[], seed: number): string[] {
  if (ids.length < 2) return [];
  const size = Math.max(1, Math.round(ids.length / 4));
  return [...ids]
    .map((id) => ({ id, key: sha256(`${seed}:${id}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, size)
    .map((entry) => entry.id)
    .sort();
}
