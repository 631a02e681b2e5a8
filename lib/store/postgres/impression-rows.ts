import { unpackSlots } from "../packed-slots";
import type { ImpressionRecord, ImpressionSlotRecord } from "../store";
import { toImpressionRecord as impressionRecord, type ImpressionRowColumns } from "../store-rows";

/** An impressions row as pg returns it (int8 parsed to numbers by the connection's type parser). */
export interface ImpressionRow extends ImpressionRowColumns {
  slots_json: string;
  slot_features: Buffer;
  slot_count: number;
}

export const slotsOfRow = (row: ImpressionRow): ImpressionSlotRecord[] => unpackSlots(row.slots_json, row.slot_features).map((slot) => ({ ...slot, impressionId: row.id }));

export const toImpressionRecord = (row: ImpressionRow): ImpressionRecord => impressionRecord(row, slotsOfRow(row));
