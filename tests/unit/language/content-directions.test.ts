import assert from "node:assert/strict";
import { test } from "node:test";
import { findContentDirections } from "../../../lib/language/content-directions";
import { queryText } from "../../../lib/language/query-text";
import { findVibeMentions } from "../../../lib/language/vibe-words";

const read = (query: string) => findContentDirections(queryText(query)).map((mention) => `${mention.towards} ${mention.direction} ${mention.amount}`);

test("comparatives and degree cues become directions with their polarity", () => {
  assert.deepEqual(read("like Pulp Fiction but less violent"), ["less violence 1"]);
  assert.deepEqual(read("more violent action movies"), ["more violence 1"]);
  assert.deepEqual(read("bloodier westerns"), ["more violence 1"]);
  assert.deepEqual(read("something like Toy Story but darker"), ["more darkness 1"]);
  assert.deepEqual(read("a lighter take on Se7en"), ["less darkness 1"]);
  assert.deepEqual(read("something more lighthearted"), ["less darkness 1"]);
  assert.deepEqual(read("more upbeat"), ["less darkness 1"]);
  assert.deepEqual(read("grittier"), ["more darkness 1"]);
  assert.deepEqual(read("less scary horror movies"), ["less intensity 1"]);
  assert.deepEqual(read("fewer jump scares"), ["less intensity 1"]);
  assert.deepEqual(read("lighter on the gore"), ["less violence 1"], "'lighter on X' is about X, not the tone");
  assert.deepEqual(read("that was too dark"), ["less darkness 1"], "a complaint asks for the other end");
});

test("'gentler' moves two axes, split so it moves as far as a one-axis wish", () => {
  assert.deepEqual(read("gentler than Alien"), ["less violence 0.71", "less intensity 0.71"]);
});

test("degree words and 'not too' scale the amount", () => {
  assert.deepEqual(read("a bit darker"), ["more darkness 0.5"]);
  assert.deepEqual(read("far less violent"), ["less violence 1.5"]);
  assert.deepEqual(read("war movies but not too violent"), ["less violence 0.75"]);
  assert.deepEqual(read("not too dark, not too scary"), ["less darkness 0.75", "less intensity 0.75"]);
  assert.deepEqual(read("a bit less of the gore and blood"), ["less violence 0.5"], "one axis named twice is one wish");
});

test("bare moods, exclusions and unrelated comparatives are not directions", () => {
  assert.deepEqual(read("dark comedies"), []);
  assert.deepEqual(read("a violent thriller"), []);
  assert.deepEqual(read("horror without gore"), []);
  assert.deepEqual(read("no more gore"), []);
  assert.deepEqual(read("something less popular"), []);
  assert.deepEqual(read("more like Heat"), []);
  assert.deepEqual(read("funnier"), [], "humour is the Comedy genre's, not an axis");
});

test("a vibe word inside a direction is not a mood wish", () => {
  const vibes = (query: string) => findVibeMentions(queryText(query)).map((vibe) => vibe.vibe);
  assert.deepEqual(vibes("like Pulp Fiction but less violent"), []);
  assert.deepEqual(vibes("war movies but not too violent"), []);
  assert.deepEqual(vibes("something more lighthearted"), []);
  assert.deepEqual(vibes("a dark, violent thriller"), ["dark", "violent"], "bare moods stay moods");
});
