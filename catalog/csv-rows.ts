import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import type { z } from "zod";
import type { RejectedRowCounter } from "./rejected-rows";

/**
 * Streams a CSV (optionally gzipped) as header-keyed records, validates each with `schema` and
 * yields the parsed value. Rows that fail to parse or validate are counted in `rejected` and
 * skipped, so one bad line never stops the build.
 */
export async function* readValidatedCsv<T>(filePath: string, label: string, schema: z.ZodType<T>, rejected: RejectedRowCounter): AsyncGenerator<T> {
  const input = createReadStream(filePath);
  const source = filePath.endsWith(".gz") ? input.pipe(createGunzip()) : input;
  const parser = source.pipe(
    parse({
      columns: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A broken quote must cost one row, not the rest of the file.
      skip_records_with_error: true,
    }),
  );
  parser.on("skip", (error: Error & { lines?: number }) => {
    rejected.reject(label, "unparseable CSV record", `line ${error.lines ?? "?"}: ${error.message}`);
  });
  for await (const record of parser) {
    const result = schema.safeParse(record);
    if (result.success) {
      yield result.data;
    } else {
      const issue = result.error.issues[0];
      const reason = `${issue?.path.join(".") || "row"}: ${issue?.message ?? "invalid"}`;
      rejected.reject(label, reason, JSON.stringify(record));
    }
  }
}
