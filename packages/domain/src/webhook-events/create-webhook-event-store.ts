import { type Db, pgQuery } from "@gw/db";

/** NOTIFYed with the connector ids (comma-separated) of newly received events: the worker's consumer listens. */
export const WEBHOOK_EVENTS_CHANNEL = "webhook_events";

export interface WebhookEventRow {
  accountId: string;
  connectorId: string;
  eventKey: string;
  eventName: string;
  /** The payload as JSON text. */
  payload: string;
  status: "RECEIVED" | "IGNORED";
  reason: string | null;
}

export interface WebhookEventConnector {
  accountId: string;
  webhookSecretEnc: string | null;
}

export interface WebhookEventStore {
  /**
   * The connector's account and sealed webhook secret, or null when it is unknown or deleted.
   * Reused for a moment unless `fresh` (a delivery that fails with the reused secret asks again:
   * the connector may just have been verified with a new one).
   */
  connector(connectorId: string, fresh?: boolean): Promise<WebhookEventConnector | null>;
  /** Stores the event once per event key; resolves once it is committed. */
  insert(row: WebhookEventRow): Promise<StoredEvent>;
}

export interface CreateWebhookEventStoreOptions {
  db: Db;
  /** How long a connector lookup is reused. Default 1000 ms; 0 looks it up for every delivery. */
  connectorCacheMs?: number;
  /** Events written at most by one INSERT. Default 500. */
  maxBatch?: number;
  /** INSERTs in flight at once; deliveries arriving meanwhile wait and go together in the next. Default 2. */
  maxInFlight?: number;
}

interface StoredEvent {
  eventId: string | null;
  /** False when its event key was stored before (a duplicate delivery). */
  inserted: boolean;
}

interface Pending {
  row: WebhookEventRow;
  resolve: (stored: StoredEvent) => void;
  reject: (error: unknown) => void;
}

const CACHE_LIMIT = 10_000;
/** The INSERT's unnest arrays, in its order. */
const COLUMNS = ["accountId", "connectorId", "eventKey", "eventName", "payload", "status", "reason"] as const;

/**
 * The receiver's writes, grouped: a delivery arriving while INSERTs are in flight waits for the
 * next one, which takes every waiting delivery (group commit), so under a burst one statement and
 * one commit carry many events and at a trickle each goes alone at once. Each delivery still
 * gets its answer only after its row is committed. The same statement NOTIFYs the consumer.
 * A statement that fails (one unstorable event) is retried one event at a time, so only that
 * delivery fails.
 */
export function createWebhookEventStore(options: CreateWebhookEventStoreOptions): WebhookEventStore {
  const { db } = options;
  const cacheMs = options.connectorCacheMs ?? 1000;
  const maxBatch = options.maxBatch ?? 500;
  const maxInFlight = options.maxInFlight ?? 2;
  const connectors = new Map<string, { until: number; value: Promise<WebhookEventConnector | null> }>();
  const waiting: Pending[] = [];
  let inFlight = 0;

  const lookUp = async (connectorId: string) => {
    const [row] = await pgQuery<WebhookEventConnector>(
      db,
      `SELECT "accountId", "webhookSecretEnc" FROM "Connector" WHERE "id" = $1::uuid AND "deletedAt" IS NULL`,
      [connectorId],
    );
    return row ?? null;
  };

  const pump = () => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const group = waiting.splice(0, maxBatch);
      inFlight += 1;
      void flush(group).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  const flush = async (group: Pending[]) => {
    try {
      const stored = await insertRows(
        db,
        group.map((p) => p.row),
      );
      for (const [i, p] of group.entries()) p.resolve(stored[i] as StoredEvent);
    } catch (error) {
      if (group.length === 1) return group[0]?.reject(error);
      await Promise.all(
        group.map((p) => insertRows(db, [p.row]).then(([stored]) => p.resolve(stored as StoredEvent), p.reject)),
      );
    }
  };

  return {
    connector(connectorId, fresh = false) {
      const now = Date.now();
      const cached = connectors.get(connectorId);
      if (cached && cached.until > now && !fresh) return cached.value;
      const value = lookUp(connectorId);
      if (cacheMs > 0) {
        if (connectors.size >= CACHE_LIMIT) connectors.clear();
        connectors.set(connectorId, { until: now + cacheMs, value });
        // A failed or empty lookup is not kept: the next delivery asks again.
        value.then(
          (found) => found === null && connectors.delete(connectorId),
          () => connectors.delete(connectorId),
        );
      }
      return value;
    },
    insert(row) {
      return new Promise((resolve, reject) => {
        waiting.push({ row, resolve, reject });
        pump();
      });
    },
  };
}

/** One INSERT for the rows (one per event key, in order), with their ids; a key stored before has inserted false. */
async function insertRows(db: Db, rows: WebhookEventRow[]): Promise<StoredEvent[]> {
  const unique = [...new Map(rows.map((row) => [row.eventKey, row])).values()];
  const inserted = await pgQuery<{ id: string; eventKey: string }>(
    db,
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         WITH ORDINALITY AS t("accountId", "connectorId", "eventKey", "eventName", "payload", "status", "reason", "ord")
     ), inserted AS (
       INSERT INTO "WebhookEvent" ("accountId", "connectorId", "eventKey", "eventName", "payload", "status", "reason", "receivedAt")
       SELECT "accountId", "connectorId", "eventKey", "eventName", "payload"::jsonb, "status"::"WebhookEventStatus", "reason",
              clock_timestamp()
       FROM input ORDER BY "ord"
       ON CONFLICT ("eventKey") DO NOTHING
       RETURNING "id", "eventKey", "connectorId", "status"
     ), notified AS (
       SELECT pg_notify($8, string_agg(DISTINCT "connectorId"::text, ',')) FROM inserted
       WHERE "status" = 'RECEIVED' HAVING count(*) > 0
     )
     SELECT i."id", i."eventKey", (SELECT count(*) FROM notified)::int AS "notified" FROM inserted i`,
    [...COLUMNS.map((column) => unique.map((row) => row[column])), WEBHOOK_EVENTS_CHANNEL],
  );
  const idByKey = new Map(inserted.map((row) => [row.eventKey, row.id]));
  const fresh = new Set(idByKey.keys());
  const known = unique.filter((row) => !fresh.has(row.eventKey)).map((row) => row.eventKey);
  if (known.length > 0) {
    const existing = await pgQuery<{ id: string; eventKey: string }>(
      db,
      `SELECT "id", "eventKey" FROM "WebhookEvent" WHERE "eventKey" = ANY($1::text[])`,
      [known],
    );
    for (const row of existing) idByKey.set(row.eventKey, row.id);
  }
  // A key repeated within the group is inserted once: its first delivery is the one accepted.
  const answered = new Set<string>();
  return rows.map((row) => {
    const first = fresh.has(row.eventKey) && !answered.has(row.eventKey);
    answered.add(row.eventKey);
    return { eventId: idByKey.get(row.eventKey) ?? null, inserted: first };
  });
}
