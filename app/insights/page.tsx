import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { InsightsDashboard } from "../../components/insights/insights-dashboard";
import { loadInsights } from "../../lib/metrics/insights/load-insights";
import { ADMIN_COOKIE, bearerToken, isAdminCookie, isAdminToken } from "../../lib/server/admin-token";
import { getEngine } from "../../lib/server/engine-singleton";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Reelcast — insights", robots: { index: false, follow: false } };

/**
 * The operator's page: route mix and spend against the ceilings, latency, the explanation arms,
 * the pacing loop and the log evaluator, from what every server process stored. Only with the
 * admin token: the cookie that /insights?token=… sets (proxy.ts), or an Authorization: Bearer
 * header (curl); otherwise the not-found page, as for any path that does not exist.
 */
export default async function InsightsPage() {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const allowed = (await isAdminCookie(cookieStore.get(ADMIN_COOKIE)?.value)) || (await isAdminToken(bearerToken(requestHeaders.get("authorization"))));
  if (!allowed) notFound();
  const data = await loadInsights(await getEngine());
  return (
    <main className="mx-auto max-w-7xl px-3 py-4 sm:px-6">
      <header className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold tracking-tight">Reelcast insights</h1>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">What every server process recorded over the last day. Reload for the newest snapshots.</p>
      </header>
      <InsightsDashboard data={data} />
    </main>
  );
}
