import { EVALUATION_RECORD_KIND, type StoredEvaluation } from "../evaluation";
import { ReelcastError } from "../errors/reelcast-error";
import type { Store } from "../store";
import { bearerToken, isAdminToken } from "./admin-token";
import { unknownApiError } from "./api-not-found";

/** How many evaluations one answer holds at most, and by default. */
const MAX_EVALUATIONS = 100;
const DEFAULT_EVALUATIONS = 10;

export interface EvaluationsAnswer {
  /** Newest first, one per window (the newest record of a window evaluated twice). */
  evaluations: Array<{ id: number; at: number; evaluation: StoredEvaluation }>;
}

/**
 * GET /api/insights/evaluation[?limit=n]: the log evaluator's newest stored evaluations
 * (lib/server/log-evaluator.ts), for `Authorization: Bearer <REELCAST_ADMIN_TOKEN>` only; without
 * it, the unknown-path JSON 404. 400 for a bad limit; 503 without a database.
 */
export async function evaluationsResponse(request: Request, store: () => Promise<Store | null>): Promise<Response> {
  if (!(await isAdminToken(bearerToken(request.headers.get("authorization"))))) return unknownApiError().toResponse();
  const text = new URL(request.url).searchParams.get("limit");
  const limit = text === null ? DEFAULT_EVALUATIONS : Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVALUATIONS) {
    return new ReelcastError("bad_request:api", `limit must be a whole number from 1 to ${MAX_EVALUATIONS}.`).toResponse();
  }
  const opened = await store();
  if (!opened) return new ReelcastError("unavailable:store", "Evaluations are kept in the database, which this server is running without.").toResponse();
  // A few spare records, so windows evaluated twice (two servers racing) still fill the answer.
  const records = await opened.listOperatorRecords(EVALUATION_RECORD_KIND, { limit: limit * 2 });
  const seen = new Set<number>();
  const evaluations: EvaluationsAnswer["evaluations"] = [];
  for (const record of records.reverse()) {
    const evaluation = record.payload as unknown as StoredEvaluation;
    const windowTo = evaluation?.window?.to;
    if (typeof windowTo !== "number" || seen.has(windowTo)) continue;
    seen.add(windowTo);
    evaluations.push({ id: record.id, at: record.at, evaluation });
    if (evaluations.length === limit) break;
  }
  const answer: EvaluationsAnswer = { evaluations };
  return Response.json(answer, { headers: { "cache-control": "no-store" } });
}
