import { z } from "zod";
import { parsePacingRecordPayload, type PacingRecordPayload } from "../../pacing";
import type { JsonValue } from "../../store";

/**
 * The other operator records the /insights page shows. Their writers own the payloads: the
 * pacing loop's "pacing" (lib/pacing, read with its own parser), the log evaluator's
 * "evaluation" (lib/evaluation's EvaluationResult, read here tolerantly: only the parts the page
 * shows). A record that does not read is counted as unreadable, never guessed at.
 */
export type PacingPoint = PacingRecordPayload & { at: number };

/** The pacing records as a series, oldest first, and how many could not be read. */
export function pacingSeries(records: ReadonlyArray<{ at: number; payload: JsonValue }>): { points: PacingPoint[]; unreadable: number } {
  const points: PacingPoint[] = [];
  let unreadable = 0;
  for (const record of records) {
    const parsed = parsePacingRecordPayload(record.payload);
    if (parsed) points.push({ ...parsed, at: record.at });
    else unreadable++;
  }
  return { points, unreadable };
}

const interval = z.object({ value: z.number().nullable(), lower: z.number().nullable(), upper: z.number().nullable(), effectiveSampleSize: z.number().optional() });
export const evaluationViewSchema = z.object({
  window: z.object({ from: z.number(), to: z.number() }),
  impressions: z.object({ total: z.number(), evaluated: z.number() }),
  method: z.object({ confidence: z.number() }).partial().optional(),
  policies: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      impressions: z.number(),
      perSlot: z.object({ ips: interval, snips: interval, dr: interval }),
      comparedToLogging: z.string(),
    }),
  ),
  drift: z.object({
    flags: z.array(
      z.object({
        metric: z.string(),
        previous: z.number().nullable(),
        current: z.number().nullable(),
        statistic: z.number().nullable(),
        threshold: z.number(),
        flagged: z.boolean(),
        skipped: z.string().nullable(),
      }),
    ),
  }),
});

export type EvaluationView = z.infer<typeof evaluationViewSchema> & { at: number };

/** The newest evaluation that reads, and how many stored ones did not. */
export function latestEvaluation(records: ReadonlyArray<{ at: number; payload: JsonValue }>): { latest: EvaluationView | null; stored: number; unreadable: number } {
  let latest: EvaluationView | null = null;
  let unreadable = 0;
  for (const record of records) {
    const parsed = evaluationViewSchema.safeParse(record.payload);
    if (parsed.success) {
      if (!latest || record.at >= latest.at) latest = { ...parsed.data, at: record.at };
    } else unreadable++;
  }
  return { latest, stored: records.length, unreadable };
}
