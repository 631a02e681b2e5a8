import assert from "node:assert/strict";
import { test } from "node:test";
import { moveTrailingArticle, parseMovieLensTitle } from "../../../catalog/movielens-title";
import { canonicalGenres } from "../../../lib/catalog/genres";

test("moves MovieLens trailing articles to the front", () => {
  assert.equal(moveTrailingArticle("Matrix, The"), "The Matrix");
  assert.equal(moveTrailingArticle("Misérables, Les"), "Les Misérables");
  assert.equal(moveTrailingArticle("Good, the Bad and the Ugly, The"), "The Good, the Bad and the Ugly");
  assert.equal(moveTrailingArticle("Heat"), "Heat");
});

test("splits year and alternate titles", () => {
  assert.deepEqual(parseMovieLensTitle("Matrix, The (1999)"), { title: "The Matrix", year: 1999, aliases: [] });
  assert.deepEqual(parseMovieLensTitle("City of Lost Children, The (Cité des enfants perdus, La) (1995)"), {
    title: "The City of Lost Children",
    year: 1995,
    aliases: ["La Cité des enfants perdus"],
  });
  assert.deepEqual(parseMovieLensTitle("Seven (a.k.a. Se7en) (1995)"), { title: "Seven", year: 1995, aliases: ["Se7en"] });
  assert.deepEqual(parseMovieLensTitle("(500) Days of Summer (2009)"), { title: "(500) Days of Summer", year: 2009, aliases: [] });
  assert.deepEqual(parseMovieLensTitle("Babylon 5"), { title: "Babylon 5", year: null, aliases: [] });
  assert.equal(parseMovieLensTitle("Fawlty Towers (1975-1979)").year, 1975);
});

test("one genre vocabulary across MovieLens and TMDB", () => {
  assert.deepEqual(canonicalGenres(["Sci-Fi", "Science Fiction", "Children", "Family", "(no genres listed)"]), ["Sci-Fi", "Family"]);
});
