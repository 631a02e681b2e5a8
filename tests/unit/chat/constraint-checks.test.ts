import assert from "node:assert/strict";
import { test } from "node:test";
import { constraintLines } from "../../../components/constraint-checks";
import type { RecommendedItem } from "../../../lib/pipeline/contract";

const item = (overrides: Partial<RecommendedItem> = {}): RecommendedItem => ({
  id: "ml:1",
  title: "Clue",
  year: 1985,
  genres: ["Comedy", "Mystery"],
  runtimeMinutes: 94,
  language: "en",
  directors: [],
  cast: [],
  score: 1,
  explanation: null,
  modelReason: null,
  ...overrides,
});

test("runtime, genre and year constraints are checked against the film", () => {
  const constraints = { maxRuntimeMinutes: 90, excludeGenres: ["Romance"], includeGenres: ["Comedy"], yearRange: { from: 1980, to: 1989 }, mood: "funny but not stupid", references: [] };
  const lines = constraintLines(constraints, item());
  assert.deepEqual(lines, [
    { label: "Max runtime minutes: 90", satisfied: false },
    { label: "Exclude genres: Romance", satisfied: true },
    { label: "Include genres: Comedy", satisfied: true },
    { label: "Year range: from 1980, to 1989", satisfied: true },
    { label: "Mood: funny but not stupid", satisfied: null },
  ]);
  const short = constraintLines(constraints, item({ runtimeMinutes: 85, genres: ["Romance"], year: 1991 }));
  assert.deepEqual(
    short.map((line) => line.satisfied),
    [true, false, false, false, null],
  );
});

test("bounds in other shapes, unknown facts and no constraints", () => {
  assert.equal(constraintLines({ runtime: { max: 100 } }, item())[0].satisfied, true);
  assert.equal(constraintLines({ minYear: 1990 }, item())[0].satisfied, false);
  assert.equal(constraintLines({ maxRuntimeMinutes: 90 }, item({ runtimeMinutes: null }))[0].satisfied, null);
  assert.deepEqual(constraintLines(null, item()), []);
  assert.deepEqual(constraintLines({ excludeGenres: [], yearRange: { from: null, to: null } }, item()), []);
});
