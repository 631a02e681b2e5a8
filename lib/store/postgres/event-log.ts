import { unpackSlots } from "../packed-slots";
import type { EventLogEntry, ImpressionSlotRecord } from "../store";
import { inTransaction, type PostgresConnection } from "./connection";
import { toImpressionRecord, type ImpressionRow } from "./impression-rows";

/**
 * The NOTIFY channel of a schema's event log (a channel name is at most 63 bytes: a long schema
 * name is cut, and two schemas sharing a channel only wake each other's followers for nothing).
 */
export function eventLogChannel(schema: string): string {
  return schema === "public" ? "reelcast_event_log" : `reelcast_event_log_${schema}`.slice(0, 63);
}

/**
 * The first part of every statement that logs an event: takes the next sequence from the one-row
 * counter. The UPDATE holds the counter's row lock until the transaction ends, so the next writer
 * takes its number only after this one committed (or rolled back, handing the number back): the
 * numbers are given out in commit order, without gaps. Keep the rest of the transaction short.
 */
export const NEXT_SEQUENCE = "next AS (UPDATE event_sequence SET value = value + 1 WHERE id = 1 RETURNING value)";

/**
 * The end of a statement that logged an event with NEXT_SEQUENCE and an `ins` CTE returning its
 * sequence: tells the listeners (LISTEN, lib/store/postgres/notifications.ts) on the channel given
 * as parameter `channelParameter`. PostgreSQL delivers a notification only when its transaction
 * commits, never one of a rollback.
 */
export const notifyInserted = (channelParameter: number) => `SELECT sequence, pg_notify($${channelParameter}, sequence::text) FROM ins`;

interface LogRow {
  type: "impression" | "feedback";
  sequence: number;
  id: string;
  item_id: string | null;
}

/**
 * Event-log entries after `afterSequence`, in one REPEATABLE READ snapshot (three reads that see
 * the same rows). Because sequences are handed out in commit order, every event with a sequence
 * up to the last one returned is already in that snapshot: a follower that continues from there
 * misses nothing.
 */
export function readPostgresEventLog(connection: PostgresConnection, afterSequence: number, limit: number): Promise<EventLogEntry[]> {
  return inTransaction(
    connection,
    async (client) => {
      const { rows } = await client.query<LogRow>(
        `SELECT 'impression' AS type, sequence, id, NULL AS item_id FROM impressions WHERE sequence > $1
         UNION ALL
         SELECT 'feedback' AS type, sequence, impression_id AS id, item_id FROM feedback WHERE sequence > $1
         ORDER BY sequence LIMIT $2`,
        [afterSequence, limit],
      );
      if (rows.length === 0) return [];
      const impressionIds = [...new Set(rows.map((row) => row.id))];
      const impressions = new Map((await client.query<ImpressionRow>("SELECT * FROM impressions WHERE id = ANY($1)", [impressionIds])).rows.map((row) => [row.id, row]));
      // A page's feedback mostly concerns a few impressions: unpack each once.
      const slotsById = new Map<string, Map<string, ImpressionSlotRecord>>();
      const slotsOf = (id: string) => {
        let slots = slotsById.get(id);
        if (!slots) {
          const row = impressions.get(id)!;
          slots = new Map(unpackSlots(row.slots_json, row.slot_features).map((slot) => [slot.itemId, { ...slot, impressionId: id }]));
          slotsById.set(id, slots);
        }
        return slots;
      };
      // Every event of the page's feedback slots up to the page's end: the events before each one.
      const feedbackImpressions = [...new Set(rows.filter((row) => row.type === "feedback").map((row) => row.id))];
      const slotEvents = new Map<string, Array<{ sequence: number; event: string; at: number }>>();
      if (feedbackImpressions.length > 0) {
        const events = await client.query<{ impression_id: string; item_id: string; sequence: number; event: string; at: number }>(
          "SELECT impression_id, item_id, sequence, event, at FROM feedback WHERE impression_id = ANY($1) AND sequence <= $2 ORDER BY sequence",
          [feedbackImpressions, rows[rows.length - 1].sequence],
        );
        for (const event of events.rows) {
          const key = `${event.impression_id}\u0000${event.item_id}`;
          const list = slotEvents.get(key) ?? [];
          list.push(event);
          slotEvents.set(key, list);
        }
      }
      return rows.map((row): EventLogEntry => {
        const impression = impressions.get(row.id)!;
        if (row.type === "impression") {
          const record = toImpressionRecord(impression);
          return {
            type: "impression",
            sequence: row.sequence,
            impressionId: record.id,
            sessionId: record.sessionId,
            createdAt: record.createdAt,
            policy: record.policy,
            featureVersion: record.featureVersion,
            slots: record.slots,
          };
        }
        const events = slotEvents.get(`${row.id}\u0000${row.item_id!}`)!;
        const index = events.findIndex((event) => event.sequence === row.sequence);
        return {
          type: "feedback",
          sequence: row.sequence,
          impressionId: row.id,
          itemId: row.item_id!,
          event: events[index].event,
          at: events[index].at,
          features: slotsOf(row.id).get(row.item_id!)!.features,
          featureVersion: impression.feature_version,
          previousEvents: events.slice(0, index).map((event) => event.event),
        };
      });
    },
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
  );
}
