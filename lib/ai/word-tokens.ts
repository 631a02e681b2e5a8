/**
 * Word tokens the way GloVe's corpus was tokenised: lower case, accents folded, hyphenated words
 * kept whole ("sci-fi", "neo-noir") so the caller can look them up before splitting them, "n't"
 * read as "not", and possessive "'s" dropped.
 */
export function wordTokens(text: string): string[] {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/&/g, " and ")
    .replace(/n't\b/g, " not")
    .replace(/'s\b/g, "")
    .replace(/'/g, "");
  return folded.match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];
}

/**
 * Resolves tokens against a vocabulary: a hyphenated token found whole stays whole, otherwise its
 * parts are looked up one by one. Tokens absent from the vocabulary are dropped.
 */
export function vocabularyTokens(tokens: readonly string[], has: (word: string) => boolean): string[] {
  const resolved: string[] = [];
  for (const token of tokens) {
    if (has(token)) {
      resolved.push(token);
      continue;
    }
    if (!token.includes("-")) continue;
    for (const part of token.split("-")) if (part && has(part)) resolved.push(part);
  }
  return resolved;
}
