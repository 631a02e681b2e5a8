/** Times on the charts in UTC, so the server's render and the browser's agree whatever their time zones. */
export function clockTime(at: number): string {
  return new Date(at).toISOString().slice(11, 19);
}

export function usd(value: number): string {
  return `$${value.toFixed(value !== 0 && Math.abs(value) < 0.1 ? 4 : 2)}`;
}

export function milliseconds(value: number | null): string {
  if (value === null) return "–";
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString("en-US")} ms`;
}

export function percent(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(1)}%`;
}

/** Colours per reasoner, also used by the tables' swatches. */
export const REASONER_COLOURS = { fast: "#0ea5e9", offline: "#a855f7", llm: "#f97316" } as const;
