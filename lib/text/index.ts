// Pure string helpers any folder may use (a leaf, like lib/hash): nothing here imports the project.
export { escapeRegExp, longestFirstAlternation } from "./regex";
