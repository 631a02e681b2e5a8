import type { NewImpressionSlot, StoredFeatures } from "./store";

/**
 * An impression's slots as two columns of its own row (schema version 8), instead of a row per
 * slot with its features as JSON text: what a served request writes is one row.
 *
 * - `slots_json`: `[[itemId, position, explanationKind, explanationText, propensity], …]`.
 * - `slot_features`: every slot's feature values as float64 (exact: a replay applies the very
 *   numbers the live process applied), then each slot's feature count and the indexes as
 *   uint32, little-endian: `values f64[total] | counts u32[slots] | indexes u32[total]`. The
 *   float64s come first so that every part is aligned for a typed-array view.
 */
export interface PackedSlots {
  slotsJson: string;
  slotFeatures: Uint8Array;
}

type PackedSlot = [itemId: string, position: number, explanationKind: string, explanationText: string, propensity: number];

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Feature indexes must fit a uint32 (the bandit's are hashed into a power-of-two dimension). */
export const fitsPackedIndex = (index: number) => Number.isInteger(index) && index >= 0 && index <= 0xffffffff;

/** Packs the slots in position order (the order they are read back in, as from impression_slots). */
export function packSlots(unordered: readonly NewImpressionSlot[]): PackedSlots {
  if (!LITTLE_ENDIAN) throw new Error("packed impression slots assume a little-endian machine");
  const slots = unordered.every((slot, index) => index === 0 || unordered[index - 1].position < slot.position) ? unordered : [...unordered].sort((a, b) => a.position - b.position);
  let total = 0;
  for (const slot of slots) total += slot.features.indexes.length;
  const buffer = new ArrayBuffer(total * 8 + slots.length * 4 + total * 4);
  const values = new Float64Array(buffer, 0, total);
  const counts = new Uint32Array(buffer, total * 8, slots.length);
  const indexes = new Uint32Array(buffer, total * 8 + slots.length * 4, total);
  const rows: PackedSlot[] = [];
  let offset = 0;
  slots.forEach((slot, index) => {
    const features = slot.features;
    counts[index] = features.indexes.length;
    values.set(features.values, offset);
    indexes.set(features.indexes, offset);
    offset += features.indexes.length;
    rows.push([slot.itemId, slot.position, slot.explanationKind, slot.explanationText, slot.propensity]);
  });
  return { slotsJson: JSON.stringify(rows), slotFeatures: new Uint8Array(buffer) };
}

/** The slots in stored order (positions ascending, as they were recorded). */
export function unpackSlots(slotsJson: string, slotFeatures: Uint8Array): NewImpressionSlot[] {
  const rows = JSON.parse(slotsJson) as PackedSlot[];
  // A Buffer from SQLite may sit at any offset of a shared pool: copy it to an aligned one.
  const bytes = new Uint8Array(slotFeatures.byteLength);
  bytes.set(slotFeatures);
  const total = (bytes.byteLength - rows.length * 4) / 12;
  if (!Number.isInteger(total) || total < 0) throw new Error(`packed slot features of ${bytes.byteLength} bytes do not fit ${rows.length} slots`);
  const values = new Float64Array(bytes.buffer, 0, total);
  const counts = new Uint32Array(bytes.buffer, total * 8, rows.length);
  const indexes = new Uint32Array(bytes.buffer, total * 8 + rows.length * 4, total);
  let offset = 0;
  return rows.map(([itemId, position, explanationKind, explanationText, propensity], index) => {
    const features: StoredFeatures = { indexes: new Array<number>(counts[index]), values: new Array<number>(counts[index]) };
    for (let feature = 0; feature < counts[index]; feature++, offset++) {
      features.indexes[feature] = indexes[offset];
      features.values[feature] = values[offset];
    }
    return { itemId, position, explanationKind, explanationText, propensity, features };
  });
}
