/**
 * bench:narration — what a DJ intro costs to send: audio bytes per second of speech as WAV (what
 * espeak-ng writes) and as the MP3 the narration endpoint serves, and the MP3 encode time per
 * second of audio, over DJ scripts written from real answers.
 *
 *   npm run bench:narration                 20 requests, markdown
 *   npm run bench:narration -- --repeats 5  encodes per script (the median is kept; default 3)
 *   npm run bench:narration -- --show       also print each script and its speech text
 *
 * The answers come from the real pipeline and catalog bundle, in one session whose first pick is
 * liked every third request (so because-you-liked and picked-for-you explanations appear), with
 * every fourth request forced onto the reasoning path; the store is in memory. Needs espeak-ng.
 */
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { composeDjScript, createEspeakSynthesizer, encodeMp3, findExecutable, findScriptProblems, MP3_BITRATE_KBPS, pcmSeconds, readWavPcm, toSpeechText } from "../lib/narration";
import { recommend } from "../lib/pipeline";
import { recordFeedbackEvent } from "../lib/pipeline/feedback";
import { createEngine } from "../lib/server/engine-singleton";
import { openSqliteStore } from "../lib/store";
import { describeRun, runContext } from "./support/run-context";

const QUERIES = [
  "heat",
  "movies like Heat",
  "something funny but not stupid, under 90 minutes, no romance",
  "tom hanks",
  "kubrick films",
  "harry potter",
  "a sci-fi movie that feels like Blade Runner but was made in the 90s",
  "thrillers from the 2000s under two hours",
  "hidden gems",
  "dark rainy noir",
  "dogs",
  "comedy",
  "Amelie",
  "romantic comedies from the 90s",
  "best horror movies",
  "something like Toy Story",
  "french films",
  "2001 a space odyssey",
  "animated films for kids under 90 minutes",
  "crime dramas from the 70s",
];

const { values } = parseArgs({ options: { repeats: { type: "string" }, show: { type: "boolean" } } });
const repeats = Math.max(1, Number(values.repeats ?? 3));
const median = (numbers: number[]) => [...numbers].sort((left, right) => left - right)[Math.floor(numbers.length / 2)];

if (!findExecutable("espeak-ng")) {
  process.stderr.write("bench:narration needs espeak-ng (apt-get install espeak-ng).\n");
  process.exit(1);
}
const engine = await createEngine({ store: openSqliteStore({ path: ":memory:" }) });
const titles = engine.catalog.items.map((item) => item.title);
const voice = createEspeakSynthesizer();
const sessionId = "bench-narration-session-0001";
const rows: Array<{ query: string; seconds: number; wavBytes: number; mp3Bytes: number; encodeMs: number; encodeCpuMs: number; espeakMs: number; problems: string[]; kinds: string[] }> = [];
const run = runContext();
const loadBefore = loadavg()[0];
const eventLoop = monitorEventLoopDelay({ resolution: 1 });
let previousOpeningId: string | null = null;

for (const [index, query] of QUERIES.entries()) {
  const response = await recommend({ query, sessionId, limit: 8, route: index % 4 === 2 ? "reasoning" : "auto" }, engine);
  const script = composeDjScript({ query, items: response.items, routePath: response.route.path, seed: `${sessionId}\u0000${query}`, previousOpeningId });
  previousOpeningId = script.openingId;
  if (index % 3 === 0 && response.impressionId && response.items[0]) {
    await recordFeedbackEvent(engine, { impressionId: response.impressionId, itemId: response.items[0].id, event: "like" });
  }
  const speechText = toSpeechText(script.text);
  let started = performance.now();
  const wav = await voice.synthesize(speechText);
  const espeakMs = performance.now() - started;
  const pcm = readWavPcm(wav.audio)!;
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let mp3: Uint8Array = new Uint8Array();
  for (let run = 0; run < repeats; run += 1) {
    eventLoop.enable();
    started = performance.now();
    // CPU time as well as wall time: on a shared 2-core machine the wall clock includes waiting for a core.
    const cpu = process.cpuUsage();
    mp3 = await encodeMp3(pcm);
    const used = process.cpuUsage(cpu);
    timings.push(performance.now() - started);
    cpuTimings.push((used.user + used.system) / 1000);
    eventLoop.disable();
  }
  const kinds = response.items.slice(0, 3).map((item) => item.explanation?.kind ?? "none");
  rows.push({
    query,
    seconds: pcmSeconds(pcm),
    wavBytes: wav.audio.length,
    mp3Bytes: mp3.length,
    encodeMs: median(timings),
    encodeCpuMs: median(cpuTimings),
    espeakMs,
    problems: findScriptProblems(script.text, titles),
    kinds,
  });
  if (values.show) process.stdout.write(`\n### ${query} [${response.route.path}; ${kinds.join(", ")}]\n\nScript: ${script.text}\n\nSpeech: ${speechText}\n`);
}

const total = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
const seconds = total((row) => row.seconds);
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const lines = [
  `| request | speech s | WAV KB | MP3 KB | MP3 B/s | espeak ms | encode ms (wall) | encode ms (CPU) | CPU ms per s |`,
  `|---|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ...rows.map(
    (row) =>
      `| ${row.query} | ${row.seconds.toFixed(1)} | ${kb(row.wavBytes)} | ${kb(row.mp3Bytes)} | ${Math.round(row.mp3Bytes / row.seconds)} | ${row.espeakMs.toFixed(0)} | ${row.encodeMs.toFixed(0)} | ${row.encodeCpuMs.toFixed(0)} | ${(row.encodeCpuMs / row.seconds).toFixed(2)} |`,
  ),
  "",
  `Scripts: ${rows.length}, ${seconds.toFixed(1)} s of speech (${(seconds / rows.length).toFixed(1)} s each on average, longest ${Math.max(...rows.map((row) => row.seconds)).toFixed(1)} s).`,
  `WAV (espeak-ng, 22,050 Hz 16-bit mono): ${Math.round(total((row) => row.wavBytes) / seconds)} bytes per second of speech.`,
  `MP3 (${MP3_BITRATE_KBPS} kbit/s CBR, wasm-media-encoders): ${Math.round(total((row) => row.mp3Bytes) / seconds)} bytes per second, worst script ${Math.round(Math.max(...rows.map((row) => row.mp3Bytes / row.seconds)))}; ${(total((row) => row.wavBytes) / total((row) => row.mp3Bytes)).toFixed(1)}× smaller.`,
  `Encode time: ${(total((row) => row.encodeMs) / seconds).toFixed(2)} ms wall, ${(total((row) => row.encodeCpuMs) / seconds).toFixed(2)} ms CPU per second of audio (median of ${repeats} runs per script); espeak-ng itself: ${(total((row) => row.espeakMs) / seconds).toFixed(2)} ms wall per second.`,
  `Event-loop delay while encoding: p99 ${(eventLoop.percentile(99) / 1e6).toFixed(1)} ms, max ${(eventLoop.max / 1e6).toFixed(1)} ms (one second of audio is encoded per turn).`,
  `Script problems (findScriptProblems): ${total((row) => row.problems.length)}${rows.some((row) => row.problems.length) ? ` — ${rows.flatMap((row) => row.problems.map((problem) => `${row.query}: ${problem}`)).join("; ")}` : ""}.`,
  `Run ${describeRun(run)}; 1-minute load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.`,
  `Explanation kinds narrated: ${[...new Set(rows.flatMap((row) => row.kinds))].sort().join(", ")}.`,
];
process.stdout.write(`${lines.join("\n")}\n`);
process.exit(0);
