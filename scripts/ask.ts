/**
 * `npm run ask -- "<query>" [--limit N] [--session ID] [--route auto|fast|reasoning] [--discovery X]`:
 * answers one request in-process with the same pipeline as the HTTP API and prints its JSON.
 */
import { parseArgs } from "node:util";
import { recommend, recommendRequestSchema } from "../lib/pipeline";
import { describeIssues } from "../lib/server/parse-request-body";
import { createEngine } from "../lib/server/engine-singleton";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: "string" },
    session: { type: "string" },
    route: { type: "string" },
    discovery: { type: "string" },
  },
});

const parsed = recommendRequestSchema.safeParse({
  query: positionals.join(" "),
  limit: values.limit === undefined ? undefined : Number(values.limit),
  sessionId: values.session,
  route: values.route,
  discovery: values.discovery === undefined ? undefined : Number(values.discovery),
});
if (!parsed.success) {
  process.stderr.write(`ask: ${describeIssues(parsed.error)}\nusage: npm run ask -- "<query>" [--limit N] [--session ID] [--route auto|fast|reasoning]\n`);
  process.exit(2);
}
try {
  const engine = await createEngine();
  process.stdout.write(`${JSON.stringify(await recommend(parsed.data, engine), null, 2)}\n`);
} catch (error) {
  process.stderr.write(`ask failed: ${(error as Error).message}\n`);
  process.exit(1);
}
