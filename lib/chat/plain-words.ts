// Plain words for what a request asked: genres, durations, year ranges and languages, as people
// say them. Pure and client-safe: the chat's reply text (server) and the cards (components) share them.

export { languageName } from "../language/language-display-name";

/** A film of a genre, as a person says it: "a thriller", "science fiction", "animated". */
const GENRE_NOUNS: Record<string, string> = {
  Action: "an action film",
  Adventure: "an adventure",
  Animation: "animated",
  Comedy: "a comedy",
  Crime: "a crime film",
  Documentary: "a documentary",
  Drama: "a drama",
  Family: "a family film",
  Fantasy: "a fantasy",
  "Film-Noir": "a film noir",
  Foreign: "a foreign film",
  History: "a historical film",
  Horror: "a horror film",
  IMAX: "an IMAX film",
  Musical: "a musical",
  Mystery: "a mystery",
  Romance: "a romance",
  "Sci-Fi": "science fiction",
  Thriller: "a thriller",
  "TV Movie": "a TV movie",
  War: "a war film",
  Western: "a western",
};

/** A genre as a kind of film to leave out: "no horror", "no musicals". */
const GENRE_MASS: Record<string, string> = {
  Action: "action",
  Adventure: "adventure",
  Animation: "animation",
  Comedy: "comedy",
  Crime: "crime",
  Documentary: "documentaries",
  Drama: "drama",
  Family: "family films",
  Fantasy: "fantasy",
  "Film-Noir": "film noir",
  Foreign: "foreign films",
  History: "historical films",
  Horror: "horror",
  IMAX: "IMAX",
  Musical: "musicals",
  Mystery: "mystery",
  Romance: "romance",
  "Sci-Fi": "science fiction",
  Thriller: "thrillers",
  "TV Movie": "TV movies",
  War: "war films",
  Western: "westerns",
};

export const genreNoun = (genre: string) => GENRE_NOUNS[genre] ?? `a ${genre.toLowerCase()} film`;
export const genreMass = (genre: string) => GENRE_MASS[genre] ?? `${genre.toLowerCase()} films`;

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six"];

/** 120 → "two hours", 90 → "an hour and a half", 104 → "104 minutes". */
export function durationWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0 || hours >= NUMBER_WORDS.length) return `${minutes} minutes`;
  if (rest === 0) return hours === 1 ? "an hour" : `${NUMBER_WORDS[hours]} hours`;
  // "90 minutes" is how people say it; "an hour and a half" is rarer.
  if (rest === 30 && hours > 1) return `${NUMBER_WORDS[hours]} and a half hours`;
  return `${minutes} minutes`;
}

/** A runtime range as asked: "under two hours", "at least 90 minutes", "between 80 and 100 minutes". */
export function runtimeRangeWords(minMinutes: number | null, maxMinutes: number | null): string {
  if (minMinutes !== null && maxMinutes !== null) return `between ${durationWords(minMinutes)} and ${durationWords(maxMinutes)}`;
  if (maxMinutes !== null) return `under ${durationWords(maxMinutes)}`;
  return minMinutes !== null ? `at least ${durationWords(minMinutes)}` : "any length";
}

/** A year range as asked: "the 2000s", "2003", "1985–2004", "1990 or later", "1979 or earlier". */
export function yearRangeWords(from: number | null, to: number | null): string {
  if (from !== null && to !== null) {
    if (from === to) return `${from}`;
    if (from % 10 === 0 && to === from + 9) return `the ${from}s`;
    return `${from}–${to}`;
  }
  if (from !== null) return `${from} or later`;
  return to !== null ? `${to} or earlier` : "any year";
}

/** "a, b or c". */
export const orList = (values: readonly string[]) => (values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`);
