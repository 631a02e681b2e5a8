/**
 * The paraphrase suite generator: templates × slot values → requests with their exact expected
 * constraints, split into dev and held-out by a seeded quarter of the templates and of the slot
 * values (pinned by held-out-manifest.json beside this file).
 *
 * - dev: a template that is not held out, filled only with values that are not held out. The
 *   parser's authors may read these queries and their failures.
 * - held-out: everything else, i.e. a query with at least one held-out template or value. The
 *   targets apply here; the eval prints only counts for it.
 * Pure and deterministic: the same seed and sources give the same queries in the same order.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { constraintsSchema, type Constraints } from "../../lib/reasoning/constraints";
import { FRENCH_TEMPLATES } from "./french";
import { GERMAN_TEMPLATES } from "./german";
import { hash32, pick, seededQuarter, seededRandom, sha256 } from "./seeded-random";
import { SPANISH_TEMPLATES } from "./spanish";
import { CLASS_NAMES, type ClassName, type SlotList, type Split, type Template } from "./suite-types";
import { ENGLISH_TEMPLATES } from "./templates";

/** The suite's fixed seed (issue 17). Changing it changes the held-out split: do not. */
export const SUITE_SEED = 17;

/** Queries generated per class and split (combinations get more: they have the most ways to go wrong). */
export function queriesPerClass(className: ClassName): number {
  return className === "combination" ? 150 : 100;
}

export const ALL_TEMPLATES: readonly Template[] = [...ENGLISH_TEMPLATES, ...FRENCH_TEMPLATES, ...SPANISH_TEMPLATES, ...GERMAN_TEMPLATES];

export interface SuiteQuery {
  /** `<class>/<d|h><index>`: stable as long as the manifest's fingerprints hold. */
  id: string;
  className: ClassName;
  split: Split;
  templateId: string;
  slotValueIds: string[];
  text: string;
  /** The exact answer, parsed by lib/reasoning's constraint schema (so in the reasoners' shape). */
  expected: Constraints;
}

export interface HeldOutSelection {
  seed: number;
  /** Held-out template ids per class. */
  templates: Record<string, string[]>;
  /** Held-out slot value ids per base slot list. */
  slotValues: Record<string, string[]>;
}

/** Every base slot list the templates draw on (derived lists resolved to their sources), by name. */
export function baseSlotLists(templates: readonly Template[] = ALL_TEMPLATES): Map<string, SlotList<unknown>> {
  const lists = new Map<string, SlotList<unknown>>();
  const visit = (list: SlotList<unknown>) => {
    if (list.sources.length > 0) {
      list.sources.forEach(visit);
      return;
    }
    const known = lists.get(list.name);
    if (known && known !== list) throw new Error(`two slot lists are named ${list.name}`);
    lists.set(list.name, list);
  };
  for (const entry of templates) Object.values(entry.roles).forEach(visit);
  return new Map([...lists].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The seeded quarter of each class's templates and of each base slot list's values. */
export function selectHeldOut(seed: number = SUITE_SEED, templates: readonly Template[] = ALL_TEMPLATES): HeldOutSelection {
  const ids = new Set<string>();
  for (const entry of templates) {
    if (ids.has(entry.id)) throw new Error(`repeated template id ${entry.id}`);
    ids.add(entry.id);
  }
  const byClass: Record<string, string[]> = {};
  for (const className of CLASS_NAMES) byClass[className] = seededQuarter(templates.filter((entry) => entry.className === className).map((entry) => entry.id), seed);
  const slotValues: Record<string, string[]> = {};
  for (const [name, list] of baseSlotLists(templates)) slotValues[name] = seededQuarter(list.values.map((value) => value.id), seed);
  return { seed, templates: byClass, slotValues };
}

/** One space between words, none before a comma or full stop (French keeps its space before "?"). */
const normaliseText = (text: string) => text.replace(/\s+/g, " ").replace(/\s+([,.])/g, "$1").trim();

/**
 * Generates the suite. Throws when a class cannot reach its count (a template or slot list too
 * small for its split), so a broken source fails loudly instead of shrinking the suite.
 */
export function generateSuite(seed: number = SUITE_SEED, templates: readonly Template[] = ALL_TEMPLATES): SuiteQuery[] {
  const selection = selectHeldOut(seed, templates);
  const heldOutTemplates = new Set(Object.values(selection.templates).flat());
  const heldOutValues = new Set(Object.values(selection.slotValues).flat());
  const devValues = new Map<SlotList<unknown>, SlotList<unknown>["values"]>();
  const valuesFor = (list: SlotList<unknown>, split: Split) => {
    if (split === "held-out") return list.values;
    let values = devValues.get(list);
    if (!values) devValues.set(list, (values = list.values.filter((value) => !heldOutValues.has(value.id))));
    return values;
  };
  const seen = new Set<string>();
  const queries: SuiteQuery[] = [];
  for (const split of ["dev", "held-out"] as const) {
    for (const className of CLASS_NAMES) {
      const classTemplates = templates.filter((entry) => entry.className === className && (split === "held-out" || !heldOutTemplates.has(entry.id)));
      const wanted = queriesPerClass(className);
      const random = seededRandom(hash32(`${seed}:${className}:${split}`));
      let made = 0;
      for (let attempt = 0; made < wanted && attempt < wanted * 2000; attempt += 1) {
        const chosen = pick(random, classTemplates);
        const values: Record<string, unknown> = {};
        const valueIds: string[] = [];
        for (const [role, list] of Object.entries(chosen.roles)) {
          const value = pick(random, valuesFor(list, split));
          values[role] = value.value;
          valueIds.push(value.id);
        }
        const isHeldOut = heldOutTemplates.has(chosen.id) || valueIds.some((id) => heldOutValues.has(id));
        if (isHeldOut !== (split === "held-out")) continue;
        const result = chosen.render(values);
        if (!result) continue;
        const text = normaliseText(result.text);
        const key = text.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        queries.push({ id: `${className}/${split === "dev" ? "d" : "h"}${made}`, className, split, templateId: chosen.id, slotValueIds: valueIds, text, expected: constraintsSchema.parse(result.expected) });
        made += 1;
      }
      if (made < wanted) throw new Error(`class ${className} (${split}): only ${made} of ${wanted} distinct queries`);
    }
  }
  return queries;
}

/** SHA-256 over the texts and expected answers of one split, in order. */
export function fingerprint(queries: readonly SuiteQuery[], split: Split): string {
  return sha256(JSON.stringify(queries.filter((query) => query.split === split).map((query) => [query.id, query.text, query.expected])));
}

export interface Manifest {
  description: string;
  seed: number;
  counts: Record<string, { dev: number; heldOut: number }>;
  fingerprints: { dev: string; heldOut: string };
  heldOutTemplates: Record<string, string[]>;
  heldOutSlotValues: Record<string, string[]>;
}

export const MANIFEST_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "held-out-manifest.json");

/** The manifest the suite must match: the held-out choice and a fingerprint of both splits. */
export function buildManifest(queries: readonly SuiteQuery[], selection: HeldOutSelection): Manifest {
  const counts: Manifest["counts"] = {};
  for (const className of CLASS_NAMES) {
    counts[className] = {
      dev: queries.filter((query) => query.className === className && query.split === "dev").length,
      heldOut: queries.filter((query) => query.className === className && query.split === "held-out").length,
    };
  }
  return {
    description:
      "Held-out part of the eval:understanding paraphrase suite (scripts/understanding-suite). A seeded quarter of each class's templates and of each slot list's values; a held-out query uses at least one of them. Generated by `npm run eval:understanding -- --write-manifest`; a change to it means the held-out test changed and must be deliberate.",
    seed: selection.seed,
    counts,
    fingerprints: { dev: fingerprint(queries, "dev"), heldOut: fingerprint(queries, "held-out") },
    heldOutTemplates: selection.templates,
    heldOutSlotValues: selection.slotValues,
  };
}

export function readManifest(file: string = MANIFEST_PATH): Manifest {
  return JSON.parse(readFileSync(file, "utf8")) as Manifest;
}

/** Differences between the generated suite and the committed manifest (empty when they agree). */
export function manifestDifferences(actual: Manifest, committed: Manifest): string[] {
  const differences: string[] = [];
  if (actual.seed !== committed.seed) differences.push(`seed ${actual.seed} ≠ ${committed.seed}`);
  if (JSON.stringify(actual.heldOutTemplates) !== JSON.stringify(committed.heldOutTemplates)) differences.push("the held-out templates differ");
  if (JSON.stringify(actual.heldOutSlotValues) !== JSON.stringify(committed.heldOutSlotValues)) differences.push("the held-out slot values differ");
  if (JSON.stringify(actual.counts) !== JSON.stringify(committed.counts)) differences.push("the counts per class differ");
  if (actual.fingerprints.heldOut !== committed.fingerprints.heldOut) differences.push("the held-out queries differ (fingerprint)");
  if (actual.fingerprints.dev !== committed.fingerprints.dev) differences.push("the dev queries differ (fingerprint)");
  return differences;
}
