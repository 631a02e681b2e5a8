import type { JsonObject } from "./store";

/** Freezes `value` and everything in it: what the cache hands out twice must not change in between. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The JSON texts a connection parsed last, by key, with what they parsed to. A request reads its
 * session (twice on the HTTP path: the session check, then the pipeline), then updates it inside
 * its write transaction: while the row still holds the text parsed before, the parse is skipped.
 * The parsed values are deep-frozen, so a caller cannot change what the next reader is given;
 * the text comparison makes a write by any other connection a miss. A write by this connection
 * is remembered with the value it wrote, so the session's next request skips the parse too.
 */
export function parsedJsonCache(capacity: number) {
  const entries = new Map<string, { text: string; value: JsonObject }>();
  const keep = (key: string, text: string, value: JsonObject): JsonObject => {
    entries.delete(key);
    entries.set(key, { text, value });
    // Oldest first in a Map's order: past capacity, drop the least recently used.
    if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    return value;
  };
  return {
    parse(key: string, text: string): JsonObject {
      const cached = entries.get(key);
      if (cached && cached.text === text) return cached.value;
      return keep(key, text, deepFreeze(JSON.parse(text) as JsonObject));
    },
    /** `value` was just written as `text` (its JSON): frozen and kept as if parsed from it. */
    remember(key: string, text: string, value: JsonObject): JsonObject {
      return keep(key, text, deepFreeze(value));
    },
  };
}
