import assert from "node:assert/strict";
import { test } from "node:test";
import { composeReply, genresPhrase, replyFacts, replyString, understoodPhrase } from "../../../lib/chat/reply-text";
import type { RecommendedItem, RecommendResponse, Relaxation } from "../../../lib/pipeline/contract";
import { parseConstraints } from "../../../lib/reasoning/constraints";
import { recommendedItem, recommendResponse, routeInfo } from "../../support/response-factory";

const film = (id: string, title: string, overrides: Partial<RecommendedItem> = {}) => recommendedItem({ id, title, ...overrides });
const cards = (count: number) => Array.from({ length: count }, (_, index) => film(`ml:${index + 1}`, `Film ${index + 1}`));
const answer = (overrides: Partial<RecommendResponse> = {}) => recommendResponse({ items: cards(8), ...overrides });

const reasoned = (constraints: Parameters<typeof parseConstraints>[0], overrides: Partial<RecommendResponse> = {}) =>
  answer({ route: routeInfo({ path: "reasoning", reasoner: "offline" }), constraints: parseConstraints(constraints), metEveryConstraint: 207, ...overrides });

const step = (constraint: Relaxation["constraint"], how: Relaxation["how"], asked: string, range: Relaxation["range"] = null): Relaxation => ({
  constraint,
  how,
  asked,
  applied: null,
  range,
  text: "developer text",
});

test("what was understood, said back as a person would", () => {
  const cases: Array<[Parameters<typeof parseConstraints>[0], string, Array<{ title: string; year: number | null }>?]> = [
    [{ includeGenres: ["Thriller"], years: { from: 2000, to: 2009 }, runtime: { maxMinutes: 120 }, excludeGenres: ["Horror"] }, "thrillers from the 2000s, under two hours, no horror"],
    [{ includeGenres: ["Romance"], years: { from: 1990, to: 1999 }, languages: { include: ["fr"] } }, "French romances from the 1990s"],
    [{ includeGenres: ["Horror"], years: { from: 1960, to: 1969 }, runtime: { maxMinutes: 80 }, languages: { include: ["ja"] } }, "Japanese horror films from the 1960s, under 80 minutes"],
    [
      { includeGenres: ["Comedy"], runtime: { maxMinutes: 90 }, excludeGenres: ["Romance"], mood: "not stupid", excludeKeywords: ["stupid"] },
      "comedies that aren't stupid, under 90 minutes, no romance",
    ],
    [{ includeGenres: ["Western"], people: [{ name: "Clint Eastwood", role: "cast" }] }, "westerns with Clint Eastwood"],
    [
      {
        people: [
          { name: "Christopher Nolan", role: "director" },
          { name: "Christian Bale", role: "cast", exclude: true },
        ],
      },
      "films by Christopher Nolan, without Christian Bale",
    ],
    [{ excludeGenres: ["Horror"] }, "anything but horror"],
    [{ excludeGenres: ["Horror"], people: [{ name: "Adam Sandler", role: "cast", exclude: true }] }, "films without Adam Sandler, no horror"],
    [
      { includeGenres: ["Sci-Fi"], years: { from: 1990, to: 1999 }, references: [{ title: "Blade Runner", modifier: "made in the 90s" }] },
      "sci-fi films from the 1990s, like Blade Runner (1982)",
      [{ title: "Blade Runner", year: 1982 }],
    ],
    [{ references: ["Heat"], directions: [{ direction: "violence", towards: "less" }] }, "films like Heat (1995) but less violent", [{ title: "Heat", year: 1995 }]],
    [{ includeGenres: [{ genre: "Comedy", strength: "hard" }], years: { from: 1990, to: 1999, strength: "soft" } }, "comedies ideally from the 1990s"],
    [{ includeGenres: ["Drama"], runtime: { minMinutes: 90 } }, "dramas, at least 90 minutes long"],
    [{ includeGenres: ["Western"], years: { to: 1969 } }, "westerns from before 1970"],
    [{ includeGenres: ["Documentary"], keywords: ["music"] }, "documentaries about music"],
    [{ includeGenres: ["Comedy"], years: { from: 1980, to: 1989 }, sort: "best-rated" }, "comedies from the 1980s, best rated first"],
    [{ mood: "cozy", includeGenres: ["Mystery"], runtime: { maxMinutes: 100 } }, "cozy mysteries, under 100 minutes"],
    [{ discovery: 0.85 }, "lesser-known films"],
    [{ people: [{ name: "Quentin Tarantino", role: "director" }], mood: "not violence" }, "films by Quentin Tarantino without violence"],
  ];
  for (const [constraints, expected, references] of cases) assert.equal(understoodPhrase(parseConstraints(constraints), references), expected);
});

test("several genres read as one kind of film", () => {
  assert.equal(genresPhrase(["Romance", "Comedy"]), "romantic comedies");
  assert.equal(genresPhrase(["Sci-Fi", "Thriller"]), "sci-fi thrillers");
  assert.equal(genresPhrase(["Crime", "Drama"]), "crime dramas");
  assert.equal(genresPhrase(["Horror", "Comedy"]), "horror comedies");
  assert.equal(genresPhrase(["Animation", "Family"]), "animated family films");
  assert.equal(genresPhrase(["Sci-Fi", "Horror"]), "sci-fi horror films");
});

test("what was loosened and why, and how many films fit everything", () => {
  const japanese = reasoned(
    { includeGenres: ["Horror"], years: { from: 1960, to: 1969 }, runtime: { maxMinutes: 80 }, languages: { include: ["ja"] } },
    {
      metEveryConstraint: 0,
      relaxations: [
        step("years", "widened", "1960–1969", { from: 1950, to: 1979 }),
        step("runtime", "widened", "≤ 80 min", { from: null, to: 110 }),
        step("genres", "dropped", "Horror"),
        step("language", "dropped", "ja"),
      ],
    },
  );
  const text = replyString(composeReply("a Japanese horror from the 60s under 80 minutes", japanese, "seed"));
  assert.match(text, /Japanese horror films from the 1960s, under 80 minutes\./);
  assert.match(text, /Nothing in the catalog fits all of that, so I widened the years to 1950–1979, allowed up to 110 minutes and looked beyond horror and films in Japanese\./);
  assert.match(text, /why this\?/i);

  const french = reasoned(
    { includeGenres: ["Romance"], years: { from: 1990, to: 1999 }, languages: { include: ["fr"] } },
    { metEveryConstraint: 2, relaxations: [step("years", "widened", "1990–1999", { from: 1980, to: 2009 }), step("genres", "dropped", "Romance")] },
  );
  assert.match(
    replyString(composeReply("un film français romantique des années 90", french, "seed")),
    /Only two films fit all of that, so to fill the list I widened the years to 1980–2009 and looked beyond romance\./,
  );

  const nolan = reasoned({ people: [{ name: "Christopher Nolan", role: "director" }] }, { metEveryConstraint: 4, relaxations: [step("people", "dropped", "Christopher Nolan")] });
  assert.match(replyString(composeReply("nolan", nolan, "seed")), /Only four films fit all of that, so to fill the list I let in films without Christopher Nolan\./);

  const plenty = replyString(composeReply("thrillers", reasoned({ includeGenres: ["Thriller"] }), "seed"));
  assert.match(plenty, /207/);
  assert.match(plenty, /(eight|8)/);
  const exact = replyString(composeReply("westerns", reasoned({ includeGenres: ["Western"] }, { metEveryConstraint: 3, items: cards(3) }), "seed"));
  assert.match(exact, /Three films fit all of that, and here they are\./);
  const counted = replyString(composeReply("three westerns", reasoned({ includeGenres: ["Western"], count: 3 }, { metEveryConstraint: 7, items: cards(3) }), "seed"));
  assert.match(counted, /here are the three you asked for\./);
});

test("titles: a year the catalog lacks, namesakes as did-you-mean, sequels, films the catalog lacks", () => {
  const dune = answer({ lookup: { film: { id: "ml:2021", title: "Dune", year: 1984 }, askedYear: 2021 }, didYouMean: [{ id: "ml:7842", title: "Dune", year: 2000 }] });
  assert.equal(
    replyString(composeReply("Dune 2021", dune, "seed")).replace(/, (?:and|plus) seven (?:more|films) in the same vein/, ""),
    "There's no Dune from 2021 in the catalog, so here's Dune (1984). Or did you mean Dune (2000)?",
  );
  const godfather = answer({ lookup: { film: { id: "ml:858", title: "The Godfather", year: 1972 }, askedYear: null }, didYouMean: [{ id: "ml:1221", title: "The Godfather: Part II", year: 1974 }] });
  assert.match(replyString(composeReply("the godfather", godfather, "seed")), /The Godfather \(1972\).*Or another in the series, like The Godfather: Part II \(1974\)\?$/);
  const heat = answer({ lookup: { film: { id: "ml:6", title: "Heat", year: 1995 }, askedYear: null }, didYouMean: [{ id: "ml:102123", title: "The Heat", year: 2013 }] });
  assert.match(replyString(composeReply("heat", heat, "seed")), /Did you mean The Heat \(2013\)\?$/);
  const oppenheimer = answer({ unknownTitles: [{ text: "Oppenheimer", didYouMean: [] }] });
  assert.match(replyString(composeReply("something like Oppenheimer", oppenheimer, "seed")), /Oppenheimer/);
  assert.doesNotMatch(replyString(composeReply("something like Oppenheimer", oppenheimer, "seed")), /Did you mean/);
  const typo = answer({ unknownTitles: [{ text: "Blade Runer 2049", didYouMean: [{ id: "ml:1", title: "Blade Runner", year: 1982 }] }] });
  assert.match(replyString(composeReply("like blade runer 2049", typo, "seed")), /I can't find Blade Runer 2049 in the catalog\. Did you mean Blade Runner \(1982\)\?/);
  const fans = answer({ references: [{ id: "ml:6", title: "Heat", year: 1995 }] });
  assert.match(replyString(composeReply("movies like Heat", fans, "seed")), /Heat \(1995\)/);
  // A little-known film used for a reference: the server's note is part of the reply.
  const note = "Used Parasite (1982), a little-known film (2 ratings here). If you meant a newer film of that name, it isn't in the catalog: its films go up to 2018.";
  const parasite = answer({ references: [{ id: "ml:1", title: "Parasite", year: 1982, note }] });
  assert.ok(replyString(composeReply("something like Parasite", parasite, "seed")).endsWith(` ${note}`));
});

test("people and series on the quick path are checked against the cards' credits", () => {
  const hanks = answer({ people: [{ name: "Tom Hanks", role: "cast", excluded: false }], items: cards(8).map((item, index) => ({ ...item, cast: index < 5 ? ["Tom Hanks"] : [] })) });
  assert.equal(replyString(composeReply("tom hanks", hanks, "seed")), "Five films with Tom Hanks, and three more in the same vein.");
  const both = answer({
    people: [
      { name: "Tom Hanks", role: "cast", excluded: false },
      { name: "Meg Ryan", role: "cast", excluded: false },
    ],
    items: [film("ml:1", "You've Got Mail", { year: 1998, cast: ["Tom Hanks", "Meg Ryan"] }), film("ml:2", "Big", { cast: ["Tom Hanks"] })],
  });
  assert.equal(
    replyString(composeReply("tom hanks and meg ryan", both, "seed")),
    "One of these has Tom Hanks and Meg Ryan together (You've Got Mail (1998)); the rest have one of them, or are close.",
  );
  const potter = answer({
    series: "harry potter",
    items: [film("ml:1", "Harry Potter and the Chamber of Secrets"), film("ml:2", "Harry Potter and the Goblet of Fire"), film("ml:3", "The Chronicles of Narnia")],
  });
  assert.equal(replyString(composeReply("harry potter", potter, "seed")), "Two Harry Potter films, then one more in the same vein.");
  assert.equal(replyString(composeReply("asdfgh", answer({ items: [] }), "seed")), "I couldn't find anything for “asdfgh”.");
});

test("deterministic for one seed, varied across seeds, and never in developer words", () => {
  const thrillers = reasoned({ includeGenres: ["Thriller"], years: { from: 2000, to: 2009 } });
  assert.equal(replyString(composeReply("thrillers", thrillers, "a")), replyString(composeReply("thrillers", thrillers, "a")));
  const openings = new Set(Array.from({ length: 40 }, (_, index) => composeReply("thrillers", thrillers, `seed-${index}`).understood.split(" ")[0]));
  assert.ok(openings.size >= 3, [...openings].join(" | "));

  const responses: RecommendResponse[] = [
    thrillers,
    reasoned(
      { includeGenres: ["Comedy", "Romance"], languages: { include: ["it"], exclude: [] }, runtime: { minMinutes: 80, maxMinutes: 100 } },
      { metEveryConstraint: 0, relaxations: [step("genres", "any-of", "Comedy and Romance"), step("unrecorded-data", "allowed-unknown", "recorded year")] },
    ),
    reasoned({ excludeGenres: ["Horror", "Romance"], sort: "newest" }, { items: [] }),
    answer({ lookup: { film: { id: "ml:1", title: "Crash", year: 2004 }, askedYear: null }, didYouMean: [{ id: "ml:2", title: "Crash", year: 1996 }] }),
    answer(),
  ];
  const developerWords = /score|reason(?:er|ing)|path|constraint|offline|llm|undefined|null|NaN|\[object|strength|\bhard\b|\bsoft\b/i;
  for (const response of responses) {
    for (let seed = 0; seed < 12; seed += 1) {
      const text = replyString(composeReply("a request", response, `seed-${seed}`));
      assert.doesNotMatch(text, developerWords, text);
      assert.doesNotMatch(text, / {2}| [,.;]|\.\./, text);
      assert.match(text, /[.?]$/, text);
    }
  }
});

test("the facts a model writes the details from, in plain words", () => {
  const facts = replyFacts(
    reasoned({ includeGenres: ["Horror"], years: { from: 1960, to: 1969 } }, { metEveryConstraint: 0, relaxations: [step("years", "widened", "1960–1969", { from: 1950, to: 1979 })] }),
  );
  assert.deepEqual(facts, { metEverything: 0, shown: 8, loosened: ["I widened the years to 1950–1979"], didYouMean: [], notInCatalog: [], catalogNewestYear: null });
});
