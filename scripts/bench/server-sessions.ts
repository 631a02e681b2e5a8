/**
 * Session ids for load runs, issued by the server under test: it continues only ids it issued
 * (an unknown id would start a new session on every request), so a bench of returning visitors
 * first asks for its sessions, one request each, as a real client gets its id.
 */
export async function serverSessionIds(baseUrl: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${baseUrl}/api/recommend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "comedy", limit: 1 }) });
    const body = (await response.json()) as { sessionId?: string | null };
    if (!response.ok || !body.sessionId) throw new Error(`the server issued no session (HTTP ${response.status}): ${JSON.stringify(body)}`);
    ids.push(body.sessionId);
  }
  return ids;
}

/** Request bodies for `queries` that cycle through `sessionIds` (returning visitors). */
export function sessionBodies(queries: readonly string[], sessionIds: readonly string[], extra: Record<string, unknown> = {}, offset = 0): string[] {
  return queries.map((query, index) => JSON.stringify({ query, limit: 10, ...extra, sessionId: sessionIds[(index + offset) % sessionIds.length] }));
}
