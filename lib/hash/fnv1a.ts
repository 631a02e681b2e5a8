/**
 * FNV-1a over UTF-16 code units: a stable 32-bit hash, the same on every platform and in the
 * browser. Used wherever a string must map to the same number every time (feature hashing,
 * seeds, poster art, narration variety).
 */
export function fnv1aHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
