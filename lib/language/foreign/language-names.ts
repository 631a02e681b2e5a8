/**
 * Film languages named in French, Spanish and German, each mapped to the English word
 * lib/language/language-names.ts reads ("japonais", "japonés", "japanisch" → "japanese"). One
 * row per language, so every language of the catalog is covered in all three at once; the
 * language files inflect the stems (french.ts: gender and number; spanish.ts: number; german.ts:
 * adjective endings and "-sprachig").
 *
 * Written folded (lower case, no accents, "ß" → "ss"), as the rewrite tables match. Countries
 * are written with the preposition that introduces an origin ("du japon", "de la india", "aus
 * der turkei"): a country alone is often a setting ("un film au Japon").
 */

export interface ForeignLanguageName {
  /** The English word the English reader maps to codes. */
  english: string;
  /** French masculine singular, or "masculine/feminine" when the feminine is irregular. */
  fr: string[];
  /** Spanish "masculine/feminine" singular (one form when both are the same). */
  es: string[];
  /** German adjective stem ("japanisch": "japanische Filme", "auf Japanisch", "japanischsprachig"). */
  de: string[];
  countries?: { fr?: string[]; es?: string[]; de?: string[] };
}

const row = (english: string, fr: string, es: string, de: string, countries: ForeignLanguageName["countries"] = {}): ForeignLanguageName => ({
  english,
  fr: fr
    .split(",")
    .map((form) => form.trim())
    .filter(Boolean),
  es: es
    .split(",")
    .map((form) => form.trim())
    .filter(Boolean),
  de: de
    .split(",")
    .map((form) => form.trim())
    .filter(Boolean),
  countries,
});

export const FOREIGN_LANGUAGE_NAMES: readonly ForeignLanguageName[] = [
  row("english", "anglais, anglophone", "ingles/inglesa, anglofono/anglofona", "englisch", {
    fr: ["d'angleterre", "du royaume uni", "de grande bretagne"],
    es: ["de inglaterra", "del reino unido", "de gran bretana"],
    de: ["aus england", "aus grossbritannien"],
  }),
  row("american", "americain, etats unien/etats unienne", "estadounidense, americano/americana, norteamericano/norteamericana", "amerikanisch, us amerikanisch", {
    fr: ["des etats unis", "d'amerique", "des usa", "de hollywood"],
    es: ["de estados unidos", "de los estados unidos", "de eeuu", "de ee uu", "de hollywood"],
    de: ["aus den usa", "aus amerika", "aus den vereinigten staaten", "aus hollywood"],
  }),
  row("british", "britannique", "britanico/britanica", "britisch"),
  row("french", "francais, francophone, quebecois", "frances/francesa, francofono/francofona, quebequense", "franzosisch, frankophon", {
    fr: ["de france", "du quebec"],
    es: ["de francia", "de quebec"],
    de: ["aus frankreich", "aus quebec"],
  }),
  row("spanish", "espagnol, hispanophone, castillan", "espanol/espanola, castellano/castellana, hispanohablante", "spanisch, kastilisch", {
    fr: ["d'espagne"],
    es: ["de espana"],
    de: ["aus spanien"],
  }),
  row("mexican", "mexicain", "mexicano/mexicana", "mexikanisch", { fr: ["du mexique"], es: ["de mexico"], de: ["aus mexiko"] }),
  row("argentinian", "argentin", "argentino/argentina", "argentinisch", { fr: ["d'argentine"], es: ["de argentina"], de: ["aus argentinien"] }),
  row("colombian", "colombien", "colombiano/colombiana", "kolumbianisch", { fr: ["de colombie"], es: ["de colombia"], de: ["aus kolumbien"] }),
  row("chilean", "chilien", "chileno/chilena", "chilenisch", { fr: ["du chili"], es: ["de chile"], de: ["aus chile"] }),
  row("cuban", "cubain", "cubano/cubana", "kubanisch", { fr: ["de cuba"], es: ["de cuba"], de: ["aus kuba"] }),
  row("german", "allemand, germanophone", "aleman/alemana, germanohablante", "deutsch", { fr: ["d'allemagne"], es: ["de alemania"], de: ["aus deutschland"] }),
  row("austrian", "autrichien", "austriaco/austriaca", "osterreichisch", { fr: ["d'autriche"], es: ["de austria"], de: ["aus osterreich"] }),
  row("mandarin", "mandarin", "mandarin", "mandarin"),
  row("taiwanese", "taiwanais", "taiwanes/taiwanesa", "taiwanisch, taiwanesisch", { fr: ["de taiwan"], es: ["de taiwan"], de: ["aus taiwan"] }),
  row("chinese", "chinois", "chino/china", "chinesisch", { fr: ["de chine"], es: ["de china"], de: ["aus china"] }),
  row("cantonese", "cantonais", "cantones/cantonesa", "kantonesisch", {}),
  row("hong kong", "hongkongais", "hongkones/hongkonesa", "hongkongisch, hongkong chinesisch", {
    fr: ["de hong kong", "de hongkong"],
    es: ["de hong kong", "de hongkong"],
    de: ["aus hongkong", "aus hong kong"],
  }),
  row("hindi", "hindi", "hindi", "hindi"),
  row("bollywood", "bollywoodien", "bollywoodense", "bollywood"),
  row("indian", "indien", "indio/india, hindu", "indisch", { fr: ["d'inde", "de l'inde"], es: ["de la india", "de india"], de: ["aus indien"] }),
  row("japanese", "japonais", "japones/japonesa, nipon/nipona", "japanisch", { fr: ["du japon"], es: ["de japon", "del japon"], de: ["aus japan"] }),
  row("italian", "italien", "italiano/italiana", "italienisch", { fr: ["d'italie"], es: ["de italia"], de: ["aus italien"] }),
  row("russian", "russe, russophone", "ruso/rusa", "russisch", { fr: ["de russie"], es: ["de rusia"], de: ["aus russland"] }),
  row("soviet", "sovietique", "sovietico/sovietica", "sowjetisch", {
    fr: ["d'union sovietique", "de l'union sovietique", "d'urss", "de l'urss"],
    es: ["de la union sovietica", "de la urss"],
    de: ["aus der sowjetunion", "aus der udssr"],
  }),
  row("korean", "coreen, sud coreen", "coreano/coreana, surcoreano/surcoreana", "koreanisch, sudkoreanisch", {
    fr: ["de coree du sud", "de coree"],
    es: ["de corea del sur", "de corea"],
    de: ["aus sudkorea", "aus korea"],
  }),
  row("portuguese", "portugais, lusophone", "portugues/portuguesa", "portugiesisch", { fr: ["du portugal"], es: ["de portugal"], de: ["aus portugal"] }),
  row("brazilian", "bresilien", "brasileno/brasilena, brasilero/brasilera", "brasilianisch", { fr: ["du bresil"], es: ["de brasil"], de: ["aus brasilien"] }),
  row("danish", "danois", "danes/danesa", "danisch", { fr: ["du danemark"], es: ["de dinamarca"], de: ["aus danemark"] }),
  row("swedish", "suedois", "sueco/sueca", "schwedisch", { fr: ["de suede"], es: ["de suecia"], de: ["aus schweden"] }),
  row("dutch", "neerlandais, hollandais, flamand", "neerlandes/neerlandesa, holandes/holandesa", "niederlandisch, hollandisch, flamisch", {
    fr: ["des pays bas", "de hollande"],
    es: ["de los paises bajos", "de holanda"],
    de: ["aus den niederlanden", "aus holland"],
  }),
  row("persian", "persan, farsi", "persa, farsi", "persisch, farsi", { fr: ["de perse"], es: ["de persia"], de: ["aus persien"] }),
  row("iranian", "iranien", "irani, iraniano/iraniana", "iranisch", { fr: ["d'iran"], es: ["de iran", "del iran"], de: ["aus dem iran", "aus iran"] }),
  row("thai", "thai, thailandais", "tailandes/tailandesa", "thailandisch, thai", { fr: ["de thailande"], es: ["de tailandia"], de: ["aus thailand"] }),
  row("hebrew", "hebreu/hebraique", "hebreo/hebrea", "hebraisch", {}),
  row("israeli", "israelien", "israeli", "israelisch", { fr: ["d'israel"], es: ["de israel"], de: ["aus israel"] }),
  row("tamil", "tamoul, tamil", "tamil", "tamilisch, tamil"),
  row("telugu", "telougou, telugu", "telugu", "telugu"),
  row("czech", "tcheque, tchecoslovaque", "checo/checa, checoslovaco/checoslovaca", "tschechisch, tschechoslowakisch", {
    fr: ["de republique tcheque", "de la republique tcheque", "de tchecoslovaquie"],
    es: ["de la republica checa", "de chequia", "de checoslovaquia"],
    de: ["aus tschechien", "aus der tschechoslowakei"],
  }),
  row("arabic", "arabe, arabophone", "arabe", "arabisch"),
  row("egyptian", "egyptien", "egipcio/egipcia", "agyptisch", { fr: ["d'egypte"], es: ["de egipto"], de: ["aus agypten"] }),
  row("indonesian", "indonesien", "indonesio/indonesia", "indonesisch", { fr: ["d'indonesie"], es: ["de indonesia"], de: ["aus indonesien"] }),
  row("romanian", "roumain", "rumano/rumana", "rumanisch", { fr: ["de roumanie"], es: ["de rumania"], de: ["aus rumanien"] }),
  row("hungarian", "hongrois", "hungaro/hungara", "ungarisch", { fr: ["de hongrie"], es: ["de hungria"], de: ["aus ungarn"] }),
  row("icelandic", "islandais", "islandes/islandesa", "islandisch", { fr: ["d'islande"], es: ["de islandia"], de: ["aus island"] }),
  row("turkish", "turc/turque", "turco/turca", "turkisch", { fr: ["de turquie"], es: ["de turquia"], de: ["aus der turkei"] }),
  row("norwegian", "norvegien", "noruego/noruega", "norwegisch", { fr: ["de norvege"], es: ["de noruega"], de: ["aus norwegen"] }),
  row("afrikaans", "afrikaans", "afrikaans", "afrikaans"),
  row("polish", "polonais", "polaco/polaca", "polnisch", { fr: ["de pologne"], es: ["de polonia"], de: ["aus polen"] }),
  row("vietnamese", "vietnamien", "vietnamita", "vietnamesisch", { fr: ["du vietnam"], es: ["de vietnam"], de: ["aus vietnam"] }),
  row("kyrgyz", "kirghize, kirghiz", "kirguis, kirguiso/kirguisa", "kirgisisch", { fr: ["du kirghizistan"], es: ["de kirguistan"], de: ["aus kirgisistan"] }),
  row("slovenian", "slovene", "esloveno/eslovena", "slowenisch", { fr: ["de slovenie"], es: ["de eslovenia"], de: ["aus slowenien"] }),
  row("pashto", "pachto, pachtoune", "pastun, pashto", "paschtunisch, paschtu", {}),
  row("afghan", "afghan", "afgano/afgana", "afghanisch", { fr: ["d'afghanistan"], es: ["de afganistan"], de: ["aus afghanistan"] }),
  row("greek", "grec/grecque", "griego/griega", "griechisch", { fr: ["de grece"], es: ["de grecia"], de: ["aus griechenland"] }),
  row("scandinavian", "scandinave", "escandinavo/escandinava", "skandinavisch", { fr: ["de scandinavie"], es: ["de escandinavia"], de: ["aus skandinavien"] }),
  row("nordic", "nordique", "nordico/nordica", "nordisch"),
  row("latin american", "latino americain", "latinoamericano/latinoamericana", "lateinamerikanisch", {
    fr: ["d'amerique latine"],
    es: ["de latinoamerica", "de america latina"],
    de: ["aus lateinamerika"],
  }),
  row("finnish", "finlandais, finnois", "finlandes/finlandesa", "finnisch", { fr: ["de finlande"], es: ["de finlandia"], de: ["aus finnland"] }),
  row("ukrainian", "ukrainien", "ucraniano/ucraniana", "ukrainisch", { fr: ["d'ukraine"], es: ["de ucrania"], de: ["aus der ukraine"] }),
];

/** Country phrases of one language → the English adjective ("du japon" → "japanese"). */
export function countriesIn(code: "fr" | "es" | "de"): Record<string, string> {
  const countries: Record<string, string> = {};
  for (const name of FOREIGN_LANGUAGE_NAMES) for (const country of name.countries?.[code] ?? []) countries[country] = name.english;
  return countries;
}
