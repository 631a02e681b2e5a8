import type { ReactNode } from "react";

/** One panel of the insights page: a titled card with a one-line note on where its numbers come from. */
export function Panel({ title, note, testId, children }: { title: string; note: string; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId} aria-labelledby={`${testId}-title`} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={`${testId}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">{note}</p>
      {children}
    </section>
  );
}

/** The honest empty state: what would appear here, and why it has not yet. */
export function NoDataYet({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <p data-testid={testId} className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      {children}
    </p>
  );
}

export const TABLE = "w-full text-left text-sm tabular-nums";
const HEAD_CELL = "border-b border-zinc-200 py-1 pr-3 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400";
export const CELL = "border-b border-zinc-100 py-1 pr-3 dark:border-zinc-800/60";

/** A table's header row. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} className={HEAD_CELL}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
