import type { RecommendedItem } from "../lib/pipeline/contract";

function formatRuntime(minutes: number | null): string | null {
  if (minutes === null) return null;
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/** One recommended film: title, facts and, when the bandit chose one, the explanation. */
export function RecommendationCard({ item }: { item: RecommendedItem }) {
  const facts = [item.year, formatRuntime(item.runtimeMinutes), item.language?.toUpperCase()].filter(Boolean).join(" · ");
  return (
    <article data-testid="recommendation-card" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h3 className="text-base font-semibold" data-testid="card-title">
        {item.title}
      </h3>
      {facts && <p className="text-sm text-zinc-500 dark:text-zinc-400">{facts}</p>}
      {item.genres.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Genres">
          {item.genres.map((genre) => (
            <li key={genre} className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800">
              {genre}
            </li>
          ))}
        </ul>
      )}
      {item.directors.length > 0 && <p className="mt-2 text-sm">Directed by {item.directors.join(", ")}</p>}
      {item.cast.length > 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">With {item.cast.slice(0, 3).join(", ")}</p>}
      {item.explanation && <p className="mt-2 text-sm italic">{item.explanation.text}</p>}
    </article>
  );
}
