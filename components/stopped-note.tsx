import { FOCUS_RING } from "./focus-ring";

/** Under a question the person stopped: says so, and asks it again on request. */
export function StoppedNote({ question, onRetry, disabled }: { question: string; onRetry: () => void; disabled: boolean }) {
  return (
    <div
      data-testid="stopped-note"
      className="flex flex-wrap items-center gap-3 rounded-xl border border-dashed border-zinc-300 px-4 py-2.5 text-sm text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
    >
      <span>
        <span aria-hidden="true">■ </span>Stopped. <span className="sr-only">The answer to “{question}” was stopped.</span>
      </span>
      <button
        type="button"
        onClick={onRetry}
        disabled={disabled}
        data-testid="retry-stopped"
        className={`rounded-lg disabled:opacity-50 border border-zinc-300 bg-white px-3 py-1 font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 ${FOCUS_RING}`}
      >
        Retry
      </button>
    </div>
  );
}
