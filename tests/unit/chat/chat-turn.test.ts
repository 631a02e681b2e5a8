import assert from "node:assert/strict";
import { test } from "node:test";
import { createUIMessageStream, readUIMessageStream, type UIMessageChunk } from "ai";
import { writeChatTurn, type ChatMessage, type ChatTurnDependencies, type NarrationData } from "../../../lib/chat";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import type { RecommendedItem, RecommendResponse } from "../../../lib/pipeline/contract";
import { parseConstraints } from "../../../lib/reasoning/constraints";
import { recommendedItem, recommendResponse, routeInfo } from "../../support/response-factory";

const film = (id: string, title: string): RecommendedItem => recommendedItem({ id, title, year: 1990, genres: ["Comedy"], runtimeMinutes: 90 });

const answer = (path: "fast" | "reasoning", items: RecommendedItem[], overrides: Partial<RecommendResponse> = {}): RecommendResponse =>
  recommendResponse({
    route: routeInfo({ path, reasons: [path], plainReason: "a straightforward request", reasoner: path === "reasoning" ? "offline" : null }),
    constraints: path === "reasoning" ? parseConstraints({ runtime: { maxMinutes: 90 } }) : null,
    items,
    sessionId: "session-1234567890",
    ...overrides,
  });

const request = { request: { query: "something funny", limit: 8, route: "auto" as const }, previousOpeningId: "night-owls" };
const narration: NarrationData = { text: "Good evening.", openingId: "station-id", source: "template" };

/** Runs one turn through the real UI message stream; returns the chunks and the final message. */
async function runTurn(dependencies: Partial<ChatTurnDependencies> & Pick<ChatTurnDependencies, "recommend">) {
  const narrateCalls: unknown[] = [];
  const stream = createUIMessageStream<ChatMessage>({
    execute: ({ writer }) =>
      writeChatTurn(writer, request, {
        narrate: async (input) => {
          narrateCalls.push(input);
          return narration;
        },
        now: () => 0,
        ...dependencies,
      }),
    onError: (error) => (error instanceof ReelcastError ? error.message : "generic failure"),
  });
  const [forChunks, forMessages] = stream.tee();
  const chunks: UIMessageChunk[] = [];
  const reader = forChunks.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  const snapshots: ChatMessage[] = [];
  for await (const message of readUIMessageStream<ChatMessage>({ stream: forMessages })) snapshots.push(structuredClone(message));
  return { chunks, snapshots, final: snapshots.at(-1)!, narrateCalls };
}

test("parts come in order: route decision, the reply's first sentence, recommendations, the rest of the reply, narration", async () => {
  const { chunks, final, narrateCalls } = await runTurn({ recommend: async () => answer("fast", [film("ml:1", "Clue")]) });
  assert.deepEqual(
    chunks.map((chunk) => chunk.type),
    ["start", "data-route-decision", "text-start", "text-delta", "data-recommendations", "text-end", "data-narration", "finish"],
  );
  assert.deepEqual(
    final.parts.map((part) => part.type),
    ["data-route-decision", "text", "data-recommendations", "data-narration"],
  );
  assert.equal(final.parts.find((part) => part.type === "text")!.text, "One pick for “something funny”.");
  const recommendations = final.parts.find((part) => part.type === "data-recommendations")!.data;
  assert.equal(recommendations.stage, "final");
  assert.equal(recommendations.replacedPreview, false);
  assert.equal(recommendations.query, "something funny");
  assert.equal(recommendations.sessionId, "session-1234567890");
  assert.deepEqual(narrateCalls, [{ query: "something funny", response: answer("fast", [film("ml:1", "Clue")]), previousOpeningId: "night-owls", signal: undefined }]);
});

test("progress: fast preview cards first, then the reasoner's cards replace them under the same id", async () => {
  const preview = answer("reasoning", [film("ml:1", "Clue"), film("ml:2", "Heat")]);
  const final = answer("reasoning", [film("ml:3", "Airplane!"), film("ml:1", "Clue")], { route: { ...preview.route, latencyMs: 480 } });
  const {
    chunks,
    snapshots,
    final: message,
  } = await runTurn({
    recommend: async (_request, options) => {
      options.onProgress?.(preview);
      return final;
    },
  });
  const recommendationChunks = chunks.filter((chunk) => chunk.type === "data-recommendations");
  assert.equal(recommendationChunks.length, 2);
  assert.ok(recommendationChunks.every((chunk) => "id" in chunk && chunk.id === "recommendations"));
  // On the client: one recommendations part, first the preview, then replaced in place.
  const seen = snapshots.flatMap((snapshot) => snapshot.parts.filter((part) => part.type === "data-recommendations").map((part) => part.data.stage));
  assert.ok(seen.includes("preview"));
  const parts = message.parts.filter((part) => part.type === "data-recommendations");
  assert.equal(parts.length, 1);
  assert.equal(parts[0].data.stage, "final");
  assert.equal(parts[0].data.replacedPreview, true);
  assert.deepEqual(
    parts[0].data.items.map((item) => item.title),
    ["Airplane!", "Clue"],
  );
  assert.equal(message.parts.filter((part) => part.type === "data-route-decision").length, 1);
  assert.equal(message.parts.find((part) => part.type === "data-route-decision")!.data.latencyMs, 480);
});

test("a preview with the same cards is not reported as replaced; late progress is ignored", async () => {
  const items = [film("ml:1", "Clue")];
  let late: ((partial: RecommendResponse) => void) | undefined;
  const { final } = await runTurn({
    recommend: async (_request, options) => {
      options.onProgress?.(answer("reasoning", items));
      late = options.onProgress;
      return answer("reasoning", items);
    },
  });
  assert.equal(final.parts.find((part) => part.type === "data-recommendations")!.data.replacedPreview, false);
  assert.doesNotThrow(() => late?.(answer("fast", [])));
});

test("no matches: an empty recommendations part and a helpful text, no narration", async () => {
  const { final, narrateCalls } = await runTurn({ recommend: async () => answer("fast", []) });
  assert.deepEqual(final.parts.find((part) => part.type === "data-recommendations")!.data.items, []);
  assert.match(final.parts.find((part) => part.type === "text")!.text, /I couldn't find anything for “something funny”/);
  assert.equal(
    final.parts.some((part) => part.type === "data-narration"),
    false,
  );
  assert.equal(narrateCalls.length, 0);
});

test("a failing narrator only costs the narration", async () => {
  const failing = await runTurn({
    recommend: async () => answer("fast", [film("ml:1", "Clue")]),
    narrate: async () => {
      throw new Error("narrator down");
    },
  });
  assert.equal(
    failing.final.parts.some((part) => part.type === "data-narration"),
    false,
  );
  assert.equal(failing.chunks.at(-1)!.type, "finish");
});

test("a pipeline failure becomes the stream's error part, with a safe message", async () => {
  const safe = await runTurn({
    recommend: async () => {
      throw new ReelcastError("unavailable:catalog", "The catalog is not built yet.");
    },
  });
  assert.deepEqual(safe.chunks.at(-1), { type: "error", errorText: "The catalog is not built yet." });
  const internal = await runTurn({
    recommend: async () => {
      throw new Error("SQLITE_BUSY at /secret/path");
    },
  });
  assert.deepEqual(internal.chunks.at(-1), { type: "error", errorText: "generic failure" });
});

test("the reply streams its understanding before the cards and the rest with them; an LLM writer's deltas replace the template's details", async () => {
  const relaxed = answer("reasoning", [film("ml:1", "Clue"), film("ml:2", "Heat")], {
    constraints: parseConstraints({ includeGenres: ["Thriller"], years: { from: 2000, to: 2009 }, runtime: { maxMinutes: 120 }, excludeGenres: ["Horror"] }),
    metEveryConstraint: 1,
    relaxations: [{ constraint: "years", how: "widened", asked: "2000–2009", applied: "1995–2014", range: { from: 1995, to: 2014 }, text: "widened the release years to 1995–2014 (asked 2000–2009)" }],
  });
  const template = await runTurn({ recommend: async () => relaxed });
  const types = template.chunks.map((chunk) => chunk.type);
  assert.ok(types.indexOf("text-delta") < types.indexOf("data-recommendations"));
  assert.ok(types.lastIndexOf("text-delta") > types.indexOf("data-recommendations"));
  const text = template.final.parts.find((part) => part.type === "text")!.text;
  assert.match(text, /thrillers from the 2000s, under two hours, no horror/);
  assert.match(text, /Only one film fits all of that, so to fill the list I widened the years to 1995–2014\./);

  const written = await runTurn({
    recommend: async () => relaxed,
    reply: async (input) => {
      assert.match(input.template.understood, /thrillers from the 2000s/);
      return (async function* () {
        yield " From the model.";
      })();
    },
  });
  const fromModel = written.final.parts.find((part) => part.type === "text")!.text;
  assert.equal(fromModel, `${template.final.parts.find((part) => part.type === "text")!.text.split(". ")[0]}. From the model.`);
  // A writer that declines (null) or fails leaves the template's words.
  const declined = await runTurn({ recommend: async () => relaxed, reply: async () => null });
  assert.equal(declined.final.parts.find((part) => part.type === "text")!.text, text);
  const failing = await runTurn({
    recommend: async () => relaxed,
    reply: async () => {
      throw new Error("budget store down");
    },
  });
  assert.equal(failing.final.parts.find((part) => part.type === "text")!.text, text);
});
