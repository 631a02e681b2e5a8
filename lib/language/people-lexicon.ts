import type { Item } from "../catalog/item";
import { queryText, type QueryText, type TokenSpan } from "./query-text";

/** A person the catalog credits, with how often, for role guesses and tie-breaks. */
export interface PersonEntry {
  /** Name as credited ("Denis Villeneuve"). */
  name: string;
  directed: number;
  acted: number;
}

/** A person named in a query. */
export interface PersonMention extends TokenSpan {
  person: PersonEntry;
  /** From the words around the name ("directed by", "starring"), else from the credits. */
  role: "cast" | "director" | "any";
  /** "full": the whole credited name; "surname": a well-known director by surname ("Kubrick films"). */
  match: "full" | "surname";
  phrase: string;
}

/** Longest name span tried, in tokens ("Philip Seymour Hoffman" is 3; a few credits are 4–5). */
const MAX_NAME_TOKENS = 5;
const DIRECTOR_CUES = new Set(["by", "director", "directed", "filmmaker", "auteur"]);
const CAST_CUES = new Set(["starring", "with", "featuring", "feat", "actor", "actress", "stars", "star", "cast"]);
/** Words after a bare surname that make it a director reference ("Kubrick films", "Nolan-style"). */
const SURNAME_FOLLOWERS = new Set([
  "movie",
  "movies",
  "film",
  "films",
  "flick",
  "flicks",
  "style",
  "esque",
  "ish",
  "joint",
  "picture",
  "pictures",
  "classic",
  "classics",
  "thriller",
  "thrillers",
  "western",
  "westerns",
  "comedy",
  "comedies",
  "type",
  "like",
]);

/**
 * People the catalog credits (directors and top-billed cast), found in queries by their full
 * credited name, case- and accent-insensitively. Directors with several films are also found by
 * surname when the words around make it a reference ("a Kubrick film", "directed by Nolan").
 */
export class PeopleLexicon {
  private readonly byName = new Map<string, PersonEntry>();
  private readonly bySurname = new Map<string, PersonEntry>();
  /** Number of tokens of the longest name, to bound the scan. */
  readonly size: number;

  constructor(items: readonly Item[]) {
    for (const item of items) {
      for (const name of item.directors) this.credit(name, "directed");
      for (const name of item.cast) this.credit(name, "acted");
    }
    this.size = this.byName.size;
    // A surname is usable alone only when one well-known director owns it among people with
    // any real filmography: "Kubrick" yes, "Scott" (Ridley, Tony, …) or "Lee" no.
    const owners = new Map<string, PersonEntry[]>();
    for (const [key, entry] of this.byName) {
      if (entry.directed + entry.acted < 2) continue;
      const surname = key.split(" ").at(-1)!;
      if (surname.length < 4 || key.split(" ").length < 2) continue;
      owners.set(surname, [...(owners.get(surname) ?? []), entry]);
    }
    for (const [surname, entries] of owners) {
      const directors = entries.filter((entry) => entry.directed >= 3);
      if (directors.length === 1 && entries.filter((entry) => entry.directed + entry.acted >= 3).length === 1) this.bySurname.set(surname, directors[0]);
    }
  }

  private credit(name: string, field: "directed" | "acted"): void {
    const key = queryText(name).text;
    if (!key || !key.includes(" ")) return;
    const entry = this.byName.get(key) ?? { name, directed: 0, acted: 0 };
    entry[field] += 1;
    this.byName.set(key, entry);
  }

  /** The person with exactly this name (normalised), or null. */
  lookup(name: string): PersonEntry | null {
    return this.byName.get(queryText(name).text) ?? null;
  }

  /**
   * People named in the query, longest names first; spans never overlap and skip tokens in
   * `taken` (already claimed by titles or other detectors).
   */
  find(query: QueryText, taken?: readonly boolean[]): PersonMention[] {
    const tokens = query.tokens;
    const claimed = taken ? [...taken] : new Array<boolean>(tokens.length).fill(false);
    const found: PersonMention[] = [];
    for (let length = Math.min(MAX_NAME_TOKENS, tokens.length); length >= 2; length -= 1) {
      for (let start = 0; start + length <= tokens.length; start += 1) {
        let free = true;
        for (let index = start; index < start + length; index += 1) if (claimed[index]) free = false;
        if (!free) continue;
        const phrase = tokens.slice(start, start + length).join(" ");
        const person = this.byName.get(phrase) ?? (phrase.endsWith("s") ? this.byName.get(phrase.slice(0, -1)) : undefined);
        if (!person) continue;
        found.push({ start, end: start + length, person, role: this.role(tokens, start, person), match: "full", phrase });
        for (let index = start; index < start + length; index += 1) claimed[index] = true;
      }
    }
    for (let start = 0; start < tokens.length; start += 1) {
      if (claimed[start]) continue;
      const token = tokens[start];
      const person = this.bySurname.get(token) ?? (token.endsWith("s") ? this.bySurname.get(token.slice(0, -1)) : undefined);
      if (!person) continue;
      const before = tokens[start - 1];
      const after = tokens[start + 1];
      if (!(before !== undefined && DIRECTOR_CUES.has(before)) && !(after !== undefined && SURNAME_FOLLOWERS.has(after)) && !(token.endsWith("s") && after !== undefined)) continue;
      if (token.endsWith("s") && !this.bySurname.has(token) && !(after !== undefined && SURNAME_FOLLOWERS.has(after))) continue;
      found.push({ start, end: start + 1, person, role: "director", match: "surname", phrase: token });
      claimed[start] = true;
    }
    return found.sort((a, b) => a.start - b.start);
  }

  private role(tokens: readonly string[], start: number, person: PersonEntry): PersonMention["role"] {
    const before = tokens.slice(Math.max(0, start - 2), start);
    if (before.some((token) => DIRECTOR_CUES.has(token))) return "director";
    if (before.some((token) => CAST_CUES.has(token))) return "cast";
    if (person.directed > 0 && person.acted === 0) return "director";
    if (person.acted > 0 && person.directed === 0) return "cast";
    return "any";
  }
}
