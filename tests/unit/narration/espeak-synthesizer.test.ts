import assert from "node:assert/strict";
import type { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { createEspeakSynthesizer, findExecutable, noServerVoiceError, synthesizeWithFallback, type SpeechSynthesizer } from "../../../lib/narration";

/** A stand-in child process: records its arguments and stdin, and does what `behave` says. */
function fakeSpawn(behave: (child: FakeChild) => void) {
  const calls: Array<{ command: string; args: string[]; options: Record<string, unknown>; child: FakeChild }> = [];
  const spawnFake = ((command: string, args: string[], options: Record<string, unknown>) => {
    const child = new FakeChild();
    calls.push({ command, args, options, child });
    child.stdin.on("finish", () => behave(child));
    return child;
  }) as unknown as typeof spawn;
  return { spawn: spawnFake, calls };
}

class FakeChild extends EventEmitter {
  stdin = new PassThrough();
  stdout = new PassThrough();
  stderr = new PassThrough();
  exitCode: number | null = null;
  signalCode: string | null = null;
  killedWith: string | null = null;
  stdinText = "";
  constructor() {
    super();
    this.stdin.on("data", (chunk: Buffer) => (this.stdinText += chunk.toString("utf8")));
  }
  kill(signal: string) {
    this.killedWith = signal;
    this.signalCode = signal;
    return true;
  }
  exit(code: number) {
    this.exitCode = code;
    this.emit("close", code);
  }
}

const expectNarrationError = (code: string, message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof ReelcastError, String(error));
  assert.equal(error.code, code);
  assert.match(error.message, message);
  return true;
};

test("a missing binary is a clear 503: espeak-ng is not installed, with the command to install it", async () => {
  const voice = createEspeakSynthesizer({ binary: "/nonexistent/espeak-ng-for-tests" });
  await assert.rejects(voice.synthesize("hello"), expectNarrationError("unavailable:narration", /not installed.*apt-get install espeak-ng/));
  assert.equal(new ReelcastError("unavailable:narration", "x").status, 503);
});

test("the text goes through stdin, never the argument list or a shell", async () => {
  const hostile = "--help $(rm -rf /) `id`; <speak>hi</speak> \u00e9";
  const { spawn, calls } = fakeSpawn((child) => {
    child.stdout.write(Buffer.alloc(100, 1));
    child.exit(0);
  });
  await createEspeakSynthesizer({ binary: "espeak-ng", spawn }).synthesize(hostile);
  const [call] = calls;
  assert.equal(call.command, "espeak-ng");
  assert.equal(call.options.shell, false);
  assert.ok(call.args.includes("--stdin") && call.args.includes("--stdout"));
  assert.ok(!call.args.includes("-m"), "SSML must stay off");
  assert.ok(call.args.every((argument) => !argument.includes("rm -rf")));
  assert.equal(call.child.stdinText, hostile);
});

test("a hung process is killed at the timeout", async () => {
  const { spawn, calls } = fakeSpawn(() => {});
  await assert.rejects(createEspeakSynthesizer({ spawn, timeoutMs: 50 }).synthesize("hello"), expectNarrationError("unavailable:narration", /did not finish within 50 ms/));
  assert.equal(calls[0].child.killedWith, "SIGKILL");
});

test("a failing exit code and an empty output are errors, not silent audio", async () => {
  const failing = fakeSpawn((child) => {
    child.stderr.write("Failed to read voice 'xx'");
    child.exit(1);
  });
  await assert.rejects(createEspeakSynthesizer({ spawn: failing.spawn }).synthesize("hello"), expectNarrationError("internal:narration", /exit code 1/));
  const silent = fakeSpawn((child) => child.exit(0));
  await assert.rejects(createEspeakSynthesizer({ spawn: silent.spawn }).synthesize("hello"), expectNarrationError("internal:narration", /no audio/));
});

test("an abort stops the process", async () => {
  const { spawn, calls } = fakeSpawn(() => {});
  const controller = new AbortController();
  const pending = createEspeakSynthesizer({ spawn }).synthesize("hello", controller.signal);
  controller.abort();
  await assert.rejects(pending, expectNarrationError("unavailable:narration", /cancelled/));
  assert.equal(calls[0].child.killedWith, "SIGKILL");
});

test("findExecutable looks on PATH and checks the execute bit", () => {
  assert.equal(findExecutable("espeak-ng", ""), null);
  assert.equal(findExecutable("definitely-not-a-program-reelcast", process.env.PATH), null);
  assert.equal(findExecutable(process.execPath), process.execPath);
  assert.equal(findExecutable("package.json", process.cwd()), null, "not executable");
});

test("voices fall back in order; none at all is the no-voice 503", async () => {
  const failing: SpeechSynthesizer = { voice: "a", synthesize: async () => Promise.reject(new ReelcastError("unavailable:narration", "a is down")) };
  const working: SpeechSynthesizer = { voice: "b", synthesize: async () => ({ audio: new Uint8Array([1]), mediaType: "audio/wav", voice: "b" }) };
  assert.equal((await synthesizeWithFallback([failing, working], "hi")).voice, "b");
  await assert.rejects(synthesizeWithFallback([failing], "hi"), /a is down/);
  await assert.rejects(synthesizeWithFallback([], "hi"), (error: unknown) => error instanceof ReelcastError && error.code === "unavailable:narration" && /No server voice/.test(error.message));
  assert.equal(noServerVoiceError().status, 503);
});

const installed = findExecutable("espeak-ng");
test("the real espeak-ng speaks a WAV with correct chunk sizes", { skip: installed ? false : "espeak-ng is not installed (apt-get install espeak-ng)" }, async () => {
  const speech = await createEspeakSynthesizer({ binary: installed! }).synthesize("Good evening, night owls.");
  const view = new DataView(speech.audio.buffer, speech.audio.byteOffset, speech.audio.byteLength);
  assert.equal(speech.mediaType, "audio/wav");
  assert.equal(Buffer.from(speech.audio.subarray(0, 4)).toString("latin1"), "RIFF");
  assert.equal(view.getUint32(4, true), speech.audio.length - 8);
  assert.ok(speech.audio.length > 10_000, `${speech.audio.length} bytes`);
});
