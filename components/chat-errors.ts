import { errorMessageFromBody } from "./feedback-client";

/**
 * What to tell a person about a failed chat turn. useChat reports HTTP failures with the
 * response body as the message and stream failures with the server's error text.
 */
export function chatErrorMessage(error: Error): string {
  const fromJson = errorMessageFromBody(error.message);
  if (fromJson) return fromJson;
  const text = error.message.trim();
  if (/failed to fetch|networkerror|load failed/i.test(text)) return "Could not reach the server. Check your connection and try again.";
  // HTML error pages and empty bodies say nothing useful.
  if (!text || text.startsWith("<") || text.length > 300) return "The server could not answer this time. Please try again.";
  return text;
}
