import type { RecommendationsData } from "../lib/chat/chat-message";

type Film = { id: string; title: string; year: number | null };

const label = (film: Film) => (film.year === null ? film.title : `${film.title} (${film.year})`);

const chip =
  "rounded-full border border-zinc-300 px-3 py-1 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Up to four films as buttons; a click asks `ask(film)`. */
export function FilmChips({ films, onSuggest, ask }: { films: readonly Film[]; onSuggest: (text: string) => void; ask: (film: Film) => string }) {
  return (
    <>
      {films.slice(0, 4).map((film) => (
        <button key={film.id} type="button" onClick={() => onSuggest(ask(film))} className={chip}>
          {label(film)}
        </button>
      ))}
    </>
  );
}

/** A film asked for again with its year, which picks it among its namesakes ("Dune 2000"). */
export const withYear = (film: Film) => (film.year === null ? film.title : `${film.title} ${film.year}`);

/**
 * What the answer understood about titles, said plainly: which catalog films "like …" used, names
 * the catalog lacks (with the closest titles), and other films of a looked-up title. Each
 * suggestion asks again with the film's year, which picks it.
 */
export function TitleNotes({ recommendations, onSuggest }: { recommendations: RecommendationsData; onSuggest: (text: string) => void }) {
  const { references = [], unknownTitles = [], didYouMean = [] } = recommendations;
  return (
    <>
      {references.length > 0 && (
        <p data-testid="references" className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          Films like {references.map(label).join(" and ")}
        </p>
      )}
      {references.map((reference) =>
        reference.note ? (
          <p key={`note-${reference.id}`} data-testid="reference-note" className="mt-1 text-sm text-amber-900 dark:text-amber-200">
            {reference.note}
          </p>
        ) : null,
      )}
      {unknownTitles.map((unknown) => (
        <p key={unknown.text} data-testid="unknown-title" className="mt-2 flex flex-wrap items-center gap-2 text-sm text-amber-900 dark:text-amber-200">
          <span>“{unknown.text}” is not in the catalog.</span>
          {unknown.didYouMean.length > 0 && <span>Did you mean</span>}
          <FilmChips films={unknown.didYouMean} onSuggest={onSuggest} ask={(film) => `movies like ${withYear(film)}`} />
        </p>
      ))}
      {didYouMean.length > 0 && (
        <p data-testid="did-you-mean" className="mt-2 flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <span>Did you mean</span>
          <FilmChips films={didYouMean} onSuggest={onSuggest} ask={withYear} />
        </p>
      )}
    </>
  );
}
