import pg from "pg";

/**
 * Wake-ups for the event log's followers: a dedicated connection LISTENs on the schema's channel,
 * where every transaction that logs an event NOTIFYs its sequence when it commits.
 */
export interface EventLogNotifications {
  /**
   * Calls `listener` with each notified sequence, and with null whenever notifications may have
   * been missed: on subscribing while connected, and after every (re)connect (catch up by
   * sequence then). Returns the unsubscribe function; the connection opens on the first
   * subscription.
   */
  subscribe(listener: (sequence: number | null) => void): () => void;
  /** True while the LISTEN connection is up: every commit from now on will be notified. */
  connected(): boolean;
  close(): Promise<void>;
}

/** Reconnect backoff: 100 ms doubling up to 5 s while the server is unreachable. */
const RETRY_MS = { first: 100, max: 5_000 };

export function listenForEventLog(clientConfig: pg.ClientConfig, channel: string): EventLogNotifications {
  const listeners = new Set<(sequence: number | null) => void>();
  let client: pg.Client | null = null;
  let isConnected = false;
  let closed = false;
  let started = false;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;
  const dropped = new WeakSet<pg.Client>();

  const emit = (sequence: number | null) => {
    for (const listener of listeners) listener(sequence);
  };

  const scheduleConnect = () => {
    if (closed || retry) return;
    const delay = Math.min(RETRY_MS.max, RETRY_MS.first * 2 ** failures++);
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    // Not unref'd: a connected LISTEN client keeps its process alive, and so does reconnecting it (close() stops both).
  };

  const drop = (which: pg.Client) => {
    if (dropped.has(which)) return;
    dropped.add(which);
    if (client === which) {
      client = null;
      isConnected = false;
    }
    which.end().catch(() => undefined);
    scheduleConnect();
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client(clientConfig);
    next.on("notification", (message) => {
      if (message.channel !== channel) return;
      const sequence = Number(message.payload);
      if (Number.isSafeInteger(sequence)) emit(sequence);
    });
    next.on("error", () => drop(next));
    next.on("end", () => drop(next));
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
    } catch {
      drop(next);
      return;
    }
    if (closed) {
      dropped.add(next);
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    isConnected = true;
    failures = 0;
    // Anything committed while nobody listened is only in the log: catch up by sequence.
    emit(null);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!started) {
        started = true;
        void connect();
      } else if (isConnected) {
        // After subscribe returns, so the caller holds its unsubscribe function first.
        queueMicrotask(() => listeners.has(listener) && listener(null));
      }
      return () => listeners.delete(listener);
    },
    connected: () => isConnected,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const current = client;
      client = null;
      isConnected = false;
      if (current) {
        dropped.add(current);
        await current.end().catch(() => undefined);
      }
    },
  };
}
