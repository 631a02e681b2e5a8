import { randomBytes } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Impression ids
 * key the two largest tables; ids that grow with time are appended at the right edge of their
 * B-trees, where a random UUID (v4) dirties a page anywhere in them on every insert (measured:
 * about 0.6 ms more per impression commit). 74 random bits keep them unguessable, which matters
 * because an impression id is what a feedback POST names.
 */
export function timeOrderedId(nowMs: number): string {
  const bytes = randomBytes(16);
  const milliseconds = BigInt(Math.max(0, Math.floor(nowMs)));
  for (let index = 0; index < 6; index++) bytes[index] = Number((milliseconds >> BigInt(8 * (5 - index))) & 0xffn);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
