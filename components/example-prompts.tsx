import { FOCUS_RING } from "./focus-ring";
import { ReelIcon } from "./icons";

/** Shown on the empty state: one of each kind the router tells apart. */
const EXAMPLE_PROMPTS: ReadonlyArray<{ text: string; kind: string }> = [
  { text: "blade runner", kind: "a title" },
  { text: "tom hanks", kind: "a person" },
  { text: "movies like Amélie", kind: "more like a film" },
  { text: "something funny but not stupid, under 90 minutes, no romance", kind: "a vibe with limits" },
  { text: "a sci-fi movie that feels like Blade Runner but was made in the 90s", kind: "a reference with a twist" },
  { text: "cozy mystery under 100 minutes", kind: "a mood" },
];

/** The empty state: what Reelcast does and prompts to start with. */
export function ExamplePrompts({ onPick }: { onPick: (text: string) => void }) {
  return (
    <section aria-labelledby="examples-heading" className="mx-auto max-w-2xl py-8 text-center sm:py-16" data-testid="empty-state">
      <ReelIcon className="mx-auto h-12 w-12" />
      <h2 id="examples-heading" className="mt-3 text-2xl font-bold tracking-tight sm:text-3xl">
        What do you feel like watching?
      </h2>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">Ask in plain words: a title, a person, a mood, or a few wishes at once. Like or skip picks to steer the next answer.</p>
      <ul className="mt-6 grid gap-2 text-left sm:grid-cols-2">
        {EXAMPLE_PROMPTS.map((prompt) => (
          <li key={prompt.text}>
            <button
              type="button"
              data-testid="example-prompt"
              onClick={() => onPick(prompt.text)}
              className={`h-full w-full rounded-xl border border-zinc-200 bg-white px-4 py-3 text-left shadow-sm transition hover:border-indigo-400 hover:bg-indigo-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-indigo-950/40 ${FOCUS_RING}`}
            >
              <span className="block font-medium">{prompt.text}</span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">{prompt.kind}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
