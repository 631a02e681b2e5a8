import { ReelcastError } from "../errors/reelcast-error";

/**
 * The JSON 404 of any path under /api that no route serves. Operator endpoints answer with
 * exactly this without the admin token, so a caller cannot tell them from paths that do not
 * exist (lib/server/admin-token.ts).
 */
export function unknownApiError(): ReelcastError {
  return new ReelcastError("not_found:api", "There is no such API endpoint. The API: POST /api/recommend, /api/chat, /api/feedback, /api/narration; GET /api/health, /api/conversations/:id.");
}
