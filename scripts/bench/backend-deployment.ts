import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startNextServer, type RunningServer } from "../../support/next-server";
import { treeCpuMs } from "./process-cpu";

export type BackendName = "sqlite" | "postgres";

/** Replicas of the production server over one database of one backend. */
export interface Deployment {
  backend: BackendName;
  replicas: RunningServer[];
  /** CPU used so far by every replica's processes, milliseconds. */
  serverCpuMs(): number;
  stop(): Promise<void>;
}

/**
 * `count` production servers (one process each: REELCAST_WORKERS=1) over one fresh database:
 * a new SQLite file, or a new schema `name` in the PostgreSQL database at `postgresUrl` (dropped
 * on stop). Started one after the other; on PostgreSQL the first applies the migrations.
 */
export async function startDeployment(backend: BackendName, count: number, options: { name: string; postgresUrl: string }): Promise<Deployment> {
  const directory = backend === "sqlite" ? mkdtempSync(path.join(tmpdir(), "reelcast-backends-")) : null;
  const schema = `bench_${options.name}_${process.pid}`;
  const environment: Record<string, string> = {
    REELCAST_WORKERS: "1",
    // No LLM: these rows measure the store, not a provider.
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    ...(directory ? { REELCAST_DB_PATH: path.join(directory, "reelcast.sqlite") } : { REELCAST_DATABASE_URL: options.postgresUrl, REELCAST_DATABASE_SCHEMA: schema }),
  };
  const replicas: RunningServer[] = [];
  try {
    for (let index = 0; index < count; index++) replicas.push(await startNextServer(environment, 180_000));
  } catch (error) {
    for (const replica of replicas) await replica.stop();
    throw error;
  }
  return {
    backend,
    replicas,
    serverCpuMs: () => replicas.reduce((total, replica) => total + treeCpuMs(replica.process.pid!), 0),
    stop: async () => {
      for (const replica of replicas) await replica.stop();
      if (directory) rmSync(directory, { recursive: true, force: true });
      else {
        const client = new pg.Client({ connectionString: options.postgresUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  };
}
