import assert from "node:assert/strict";
import { test } from "node:test";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { compressSpeech, createEspeakSynthesizer, encodeMp3, findExecutable, MP3_BITRATE_KBPS, pcmSeconds, readWavPcm, speakScript, type SpeechSynthesizer } from "../../../lib/narration";
import { toneWav } from "./wav-fixture";

/** The fields of the first MPEG audio frame header (ISO 11172-3 / 13818-3). */
function firstFrame(mp3: Uint8Array) {
  const start = mp3.findIndex((byte, index) => byte === 0xff && (mp3[index + 1] & 0xe0) === 0xe0);
  assert.ok(start >= 0, "no MPEG frame sync");
  const header = (mp3[start + 1] << 16) | (mp3[start + 2] << 8) | mp3[start + 3];
  return { start, version: (header >> 19) & 3, layer: (header >> 17) & 3, bitrateIndex: (header >> 12) & 15, sampleRateIndex: (header >> 10) & 3, channelMode: (header >> 6) & 3 };
}

test("readWavPcm: 16-bit PCM at any byte offset, with espeak-ng's placeholder sizes; null for anything else", () => {
  const pcm = readWavPcm(toneWav({ seconds: 1.5, placeholderSize: true, byteOffset: 3 }))!;
  assert.equal(pcm.sampleRate, 22_050);
  assert.equal(pcm.channels, 1);
  assert.equal(pcm.samples.length, 33_075);
  assert.equal(pcmSeconds(pcm), 1.5);
  assert.ok(pcm.samples.some((sample) => Math.abs(sample) > 5000));
  assert.equal(readWavPcm(new TextEncoder().encode("ID3 not a wav at all")), null);
  const eightBit = toneWav({ seconds: 0.1 });
  new DataView(eightBit.buffer).setUint16(34, 8, true);
  assert.equal(readWavPcm(eightBit), null);
});

test("encodeMp3: mono MPEG-2 layer III at 24 kbit/s and 16 kHz, about 3,000 bytes per second", async () => {
  for (const [sampleRate, channels] of [
    [22_050, 1],
    [24_000, 1],
    [22_050, 2],
  ]) {
    const pcm = readWavPcm(toneWav({ seconds: 10, sampleRate, channels }))!;
    const mp3 = await encodeMp3(pcm);
    const frame = firstFrame(mp3);
    assert.deepEqual(
      { version: frame.version, layer: frame.layer, bitrateIndex: frame.bitrateIndex, sampleRateIndex: frame.sampleRateIndex, channelMode: frame.channelMode },
      { version: 2, layer: 1, bitrateIndex: 3, sampleRateIndex: 2, channelMode: 3 },
      `${sampleRate} Hz × ${channels}`,
    );
    const bytesPerSecond = mp3.length / 10;
    assert.ok(bytesPerSecond <= 4000 && bytesPerSecond >= (MP3_BITRATE_KBPS * 1000) / 8 - 100, `${bytesPerSecond} B/s`);
  }
});

test("encodeMp3 reuses its encoders: concurrent encodes give the same bytes as one alone", async () => {
  const pcm = readWavPcm(toneWav({ seconds: 3 }))!;
  const alone = await encodeMp3(pcm);
  const together = await Promise.all([encodeMp3(pcm), encodeMp3(pcm), encodeMp3(pcm)]);
  for (const mp3 of together) assert.deepEqual(mp3, alone);
});

test("encodeMp3 stops when cancelled", async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(encodeMp3(readWavPcm(toneWav({ seconds: 3 }))!, controller.signal), (error: unknown) => error instanceof ReelcastError && error.code === "unavailable:narration");
});

test("compressSpeech: WAV becomes MP3 with its duration; other audio passes unchanged", async () => {
  const compressed = await compressSpeech({ audio: toneWav({ seconds: 2 }), mediaType: "audio/wav", voice: "test" });
  assert.equal(compressed.mediaType, "audio/mpeg");
  assert.equal(compressed.voice, "test");
  assert.equal(compressed.seconds, 2);
  const mp3 = { audio: new Uint8Array([0xff, 0xf3, 0x38, 0xc4]), mediaType: "audio/mpeg", voice: "openai" };
  assert.equal(await compressSpeech(mp3), mp3);
});

test("speakScript gives the voice the speech text and returns MP3", async () => {
  const heard: string[] = [];
  const voice: SpeechSynthesizer = { voice: "recorder", synthesize: async (text) => (heard.push(text), { audio: toneWav({ seconds: 1 }), mediaType: "audio/wav", voice: "recorder" }) };
  const speech = await speakScript([voice], "The #3 most rated film from 1995, averaging 4.2/5: a Comedy/Drama.");
  assert.deepEqual(heard, ["The number 3 most rated film from nineteen ninety-five, averaging 4.2 out of 5: a comedy and drama."]);
  assert.equal(speech.mediaType, "audio/mpeg");
});

test("espeak-ng speech compressed to at most 4 KB per second", { skip: findExecutable("espeak-ng") ? false : "espeak-ng is not installed" }, async () => {
  const script =
    "Good evening, night owls. You asked for thrillers from the 90s, and I have eight picks cued up. First up, Heat from 1995, a crowd favourite averaging 3.9/5. Then an 88-minute drama. Those are your picks.";
  const speech = await speakScript([createEspeakSynthesizer()], script);
  assert.equal(speech.mediaType, "audio/mpeg");
  assert.ok(speech.seconds! > 8, `${speech.seconds} s`);
  assert.ok(speech.audio.length / speech.seconds! <= 4000, `${speech.audio.length / speech.seconds!} B/s`);
  assert.equal(firstFrame(speech.audio).layer, 1);
});
