/** What a person did with a card; "click" is "more like this". */
export type FeedbackEvent = "like" | "skip" | "click";

export type FeedbackResult = { ok: true } | { ok: false; message: string };

/** The error message of a JSON error body (`{ error: { message } }`), or null. */
export function errorMessageFromBody(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    return typeof body?.error?.message === "string" ? body.error.message : null;
  } catch {
    return null;
  }
}

/** POST /api/feedback; never throws: a failure comes back as a message to show on the card. */
export async function postFeedback(impressionId: string, itemId: string, event: FeedbackEvent): Promise<FeedbackResult> {
  try {
    const response = await fetch("/api/feedback", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ impressionId, itemId, event }),
    });
    if (response.ok) return { ok: true };
    const reason = errorMessageFromBody(await response.text().catch(() => ""));
    return { ok: false, message: `Feedback was not saved (HTTP ${response.status}${reason ? `: ${reason}` : ""}).` };
  } catch {
    return { ok: false, message: "Feedback was not saved: the server could not be reached." };
  }
}
