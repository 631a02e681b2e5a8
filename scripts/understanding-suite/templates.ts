/**
 * English templates of the paraphrase suite: each turns a choice of slot values into a request
 * and its expected constraints. Written from the constraint schema, never from the parser.
 *
 * Parser authors: do not read this folder while working on lib/language or the offline
 * reasoner; a quarter of these templates is the held-out test.
 */
import type { ConstraintsInput } from "../../lib/reasoning/constraints";
import { expect, merge } from "./expected";
import {
  ACTORS,
  COUNTS,
  decadeBounds,
  DECADE_BOUNDS,
  decadeText,
  DECADES,
  DIRECTORS,
  DURATIONS,
  FILLER_CLOSINGS,
  FILLER_OPENINGS,
  GENRE_FORMS,
  GENRE_OR_HEAD,
  GENRE_PAIRS,
  GENRE_TYPOS,
  LANGUAGES,
  ORDERINGS,
  RUNTIME_BOUNDS,
  TITLES,
  YEAR_BOUNDS,
  YEAR_RANGES,
  YEARS,
  type Decade,
  type GenreForm,
  type Ordering,
  type RuntimeBound,
  type YearBound,
} from "./slots";
import { template, type Template } from "./suite-types";
import { decadeYears, excluding, genreOf, rendered, runtimePhrase, runtimeSpan, two, yearPhrase, yearSpan } from "./template-helpers";

/** "a" or "an" before a word (by its first letter; good enough for the names used here). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

const the = (decade: Decade) => `the ${decadeText(decade.decade, decade.style)}`;
const yearAt = (bound: YearBound, position: "post" | "pre" | "released") => bound.positions.includes(position);
const runtimeAt = (bound: RuntimeBound, position: "post" | "runs" | "long") => bound.positions.includes(position);
const ordered = (ordering: Ordering): ConstraintsInput => merge(expect.sort(ordering.sort), ordering.discovery === null ? {} : expect.discovery(ordering.discovery));

const G = { g: GENRE_FORMS };
const GH = { g: GENRE_OR_HEAD };
const NEG = { a: GENRE_FORMS, b: GENRE_FORMS };

const genreTemplates: Template[] = [
  template("genre", "show-me", G, ({ g }) => rendered(`show me ${g.plural}`, genreOf(g))),
  template("genre", "bare-plural", G, ({ g }) => rendered(g.plural, genreOf(g))),
  template("genre", "want-to-watch", G, ({ g }) => rendered(`I want to watch ${g.singular}`, genreOf(g))),
  template("genre", "any-good", G, ({ g }) => rendered(`any good ${g.plural}?`, genreOf(g))),
  template("genre", "recommend", G, ({ g }) => rendered(`recommend ${g.singular}`, genreOf(g))),
  template("genre", "looking-for", G, ({ g }) => rendered(`looking for ${g.plural}`, genreOf(g))),
  template("genre", "mood-for", G, ({ g }) => rendered(`in the mood for ${g.singular}`, genreOf(g))),
  template("genre", "what-are-some", G, ({ g }) => rendered(`what are some ${g.plural} I should see`, genreOf(g))),
  template("genre", "singular-please", G, ({ g }) => rendered(`${g.singular} please`, genreOf(g))),
  template("genre", "suggest-some", G, ({ g }) => rendered(`suggest some ${g.plural}`, genreOf(g))),
  template("genre", "need-to-watch", G, ({ g }) => rendered(`I need ${g.singular} to watch`, genreOf(g))),
  template("genre", "pair-plural", { p: GENRE_PAIRS }, ({ p }) => rendered(p.plural, expect.genres(p.genres))),
  template("genre", "pair-would-like", { p: GENRE_PAIRS }, ({ p }) => rendered(`I'd like ${p.singular}`, expect.genres(p.genres))),
  template("genre", "pair-show-some", { p: GENRE_PAIRS }, ({ p }) => rendered(`show me some ${p.plural}`, expect.genres(p.genres))),
  template("genre", "pair-worth-watching", { p: GENRE_PAIRS }, ({ p }) => rendered(`any ${p.plural} worth watching?`, expect.genres(p.genres))),
  template("genre", "pair-both", NEG, ({ a, b }) => (two(a, b) ? rendered(`a movie that is both ${a.bare} and ${b.bare}`, expect.genres([a.genre!, b.genre!])) : null)),
];

const negationTemplates: Template[] = [
  template("genre-negation", "that-arent-plural", NEG, ({ a, b }) => excluding(a, b, `${a.plural} that aren't ${b.plural}`)),
  template("genre-negation", "that-arent-bare", NEG, ({ a, b }) => excluding(a, b, `${a.plural} that aren't ${b.bare}`)),
  template("genre-negation", "that-isnt", NEG, ({ a, b }) => excluding(a, b, `${a.singular} that isn't ${b.singular}`)),
  template("genre-negation", "that-is-not", NEG, ({ a, b }) => excluding(a, b, `${a.singular} that is not ${b.singular}`)),
  template("genre-negation", "nothing-adjective", NEG, ({ a, b }) => (b.adjective ? excluding(a, b, `${a.plural}, nothing ${b.adjective}`) : null)),
  template("genre-negation", "but-nothing-with", NEG, ({ a, b }) => excluding(a, b, `${a.plural} but nothing with ${b.bare}`)),
  template("genre-negation", "without-any", NEG, ({ a, b }) => excluding(a, b, `${a.plural} without any ${b.bare}`)),
  template("genre-negation", "minus-the", NEG, ({ a, b }) => excluding(a, b, `${a.plural} minus the ${b.bare}`)),
  template("genre-negation", "but-no", NEG, ({ a, b }) => excluding(a, b, `${a.plural} but no ${b.bare}`)),
  template("genre-negation", "comma-no", NEG, ({ a, b }) => excluding(a, b, `${a.plural}, no ${b.plural}`)),
  template("genre-negation", "but-not", NEG, ({ a, b }) => excluding(a, b, `${a.singular} but not ${b.singular}`)),
  template("genre-negation", "excluding", NEG, ({ a, b }) => excluding(a, b, `${a.plural} excluding ${b.bare}`)),
  template("genre-negation", "dont-want-just", NEG, ({ a, b }) => excluding(a, b, `I don't want ${b.bare}, just ${a.plural}`)),
  template("genre-negation", "comma-not", NEG, ({ a, b }) => excluding(a, b, `${a.plural}, not ${b.plural}`)),
  template("genre-negation", "with-no-in-it", NEG, ({ a, b }) => excluding(a, b, `${a.singular} with no ${b.bare} in it`)),
  template("genre-negation", "not-a-fan", NEG, ({ a, b }) => excluding(a, b, `not a fan of ${b.bare}, show me ${a.plural}`)),
  template("genre-negation", "rather-not", NEG, ({ a, b }) => excluding(a, b, `${a.plural}, but I'd rather not have ${b.bare}`)),
  template("genre-negation", "anything-but", { b: GENRE_FORMS }, ({ b }) => rendered(`anything but ${b.plural}`, expect.notGenre(b.genre!))),
  template("genre-negation", "no-please", { b: GENRE_FORMS }, ({ b }) => rendered(`no ${b.plural} please`, expect.notGenre(b.genre!))),
  template("genre-negation", "two-exclusions", { a: GENRE_FORMS, b: GENRE_FORMS, c: GENRE_FORMS }, ({ a, b, c }) =>
    two(a, b) && two(a, c) && two(b, c) ? rendered(`${a.plural} without ${b.bare} or ${c.bare}`, genreOf(a), expect.notGenre(b.genre!), expect.notGenre(c.genre!)) : null,
  ),
];

const GD = { g: GENRE_OR_HEAD, d: DECADES };
const nextDecade = (decade: Decade): Decade | null => (decade.decade >= 2010 ? null : { decade: decade.decade + 10, style: decade.decade + 10 >= 2000 ? "full" : decade.style });
/** "from the 80s or 90s": both decades, 1980–1999. */
const decadeSpan = (joiner: string) => ({ g, d }: { g: GenreForm; d: Decade }) => {
  const next = nextDecade(d);
  if (!next) return null;
  return rendered(`${g.plural} from the ${decadeText(d.decade, d.style)} ${joiner} ${decadeText(next.decade, next.style)}`, genreOf(g), expect.years({ from: d.decade, to: next.decade + 9 }));
};
const decadeBound = ({ g, d, b }: { g: GenreForm; d: Decade; b: (typeof DECADE_BOUNDS.values)[number]["value"] }, text: string) => {
  const bounds = b.bounds(d.decade);
  if ((bounds.from ?? 0) > 2019 || (bounds.to ?? 3000) < 1920) return null;
  return rendered(text, genreOf(g), expect.years(bounds));
};
const decadeTemplates: Template[] = [
  template("decade", "from-the", GD, ({ g, d }) => rendered(`${g.plural} from ${the(d)}`, genreOf(g), decadeYears(d))),
  template("decade", "attributive", GD, ({ g, d }) => rendered(`${decadeText(d.decade, d.style)} ${g.plural}`, genreOf(g), decadeYears(d))),
  template("decade", "of-the", GD, ({ g, d }) => rendered(`${g.plural} of ${the(d)}`, genreOf(g), decadeYears(d))),
  template("decade", "singular-from", GD, ({ g, d }) => rendered(`${g.singular} from ${the(d)}`, genreOf(g), decadeYears(d))),
  template("decade", "made-in", GD, ({ g, d }) => rendered(`${g.plural} made in ${the(d)}`, genreOf(g), decadeYears(d))),
  template("decade", "something-from", { d: DECADES }, ({ d }) => rendered(`something from ${the(d)}`, decadeYears(d))),
  template("decade", "released-during", GD, ({ g, d }) => rendered(`${g.plural} released during ${the(d)}`, genreOf(g), decadeYears(d))),
  template("decade", "want-from", GD, ({ g, d }) => rendered(`I want ${g.singular} from ${the(d)}`, genreOf(g), decadeYears(d))),
  template("decade", "or-next", GD, decadeSpan("or")),
  template("decade", "and-next", GD, decadeSpan("and")),
  template("decade", "bound", { g: GENRE_OR_HEAD, d: DECADES, b: DECADE_BOUNDS }, ({ g, d, b }) => (b.key === "pre" ? null : decadeBound({ g, d, b }, `${g.plural} ${b.phrase(decadeText(d.decade, d.style))}`))),
  template("decade", "bound-singular", { g: GENRE_OR_HEAD, d: DECADES, b: DECADE_BOUNDS }, ({ g, d, b }) => (b.key === "pre" ? null : decadeBound({ g, d, b }, `${g.singular} ${b.phrase(decadeText(d.decade, d.style))}`))),
  template("decade", "bound-prefix", { g: GENRE_OR_HEAD, d: DECADES, b: DECADE_BOUNDS }, ({ g, d, b }) => (b.key === "pre" ? decadeBound({ g, d, b }, `${b.phrase(decadeText(d.decade, d.style))} ${g.plural}`) : null)),
];

const GYB = { g: GENRE_OR_HEAD, b: YEAR_BOUNDS, y: YEARS };
const GYR = { g: GENRE_OR_HEAD, r: YEAR_RANGES, first: YEARS, last: YEARS };
const yearTemplates: Template[] = [
  template("year", "post", GYB, ({ g, b, y }) => yearPhrase(b, y, "post", g, `${g.plural} ${b.phrase(y)}`)),
  template("year", "post-singular", GYB, ({ g, b, y }) => yearPhrase(b, y, "post", g, `${g.singular} ${b.phrase(y)}`)),
  template("year", "comma", GYB, ({ g, b, y }) => yearPhrase(b, y, "post", g, `${g.plural}, ${b.phrase(y)}`)),
  template("year", "prefix", GYB, ({ g, b, y }) => yearPhrase(b, y, "pre", g, `${b.phrase(y)} ${g.plural}`)),
  template("year", "released", GYB, ({ g, b, y }) => yearPhrase(b, y, "released", g, `${g.plural} released ${b.phrase(y)}`)),
  template("year", "made", GYB, ({ g, b, y }) => yearPhrase(b, y, "released", g, `${g.singular} made ${b.phrase(y)}`)),
  template("year", "came-out", GYB, ({ g, b, y }) => yearPhrase(b, y, "released", g, `${g.singular} that came out ${b.phrase(y)}`)),
  template("year", "want-something", { b: YEAR_BOUNDS, y: YEARS }, ({ b, y }) => yearPhrase(b, y, "post", null, `I want something ${b.phrase(y)}`)),
  template("year", "range-post", GYR, ({ g, r, first, last }) => (r.prefix ? null : yearSpan(first, last, g, `${g.plural} ${r.phrase(first, last)}`))),
  template("year", "range-released", GYR, ({ g, r, first, last }) => (r.prefix ? null : yearSpan(first, last, g, `${g.plural} released ${r.phrase(first, last)}`))),
  template("year", "range-prefix", GYR, ({ g, r, first, last }) => (r.prefix ? yearSpan(first, last, g, `${r.phrase(first, last)} ${g.plural}`) : null)),
  template("year", "range-made", GYR, ({ g, r, first, last }) => yearSpan(first, last, g, `${g.singular} made ${r.phrase(first, last)}`)),
];

const GRB = { g: GENRE_OR_HEAD, b: RUNTIME_BOUNDS, d: DURATIONS };
const GRR = { g: GENRE_OR_HEAD, shorter: DURATIONS, longer: DURATIONS };
const runtimeTemplates: Template[] = [
  template("runtime", "post", GRB, ({ g, b, d }) => runtimePhrase(b, d.minutes, "post", g, `${g.plural} ${b.phrase(d.text)}`)),
  template("runtime", "post-singular", GRB, ({ g, b, d }) => runtimePhrase(b, d.minutes, "post", g, `${g.singular} ${b.phrase(d.text)}`)),
  template("runtime", "that-runs", GRB, ({ g, b, d }) => runtimePhrase(b, d.minutes, "runs", g, `${g.singular} that runs ${b.phrase(d.text)}`)),
  template("runtime", "that-run", GRB, ({ g, b, d }) => runtimePhrase(b, d.minutes, "runs", g, `${g.plural} that run ${b.phrase(d.text)}`)),
  template("runtime", "are-long", GRB, ({ g, b, d }) => runtimePhrase(b, d.minutes, "long", g, `${g.plural} that are ${b.phrase(d.text)} long`)),
  template("runtime", "singular-long", GRB, ({ g, b, d }) => runtimePhrase(b, d.minutes, "long", g, `${g.singular} ${b.phrase(d.text)} long`)),
  template("runtime", "with-a-runtime", GRB, ({ g, b, d }) => runtimePhrase(b, d.minutes, "runs", g, `${g.plural} with a runtime ${b.phrase(d.text)}`)),
  template("runtime", "something", { b: RUNTIME_BOUNDS, d: DURATIONS }, ({ b, d }) => runtimePhrase(b, d.minutes, "post", null, `something ${b.phrase(d.text)}`)),
  template("runtime", "only-have", { g: GENRE_OR_HEAD, d: DURATIONS }, ({ g, d }) => rendered(`I only have ${d.text}, any ${g.plural}?`, genreOf(g), expect.runtime({ min: null, max: d.minutes }))),
  template("runtime", "finish-in", { g: GENRE_OR_HEAD, d: DURATIONS }, ({ g, d }) => rendered(`${g.singular} I can finish in ${d.text}`, genreOf(g), expect.runtime({ min: null, max: d.minutes }))),
  template("runtime", "between", GRR, ({ g, shorter, longer }) => runtimeSpan(shorter.minutes, longer.minutes, g, `${g.plural} between ${shorter.text} and ${longer.text}`)),
  template("runtime", "between-minutes-long", GRR, ({ g, shorter, longer }) => runtimeSpan(shorter.minutes, longer.minutes, g, `${g.singular} between ${shorter.minutes} and ${longer.minutes} minutes long`)),
  template("runtime", "dash-minutes", GRR, ({ g, shorter, longer }) => runtimeSpan(shorter.minutes, longer.minutes, g, `${g.plural}, ${shorter.minutes}-${longer.minutes} minutes`)),
];

const GL = { g: GENRE_OR_HEAD, l: LANGUAGES };
const spoken = (code: string) => expect.languages([code]);
const notSpoken = (code: string) => expect.languages([], [code]);
const languageTemplates: Template[] = [
  template("language", "adjective", GL, ({ g, l }) => rendered(`${l.name} ${g.plural}`, genreOf(g), spoken(l.code))),
  template("language", "in", GL, ({ g, l }) => rendered(`${g.plural} in ${l.name}`, genreOf(g), spoken(l.code))),
  template("language", "singular-in", GL, ({ g, l }) => rendered(`${g.singular} in ${l.name}`, genreOf(g), spoken(l.code))),
  template("language", "language-adjective", GL, ({ g, l }) => rendered(`${l.name}-language ${g.plural}`, genreOf(g), spoken(l.code))),
  template("language", "something-in", { l: LANGUAGES }, ({ l }) => rendered(`something in ${l.name}`, spoken(l.code))),
  template("language", "originally-in", GL, ({ g, l }) => rendered(`${g.plural} originally in ${l.name}`, genreOf(g), spoken(l.code))),
  template("language", "spoken-in", GL, ({ g, l }) => rendered(`${g.plural} spoken in ${l.name}`, genreOf(g), spoken(l.code))),
  template("language", "cinema", { l: LANGUAGES }, ({ l }) => rendered(`${l.name} cinema`, spoken(l.code))),
  template("language", "a-film", { l: LANGUAGES }, ({ l }) => rendered(`${article(l.name)} ${l.name} film`, spoken(l.code))),
  template("language", "either", { g: GENRE_OR_HEAD, l: LANGUAGES, m: LANGUAGES }, ({ g, l, m }) => (l.code < m.code ? rendered(`${l.name} or ${m.name} ${g.plural}`, genreOf(g), expect.languages([l.code, m.code])) : null)),
  template("language", "not-in", GL, ({ g, l }) => rendered(`${g.plural} not in ${l.name}`, genreOf(g), notSpoken(l.code))),
  template("language", "non", GL, ({ g, l }) => rendered(`non-${l.name} ${g.plural}`, genreOf(g), notSpoken(l.code))),
  template("language", "arent-in", GL, ({ g, l }) => rendered(`${g.plural} that aren't in ${l.name}`, genreOf(g), notSpoken(l.code))),
  template("language", "nothing-in", GL, ({ g, l }) => rendered(`${g.plural}, nothing in ${l.name}`, genreOf(g), notSpoken(l.code))),
  template("language", "any-language-but", GL, ({ g, l }) => rendered(`${g.plural} in any language but ${l.name}`, genreOf(g), notSpoken(l.code))),
  template("language", "not-in-english", GH, ({ g }) => rendered(`${g.plural} that are not in English`, genreOf(g), notSpoken("en"))),
];

const GA = { g: GENRE_OR_HEAD, a: ACTORS };
const GDR = { g: GENRE_OR_HEAD, d: DIRECTORS };
const peopleTemplates: Template[] = [
  template("people", "with", GA, ({ g, a }) => rendered(`${g.plural} with ${a.text}`, genreOf(g), expect.person(a.name, "any"))),
  template("people", "starring", GA, ({ g, a }) => rendered(`${g.plural} starring ${a.text}`, genreOf(g), expect.person(a.name, "cast"))),
  template("people", "featuring", GA, ({ g, a }) => rendered(`${g.singular} featuring ${a.text}`, genreOf(g), expect.person(a.name, "cast"))),
  template("people", "with-in-it", { a: ACTORS }, ({ a }) => rendered(`something with ${a.text} in it`, expect.person(a.name, "any"))),
  template("people", "attributive-actor", GA, ({ g, a }) => rendered(`${a.text} ${g.plural}`, genreOf(g), expect.person(a.name, "any"))),
  template("people", "a-director-film", { d: DIRECTORS }, ({ d }) => rendered(`${article(d.text)} ${d.text} film`, expect.person(d.name, "any"))),
  template("people", "directed-by", GDR, ({ g, d }) => rendered(`${g.plural} directed by ${d.text}`, genreOf(g), expect.person(d.name, "director"))),
  template("people", "films-by", { d: DIRECTORS }, ({ d }) => rendered(`films by ${d.text}`, expect.person(d.name, "director"))),
  template("people", "from-director", GDR, ({ g, d }) => rendered(`${g.singular} from director ${d.text}`, genreOf(g), expect.person(d.name, "director"))),
  template("people", "without", GA, ({ g, a }) => rendered(`${g.plural} without ${a.text}`, genreOf(g), expect.person(a.name, "any", true))),
  template("people", "comma-no", GA, ({ g, a }) => rendered(`${g.plural}, no ${a.text}`, genreOf(g), expect.person(a.name, "any", true))),
  template("people", "not-starring", GA, ({ g, a }) => rendered(`${g.plural} not starring ${a.text}`, genreOf(g), expect.person(a.name, "cast", true))),
  template("people", "not-directed-by", GDR, ({ g, d }) => rendered(`${g.plural} not directed by ${d.text}`, genreOf(g), expect.person(d.name, "director", true))),
  template("people", "anything-but", { a: ACTORS }, ({ a }) => rendered(`anything but ${a.text} movies`, expect.person(a.name, "any", true))),
  template("people", "but-nothing-with", GA, ({ g, a }) => rendered(`${g.plural} but nothing with ${a.text}`, genreOf(g), expect.person(a.name, "any", true))),
  template("people", "director-and-actor", { g: GENRE_OR_HEAD, d: DIRECTORS, a: ACTORS }, ({ g, d, a }) =>
    rendered(`${g.plural} directed by ${d.text} starring ${a.text}`, genreOf(g), expect.person(d.name, "director"), expect.person(a.name, "cast")),
  ),
];

const GO = { g: GENRE_OR_HEAD, o: ORDERINGS };
const orderingAt = (o: Ordering, position: "pre" | "post", g: GenreForm, text: string) => (o.position === position ? rendered(text, genreOf(g), ordered(o)) : null);
const sortTemplates: Template[] = [
  template("sort", "prefix", GO, ({ g, o }) => orderingAt(o, "pre", g, `${o.text} ${g.plural}`)),
  template("sort", "show-prefix", GO, ({ g, o }) => orderingAt(o, "pre", g, `show me ${o.text} ${g.plural}`)),
  template("sort", "what-are", GO, ({ g, o }) => orderingAt(o, "pre", g, `what are ${o.text} ${g.plural}?`)),
  template("sort", "recommend-prefix", GO, ({ g, o }) => orderingAt(o, "pre", g, `recommend ${o.text} ${g.plural}`)),
  template("sort", "want-prefix", GO, ({ g, o }) => orderingAt(o, "pre", g, `I want ${o.text} ${g.plural}`)),
  template("sort", "suffix", GO, ({ g, o }) => orderingAt(o, "post", g, `${g.plural}${o.text}`)),
  template("sort", "list-suffix", GO, ({ g, o }) => orderingAt(o, "post", g, `list ${g.plural}${o.text}`)),
  template("sort", "give-suffix", GO, ({ g, o }) => orderingAt(o, "post", g, `give me some ${g.plural}${o.text}`)),
];

const GN = { g: GENRE_OR_HEAD, n: COUNTS };
const counted = (text: string, g: GenreForm, count: number) => rendered(text, genreOf(g), expect.count(count));
const countTemplates: Template[] = [
  template("count", "bare", GN, ({ g, n }) => counted(`${n.text} ${g.plural}`, g, n.count)),
  template("count", "give-me", GN, ({ g, n }) => counted(`give me ${n.text} ${g.plural}`, g, n.count)),
  template("count", "show-me", GN, ({ g, n }) => counted(`show me ${n.text} ${g.plural}`, g, n.count)),
  template("count", "recommend", GN, ({ g, n }) => counted(`recommend ${n.text} ${g.plural}`, g, n.count)),
  template("count", "want", GN, ({ g, n }) => counted(`I want ${n.text} ${g.plural}`, g, n.count)),
  template("count", "list", GN, ({ g, n }) => counted(`list ${n.text} ${g.plural}`, g, n.count)),
  template("count", "can-i-get", GN, ({ g, n }) => counted(`can I get ${n.text} ${g.plural}?`, g, n.count)),
  template("count", "please", GN, ({ g, n }) => counted(`${n.text} ${g.plural} please`, g, n.count)),
  template("count", "suggest-good", GN, ({ g, n }) => counted(`suggest ${n.text} good ${g.plural}`, g, n.count)),
  template("count", "just", GN, ({ g, n }) => counted(`just ${n.text} ${g.plural}`, g, n.count)),
  template("count", "marathon", GN, ({ g, n }) => counted(`I need ${n.text} ${g.plural} for a marathon`, g, n.count)),
];

const OGC = { o: FILLER_OPENINGS, g: GENRE_FORMS, c: FILLER_CLOSINGS };
const opened = (o: { text: string; form: "plural" | "singular" }, g: GenreForm) => `${o.text} ${o.form === "plural" ? g.plural : g.singular}`;
const fillerTemplates: Template[] = [
  template("filler", "open-close", OGC, ({ o, g, c }) => rendered(`${opened(o, g)}${c}`, genreOf(g))),
  template("filler", "open-decade-close", { o: FILLER_OPENINGS, g: GENRE_FORMS, d: DECADES, c: FILLER_CLOSINGS }, ({ o, g, d, c }) => rendered(`${opened(o, g)} from ${the(d)}${c}`, genreOf(g), decadeYears(d))),
  template("filler", "open-runtime-close", { o: FILLER_OPENINGS, g: GENRE_FORMS, d: DURATIONS, c: FILLER_CLOSINGS }, ({ o, g, d, c }) =>
    rendered(`${opened(o, g)} under ${d.text}${c}`, genreOf(g), expect.runtime({ min: null, max: d.minutes })),
  ),
  template("filler", "um-in-the-middle", { g: GENRE_FORMS, c: FILLER_CLOSINGS }, ({ g, c }) => rendered(`I think I'd like, um, ${g.singular}${c}`, genreOf(g))),
  template("filler", "partner", { g: GENRE_FORMS, c: FILLER_CLOSINGS }, ({ g, c }) => rendered(`my partner and I want to watch ${g.singular}${c}`, genreOf(g))),
  template("filler", "long-week", { g: GENRE_FORMS, c: FILLER_CLOSINGS }, ({ g, c }) => rendered(`it's been a long week and I just want to sit down with ${g.singular}${c}`, genreOf(g))),
  template("filler", "do-you-have", { g: GENRE_FORMS, c: FILLER_CLOSINGS }, ({ g, c }) => rendered(`do you have any ${g.plural}${c}`, genreOf(g))),
  template("filler", "open-only", { o: FILLER_OPENINGS, g: GENRE_FORMS }, ({ o, g }) => rendered(opened(o, g), genreOf(g))),
];

const typoTemplates: Template[] = [
  template("typo", "bare", { t: GENRE_TYPOS }, ({ t }) => rendered(t.plural, genreOf(t))),
  template("typo", "show-me", { t: GENRE_TYPOS }, ({ t }) => rendered(`show me ${t.plural}`, genreOf(t))),
  template("typo", "any-good", { t: GENRE_TYPOS }, ({ t }) => rendered(`any good ${t.plural}?`, genreOf(t))),
  template("typo", "want", { t: GENRE_TYPOS }, ({ t }) => rendered(`I want ${t.singular}`, genreOf(t))),
  template("typo", "recommend-some", { t: GENRE_TYPOS }, ({ t }) => rendered(`recommend some ${t.plural}`, genreOf(t))),
  template("typo", "negated-without", { g: GENRE_FORMS, t: GENRE_TYPOS }, ({ g, t }) => excluding(g, t, `${g.plural} without ${t.bare}`)),
  template("typo", "negated-arent", { g: GENRE_FORMS, t: GENRE_TYPOS }, ({ g, t }) => excluding(g, t, `${g.plural} that aren't ${t.plural}`)),
  template("typo", "decade", { t: GENRE_TYPOS, d: DECADES }, ({ t, d }) => rendered(`${t.plural} from ${the(d)}`, genreOf(t), decadeYears(d))),
];

const postOrdering = (o: Ordering) => o.position === "post";
const combinationTemplates: Template[] = [
  template("combination", "language-genre-decade", { l: LANGUAGES, g: GENRE_FORMS, d: DECADES }, ({ l, g, d }) => rendered(`${l.name} ${g.plural} from ${the(d)}`, spoken(l.code), genreOf(g), decadeYears(d))),
  template("combination", "genre-decade-runtime", { g: GENRE_FORMS, d: DECADES, b: RUNTIME_BOUNDS, t: DURATIONS }, ({ g, d, b, t }) =>
    runtimeAt(b, "post") ? rendered(`${g.plural} from ${the(d)} ${b.phrase(t.text)}`, genreOf(g), decadeYears(d), expect.runtime(b.bounds(t.minutes))) : null,
  ),
  template("combination", "negation-decade", { a: GENRE_FORMS, b: GENRE_FORMS, d: DECADES }, ({ a, b, d }) =>
    two(a, b) ? rendered(`${a.plural} that aren't ${b.plural}, from ${the(d)}`, genreOf(a), expect.notGenre(b.genre!), decadeYears(d)) : null,
  ),
  template("combination", "count-genre-year", { n: COUNTS, g: GENRE_FORMS, b: YEAR_BOUNDS, y: YEARS }, ({ n, g, b, y }) =>
    yearAt(b, "post") ? rendered(`${n.text} ${g.plural} ${b.phrase(y)}`, expect.count(n.count), genreOf(g), expect.years(b.bounds(y))) : null,
  ),
  template("combination", "ordering-language-genre", { o: ORDERINGS, l: LANGUAGES, g: GENRE_FORMS }, ({ o, l, g }) => (o.position === "pre" ? rendered(`${o.text} ${l.name} ${g.plural}`, ordered(o), spoken(l.code), genreOf(g)) : null)),
  template("combination", "genre-actor-decade", { g: GENRE_OR_HEAD, a: ACTORS, d: DECADES }, ({ g, a, d }) => rendered(`${g.plural} with ${a.text} from ${the(d)}`, genreOf(g), expect.person(a.name, "any"), decadeYears(d))),
  template("combination", "genre-director-runtime", { g: GENRE_FORMS, p: DIRECTORS, b: RUNTIME_BOUNDS, t: DURATIONS }, ({ g, p, b, t }) =>
    runtimeAt(b, "post") ? rendered(`${g.plural} directed by ${p.text} ${b.phrase(t.text)}`, genreOf(g), expect.person(p.name, "director"), expect.runtime(b.bounds(t.minutes))) : null,
  ),
  template("combination", "language-negation", { l: LANGUAGES, a: GENRE_FORMS, b: GENRE_FORMS }, ({ l, a, b }) =>
    two(a, b) ? rendered(`${l.name} ${a.plural} without any ${b.bare}`, spoken(l.code), genreOf(a), expect.notGenre(b.genre!)) : null,
  ),
  template("combination", "genre-runtime-not-language", { g: GENRE_OR_HEAD, b: RUNTIME_BOUNDS, t: DURATIONS, l: LANGUAGES }, ({ g, b, t, l }) =>
    runtimeAt(b, "post") ? rendered(`${g.plural} ${b.phrase(t.text)}, not in ${l.name}`, genreOf(g), expect.runtime(b.bounds(t.minutes)), notSpoken(l.code)) : null,
  ),
  template("combination", "count-genre-ordering", { n: COUNTS, g: GENRE_FORMS, o: ORDERINGS }, ({ n, g, o }) => (postOrdering(o) ? rendered(`${n.text} ${g.plural}${o.text}`, expect.count(n.count), genreOf(g), ordered(o)) : null)),
  template("combination", "genre-language-range", { g: GENRE_FORMS, l: LANGUAGES, r: YEAR_RANGES, first: YEARS, last: YEARS }, ({ g, l, r, first, last }) =>
    !r.prefix && first < last ? rendered(`${g.plural} in ${l.name} ${r.phrase(first, last)}`, genreOf(g), spoken(l.code), expect.years({ from: first, to: last })) : null,
  ),
  template("combination", "ordering-genre-decade", { o: ORDERINGS, g: GENRE_FORMS, d: DECADES }, ({ o, g, d }) => (o.position === "pre" ? rendered(`${o.text} ${g.plural} of ${the(d)}`, ordered(o), genreOf(g), decadeYears(d)) : null)),
  template("combination", "pair-decade-runtime", { p: GENRE_PAIRS, d: DECADES, b: RUNTIME_BOUNDS, t: DURATIONS }, ({ p, d, b, t }) =>
    runtimeAt(b, "post") ? rendered(`${p.plural} from ${the(d)} ${b.phrase(t.text)}`, expect.genres(p.genres), decadeYears(d), expect.runtime(b.bounds(t.minutes))) : null,
  ),
  template("combination", "genre-without-actor-year", { g: GENRE_FORMS, a: ACTORS, b: YEAR_BOUNDS, y: YEARS }, ({ g, a, b, y }) =>
    yearAt(b, "post") ? rendered(`${g.plural} without ${a.text} ${b.phrase(y)}`, genreOf(g), expect.person(a.name, "any", true), expect.years(b.bounds(y))) : null,
  ),
  template("combination", "language-year-runtime", { g: GENRE_OR_HEAD, l: LANGUAGES, b: YEAR_BOUNDS, y: YEARS, r: RUNTIME_BOUNDS, t: DURATIONS }, ({ g, l, b, y, r, t }) =>
    yearAt(b, "post") && runtimeAt(r, "post") ? rendered(`${g.singular} in ${l.name} ${b.phrase(y)} ${r.phrase(t.text)}`, genreOf(g), spoken(l.code), expect.years(b.bounds(y)), expect.runtime(r.bounds(t.minutes))) : null,
  ),
  template("combination", "decade-negation", { d: DECADES, a: GENRE_FORMS, b: GENRE_FORMS }, ({ d, a, b }) =>
    two(a, b) ? rendered(`${decadeText(d.decade, d.style)} ${a.plural} but no ${b.bare}`, decadeYears(d), genreOf(a), expect.notGenre(b.genre!)) : null,
  ),
  template("combination", "terse-list", { g: GENRE_FORMS, l: LANGUAGES, d: DECADES, b: RUNTIME_BOUNDS, t: DURATIONS }, ({ g, l, d, b, t }) =>
    runtimeAt(b, "post") ? rendered(`${g.plural}, ${l.name}, ${decadeText(d.decade, d.style)}, ${b.phrase(t.text)}`, genreOf(g), spoken(l.code), decadeYears(d), expect.runtime(b.bounds(t.minutes))) : null,
  ),
  template("combination", "director-decade", { g: GENRE_OR_HEAD, p: DIRECTORS, d: DECADES }, ({ g, p, d }) => rendered(`I want ${g.singular} by ${p.text} from ${the(d)}`, genreOf(g), expect.person(p.name, "director"), decadeYears(d))),
  template("combination", "count-language-genre", { n: COUNTS, l: LANGUAGES, g: GENRE_FORMS }, ({ n, l, g }) => rendered(`${n.text} ${l.name} ${g.plural}`, expect.count(n.count), spoken(l.code), genreOf(g))),
  template("combination", "genre-runtime-ordering", { g: GENRE_FORMS, b: RUNTIME_BOUNDS, t: DURATIONS, o: ORDERINGS }, ({ g, b, t, o }) =>
    runtimeAt(b, "post") && postOrdering(o) ? rendered(`${g.plural} ${b.phrase(t.text)}${o.text}`, genreOf(g), expect.runtime(b.bounds(t.minutes)), ordered(o)) : null,
  ),
  template("combination", "runtime-minus-the", { a: GENRE_FORMS, b: GENRE_FORMS, r: RUNTIME_BOUNDS, t: DURATIONS }, ({ a, b, r, t }) =>
    two(a, b) && runtimeAt(r, "post") ? rendered(`${a.plural} ${r.phrase(t.text)} minus the ${b.bare}`, genreOf(a), expect.notGenre(b.genre!), expect.runtime(r.bounds(t.minutes))) : null,
  ),
  template("combination", "prefix-year-actor", { b: YEAR_BOUNDS, y: YEARS, g: GENRE_OR_HEAD, a: ACTORS }, ({ b, y, g, a }) =>
    yearAt(b, "pre") ? rendered(`${b.phrase(y)} ${g.plural} starring ${a.text}`, expect.years(b.bounds(y)), genreOf(g), expect.person(a.name, "cast")) : null,
  ),
  template("combination", "give-count-language-decade", { n: COUNTS, l: LANGUAGES, g: GENRE_FORMS, d: DECADES }, ({ n, l, g, d }) =>
    rendered(`give me ${n.text} ${l.name} ${g.plural} from ${the(d)}`, expect.count(n.count), spoken(l.code), genreOf(g), decadeYears(d)),
  ),
  template("combination", "decade-not-language", { g: GENRE_OR_HEAD, d: DECADES, l: LANGUAGES }, ({ g, d, l }) => rendered(`${g.plural} from ${the(d)} that aren't in ${l.name}`, genreOf(g), decadeYears(d), notSpoken(l.code))),
];

const softTemplates: Template[] = [
  template("soft", "ideally-decade", { g: GENRE_FORMS, d: DECADES }, ({ g, d }) => rendered(`${g.plural}, ideally from ${the(d)}`, genreOf(g), expect.years(decadeBounds(d.decade), "soft"))),
  template("soft", "preferably-language", { g: GENRE_FORMS, l: LANGUAGES }, ({ g, l }) => rendered(`${g.plural}, preferably in ${l.name}`, genreOf(g), expect.languages([l.code], [], "soft"))),
  template("soft", "ideally-runtime", { g: GENRE_FORMS, b: RUNTIME_BOUNDS, t: DURATIONS }, ({ g, b, t }) =>
    runtimeAt(b, "post") ? rendered(`${g.singular}, ideally ${b.phrase(t.text)}`, genreOf(g), expect.runtime(b.bounds(t.minutes), "soft")) : null,
  ),
  template("soft", "ideally-genre", G, ({ g }) => rendered(`ideally ${g.singular}`, expect.genre(g.genre!, "soft"))),
  template("soft", "bonus-language", { g: GENRE_FORMS, l: LANGUAGES }, ({ g, l }) => rendered(`${g.plural}, bonus points if it's in ${l.name}`, genreOf(g), expect.languages([l.code], [], "soft"))),
  template("soft", "if-possible-decade", { g: GENRE_FORMS, d: DECADES }, ({ g, d }) => rendered(`${g.plural}, from ${the(d)} if possible`, genreOf(g), expect.years(decadeBounds(d.decade), "soft"))),
  template("soft", "would-be-nice", { g: GENRE_FORMS, b: RUNTIME_BOUNDS, t: DURATIONS }, ({ g, b, t }) =>
    runtimeAt(b, "post") ? rendered(`${g.plural}; ${b.phrase(t.text)} would be nice`, genreOf(g), expect.runtime(b.bounds(t.minutes), "soft")) : null,
  ),
  template("soft", "preferably-genre", { d: DECADES, g: GENRE_FORMS }, ({ d, g }) => rendered(`something from ${the(d)}, preferably ${g.singular}`, decadeYears(d), expect.genre(g.genre!, "soft"))),
  template("soft", "actor-if-possible", { g: GENRE_FORMS, a: ACTORS }, ({ g, a }) => rendered(`${g.plural}, with ${a.text} if possible`, genreOf(g), expect.person(a.name, "any", false, "soft"))),
  template("soft", "preferably-without", NEG, ({ a, b }) => (two(a, b) ? rendered(`${a.plural}, preferably without ${b.bare}`, genreOf(a), expect.notGenre(b.genre!, "soft")) : null)),
  template("soft", "prefer-but-dont-mind", { g: GENRE_FORMS, l: LANGUAGES }, ({ g, l }) => rendered(`${g.plural}, I'd prefer ${l.name} but I don't mind`, genreOf(g), expect.languages([l.code], [], "soft"))),
];

const referenced = (t: { itemId: string; title: string }) => expect.reference(t.itemId, t.title);
const referenceTemplates: Template[] = [
  template("reference", "movies-like", { t: TITLES }, ({ t }) => rendered(`movies like ${t.text}`, referenced(t))),
  template("reference", "something-like", { t: TITLES }, ({ t }) => rendered(`something like ${t.text}`, referenced(t))),
  template("reference", "genre-like", { g: GENRE_FORMS, t: TITLES }, ({ g, t }) => rendered(`${g.plural} like ${t.text}`, genreOf(g), referenced(t))),
  template("reference", "similar-to", { t: TITLES }, ({ t }) => rendered(`similar to ${t.text}`, referenced(t))),
  template("reference", "films-similar-to", { t: TITLES }, ({ t }) => rendered(`films similar to ${t.text}`, referenced(t))),
  template("reference", "in-the-vein", { t: TITLES }, ({ t }) => rendered(`something in the vein of ${t.text}`, referenced(t))),
  template("reference", "if-i-liked", { t: TITLES }, ({ t }) => rendered(`if I liked ${t.text}, what should I watch next?`, referenced(t))),
  template("reference", "like-but-decade", { t: TITLES, d: DECADES }, ({ t, d }) => rendered(`something like ${t.text} but from ${the(d)}`, referenced(t), decadeYears(d))),
  template("reference", "like-but-language", { t: TITLES, l: LANGUAGES }, ({ t, l }) => rendered(`like ${t.text} but in ${l.name}`, referenced(t), spoken(l.code))),
  template("reference", "like-but-runtime", { t: TITLES, b: RUNTIME_BOUNDS, d: DURATIONS }, ({ t, b, d }) => (runtimeAt(b, "post") ? rendered(`like ${t.text} but ${b.phrase(d.text)}`, referenced(t), expect.runtime(b.bounds(d.minutes))) : null)),
  template("reference", "like-but-not", { t: TITLES, u: TITLES }, ({ t, u }) => (t.itemId !== u.itemId ? rendered(`something like ${t.text}, but not ${u.text}`, referenced(t), expect.excludeTitle(u.title)) : null)),
  template("reference", "like-two", { t: TITLES, u: TITLES }, ({ t, u }) => (t.itemId < u.itemId ? rendered(`movies like ${t.text} and ${u.text}`, referenced(t), referenced(u)) : null)),
  template("reference", "whats-like", { t: TITLES }, ({ t }) => rendered(`what's like ${t.text}?`, referenced(t))),
];

export const ENGLISH_TEMPLATES: readonly Template[] = [
  ...genreTemplates,
  ...negationTemplates,
  ...decadeTemplates,
  ...yearTemplates,
  ...runtimeTemplates,
  ...languageTemplates,
  ...peopleTemplates,
  ...sortTemplates,
  ...countTemplates,
  ...fillerTemplates,
  ...typoTemplates,
  ...combinationTemplates,
  ...softTemplates,
  ...referenceTemplates,
];
