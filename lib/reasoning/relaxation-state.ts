/** The state of relaxation: which hard constraints are loosened and by how much. */
export interface Relaxation {
  yearWidening: number;
  runtimeWidening: number;
  genreMode: "all" | "any" | "none";
  dropLanguage: boolean;
  dropPeople: boolean;
  allowUnknown: boolean;
}

/** Every hard constraint as stated. */
export const STRICT: Relaxation = { yearWidening: 0, runtimeWidening: 0, genreMode: "all", dropLanguage: false, dropPeople: false, allowUnknown: false };
