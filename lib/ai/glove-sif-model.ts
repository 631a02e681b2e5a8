/**
 * The compacted GloVe + SIF model a catalog bundle carries: only the words the catalog and likely
 * queries need, each with its SIF weight and an 8-bit vector, plus the common component.
 *
 * Binary layout (little-endian), chosen so loading is one read and a few typed-array views:
 *   0   8 bytes  magic "RCGSIF01"
 *   8   uint32   word count N
 *   12  uint32   dimensions D
 *   16  float32  SIF smoothing a
 *   20  uint32   byte length of the word list
 *   24  8 bytes  reserved (zero)
 *   32  float32 × D       common component (unit vector; zeros = none)
 *   ..  float32 × N       SIF weight per word
 *   ..  float32 × N       quantisation scale per word (vector = scale × int8 values)
 *   ..  int8    × N × D   quantised vectors, row-major
 *   ..  UTF-8            words joined by "\n", in row order
 * 8-bit rows (symmetric, per-word scale) keep a 150k-word vocabulary at ~16 MB instead of 60 MB;
 * the rounding error (≤ 0.4% of each word's largest coordinate) is far below what changes a
 * nearest neighbour.
 */
export interface GloveSifModel {
  dimensions: number;
  smoothing: number;
  words: string[];
  /** SIF weight a / (a + p(w)) per word. */
  weights: Float32Array;
  scales: Float32Array;
  /** N × D quantised vectors. */
  quantized: Int8Array;
  /** The first principal component of the catalog's sentence vectors, removed from every vector. */
  commonComponent: Float32Array;
}

const MAGIC = "RCGSIF01";
const HEADER_BYTES = 32;

/** Quantises one float vector to int8 with a symmetric per-vector scale. */
export function quantizeVector(vector: ArrayLike<number>, target: Int8Array, targetOffset: number): number {
  let largest = 0;
  for (let index = 0; index < vector.length; index += 1) largest = Math.max(largest, Math.abs(vector[index]));
  const scale = largest > 0 ? largest / 127 : 1;
  for (let index = 0; index < vector.length; index += 1) target[targetOffset + index] = Math.round(vector[index] / scale);
  return scale;
}

/** Serialises a model into the layout above. */
export function encodeGloveSifModel(model: GloveSifModel): Buffer {
  const count = model.words.length;
  const dimensions = model.dimensions;
  if (model.weights.length !== count || model.scales.length !== count || model.quantized.length !== count * dimensions || model.commonComponent.length !== dimensions) {
    throw new RangeError("encodeGloveSifModel: array lengths do not match the word count and dimensions");
  }
  if (model.words.some((word) => word.includes("\n") || word.length === 0)) throw new RangeError("encodeGloveSifModel: words must be non-empty and free of newlines");
  const wordBytes = Buffer.from(model.words.join("\n"), "utf8");
  const floatBytes = 4 * (dimensions + 2 * count);
  const buffer = Buffer.alloc(HEADER_BYTES + floatBytes + count * dimensions + wordBytes.length);
  buffer.write(MAGIC, 0, "ascii");
  buffer.writeUInt32LE(count, 8);
  buffer.writeUInt32LE(dimensions, 12);
  buffer.writeFloatLE(model.smoothing, 16);
  buffer.writeUInt32LE(wordBytes.length, 20);
  let offset = HEADER_BYTES;
  for (const array of [model.commonComponent, model.weights, model.scales]) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(buffer, offset);
    offset += array.byteLength;
  }
  Buffer.from(model.quantized.buffer, model.quantized.byteOffset, model.quantized.byteLength).copy(buffer, offset);
  offset += model.quantized.byteLength;
  wordBytes.copy(buffer, offset);
  return buffer;
}

/**
 * Reads a model written by encodeGloveSifModel. The typed arrays are views on the bytes (copied
 * once only when misaligned), so decoding costs little more than the word-list split.
 * @throws Error when the bytes are not this format or are truncated
 */
export function decodeGloveSifModel(bytes: Uint8Array): GloveSifModel {
  if (bytes.byteLength < HEADER_BYTES || Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString("ascii") !== MAGIC) {
    throw new Error(`Not a GloVe-SIF model file (expected magic ${MAGIC}).`);
  }
  // Float32Array views need 4-byte alignment: large file reads start at offset 0 and are used
  // as they are; anything else (pooled small Buffers) is copied once.
  let buffer = bytes.buffer as ArrayBuffer;
  let base = bytes.byteOffset;
  if (base % 4 !== 0) {
    buffer = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(buffer).set(bytes);
    base = 0;
  }
  const view = new DataView(buffer, base, bytes.byteLength);
  const count = view.getUint32(8, true);
  const dimensions = view.getUint32(12, true);
  const smoothing = view.getFloat32(16, true);
  const wordByteLength = view.getUint32(20, true);
  const expected = HEADER_BYTES + 4 * (dimensions + 2 * count) + count * dimensions + wordByteLength;
  if (bytes.byteLength !== expected) throw new Error(`GloVe-SIF model file is ${bytes.byteLength} bytes, its header says ${expected}: truncated or corrupt.`);
  let offset = base + HEADER_BYTES;
  const commonComponent = new Float32Array(buffer, offset, dimensions);
  offset += 4 * dimensions;
  const weights = new Float32Array(buffer, offset, count);
  offset += 4 * count;
  const scales = new Float32Array(buffer, offset, count);
  offset += 4 * count;
  const quantized = new Int8Array(buffer, offset, count * dimensions);
  offset += count * dimensions;
  const words = count === 0 ? [] : Buffer.from(buffer, offset, wordByteLength).toString("utf8").split("\n");
  if (words.length !== count) throw new Error(`GloVe-SIF model file lists ${words.length} words, its header says ${count}.`);
  return { dimensions, smoothing, words, weights, scales, quantized, commonComponent };
}
