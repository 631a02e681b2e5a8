/** Articles MovieLens moves to the end ("Matrix, The"), across the languages it carries. */
const TRAILING_ARTICLE = /^(.+), (The|A|An|Les|La|Le|L'|Il|Lo|I|Gli|Das|Der|Die|Den|Det|El|Los|Las|Une|Un|O|Os|As)$/;

const YEAR_SUFFIX = /\s*\((\d{4})(?:\s*[-–]\s*(?:\d{4})?)?\)\s*$/;
const PARENTHESISED_SUFFIX = /\s*\(([^()]+)\)\s*$/;

export interface ParsedMovieLensTitle {
  title: string;
  year: number | null;
  /** Alternate titles MovieLens gives in parentheses, article-normalised. */
  aliases: string[];
}

/** "Matrix, The" → "The Matrix"; "Amelie, L'" → "L'Amelie". */
export function moveTrailingArticle(title: string): string {
  const match = TRAILING_ARTICLE.exec(title.trim());
  if (!match) return title.trim();
  const [, rest, article] = match;
  return article.endsWith("'") ? `${article}${rest}` : `${article} ${rest}`;
}

/**
 * Splits a MovieLens title such as "City of Lost Children, The (Cité des enfants perdus, La)
 * (1995)" into the display title "The City of Lost Children", the year and the aliases.
 */
export function parseMovieLensTitle(raw: string): ParsedMovieLensTitle {
  let rest = raw.trim();
  let year: number | null = null;
  const yearMatch = YEAR_SUFFIX.exec(rest);
  if (yearMatch) {
    year = Number(yearMatch[1]);
    rest = rest.slice(0, yearMatch.index).trim();
  }
  const aliases: string[] = [];
  // Only peel a parenthesised suffix when something remains before it: "(500) Days of Summer".
  for (let match = PARENTHESISED_SUFFIX.exec(rest); match && match.index > 0; match = PARENTHESISED_SUFFIX.exec(rest)) {
    const alias = match[1].replace(/^a\.k\.a\.\s*/i, "").trim();
    if (alias) aliases.unshift(moveTrailingArticle(alias));
    rest = rest.slice(0, match.index).trim();
  }
  return { title: moveTrailingArticle(rest) || raw.trim(), year, aliases };
}
