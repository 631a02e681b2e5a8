import { z } from "zod";

/**
 * What the bandit knows about the request when it picks explanations and order. Built by the
 * pipeline from the request, the session and the clock (the bandit never reads a clock).
 */
export const banditContextSchema = z.object({
  /** Catalog indexes of items liked in this session, most recent first. */
  likedItemIndexes: z.array(z.number().int().nonnegative()),
  constraints: z.object({
    runtimeMaxMinutes: z.number().positive().nullable(),
    genres: z.array(z.string()),
    /** Free-text mood of the request ("dark and rainy"), when the person gave one. */
    moodText: z.string().nullable(),
  }),
  path: z.enum(["fast", "reasoning"]),
  /** Local hour of the request, 0..23, from the clock the caller passes. */
  hourOfDay: z.number().int().min(0).max(23),
  /** Requests so far in the session, counting this one (1 on the first request). */
  sessionTurns: z.number().int().positive(),
  /**
   * A stable key for the person (a user id, else the session id) so the model can learn that
   * this person answers to some explanations more than others; null keeps the model global.
   */
  userKey: z.string().nullable(),
});

export type BanditContext = z.infer<typeof banditContextSchema>;

/** A context with no session history and no constraints, for callers that know nothing yet. */
export function emptyContext(overrides: Partial<BanditContext> = {}): BanditContext {
  return {
    likedItemIndexes: [],
    constraints: { runtimeMaxMinutes: null, genres: [], moodText: null },
    path: "fast",
    hourOfDay: 12,
    sessionTurns: 1,
    userKey: null,
    ...overrides,
  };
}

export const TIME_OF_DAY = ["night", "morning", "afternoon", "evening"] as const;
export type TimeOfDay = (typeof TIME_OF_DAY)[number];

/** Night 0–5 h, morning 6–11 h, afternoon 12–17 h, evening 18–23 h. */
export function timeOfDay(hourOfDay: number): TimeOfDay {
  return TIME_OF_DAY[Math.floor((((hourOfDay % 24) + 24) % 24) / 6)];
}

/** Session length bucket: 0 = first request, 1 = 2–3 requests, 2 = 4 or more. */
export function sessionLengthBucket(sessionTurns: number): number {
  if (sessionTurns <= 1) return 0;
  return sessionTurns <= 3 ? 1 : 2;
}
