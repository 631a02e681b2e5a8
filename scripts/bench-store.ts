/**
 * npm run bench:store — the store's CPU per fast request, in process: `recommend()` on the fast
 * path against a file-backed SQLite store opened as the server opens it, every store call timed
 * (scripts/bench/store-cost-probe.ts). Each round runs in a fresh process on a fresh database.
 *
 *   npm run bench:store                              this checkout, 5 rounds
 *   npm run bench:store -- --baseline <dir> [--baseline-label "abc1234 (before)"]
 *                                                    also a copy of another commit (its own
 *                                                    node_modules or a symlink to one), rounds
 *                                                    alternating so machine noise hits both
 *   npm run bench:store -- --profile                 plus one run per code under --cpu-prof: the
 *                                                    store's share of the CPU sampled inside recommend()
 *   npm run bench:store -- --write                   the section of docs/BENCHMARKS.md
 *
 * A copy of HEAD for --baseline: d=$(mktemp -d); git archive HEAD | tar -x -C $d; ln -s "$PWD/node_modules" $d/
 * (the probe runs in this checkout, so both read its catalog bundle in .data).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { profileShares, type ProfileShares } from "./bench/cpu-profile-shares";
import { replaceMarkdownSection } from "./support/markdown-section";
import { describeRun, runContext } from "./support/run-context";

const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    // What the baseline is, for the table (a copy made with git archive has no history to read it from).
    "baseline-label": { type: "string", default: "baseline" },
    rounds: { type: "string", default: "5" },
    requests: { type: "string", default: "3000" },
    sessions: { type: "string", default: "200" },
    write: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
  },
});

interface ProbeResult {
  root: string;
  loadAverage: number;
  storeMsPerRequest: number;
  storeWithoutCallbacksMsPerRequest: number;
  sessionCallbackMsPerRequest: number;
  storeP50: number;
  storeP99: number;
  recommendMsPerRequest: number;
  recommendP50: number;
  processCpuMsPerRequest: number;
  byMethod: Record<string, { callsPerRequest: number; msPerRequest: number; p50Ms: number }>;
  timedWindowUs: [number, number];
}

const here = path.resolve(import.meta.dirname, "..");
const probe = path.join(here, "scripts/bench/store-cost-probe.ts");
// Date, commit and machine of this run, read as it starts.
const run = runContext(here);
const trees: Array<{ label: string; root: string }> = [{ label: `${run.commit}${run.uncommittedChanges ? "+" : ""} (this checkout)`, root: here }];
if (values.baseline) {
  const baseline = path.resolve(values.baseline);
  if (!existsSync(path.join(baseline, "lib/store/index.ts"))) throw new Error(`--baseline ${baseline} is not a Reelcast checkout`);
  trees.unshift({ label: values["baseline-label"]!, root: baseline });
}

function runProbe(root: string, nodeOptions: string[] = []): ProbeResult {
  // The probe runs in this checkout (its .data, its node_modules for the checkpointer thread); only the code measured comes from `root`.
  const child = spawnSync(process.execPath, [...nodeOptions, "--import", "tsx", probe, "--root", root, "--requests", values.requests!, "--sessions", values.sessions!], {
    cwd: here,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split("\n").find((each) => each.startsWith("result "));
  if (child.status !== 0 || !line) throw new Error(`store probe failed (${root}): ${child.stderr.slice(-2000)}`);
  return JSON.parse(line.slice("result ".length)) as ProbeResult;
}

const rounds = Number(values.rounds);
const results = new Map<string, ProbeResult[]>(trees.map((tree) => [tree.label, []]));
for (let round = 0; round < rounds; round++) {
  for (const tree of round % 2 === 0 ? trees : [...trees].reverse()) {
    const result = runProbe(tree.root);
    results.get(tree.label)!.push(result);
    console.log(
      `round ${round + 1} ${tree.label}: store ${result.storeMsPerRequest.toFixed(3)} ms/request (p50 ${result.storeP50.toFixed(3)}), recommend ${result.recommendMsPerRequest.toFixed(2)} ms, load ${result.loadAverage.toFixed(2)}`,
    );
  }
}

/** One more probe under --cpu-prof: the main thread's profile is the largest file (the checkpointer thread writes its own). */
function profileProbe(root: string): ProfileShares {
  const directory = mkdtempSync(path.join(os.tmpdir(), "reelcast-store-profile-"));
  try {
    const result = runProbe(root, ["--cpu-prof", "--cpu-prof-dir", directory]);
    const [largest] = readdirSync(directory)
      .map((name) => path.join(directory, name))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    return profileShares(largest, result.timedWindowUs);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
const profiles = values.profile ? trees.map((tree) => ({ label: tree.label, shares: profileProbe(tree.root) })) : [];
const profileLines = profiles.map(
  ({ label, shares }) =>
    `- ${label}: store ${((100 * shares.storeMs) / shares.busyMs).toFixed(1)} % of the main thread's ${Math.round(shares.busyMs)} ms of CPU while serving the timed requests; by innermost store function: ${shares.topStoreFunctions.map((entry) => `${entry.name} ${Math.round(entry.ms)} ms`).join(", ")}`,
);
if (profileLines.length > 0) console.log(`\n${profileLines.join("\n")}`);

const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value: number) => value.toFixed(3);
const of = (label: string, pick: (result: ProbeResult) => number) => median(results.get(label)!.map(pick));

const rows = trees.map((tree) => {
  const list = results.get(tree.label)!;
  const methods = [...new Set(list.flatMap((result) => Object.keys(result.byMethod)))];
  const split = methods
    .map(
      (method) =>
        `${method} ${median(list.map((result) => result.byMethod[method]?.p50Ms ?? 0)).toFixed(3)} (mean ${median(list.map((result) => result.byMethod[method]?.msPerRequest ?? 0)).toFixed(3)}) × ${list[0].byMethod[method]?.callsPerRequest ?? 0}`,
    )
    .join(", ");
  return `| ${tree.label} | ${ms(of(tree.label, (r) => r.storeMsPerRequest))} | ${ms(of(tree.label, (r) => r.storeWithoutCallbacksMsPerRequest))} | ${ms(of(tree.label, (r) => r.storeP50))} | ${ms(of(tree.label, (r) => r.storeP99))} | ${of(tree.label, (r) => r.recommendMsPerRequest).toFixed(2)} | ${of(tree.label, (r) => r.processCpuMsPerRequest).toFixed(2)} | ${split} |`;
});
const loads = [...results.values()].flat().map((result) => result.loadAverage);
const table = [
  "| code | store ms / request (mean) | without the session-update callback | per-request store ms p50 | p99 | recommend() ms / request | process CPU ms / request | per store method: ms per call p50 (mean per request) × calls per request |",
  "|---|---|---|---|---|---|---|---|",
  ...rows,
].join("\n");
console.log(`\n${table}`);

if (values.write) {
  replaceMarkdownSection(
    path.join(here, "docs/BENCHMARKS.md"),
    "Store CPU per fast request (bench:store)",
    `Command: \`npm run bench:store -- --write${values.baseline ? " --baseline <copy of the baseline commit>" : ""} --rounds ${rounds} --requests ${values.requests}\` (scripts/bench-store.ts) · ${describeRun(run)} · 1-minute load average during the rounds ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.

In one process, \`recommend()\` on the fast path (forced route, ${values.requests} generated queries per round after a warm-up, ${values.sessions} sessions taking turns) against a fresh SQLite file opened as the server opens it: synchronous NORMAL, feedback FULL, WAL checkpoints on a worker thread, reportingStore around it, the bandit following the event log. Every store call's synchronous part is timed (better-sqlite3 does its work inside the call), the session-update callback (the pipeline's read-modify-write of the session state, which runs inside the store's transaction) apart. Medians over ${rounds} rounds, each in a fresh process${values.baseline ? ", the two codes alternating" : ""}. Target: ≤ 0.2 ms of store CPU per fast request.

${table}${
      profileLines.length > 0
        ? `

Under \`--cpu-prof\` (one more round per code, same requests; sampling slows everything, so shares, not times):

${profileLines.join("\n")}`
        : ""
    }`,
  );
  console.log("wrote docs/BENCHMARKS.md");
}
