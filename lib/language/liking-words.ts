/**
 * Words after a title that say the person liked it ("Whiplash was amazing", "… and loved it"):
 * read by the analysis (such a title is a reference) and by the title intent (a stated like).
 */
export const LIKING_AFTER = new Set([
  "amazing",
  "great",
  "awesome",
  "loved",
  "fantastic",
  "incredible",
  "brilliant",
  "masterpiece",
  "favourite",
  "favorite",
  "blew",
  "perfect",
  "excellent",
  "superb",
  "wonderful",
  "beautiful",
  "enjoyed",
  "gorgeous",
]);

/** How far after a title a liking word may stand ("just watched Mad Max and loved it"). */
export const LIKING_AFTER_WINDOW = 5;
