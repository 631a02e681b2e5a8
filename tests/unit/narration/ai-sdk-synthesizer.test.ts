import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { MockSpeechModelV3 } from "ai/test";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { createAiSdkSynthesizer, serverVoices } from "../../../lib/narration";

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));
const WAV = Uint8Array.from([...ascii("RIFF"), 56, 0, 0, 0, ...ascii("WAVEfmt "), ...new Array(48).fill(0)]);
const spoken = () => ({ audio: WAV, warnings: [], response: { timestamp: new Date(0), modelId: "mock-tts" } });

test("OpenAI speech through the AI SDK: the script, a voice, WAV out", async () => {
  const model = new MockSpeechModelV3({ modelId: "mock-tts", doGenerate: async () => spoken() });
  const calls: unknown[] = [];
  const recording = new MockSpeechModelV3({
    modelId: "mock-tts",
    doGenerate: async (options) => {
      calls.push(options);
      return model.doGenerate(options);
    },
  });
  const speech = await createAiSdkSynthesizer(recording, { label: "openai:mock-tts" }).synthesize("Good evening.");
  assert.deepEqual(speech.audio, WAV);
  assert.equal(speech.mediaType, "audio/wav");
  assert.equal(speech.voice, "openai:mock-tts");
  const [options] = calls as Array<{ text: string; voice: string; outputFormat: string; instructions: string }>;
  assert.equal(options.text, "Good evening.");
  assert.equal(options.voice, "alloy");
  assert.equal(options.outputFormat, "wav");
  assert.match(options.instructions, /radio DJ/);
});

test("a failing or silent provider is a 503 the fallback can act on; a hung one times out", async () => {
  const failing = new MockSpeechModelV3({
    doGenerate: async () => {
      throw new Error("HTTP 404 from a server without /audio/speech");
    },
  });
  await assert.rejects(
    createAiSdkSynthesizer(failing, { label: "openai:x" }).synthesize("hi"),
    (error: unknown) => error instanceof ReelcastError && error.code === "unavailable:narration" && /could not speak/.test(error.message),
  );
  const hung = new MockSpeechModelV3({ doGenerate: () => new Promise(() => {}) });
  await assert.rejects(createAiSdkSynthesizer(hung, { label: "openai:x", timeoutMs: 50 }).synthesize("hi"), /did not answer within 50 ms/);
});

test("server voices: the configured speech model first, then espeak-ng when it is on PATH", () => {
  const model = new MockSpeechModelV3({ doGenerate: async () => spoken() });
  assert.deepEqual(serverVoices({ speechModel: null, searchPath: "" }), []);
  assert.deepEqual(
    serverVoices({ speechModel: model, speechModelLabel: "openai:tts", searchPath: "" }).map((voice) => voice.voice),
    ["openai:tts"],
  );
  const directory = mkdtempSync(path.join(tmpdir(), "reelcast-voices-"));
  try {
    writeFileSync(path.join(directory, "espeak-ng"), "#!/bin/sh\n");
    chmodSync(path.join(directory, "espeak-ng"), 0o755);
    assert.deepEqual(
      serverVoices({ speechModel: model, speechModelLabel: "openai:tts", searchPath: directory }).map((voice) => voice.voice),
      ["openai:tts", "espeak-ng"],
    );
    assert.deepEqual(
      serverVoices({ speechModel: null, searchPath: directory }).map((voice) => voice.voice),
      ["espeak-ng"],
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
