import assert from "node:assert/strict";
import { test } from "node:test";
import { GENRE_HUES, POSTER_MOTIFS, posterArt, titleHash, titleInitials } from "../../../lib/chat/poster-art";

const hue = (color: string) => Number(/^hsl\((\d+(?:\.\d+)?) /.exec(color)![1]);
const lightness = (color: string) => Number(/ (\d+)%\)$/.exec(color)![1]);

test("FNV-1a known answers", () => {
  assert.equal(titleHash(""), 0x811c9dc5);
  assert.equal(titleHash("a"), 0xe40c292c);
  assert.equal(titleHash("foobar"), 0xbf9cf968);
});

test("the same title and genres always give the same poster", () => {
  assert.deepEqual(posterArt("Blade Runner", ["Sci-Fi", "Thriller"]), posterArt("Blade Runner", ["Sci-Fi", "Thriller"]));
  // Layout comes from the title alone; the genres only recolour it.
  const sciFi = posterArt("Blade Runner", ["Sci-Fi"]);
  const western = posterArt("Blade Runner", ["Western"]);
  assert.deepEqual([sciFi.motif, sciFi.angle, sciFi.focus, sciFi.initials], [western.motif, western.angle, western.focus, "BR"]);
  assert.notEqual(sciFi.colors[0], western.colors[0]);
});

test("the first genre sets the hue (within the title's jitter of ±15°)", () => {
  for (const title of ["Heat", "Clue", "Alien", "Up", "Fargo", "Brazil", "Amélie"]) {
    for (const genre of ["Comedy", "Sci-Fi", "Drama", "Western"]) {
      const art = posterArt(title, [genre]);
      const distance = Math.abs(((hue(art.colors[0]) - GENRE_HUES[genre] + 540) % 360) - 180);
      assert.ok(distance <= 15, `${title} / ${genre}: ${art.colors[0]}`);
    }
  }
});

test("horror, noir and thrillers are dark; other genres are not", () => {
  assert.ok(lightness(posterArt("The Shining", ["Horror"]).colors[2]) < 20);
  assert.ok(lightness(posterArt("Paddington", ["Family", "Comedy"]).colors[2]) >= 28);
});

test("titles spread over motifs, angles and colours", () => {
  const titles = Array.from({ length: 80 }, (_, index) => `Film number ${index}`);
  const arts = titles.map((title) => posterArt(title, ["Drama"]));
  assert.equal(new Set(arts.map((art) => art.motif)).size, POSTER_MOTIFS.length);
  assert.ok(new Set(arts.map((art) => art.angle)).size > 30);
  assert.ok(new Set(arts.map((art) => art.colors[0])).size > 20);
  for (const art of arts) {
    assert.ok(art.focus.x >= 30 && art.focus.x <= 90 && art.focus.y >= 35 && art.focus.y <= 84);
  }
});

test("initials skip leading articles", () => {
  assert.equal(titleInitials("Blade Runner"), "BR");
  assert.equal(titleInitials("The Matrix"), "M");
  assert.equal(titleInitials("2001: A Space Odyssey"), "2S");
  assert.equal(titleInitials("Amélie"), "A");
  assert.equal(titleInitials("The"), "T");
  assert.equal(titleInitials("  "), "?");
  assert.equal(titleInitials("Léon: The Professional (1994)"), "LP");
});
