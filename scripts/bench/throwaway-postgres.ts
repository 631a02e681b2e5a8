import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/** A PostgreSQL server for a bench: its URL and, when known, the postmaster (for its CPU). */
export interface BenchPostgres {
  url: string;
  /** The postmaster's pid, whose process tree is every backend; null for a server we did not start and cannot see. */
  postmasterPid: number | null;
  stop(): void;
}

function postmasterPid(clusterDirectory: string | undefined): number | null {
  if (!clusterDirectory) return null;
  try {
    return Number(readFileSync(path.join(clusterDirectory, "data", "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}

/**
 * REELCAST_TEST_DATABASE_URL when set (with REELCAST_PG_CLUSTER_DIR, as the cluster script
 * exports them, for the postmaster's pid); else a throw-away cluster from
 * scripts/ci/postgres-cluster.sh (initdb in a temporary directory, a free port, PostgreSQL's
 * default settings: fsync and synchronous_commit on), owned by this process so that a bench
 * killed before it stops the cluster leaves it to the script's next start to reap.
 */
export function benchPostgres(projectRoot: string): BenchPostgres {
  const given = process.env.REELCAST_TEST_DATABASE_URL?.trim();
  if (given) return { url: given, postmasterPid: postmasterPid(process.env.REELCAST_PG_CLUSTER_DIR), stop: () => undefined };
  const script = path.join(projectRoot, "scripts", "ci", "postgres-cluster.sh");
  const exports = execFileSync(script, ["start", "--owner", String(process.pid)], { encoding: "utf8" });
  const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, "m").exec(exports)?.[1];
  const url = value("REELCAST_TEST_DATABASE_URL");
  const directory = value("REELCAST_PG_CLUSTER_DIR");
  if (!url || !directory) throw new Error(`postgres-cluster.sh printed no URL:\n${exports}`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    execFileSync(script, ["stop", directory], { stdio: "ignore" });
  };
  process.once("exit", stop);
  return { url, postmasterPid: postmasterPid(directory), stop };
}
