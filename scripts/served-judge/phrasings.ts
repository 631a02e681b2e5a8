/**
 * How the judge asks for films. A lookup names the film the person wants to see (it should come
 * first); a reference names films the person already knows (they should never be shown back, and
 * what follows should be films like them).
 */
export type PhrasingKind = "lookup" | "reference";

export interface Phrasing {
  id: string;
  kind: PhrasingKind;
  /** "{X}" is the first drawn film's title, "{Y}" the next drawn film's; "{X~}" the title with a seeded typo. */
  template: string;
}

const PHRASINGS: readonly Phrasing[] = [
  { id: "bare-title", kind: "lookup", template: "{X}" },
  { id: "typo", kind: "lookup", template: "{X~}" },
  { id: "movies-like", kind: "reference", template: "movies like {X}" },
  { id: "loved-next", kind: "reference", template: "I loved {X}, what should I watch next?" },
  { id: "similar-to", kind: "reference", template: "something similar to {X}" },
  { id: "favourite", kind: "reference", template: "my favourite film is {X}" },
  { id: "vibes", kind: "reference", template: "{X} vibes" },
  { id: "in-a-sentence", kind: "reference", template: "we watched {X} last night, what else would we enjoy?" },
  { id: "mix-of-two", kind: "reference", template: "a mix of {X} and {Y}" },
  { id: "in-the-vein", kind: "reference", template: "in the vein of {X}" },
  { id: "anything-like-please", kind: "reference", template: "anything like {X} please" },
];

/** The reference phrasing the others are held to (neighbour precision within 0.05 of it). */
export const REFERENCE_PHRASING = "movies-like";

/** How many films a phrasing names. */
export const filmsNamed = (phrasing: Phrasing): 1 | 2 => (phrasing.template.includes("{Y}") ? 2 : 1);

/** The words of the phrasing around the titles (filler the pipeline should never search for). */
export const fillerText = (phrasing: Phrasing): string => phrasing.template.replace(/\{[XY]~?\}/g, " ");

/** The request text for these titles. */
export function renderPhrasing(phrasing: Phrasing, titles: { x: string; xTypo: string | null; y: string | null }): string | null {
  if (phrasing.template.includes("{X~}") && titles.xTypo === null) return null;
  if (phrasing.template.includes("{Y}") && titles.y === null) return null;
  return phrasing.template
    .replace("{X~}", titles.xTypo ?? "")
    .replace("{X}", titles.x)
    .replace("{Y}", titles.y ?? "");
}

/** The phrasings with these ids, in the order given; throws on an unknown id. */
export function selectPhrasings(ids: readonly string[] | undefined): Phrasing[] {
  if (!ids || ids.length === 0) return [...PHRASINGS];
  return ids.map((id) => {
    const phrasing = PHRASINGS.find((candidate) => candidate.id === id);
    if (!phrasing) throw new Error(`unknown phrasing "${id}"; known: ${PHRASINGS.map((candidate) => candidate.id).join(", ")}`);
    return phrasing;
  });
}
