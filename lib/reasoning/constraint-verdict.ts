import { z } from "zod";
import { constraintStrengthSchema, PERSON_ROLES } from "./constraints";

/**
 * One stated constraint as data, as a verdict names it: what was asked, never how it is phrased.
 * Hard ones come from hard-checks.ts (the filter's own verdicts); soft ones are
 * judged by the same tests without filtering.
 */
export const constraintSubjectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("genre"), genre: z.string() }),
  z.object({ kind: z.literal("excluded-genre"), genre: z.string() }),
  z.object({ kind: z.literal("years"), from: z.number().int().nullable(), to: z.number().int().nullable() }),
  z.object({ kind: z.literal("runtime"), minMinutes: z.number().nullable(), maxMinutes: z.number().nullable() }),
  /** ISO 639-1 codes (TMDB's "cn" for Cantonese); the film's original language must be one of them. */
  z.object({ kind: z.literal("language"), languages: z.array(z.string()) }),
  z.object({ kind: z.literal("excluded-language"), languages: z.array(z.string()) }),
  z.object({ kind: z.literal("person"), name: z.string(), role: z.enum(PERSON_ROLES) }),
  z.object({ kind: z.literal("excluded-person"), name: z.string(), role: z.enum(PERSON_ROLES) }),
  z.object({ kind: z.literal("excluded-titles"), titles: z.array(z.string()) }),
  z.object({ kind: z.literal("excluded-keywords"), keywords: z.array(z.string()) }),
  /** Films already shown or turned down in this conversation. */
  z.object({ kind: z.literal("not-shown-before") }),
]);

export type ConstraintSubject = z.infer<typeof constraintSubjectSchema>;

/**
 * How one film stands against one stated constraint: "met"; "not-met" (only ever a soft
 * preference, or a hard one nothing relaxed, which should not happen); "unknown" (the catalog
 * does not record the value); "relaxed" (broken, and admitted because a stated relaxation
 * widened or dropped the constraint).
 */
export const verdictStatusSchema = z.enum(["met", "not-met", "unknown", "relaxed"]);
export type VerdictStatus = z.infer<typeof verdictStatusSchema>;

/** The subject with its strength and status, before the pipeline attaches the relaxation. */
export const constraintJudgementSchema = z.object({
  constraint: constraintSubjectSchema,
  strength: constraintStrengthSchema,
  status: verdictStatusSchema,
});
