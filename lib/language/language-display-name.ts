// TMDB records Cantonese as "cn", which is no ISO 639-1 code.
const LANGUAGE_OVERRIDES: Record<string, string> = { cn: "Cantonese", xx: "no spoken language" };
let languageNames: Intl.DisplayNames | null | undefined;

/** "fr" → "French"; the code itself when the runtime cannot name it. */
export function languageName(code: string): string {
  if (LANGUAGE_OVERRIDES[code]) return LANGUAGE_OVERRIDES[code];
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(["en"], { type: "language" });
    } catch {
      languageNames = null;
    }
  }
  try {
    const name = languageNames?.of(code);
    return name && name !== code ? name : code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}
