import { z } from "zod";
import { CONTENT_DIRECTIONS, DIRECTION_MEANINGS, DIRECTION_TOWARDS } from "../catalog/content-directions";
import { canonicalGenre, GENRES } from "../catalog/genres";

/**
 * The constraint schema shared by both reasoners (the LLM reasoner and the offline parser) and
 * consumed by apply-constraints and session memory.
 *
 * Shape choices, all for an LLM filling it and for tolerance:
 * - flat, one field per kind of constraint; every list defaults to [] and every object to null,
 *   so `{}` is a valid (empty) answer;
 * - hard vs soft is explicit per constraint (`strength`); a missing strength means "hard" for
 *   the structured constraints (genres, years, runtime, languages, people) because a model only
 *   fills those when the request states them; references, mood and keywords are soft by nature;
 * - values a model commonly gets slightly wrong are repaired, not refused: genre names are
 *   canonicalised ("science fiction" → "Sci-Fi") and unknown ones dropped, language names become
 *   ISO 639-1 codes, reversed ranges are swapped, out-of-range numbers are clamped or dropped.
 *   A malformed field becomes its empty value rather than failing the whole answer.
 * The JSON schema sent to the model is the input side (the AI SDK converts with io: "input"), so
 * the repairs below are output-side transforms and never appear in it.
 */

export const CONSTRAINT_STRENGTHS = ["hard", "soft"] as const;
export const constraintStrengthSchema = z.enum(CONSTRAINT_STRENGTHS).describe('"hard": the person requires it (filter); "soft": a preference (score only)');
export type ConstraintStrength = z.infer<typeof constraintStrengthSchema>;

export const SORT_ORDERS = ["relevance", "best-rated", "newest", "oldest", "popular", "shortest"] as const;
export const sortOrderSchema = z.enum(SORT_ORDERS);
export type SortOrder = z.infer<typeof sortOrderSchema>;

export const PERSON_ROLES = ["cast", "director", "any"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Earliest and latest years a constraint may name; outside this a year is a parsing accident. */
const MIN_YEAR = 1870;
const MAX_YEAR = 2100;
/** Most items one request may ask for (the request contract caps limit at 50 as well). */
export const MAX_COUNT = 50;

const hardByDefault = constraintStrengthSchema.default("hard").catch("hard");

/** "science fiction", "SCI-FI", "scifi" → "Sci-Fi"; null when it names no catalog genre. */
export function normaliseGenreName(name: string): string | null {
  const direct = canonicalGenre(name);
  if (direct) return direct;
  const squashed = name.toLowerCase().replace(/[^a-z]/g, "");
  for (const genre of GENRES) if (genre.toLowerCase().replace(/[^a-z]/g, "") === squashed) return genre;
  return GENRE_NAME_VARIANTS[squashed] ?? null;
}

/** Spellings an LLM or a person writes for a single catalog genre (squashed: letters only). */
const GENRE_NAME_VARIANTS: Record<string, string> = {
  scifi: "Sci-Fi",
  sciencefiction: "Sci-Fi",
  sf: "Sci-Fi",
  animated: "Animation",
  anime: "Animation",
  kids: "Family",
  childrens: "Family",
  children: "Family",
  noir: "Film-Noir",
  filmnoir: "Film-Noir",
  historical: "History",
  music: "Musical",
  musicals: "Musical",
  documentaries: "Documentary",
  docs: "Documentary",
  romantic: "Romance",
  scary: "Horror",
  thrillers: "Thriller",
  westerns: "Western",
  comedies: "Comedy",
  dramas: "Drama",
  tvmovie: "TV Movie",
};

/** English (and a few native) language names → ISO 639-1, for models that write "French". */
export const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  english: "en",
  french: "fr",
  francais: "fr",
  german: "de",
  deutsch: "de",
  spanish: "es",
  espanol: "es",
  italian: "it",
  japanese: "ja",
  korean: "ko",
  chinese: "zh",
  mandarin: "zh",
  cantonese: "cn",
  hindi: "hi",
  russian: "ru",
  portuguese: "pt",
  swedish: "sv",
  danish: "da",
  norwegian: "no",
  dutch: "nl",
  finnish: "fi",
  polish: "pl",
  turkish: "tr",
  greek: "el",
  hebrew: "he",
  arabic: "ar",
  persian: "fa",
  farsi: "fa",
  thai: "th",
  indonesian: "id",
  czech: "cs",
  hungarian: "hu",
  romanian: "ro",
  icelandic: "is",
  tamil: "ta",
  telugu: "te",
  vietnamese: "vi",
  ukrainian: "uk",
};

/**
 * "fr", "FR", "French", "fr-FR" → "fr"; null when unknown. TMDB records Cantonese as "cn" (not
 * ISO 639-1, but it is what the catalog holds), so "cn" is accepted as is.
 */
export function normaliseLanguage(value: string): string | null {
  const lowered = value.trim().toLowerCase();
  const code = lowered.split(/[-_]/)[0];
  if (/^[a-z]{2}$/.test(code)) return code;
  const folded = lowered
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z]/g, "");
  return LANGUAGE_CODES[folded] ?? null;
}

const genreConstraintSchema = z.object({
  genre: z.string().describe(`one of: ${GENRES.join(", ")}`),
  strength: hardByDefault,
});

/** A bare string is accepted where an object is expected: `["Comedy"]` means `[{ genre: "Comedy" }]`. */
const genreEntrySchema = z.union([z.string().transform((genre) => ({ genre, strength: "hard" as ConstraintStrength })), genreConstraintSchema]);

const yearRangeSchema = z.object({
  from: z.number().int().nullable().default(null).catch(null).describe("first year allowed, inclusive"),
  to: z.number().int().nullable().default(null).catch(null).describe("last year allowed, inclusive"),
  strength: hardByDefault,
});

const runtimeRangeSchema = z.object({
  minMinutes: z.number().nullable().default(null).catch(null),
  maxMinutes: z.number().nullable().default(null).catch(null),
  strength: hardByDefault,
});

const languageConstraintSchema = z.object({
  include: z.array(z.string()).default([]).catch([]).describe("ISO 639-1 codes; the film's original language must be one of them"),
  exclude: z.array(z.string()).default([]).catch([]).describe("ISO 639-1 codes the film must not be in"),
  strength: hardByDefault,
});

const personConstraintSchema = z.object({
  name: z.string().describe("full name as in film credits"),
  role: z.enum(PERSON_ROLES).default("any").catch("any"),
  /** true: films with this person are unwanted. */
  exclude: z.boolean().default(false).catch(false),
  strength: hardByDefault,
});

const referenceTitleSchema = z.object({
  title: z.string().describe("a film the person names as a reference, as written"),
  /** Catalog id when known (the offline reasoner and session memory resolve it; an LLM leaves null). */
  itemId: z.string().nullable().default(null).catch(null),
  modifier: z.string().nullable().default(null).catch(null).describe('what should differ: "like X but Y" → Y'),
});

/** Most a direction's amount may say: "much less violent" is 1.5; more is a parsing accident. */
const MAX_DIRECTION_AMOUNT = 2;

const directionSchema = z.object({
  direction: z.enum(CONTENT_DIRECTIONS).describe(CONTENT_DIRECTIONS.map((direction) => `${direction}: ${DIRECTION_MEANINGS[direction]}`).join("; ")),
  towards: z.enum(DIRECTION_TOWARDS).describe('"less violent", "lighter", "calmer" → "less"; "bloodier", "darker", "scarier" → "more"'),
  amount: z.number().default(1).catch(1).describe("0.5 a little, 0.75 'not too', 1 plainly, 1.5 much"),
});

const personEntrySchema = z.union([z.string().transform((name) => ({ name, role: "any" as PersonRole, exclude: false, strength: "hard" as ConstraintStrength })), personConstraintSchema]);
const referenceEntrySchema = z.union([z.string().transform((title) => ({ title, itemId: null, modifier: null })), referenceTitleSchema]);

const rawConstraintsSchema = z.object({
  includeGenres: z.array(genreEntrySchema).default([]).catch([]).describe("genres the films should have"),
  excludeGenres: z.array(genreEntrySchema).default([]).catch([]).describe("genres the films must not have"),
  years: yearRangeSchema.nullable().default(null).catch(null).describe("release year range"),
  runtime: runtimeRangeSchema.nullable().default(null).catch(null).describe("runtime range in minutes"),
  languages: languageConstraintSchema.nullable().default(null).catch(null),
  people: z.array(personEntrySchema).default([]).catch([]).describe("cast or directors to include or exclude"),
  references: z.array(referenceEntrySchema).default([]).catch([]).describe('reference titles ("like X but Y"); always soft'),
  mood: z.string().nullable().default(null).catch(null).describe("mood or vibe in the person's words; soft"),
  keywords: z.array(z.string()).default([]).catch([]).describe("topics or themes; soft"),
  excludeKeywords: z.array(z.string()).default([]).catch([]).describe('topics the person does not want ("without gore" → "gore"); hard'),
  excludeTitles: z.array(z.string()).default([]).catch([]).describe("titles the person does not want; hard"),
  /** Catalog ids never to show (session: "not that one", already shown, disliked). */
  excludeItemIds: z.array(z.string()).default([]).catch([]),
  count: z.number().int().nullable().default(null).catch(null).describe("how many films the person asked for"),
  sort: sortOrderSchema.default("relevance").catch("relevance"),
  discovery: z.number().nullable().default(null).catch(null).describe("0 = popular picks, 1 = hidden gems; null when unstated"),
  directions: z
    .array(directionSchema)
    .default([])
    .catch([])
    .describe(
      'soft moves along content axes ("less violent", "darker", "gentler" = less violence and less intensity, "not too scary"); also for "like X but less violent"; always soft, never a filter',
    ),
});

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const id = key(value);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function clampYear(year: number | null): number | null {
  if (year === null || !Number.isFinite(year)) return null;
  return year < MIN_YEAR || year > MAX_YEAR ? null : Math.round(year);
}

function cleanRuntime(minutes: number | null): number | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes <= 0 || minutes > 1000) return null;
  return Math.round(minutes);
}

function cleanText(text: string | null): string | null {
  const trimmed = text?.trim() ?? "";
  return trimmed ? trimmed : null;
}

type RawConstraints = z.output<typeof rawConstraintsSchema>;

/** The repairs described at the top; pure and idempotent, so parsing twice changes nothing. */
function normaliseConstraints(raw: RawConstraints) {
  const genreList = (list: RawConstraints["includeGenres"]) =>
    uniqueBy(
      list.flatMap((entry) => {
        const genre = normaliseGenreName(entry.genre);
        return genre ? [{ genre, strength: entry.strength }] : [];
      }),
      (entry) => entry.genre,
    );
  const excludeGenres = genreList(raw.excludeGenres);
  const excluded = new Set(excludeGenres.map((entry) => entry.genre));
  // A genre both wanted and unwanted is a contradiction; the exclusion is the safer reading.
  const includeGenres = genreList(raw.includeGenres).filter((entry) => !excluded.has(entry.genre));

  let years = raw.years ? { ...raw.years, from: clampYear(raw.years.from), to: clampYear(raw.years.to) } : null;
  if (years && years.from !== null && years.to !== null && years.from > years.to) years = { ...years, from: years.to, to: years.from };
  if (years && years.from === null && years.to === null) years = null;

  let runtime = raw.runtime ? { ...raw.runtime, minMinutes: cleanRuntime(raw.runtime.minMinutes), maxMinutes: cleanRuntime(raw.runtime.maxMinutes) } : null;
  if (runtime && runtime.minMinutes !== null && runtime.maxMinutes !== null && runtime.minMinutes > runtime.maxMinutes) {
    runtime = { ...runtime, minMinutes: runtime.maxMinutes, maxMinutes: runtime.minMinutes };
  }
  if (runtime && runtime.minMinutes === null && runtime.maxMinutes === null) runtime = null;

  let languages = raw.languages
    ? {
        include: [...new Set(raw.languages.include.map(normaliseLanguage).filter((code): code is string => code !== null))],
        exclude: [...new Set(raw.languages.exclude.map(normaliseLanguage).filter((code): code is string => code !== null))],
        strength: raw.languages.strength,
      }
    : null;
  if (languages && languages.include.length === 0 && languages.exclude.length === 0) languages = null;

  const people = uniqueBy(
    raw.people.map((person) => ({ ...person, name: person.name.trim() })).filter((person) => person.name.length > 0),
    (person) => `${person.name.toLowerCase()}|${person.exclude}`,
  );
  const references = uniqueBy(
    raw.references
      .map((reference) => ({ title: reference.title.trim(), itemId: cleanText(reference.itemId), modifier: cleanText(reference.modifier) }))
      .filter((reference) => reference.title.length > 0 || reference.itemId !== null),
    (reference) => reference.itemId ?? reference.title.toLowerCase(),
  );
  const keywords = [...new Set(raw.keywords.map((keyword) => keyword.trim().toLowerCase()).filter(Boolean))];
  const excludeKeywords = [...new Set(raw.excludeKeywords.map((keyword) => keyword.trim().toLowerCase()).filter(Boolean))];
  const excludeTitles = [...new Set(raw.excludeTitles.map((title) => title.trim()).filter(Boolean))];
  const excludeItemIds = [...new Set(raw.excludeItemIds.filter((id) => id.trim().length > 0))];
  const count = raw.count === null || raw.count < 1 ? null : Math.min(MAX_COUNT, raw.count);
  const discovery = raw.discovery === null || !Number.isFinite(raw.discovery) ? null : Math.min(1, Math.max(0, raw.discovery));
  // One entry per axis, the last said winning ("darker… no, lighter"); a zero or broken amount says nothing.
  const directions = [...new Map(raw.directions.map((entry) => [entry.direction, entry])).values()]
    .map((entry) => ({ ...entry, amount: Number.isFinite(entry.amount) ? Math.min(MAX_DIRECTION_AMOUNT, Math.max(0, entry.amount)) : 1 }))
    .filter((entry) => entry.amount > 0);

  return {
    includeGenres,
    excludeGenres,
    years,
    runtime,
    languages,
    people,
    references,
    mood: cleanText(raw.mood),
    keywords,
    excludeKeywords,
    excludeTitles,
    excludeItemIds,
    count,
    sort: raw.sort,
    discovery,
    directions,
  };
}

/**
 * The one constraint schema. Parse any model or parser output with it: it fills defaults,
 * repairs what it can and returns {@link Constraints}. Hand it to the LLM reasoner as its schema.
 */
export const constraintsSchema = rawConstraintsSchema.transform(normaliseConstraints);

export type Constraints = z.output<typeof constraintsSchema>;
/** What a model may send: every field optional, loosely typed values accepted. */
export type ConstraintsInput = z.input<typeof constraintsSchema>;
export type GenreConstraint = Constraints["includeGenres"][number];
export type YearRange = NonNullable<Constraints["years"]>;
export type RuntimeRange = NonNullable<Constraints["runtime"]>;
export type LanguageConstraint = NonNullable<Constraints["languages"]>;
export type PersonConstraint = Constraints["people"][number];
export type ReferenceTitle = Constraints["references"][number];
export type DirectionWish = Constraints["directions"][number];

/** No constraints at all (every list empty, every range null, sort by relevance). */
export function emptyConstraints(): Constraints {
  return constraintsSchema.parse({});
}

/** Parses untrusted input into Constraints; never throws (unusable input gives empty constraints). */
export function parseConstraints(input: unknown): Constraints {
  const result = constraintsSchema.safeParse(input ?? {});
  return result.success ? result.data : emptyConstraints();
}

/** True when nothing constrains the request (an empty parse). */
export function hasAnyConstraint(constraints: Constraints): boolean {
  return (
    constraints.includeGenres.length > 0 ||
    constraints.excludeGenres.length > 0 ||
    constraints.years !== null ||
    constraints.runtime !== null ||
    constraints.languages !== null ||
    constraints.people.length > 0 ||
    constraints.references.length > 0 ||
    constraints.mood !== null ||
    constraints.keywords.length > 0 ||
    constraints.excludeKeywords.length > 0 ||
    constraints.excludeTitles.length > 0 ||
    constraints.excludeItemIds.length > 0 ||
    constraints.directions.length > 0 ||
    constraints.sort !== "relevance"
  );
}
