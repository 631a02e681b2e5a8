import { findContentDirections } from "./content-directions";
import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";
import { overlaps } from "./span-cover";
import { longestFirstAlternation } from "../text";

/** A mood or vibe word: "rainy", "melancholic", "cozy", "mind-bending", "feel-good", "gritty". */
export interface VibeMention extends TokenSpan {
  /** The canonical vibe ("mind-bending"), shown in reasons. */
  vibe: string;
  /** Item keywords and tags that express it, for soft scoring against the catalog. */
  keywords: string[];
  phrase: string;
}

/**
 * Canonical vibe → [words people use (normalised tokens), keywords/tags that express it].
 * Moods only: topics and seasons ("christmas", "zombies", "true story") stay keywords, which
 * keyword search already handles.
 */
const VIBES: Record<string, [string[], string[]]> = {
  rainy: [
    ["rainy", "rain", "raining", "rainy day", "drizzly", "stormy"],
    ["rain", "atmospheric", "melancholy"],
  ],
  melancholic: [
    ["melancholic", "melancholy", "wistful", "bittersweet", "sad", "sombre", "somber", "mournful", "melancolic", "melancholic"],
    ["melancholy", "bittersweet", "sad", "loneliness", "grief", "depressing"],
  ],
  cozy: [
    ["cozy", "cosy", "comfy", "comforting", "comfort", "snuggly", "warm"],
    ["feel-good", "heartwarming", "cozy", "charming"],
  ],
  "mind-bending": [
    [
      "mind bending",
      "mindbending",
      "mind blowing",
      "mindblowing",
      "mind fuck",
      "mindfuck",
      "trippy",
      "twisty",
      "plot twist",
      "plot twists",
      "twist ending",
      "puzzle",
      "puzzling",
      "cerebral",
      "brain teaser",
      "reality bending",
      "confusing",
    ],
    ["mindfuck", "twist ending", "surreal", "nonlinear", "psychological", "complicated", "plot twist", "dream", "alternate reality", "thought-provoking"],
  ],
  "feel-good": [
    ["feel good", "feelgood", "uplifting", "heartwarming", "heart warming", "wholesome", "happy", "cheerful", "sweet", "charming", "joyful", "positive", "good vibes"],
    ["feel-good", "heartwarming", "uplifting", "friendship", "happy ending", "feel good movie"],
  ],
  dark: [
    ["dark", "bleak", "grim", "nihilistic", "pessimistic", "depressing", "disturbing"],
    ["dark", "bleak", "dark comedy", "disturbing", "violence", "depressing"],
  ],
  gritty: [
    ["gritty", "raw", "hard hitting", "hardboiled", "hard boiled", "realistic", "grounded", "street"],
    ["gritty", "realistic", "violence", "corruption", "gritty"],
  ],
  atmospheric: [
    ["atmospheric", "moody", "brooding", "immersive", "hypnotic"],
    ["atmospheric", "moody", "stylized"],
  ],
  tense: [
    ["tense", "gripping", "edge of my seat", "edge of your seat", "nail biting", "intense", "nerve wracking", "claustrophobic"],
    ["tense", "suspense", "intense", "claustrophobic"],
  ],
  "slow-burn": [
    ["slow burn", "slow burning", "slow paced", "slow", "meditative", "contemplative", "quiet", "understated", "patient"],
    ["slow", "meditative", "contemplative", "slow paced"],
  ],
  quirky: [
    ["quirky", "offbeat", "whimsical", "eccentric", "odd", "weird", "strange", "bizarre", "surreal", "absurd", "absurdist", "wacky", "kooky", "zany"],
    ["quirky", "surreal", "absurd", "whimsical", "weird", "offbeat"],
  ],
  "thought-provoking": [
    ["thought provoking", "smart", "intelligent", "clever", "philosophical", "deep", "meaningful", "profound", "makes you think", "challenging"],
    ["thought-provoking", "philosophical", "intelligent", "social commentary", "philosophy"],
  ],
  nostalgic: [
    ["nostalgic", "nostalgia", "coming of age", "retro", "childhood"],
    ["nostalgia", "coming of age", "nostalgic", "childhood"],
  ],
  epic: [
    ["epic", "epics", "sweeping", "grand", "larger than life"],
    ["epic", "epic battle", "spectacle"],
  ],
  creepy: [
    ["creepy", "eerie", "unsettling", "haunting", "uncanny", "ominous", "sinister", "chilling", "macabre"],
    ["creepy", "atmospheric", "psychological", "haunting", "eerie"],
  ],
  violent: [
    ["violent", "bloody", "gory", "gore", "brutal", "graphic", "gruesome", "splatter", "bloodshed", "violence"],
    ["violence", "gore", "brutality", "bloody", "violent"],
  ],
  emotional: [
    ["emotional", "tearjerker", "tear jerker", "cry", "crying", "moving", "touching", "heartbreaking", "heart breaking", "poignant", "tissues"],
    ["emotional", "tearjerker", "moving", "touching", "sad", "heartbreaking"],
  ],
  inspiring: [
    ["inspiring", "inspirational", "motivational", "triumphant", "empowering", "underdog"],
    ["inspirational", "inspiring", "underdog", "sports"],
  ],
  lighthearted: [
    ["lighthearted", "light hearted", "light", "breezy", "easy going", "easygoing", "fun", "playful", "easy watching", "easy watch", "popcorn"],
    ["lighthearted", "fun", "feel-good", "entertaining"],
  ],
  silly: [
    ["silly", "goofy", "stupid", "dumb", "slapstick", "brainless", "mindless", "juvenile", "crude"],
    ["silly", "stupid", "dumb", "slapstick", "goofy"],
  ],
  witty: [
    ["witty", "sharp", "satirical", "satire", "sardonic", "wry", "clever dialogue", "snappy dialogue", "dry humor", "dry humour", "deadpan"],
    ["witty", "satire", "clever", "dialogue", "dark humor", "deadpan"],
  ],
  beautiful: [
    ["beautiful", "visually stunning", "gorgeous", "stunning", "stylish", "visual", "visually", "lush", "beautifully shot", "cinematography"],
    ["visually appealing", "beautiful", "cinematography", "stylized", "beautifully filmed"],
  ],
  relaxing: [
    ["relaxing", "chill", "chilled", "calm", "mellow", "laid back", "gentle", "soothing", "low key", "lazy sunday"],
    ["relaxing", "feel-good", "calm", "gentle"],
  ],
  lonely: [
    ["lonely", "loneliness", "isolation", "isolated", "solitude", "alone"],
    ["loneliness", "isolation", "solitude"],
  ],
  hopeful: [
    ["hopeful", "optimistic", "hope"],
    ["hope", "uplifting", "optimism"],
  ],
  dreamy: [
    ["dreamy", "dreamlike", "dream like", "ethereal", "hallucinatory", "psychedelic"],
    ["dreamlike", "surreal", "dream", "psychedelic"],
  ],
  romantic: [
    ["sexy", "steamy", "sensual", "passionate", "erotic"],
    ["erotic", "sexuality", "passion", "sensual"],
  ],
  "date-night": [
    ["date night", "date movie", "first date", "for a date"],
    ["romance", "feel-good", "romantic comedy"],
  ],
  adrenaline: [
    ["adrenaline", "adrenaline fueled", "explosive", "high octane", "non stop", "fast paced", "thrilling", "exciting", "action packed"],
    ["explosion", "chase", "fast-paced", "car chase", "shootout"],
  ],
};

const PHRASE_TO_VIBE = new Map<string, string>();
for (const [vibe, [phrases]] of Object.entries(VIBES)) for (const phrase of phrases) if (!PHRASE_TO_VIBE.has(phrase)) PHRASE_TO_VIBE.set(phrase, vibe);

const VIBE_PATTERN = new RegExp(String.raw`\b(${longestFirstAlternation(PHRASE_TO_VIBE.keys())})\b`, "g");

/**
 * Every vibe word or phrase in the query, longest first where they overlap. A vibe word inside a
 * content direction ("less violent", "not too dark", "more lighthearted") is the direction's, not
 * a mood: read as a mood, "less violent" would search for violent films, and "more lighthearted"
 * would count twice.
 */
export function findVibeMentions(query: QueryText): VibeMention[] {
  const directions = findContentDirections(query);
  return matchPhrases(query, VIBE_PATTERN)
    .filter((span) => !directions.some((direction) => overlaps(direction, span)))
    .map(({ start, end, match }) => {
      const vibe = PHRASE_TO_VIBE.get(match[1])!;
      return { start, end, vibe, keywords: VIBES[vibe][1], phrase: match[1] };
    });
}
