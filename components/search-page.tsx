"use client";

import { useState, type FormEvent } from "react";
import type { RecommendResponse } from "../lib/pipeline/contract";
import { RecommendationCard } from "./recommendation-card";

type State = { status: "idle" } | { status: "loading" } | { status: "error"; message: string } | { status: "done"; response: RecommendResponse };

/** The query box and result cards, calling POST /api/recommend. */
export function SearchPage() {
  const [query, setQuery] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!query.trim()) return;
    setState({ status: "loading" });
    try {
      const response = await fetch("/api/recommend", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, limit: 12 }),
      });
      const body = await response.json();
      if (!response.ok) setState({ status: "error", message: body?.error?.message ?? `Request failed (${response.status})` });
      else setState({ status: "done", response: body as RecommendResponse });
    } catch {
      setState({ status: "error", message: "Could not reach the server." });
    }
  }

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Reelcast</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">Ask for films in plain language.</p>
      <form onSubmit={submit} className="mt-6 flex gap-2" role="search">
        <label htmlFor="query" className="sr-only">
          What do you feel like watching?
        </label>
        <input
          id="query"
          data-testid="query-input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          maxLength={2000}
          placeholder="blade runner, tom hanks, something funny under 90 minutes…"
          className="flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" data-testid="search-button" className="rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-50" disabled={state.status === "loading"}>
          Search
        </button>
      </form>
      <section aria-live="polite" className="mt-8">
        {state.status === "loading" && <p data-testid="loading">Finding films…</p>}
        {state.status === "error" && (
          <p role="alert" data-testid="error" className="text-red-600">
            {state.message}
          </p>
        )}
        {state.status === "done" && state.response.items.length === 0 && <p data-testid="empty">No films matched. Try other words.</p>}
        {state.status === "done" && state.response.items.length > 0 && (
          <>
            <p className="mb-3 text-xs text-zinc-500" data-testid="route-info">
              {state.response.route.path} path · {state.response.route.latencyMs} ms · {state.response.route.reasons.join("; ")}
            </p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {state.response.items.map((item) => (
                <RecommendationCard key={item.id} item={item} />
              ))}
            </div>
          </>
        )}
      </section>
    </main>
  );
}
