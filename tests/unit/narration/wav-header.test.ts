import assert from "node:assert/strict";
import { test } from "node:test";
import { fixStreamedWavHeader } from "../../../lib/narration";

/** A WAV as espeak-ng streams it: placeholder sizes, an extra LIST chunk before the data. */
function streamedWav(dataBytes: number): Uint8Array {
  const list = [..."LIST", 4, 0, 0, 0, ..."INFO"];
  const header = [..."RIFF", 0x24, 0xf0, 0xff, 0x7f, ..."WAVE", ..."fmt ", 16, 0, 0, 0, 1, 0, 1, 0, 0x22, 0x56, 0, 0, 0x44, 0xac, 0, 0, 2, 0, 16, 0, ...list, ..."data", 0, 0xf0, 0xff, 0x7f];
  const bytes = header.map((value) => (typeof value === "string" ? value.charCodeAt(0) : value));
  return Uint8Array.from([...bytes, ...new Array(dataBytes).fill(7)]);
}

test("placeholder RIFF and data sizes are rewritten from the real length", () => {
  const wav = streamedWav(1000);
  const fixed = fixStreamedWavHeader(wav);
  const view = new DataView(fixed.buffer);
  assert.equal(view.getUint32(4, true), wav.length - 8);
  const dataOffset = 12 + 24 + 12;
  assert.equal(String.fromCharCode(...fixed.subarray(dataOffset, dataOffset + 4)), "data");
  assert.equal(view.getUint32(dataOffset + 4, true), 1000);
  assert.deepEqual(fixed.subarray(dataOffset + 8), wav.subarray(dataOffset + 8));
  // The input is not modified.
  assert.equal(new DataView(wav.buffer).getUint32(4, true), 0x7ffff024);
});

test("anything that is not a RIFF/WAVE file, or has no data chunk, is returned as is", () => {
  const mp3 = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(fixStreamedWavHeader(mp3), mp3);
  const noData = streamedWav(0).subarray(0, 48);
  assert.equal(fixStreamedWavHeader(noData), noData);
});
