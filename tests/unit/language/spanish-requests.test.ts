import { check, generate, genres, type Value } from "./foreign-cases";

/**
 * Spanish requests, generated (templates × slots written here): every catalog genre by its
 * Spanish nouns and adjectives ("películas de terror", "de miedo", "bélicas", "comedias
 * románticas", "cine negro"), negation ("sin", "nada de", "que no sean", "excepto", "menos",
 * "salvo", "cualquier cosa menos"), decades, years, runtimes, languages and "como X".
 */
const KEPT = genres([
  ["películas de terror", ["Horror"]], ["películas de miedo", ["Horror"]], ["pelis de terror", ["Horror"]], ["películas de horror", ["Horror"]],
  ["comedias", ["Comedy"]], ["películas cómicas", ["Comedy"]], ["películas de comedia", ["Comedy"]], ["películas de acción", ["Action"]],
  ["pelis de acción", ["Action"]], ["películas de aventuras", ["Adventure"]], ["películas animadas", ["Animation"]], ["películas de animación", ["Animation"]],
  ["dibujos animados", ["Animation"]], ["películas policiacas", ["Crime"]], ["películas policíacas", ["Crime"]], ["películas policiales", ["Crime"]],
  ["películas de gánsteres", ["Crime"]], ["películas de crímenes", ["Crime"]], ["documentales", ["Documentary"]], ["dramas", ["Drama"]],
  ["películas dramáticas", ["Drama"]], ["películas familiares", ["Family"]], ["películas para niños", ["Family"]], ["películas infantiles", ["Family"]],
  ["películas de fantasía", ["Fantasy"]], ["películas fantásticas", ["Fantasy"]], ["películas históricas", ["History"]], ["musicales", ["Musical"]],
  ["películas musicales", ["Musical"]], ["películas de misterio", ["Mystery"]], ["películas de detectives", ["Mystery"]], ["películas románticas", ["Romance"]],
  ["películas de amor", ["Romance"]], ["películas de ciencia ficción", ["Sci-Fi"]], ["películas de ciencia-ficción", ["Sci-Fi"]], ["thrillers", ["Thriller"]],
  ["películas de suspense", ["Thriller"]], ["películas de suspenso", ["Thriller"]], ["películas bélicas", ["War"]], ["películas de guerra", ["War"]],
  ["westerns", ["Western"]], ["películas del oeste", ["Western"]], ["películas de vaqueros", ["Western"]], ["comedias románticas", ["Romance", "Comedy"]],
  ["cine negro", ["Film-Noir"]], ["comedias musicales", ["Musical"]], ["dramas románticos", ["Romance", "Drama"]], ["comedias de acción", ["Action", "Comedy"]],
  ["dramas bélicos", ["War", "Drama"]], ["dramas históricos", ["History", "Drama"]], ["comedias de terror", ["Horror", "Comedy"]], ["cine de terror", ["Horror"]],
  ["películas de ciencia ficción y terror", ["Sci-Fi", "Horror"]], ["cine bélico", ["War"]], ["cine de acción", ["Action"]], ["cine romántico", ["Romance"]],
  ["cine familiar", ["Family"]], ["cine histórico", ["History"]], ["cine infantil", ["Family"]], ["películas de época", ["History"]], ["películas de superhéroes", ["Action"]],
  ["comedias negras", ["Comedy"]], ["películas de mafiosos", ["Crime"]], ["películas de risa", ["Comedy"]], ["pelis de miedo", ["Horror"]], ["películas de dibujos", ["Animation"]],
  ["thrillers psicológicos", ["Thriller"]], ["películas de suspenso y misterio", ["Thriller", "Mystery"]], ["filmes de terror", ["Horror"]], ["cintas de terror", ["Horror"]],
]);
const ONE = genres([
  ["una película de terror", ["Horror"]], ["una comedia", ["Comedy"]], ["una peli de acción", ["Action"]], ["un drama", ["Drama"]], ["un thriller", ["Thriller"]],
  ["un western", ["Western"]], ["una película del oeste", ["Western"]], ["un documental", ["Documentary"]], ["una película animada", ["Animation"]],
  ["una comedia romántica", ["Romance", "Comedy"]], ["un musical", ["Musical"]], ["una película bélica", ["War"]], ["una película policíaca", ["Crime"]],
  ["una película de ciencia ficción", ["Sci-Fi"]], ["una película de misterio", ["Mystery"]], ["una película romántica", ["Romance"]],
  ["una película de aventuras", ["Adventure"]], ["una película de fantasía", ["Fantasy"]], ["una película familiar", ["Family"]], ["un dibujo animado", ["Animation"]],
]);
const NEGATED = genres([
  ["terror", ["Horror"]], ["miedo", ["Horror"]], ["romance", ["Romance"]], ["comedias", ["Comedy"]], ["comedia", ["Comedy"]], ["acción", ["Action"]],
  ["guerra", ["War"]], ["animación", ["Animation"]], ["dibujos animados", ["Animation"]], ["dramas", ["Drama"]], ["musicales", ["Musical"]],
  ["ciencia ficción", ["Sci-Fi"]], ["fantasía", ["Fantasy"]], ["westerns", ["Western"]], ["crímenes", ["Crime"]], ["documentales", ["Documentary"]],
  ["thrillers", ["Thriller"]], ["aventuras", ["Adventure"]], ["películas de terror", ["Horror"]], ["suspense", ["Thriller"]], ["películas románticas", ["Romance"]],
  ["películas infantiles", ["Family"]], ["películas de guerra", ["War"]], ["misterio", ["Mystery"]],
]);
/** Genre nouns after "películas de", "algo de": every genre by its bare noun. */
const BARE = genres([
  ["terror", ["Horror"]], ["miedo", ["Horror"]], ["comedia", ["Comedy"]], ["humor", ["Comedy"]], ["acción", ["Action"]], ["aventuras", ["Adventure"]],
  ["animación", ["Animation"]], ["dibujos animados", ["Animation"]], ["crimen", ["Crime"]], ["gánsteres", ["Crime"]], ["drama", ["Drama"]], ["familia", ["Family"]],
  ["fantasía", ["Fantasy"]], ["historia", ["History"]], ["época", ["History"]], ["música", ["Musical"]], ["misterio", ["Mystery"]], ["detectives", ["Mystery"]],
  ["amor", ["Romance"]], ["romance", ["Romance"]], ["ciencia ficción", ["Sci-Fi"]], ["suspense", ["Thriller"]], ["suspenso", ["Thriller"]], ["guerra", ["War"]],
  ["vaqueros", ["Western"]], ["superhéroes", ["Action"]], ["comedia romántica", ["Romance", "Comedy"]], ["cine negro", ["Film-Noir"]], ["intriga", ["Thriller"]],
]);
const DECADES: Value[] = [
  ["de los años 80", { years: [1980, 1989] }], ["de los 80", { years: [1980, 1989] }], ["de los ochenta", { years: [1980, 1989] }],
  ["de la década de 1980", { years: [1980, 1989] }], ["de los años ochenta", { years: [1980, 1989] }], ["de los años 90", { years: [1990, 1999] }],
  ["de los noventa", { years: [1990, 1999] }], ["de los setenta", { years: [1970, 1979] }], ["de los sesenta", { years: [1960, 1969] }],
  ["de los años 2000", { years: [2000, 2009] }], ["de la década de los 70", { years: [1970, 1979] }], ["de los 50", { years: [1950, 1959] }],
  ["de los años cuarenta", { years: [1940, 1949] }], ["antes de los 90", { years: [null, 1989] }], ["después de los 80", { years: [1990, null] }],
  ["desde los 90", { years: [1990, null] }], ["a partir de los 2000", { years: [2000, null] }], ["de los 80 o 90", { years: [1980, 1999] }],
  ["de los años 80 o 90", { years: [1980, 1999] }], ["de los 80s", { years: [1980, 1989] }], ["de los años 2010", { years: [2010, 2019] }],
  ["de los 90 en adelante", { years: [1990, null] }], ["de la década del 80", { years: [1980, 1989] }], ["de la década de los noventa", { years: [1990, 1999] }],
  ["en los 90", { years: [1990, 1999] }],
];
const YEARS: Value[] = [
  ["de 1994", { years: [1994, 1994] }], ["del año 1994", { years: [1994, 1994] }], ["de 1987", { years: [1987, 1987] }], ["antes de 1990", { years: [null, 1989] }],
  ["después de 2000", { years: [2001, null] }], ["desde 1995", { years: [1995, null] }], ["a partir de 2005", { years: [2005, null] }],
  ["hasta 1990", { years: [null, 1990] }], ["no anteriores a 2000", { years: [2000, null] }], ["posteriores a 2010", { years: [2011, null] }],
  ["anteriores a 1980", { years: [null, 1979] }], ["entre 1990 y 2000", { years: [1990, 2000] }], ["de 1985 a 1995", { years: [1985, 1995] }],
  ["estrenadas después de 1995", { years: [1996, null] }], ["más recientes que 2010", { years: [2011, null] }], ["más antiguas que 1980", { years: [null, 1979] }],
  ["no posteriores a 1999", { years: [null, 1999] }], ["anteriores al año 2000", { years: [null, 1999] }], ["que salieron antes de 1975", { years: [null, 1974] }],
  ["de 1990 en adelante", { years: [1990, null] }], ["de 2000 o posteriores", { years: [2000, null] }], ["de 1980 o anteriores", { years: [null, 1980] }],
  ["del 2005", { years: [2005, 2005] }], ["desde el año 2000", { years: [2000, null] }], ["hasta el año 1995", { years: [null, 1995] }],
  ["entre los años 1990 y 2000", { years: [1990, 2000] }],
];
const RUNTIMES: Value[] = [
  ["de menos de 90 minutos", { runtime: [null, 90] }], ["que duren menos de dos horas", { runtime: [null, 120] }], ["de no más de 100 minutos", { runtime: [null, 100] }],
  ["de hora y media como máximo", { runtime: [null, 90] }], ["que no duren más de 2 horas", { runtime: [null, 120] }], ["de más de dos horas", { runtime: [120, null] }],
  ["que duren al menos 2 horas", { runtime: [120, null] }], ["de por lo menos 100 minutos", { runtime: [100, null] }], ["de 90 minutos o menos", { runtime: [null, 90] }],
  ["de dos horas o más", { runtime: [120, null] }], ["de menos de una hora y media", { runtime: [null, 90] }], ["de 1h30 como máximo", { runtime: [null, 90] }],
  ["de entre 90 y 120 minutos", { runtime: [90, 120] }], ["con una duración máxima de 100 minutos", { runtime: [null, 100] }],
  ["que no duren menos de dos horas", { runtime: [120, null] }], ["que no pase de las dos horas", { runtime: [null, 120] }],
  ["que no supere los 90 minutos", { runtime: [null, 90] }], ["como mucho 2 horas", { runtime: [null, 120] }], ["máximo 100 minutos", { runtime: [null, 100] }],
  ["de 2 horas máximo", { runtime: [null, 120] }], ["de menos de hora y media", { runtime: [null, 90] }], ["que dure menos de 100 minutos", { runtime: [null, 100] }],
  ["de más de hora y media", { runtime: [90, null] }],
  ["de unos 90 minutos", { runtime: [75, 105] }], ["de hora y media", { runtime: [75, 105] }], ["de alrededor de dos horas", { runtime: [105, 135] }],
  ["de aproximadamente 100 minutos", { runtime: [85, 115] }],
  ["que no llegue a las dos horas", { runtime: [null, 120] }], ["de entre una y dos horas", { runtime: [60, 120] }], ["de hora y cuarto como mucho", { runtime: [null, 75] }],
  ["de no más de noventa minutos", { runtime: [null, 90] }], ["de menos de hora y cuarenta", { runtime: [null, 100] }],
  ["de 1 hora 40 como máximo", { runtime: [null, 100] }], ["por debajo de 90 minutos", { runtime: [null, 90] }], ["por encima de dos horas", { runtime: [120, null] }],
  ["que no superen la hora y media", { runtime: [null, 90] }], ["de duración menor a 100 minutos", { runtime: [null, 100] }], ["de duración mayor a 2 horas", { runtime: [120, null] }],
  ["y solo tengo hora y media", { runtime: [null, 90] }], ["que no sobrepasen las dos horas", { runtime: [null, 120] }], ["de 1,5 horas como máximo", { runtime: [null, 90] }],
  ["inferiores a 100 minutos", { runtime: [null, 100] }], ["de 2 horas como tope", { runtime: [null, 120] }], ["más cortas de 100 minutos", { runtime: [null, 100] }],
  ["de una hora y media de duración máxima", { runtime: [null, 90] }], ["de dos horas mínimo", { runtime: [120, null] }], ["de hasta dos horas", { runtime: [null, 120] }],
  ["de entre una hora y hora y media", { runtime: [60, 90] }], ["con una duración de entre 90 y 120 minutos", { runtime: [90, 120] }], ["de menos de ciento veinte minutos", { runtime: [null, 120] }], ["de 100 minutos como mínimo", { runtime: [100, null] }], ["de menos de 2h", { runtime: [null, 120] }], ["de menos de dos horas y media", { runtime: [null, 150] }], ["cortas, de menos de 80 minutos", { runtime: [null, 80] }],
];
const LANGUAGES: Value[] = [
  ["en japonés", { languages: { include: ["ja"] } }], ["en coreano", { languages: { include: ["ko"] } }], ["en francés", { languages: { include: ["fr"] } }],
  ["de Japón", { languages: { include: ["ja"] } }], ["de Corea del Sur", { languages: { include: ["ko"] } }], ["que no estén en inglés", { languages: { exclude: ["en"] } }],
  ["que no sean en inglés", { languages: { exclude: ["en"] } }], ["en italiano o francés", { languages: { include: ["it", "fr"] } }], ["en mandarín", { languages: { include: ["zh"] } }],
  ["en cantonés", { languages: { include: ["cn"] } }], ["en hindi", { languages: { include: ["hi"] } }], ["en sueco", { languages: { include: ["sv"] } }],
  ["en danés", { languages: { include: ["da"] } }], ["en ruso", { languages: { include: ["ru"] } }], ["en portugués", { languages: { include: ["pt"] } }],
  ["en persa", { languages: { include: ["fa"] } }], ["habladas en japonés", { languages: { include: ["ja"] } }], ["en idioma alemán", { languages: { include: ["de"] } }],
  ["en un idioma que no sea el inglés", { languages: { exclude: ["en"] } }], ["en cualquier idioma menos inglés", { languages: { exclude: ["en"] } }],
  ["de la Unión Soviética", { languages: { include: ["ru"] } }], ["de Hong Kong", { languages: { include: ["cn"] } }], ["en tamil", { languages: { include: ["ta"] } }],
  ["en telugu", { languages: { include: ["te"] } }], ["en afrikáans", { languages: { include: ["af"] } }], ["en kirguís", { languages: { include: ["ky"] } }],
  ["en esloveno", { languages: { include: ["sl"] } }], ["en pastún", { languages: { include: ["ps"] } }], ["en noruego", { languages: { include: ["no", "nb"] } }],
  ["en islandés", { languages: { include: ["is"] } }], ["en hebreo", { languages: { include: ["he"] } }], ["en árabe", { languages: { include: ["ar"] } }],
  ["en tailandés", { languages: { include: ["th"] } }], ["en checo", { languages: { include: ["cs"] } }], ["en húngaro", { languages: { include: ["hu"] } }],
  ["en rumano", { languages: { include: ["ro"] } }], ["en turco", { languages: { include: ["tr"] } }], ["en polaco", { languages: { include: ["pl"] } }],
  ["en vietnamita", { languages: { include: ["vi"] } }], ["en griego", { languages: { include: ["el"] } }], ["en indonesio", { languages: { include: ["id"] } }],
  ["en neerlandés", { languages: { include: ["nl"] } }], ["en holandés", { languages: { include: ["nl"] } }], ["en español", { languages: { include: ["es"] } }],
  ["en versión original en japonés", { languages: { include: ["ja"] } }], ["que no sean en inglés ni en francés", { languages: { exclude: ["en", "fr"] } }],
];
/** Adjectives after "películas" (feminine plural). */
const ADJECTIVES: Value[] = [
  ["japonesas", { languages: { include: ["ja"] } }], ["coreanas", { languages: { include: ["ko"] } }], ["francesas", { languages: { include: ["fr"] } }],
  ["italianas", { languages: { include: ["it"] } }], ["alemanas", { languages: { include: ["de"] } }], ["chinas", { languages: { include: ["zh", "cn"] } }],
  ["suecas", { languages: { include: ["sv"] } }], ["danesas", { languages: { include: ["da"] } }], ["rusas", { languages: { include: ["ru"] } }],
  ["soviéticas", { languages: { include: ["ru"] } }], ["brasileñas", { languages: { include: ["pt"] } }], ["iraníes", { languages: { include: ["fa"] } }],
  ["turcas", { languages: { include: ["tr"] } }], ["polacas", { languages: { include: ["pl"] } }], ["checas", { languages: { include: ["cs"] } }],
  ["húngaras", { languages: { include: ["hu"] } }], ["griegas", { languages: { include: ["el"] } }], ["tailandesas", { languages: { include: ["th"] } }],
  ["holandesas", { languages: { include: ["nl"] } }], ["noruegas", { languages: { include: ["no", "nb"] } }], ["islandesas", { languages: { include: ["is"] } }],
  ["rumanas", { languages: { include: ["ro"] } }], ["israelíes", { languages: { include: ["he"] } }], ["árabes", { languages: { include: ["ar"] } }],
  ["vietnamitas", { languages: { include: ["vi"] } }], ["indonesias", { languages: { include: ["id"] } }], ["cantonesas", { languages: { include: ["cn"] } }],
  ["taiwanesas", { languages: { include: ["zh"] } }], ["mexicanas", { languages: { include: ["es"] } }], ["argentinas", { languages: { include: ["es"] } }],
  ["españolas", { languages: { include: ["es"] } }], ["estadounidenses", { languages: { include: ["en"] } }], ["británicas", { languages: { include: ["en"] } }],
  ["indias", { languages: { include: ["hi", "ta", "te"] } }], ["eslovenas", { languages: { include: ["sl"] } }], ["afganas", { languages: { include: ["ps"] } }],
  ["en inglés", { languages: { include: ["en"] } }], ["que no sean en inglés", { languages: { exclude: ["en"] } }], ["extranjeras", { languages: { exclude: ["en"] } }],
];
const TITLES: Value[] = [
  ["Heat", { references: ["Heat"] }], ["Alien", { references: ["Alien"] }], ["El laberinto del fauno", { references: ["Pan's Labyrinth"] }],
  ["Amélie", { references: ["Amélie"] }], ["Y tu mamá también", { references: ["Y Tu Mamá También"] }], ["Todo sobre mi madre", { references: ["All About My Mother"] }],
  ["Mar adentro", { references: ["The Sea Inside"] }], ["Volver", { references: ["Volver"] }], ["Die Hard", { references: ["Die Hard"] }], ["Inception", { references: ["Inception"] }],
];

const SLOTS = { g: KEPT, n: [...NEGATED, ...BARE], m: NEGATED, d: DECADES, y: YEARS, r: RUNTIMES, l: LANGUAGES, t: TITLES };

check(
  "Spanish genres, alone and with a decade, a year, a runtime or a language",
  generate(
    ["{g}", "busco {g}", "¿me recomiendas {g}?", "{g} {d}", "buenas {g} {d}", "{g} {y}", "{g} {r}", "{g} {l}", "quiero ver {g} {d} {r}", "{g} {d}, {l}", "me gustaría ver {g} {y}"],
    SLOTS,
  ),
);

check("Spanish: every genre by its noun after 'de'", generate(["películas de {g}", "una película de {g}", "pelis de {g} {d}", "busco algo de {g}", "cine de {g} {r}"], { ...SLOTS, g: BARE }));

check("Spanish: one film with its article", generate(["quiero {g}", "{g} {d}", "recomiéndame {g} {r}", "busco {g} {l}"], { ...SLOTS, g: ONE }));

/** Feminine plural genres the adjectives agree with. */
const PLURAL = genres([
  ["comedias", ["Comedy"]], ["películas de terror", ["Horror"]], ["películas bélicas", ["War"]], ["comedias románticas", ["Romance", "Comedy"]],
  ["películas de acción", ["Action"]], ["películas policíacas", ["Crime"]], ["películas de ciencia ficción", ["Sci-Fi"]], ["películas animadas", ["Animation"]],
]);
check("Spanish language adjectives after the noun", generate(["películas {l}", "películas {l} {d}", "busco {g} {l*}", "{g} {l*}"], { ...SLOTS, g: PLURAL, l: ADJECTIVES }));

check(
  "Spanish negation: the kept genre stays, the negated one is excluded",
  generate(
    [
      "{g} sin {n}", "{g} pero sin {n}", "{g}, pero nada de {n}", "{g}, nada de {n}", "{g} que no sean {n}", "{g} que no sean de {n}", "{g} excepto {n}",
      "{g}, menos {n}", "{g} y sin {n}", "{g}, pero no {n}", "cualquier cosa menos {n}", "todo menos {n}", "{g} salvo {n}", "{g} {d} sin {n}", "{g} sin {n} {d}",
      "busco {g}, pero nada de {n}", "nada de {n}, mejor {g}", "{g}, evitando {n}", "{g} pero que no sean de {n}", "{g}, no quiero {n}",
      "{g}, pero no me gustan {n}", "{g} que no tengan {n}", "{g} sin nada de {n}", "{g}, olvídate de {n}", "{g} pero ningún {n}", "{g}, excepto las de {n}",
      "{g}, nada que sea {n}", "{g} y nada de {n}", "quiero {g} pero no {n}", "{g}, cero {n}", "{g} sin ningún tipo de {n}",
      "{g} que no sean de {n*}", "ni {n} ni {m}, solo {g}", "{g}, ni {n} ni {m}", "{g} que no sean {n} ni {m}", "{g}, que no sean ni de {n} ni de {m}",
      "no quiero {n} sino {g}", "{g} aunque sin {n}", "no me pongas {n}, quiero {g}", "{g} libres de {n}", "{g} sin elementos de {n}", "{g} en vez de {n}",
      "{g} en lugar de {n}", "{g} que no incluyan {n}", "{g} excluyendo {n}", "{g} a excepción de {n}", "{g} (nada de {n})", "{g} pero sin {n} por favor",
      "{g} sí, {n} no", "{g}, no {n}", "{g}, pero {n} no", "{g} {d}, {n} no por favor", "{g}, nada que tenga que ver con {n}",
    ],
    SLOTS,
  ),
);

check(
  "Spanish 'como X': a reference, with a change",
  generate(
    ["películas como {t}", "algo como {t}", "algo parecido a {t}", "{g} como {t}", "algo como {t}, pero {d}", "algo como {t} pero sin {n}", "películas similares a {t} {l}", "del estilo de {t}"],
    SLOTS,
  ),
);
