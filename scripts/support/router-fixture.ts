import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Hard constraints a correct answer to a labelled query meets (see the fixture's description). */
export const expectedConstraintsSchema = z.object({
  genresInclude: z.array(z.string()).optional(),
  genresExclude: z.array(z.string()).optional(),
  yearFrom: z.number().int().optional(),
  yearTo: z.number().int().optional(),
  runtimeMin: z.number().optional(),
  runtimeMax: z.number().optional(),
  language: z.array(z.string()).optional(),
  languageExclude: z.array(z.string()).optional(),
  people: z.array(z.string()).optional(),
});
export type ExpectedConstraints = z.infer<typeof expectedConstraintsSchema>;

export const routerQuerySchema = z.object({
  id: z.number().int(),
  query: z.string().min(1),
  label: z.enum(["fast", "reasoning"]),
  split: z.enum(["train", "test"]),
  context: z.object({ previousQuery: z.string() }).optional(),
  expected: expectedConstraintsSchema.optional(),
  expectedTitle: z.string().optional(),
  expectedPeople: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type RouterQuery = z.infer<typeof routerQuerySchema>;

const fixtureSchema = z.object({ description: z.string(), queries: z.array(routerQuerySchema) });

/** The labelled router set, validated (tests/fixtures/router-queries.json). */
export function loadRouterQueries(root = process.cwd()): RouterQuery[] {
  const file = path.join(root, "tests/fixtures/router-queries.json");
  return fixtureSchema.parse(JSON.parse(readFileSync(file, "utf8"))).queries;
}
