/**
 * Why an item is among a request's candidates. Retrieval and reasoning record it; the bandit's
 * explanation arms may only say what the provenance (or the catalog data) makes true. It lives
 * beside the item types because retrieval, reasoning and the bandit all read it and none of them
 * may import the others.
 */
export type Provenance =
  /** The film the request named: a title lookup ("Heat", "the godfahter"). */
  | { kind: "asked-for"; exact: boolean }
  /** One of the films of a series the request named by its first words ("harry potter"). */
  | { kind: "series"; name: string }
  /**
   * A neighbour of a film the request referenced or named: by what its fans also loved, or, for a
   * film few here have rated, mostly by its story and credits (`by: "story"`).
   */
  | { kind: "neighbour-of-reference"; itemIndex: number; by?: "fans" | "story" }
  /** A neighbour of a keyword match (a short search answer widened by what the same people loved). */
  | { kind: "neighbour-of-match"; itemIndex: number }
  /** A neighbour of a film the person liked in this session. */
  | { kind: "neighbour-of-like"; itemIndex: number }
  /** The session's taste as a whole (folded-in user vector), no single like behind it. */
  | { kind: "session-taste" }
  /** A keyword search hit; `terms` are the query words the item's text matched. */
  | { kind: "keyword"; terms: string[] }
  /** A film the same person would also find under another title in the catalog (namesakes). */
  | { kind: "namesake"; itemIndex: number }
  /** Passed the request's stated constraints (reasoning path); `described` says which, for people. */
  | { kind: "constraints"; described: string[] }
  /** Close to the request's mood text in the semantic (text-vector) space. */
  | { kind: "mood"; text: string }
  /** Filled in from popularity because the other lists ran short. */
  | { kind: "popular" };
