export const THEME_STORAGE_KEY = "reelcast:theme";

/**
 * Runs before first paint (inlined in the layout's head) so a dark page never flashes light:
 * "dark" or "light" from localStorage, else the system preference. Kept out of the "use client"
 * toggle because a server component importing from a client module gets a reference, not a string.
 */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}`;
