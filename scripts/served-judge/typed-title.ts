/** Articles MovieLens moves to the end of a title ("Godfather, The"), in the languages it uses. */
const TRAILING_ARTICLE = /,\s*(The|A|An|Les|La|Le|L'|Il|El|Los|Las|Lo|Das|Die|Der|Den|Det|De|Un|Une|I|Gli)\s*$/i;

/**
 * A MovieLens title as a person types it: the year dropped, a trailing parenthesised alternative
 * or foreign title dropped ("Seven (a.k.a. Se7en) (1995)" → "Seven", "Amelie (Fabuleux destin
 * d'Amélie Poulain, Le) (2001)" → "Amelie"), and a trailing article put back in front
 * ("Godfather, The (1972)" → "The Godfather").
 */
export function typedTitle(rawTitle: string): string {
  let title = rawTitle.trim().replace(/\s*\(\d{4}(?:[-–]\d{4})?\)\s*$/, "");
  // Trailing "(…)" groups are alternative titles; a title that is only a group stays as it is.
  for (let match = /^(.+?)\s*\([^()]*\)\s*$/.exec(title); match; match = /^(.+?)\s*\([^()]*\)\s*$/.exec(title)) title = match[1];
  const article = TRAILING_ARTICLE.exec(title);
  if (article) {
    const word = article[1];
    const rest = title.slice(0, article.index).trim();
    title = word.endsWith("'") ? `${word}${rest}` : `${word} ${rest}`;
  }
  return title.replace(/\s+/g, " ").trim();
}

/** Words a subtitle needs before people leave it out ("Borat: Cultural Learnings of America for…"). */
const LONG_SUBTITLE_WORDS = 6;

/**
 * The title without a long subtitle, as people say it ("Borat", "Dr. Strangelove"), when no
 * other film's title starts with the same words; otherwise the title as it is ("Star Wars:
 * Episode IV - A New Hope" stays, as "Star Wars" names several films).
 */
export function spokenTitle(title: string, otherTitles: Iterable<string>): string {
  const match = /^(.+?)(?:\s+or)?:\s+(.+)$/i.exec(title);
  if (!match || match[2].split(/\s+/).length < LONG_SUBTITLE_WORDS) return title;
  const stem = match[1].trim();
  const lowerStem = stem.toLowerCase();
  for (const other of otherTitles) {
    if (other === title) continue;
    const lower = other.toLowerCase();
    if (lower === lowerStem || lower.startsWith(`${lowerStem}:`) || lower.startsWith(`${lowerStem} `)) return title;
  }
  return stem;
}
