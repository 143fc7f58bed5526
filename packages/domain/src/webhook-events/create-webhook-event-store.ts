import { type Db, isDatabaseUnavailable, pgTransaction } from "@gw/db";
import { DomainError, invalid } from "../errors/index";

/** NOTIFYed once per connector with newly received events (the payload is its id): the worker's consumer listens. */
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

export interface RejectedDeliveryRow {
  accountId: string;
  connectorId: string;
  eventName: string;
  /** What is kept of the refused body, as JSON text. */
  payload: string;
  reason: string;
}

export interface WebhookEventConnector {
  accountId: string;
  webhookSecretEnc: string | null;
}

export interface WebhookEventStoreStats {
  /** Deliveries waiting for an INSERT, and their payloads' bytes. */
  waiting: number;
  waitingBytes: number;
  /** Grouped INSERTs that failed on a data error and were split to find the unstorable event. */
  splitGroups: number;
}

export interface WebhookEventStore {
  /**
   * The connector's account and sealed webhook secret, or null when it is unknown or deleted.
   * Reused for a moment unless `fresh` (a delivery that fails with the reused secret asks again:
   * the connector may just have been verified with a new one); fresh lookups of one connector
   * running at once share one query.
   */
  connector(connectorId: string, fresh?: boolean): Promise<WebhookEventConnector | null>;
  /**
   * Stores the event once per event key; resolves once it is committed. Throws UNAVAILABLE
   * (answer 503) when too much is waiting already or it is not stored within the timeout.
   */
  insert(row: WebhookEventRow): Promise<StoredEvent>;
  /** Records a refused delivery (no event key), under the same timeout as `insert`. */
  recordRejection(row: RejectedDeliveryRow): Promise<void>;
  stats(): WebhookEventStoreStats;
}

export interface CreateWebhookEventStoreOptions {
  db: Db;
  /** How long a connector lookup is reused. Default 1000 ms; 0 looks it up for every delivery. */
  connectorCacheMs?: number;
  /** Events written at most by one INSERT. Default 500. */
  maxBatch?: number;
  /** Payload bytes written at most by one INSERT (one larger event still goes alone). Default 4 MiB. */
  maxBatchBytes?: number;
  /** INSERTs in flight at once; deliveries arriving meanwhile wait and go together in the next. Default 2. */
  maxInFlight?: number;
  /** Deliveries allowed to wait for an INSERT; more are refused at once. Default 2,000. */
  maxWaiting?: number;
  /** Payload bytes allowed to wait (a delivery may be 256 KiB). Default 64 MiB. */
  maxWaitingBytes?: number;
  /**
   * A delivery not committed within this is refused (the sender retries; a copy that commits
   * later makes the retry a duplicate), and Postgres cancels each statement after it, so a
   * locked or stalled table frees the INSERT's slot. Default 5,000 ms.
   */
  timeoutMs?: number;
}

interface StoredEvent {
  eventId: string | null;
  /** False when its event key was stored before (a duplicate delivery). */
  inserted: boolean;
}

interface Pending {
  row: WebhookEventRow;
  bytes: number;
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
 *
 * Bounded so that a slow, locked or unreachable Postgres costs 503s, not memory and hung
 * requests: what may wait is capped by count and bytes, and each delivery gets an answer within
 * the timeout. A group that fails on a data error (one unstorable event) is split in halves, one
 * half after the other, so only that delivery fails; any other failure (the database unavailable,
 * a statement cancelled) fails the group without a retry that would only add load.
 */
export function createWebhookEventStore(options: CreateWebhookEventStoreOptions): WebhookEventStore {
  const { db } = options;
  const cacheMs = options.connectorCacheMs ?? 1000;
  const maxBatch = options.maxBatch ?? 500;
  const maxBatchBytes = options.maxBatchBytes ?? 4 * 1024 * 1024;
  const maxInFlight = options.maxInFlight ?? 2;
  const maxWaiting = options.maxWaiting ?? 2_000;
  const maxWaitingBytes = options.maxWaitingBytes ?? 64 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const connectors = new Map<string, { until: number; value: Promise<WebhookEventConnector | null> }>();
  const freshLookups = new Map<string, Promise<WebhookEventConnector | null>>();
  const waiting: Pending[] = [];
  let waitingBytes = 0;
  let inFlight = 0;
  let splitGroups = 0;

  // Under the same statement timeout as the INSERT: a locked Connector table (a migration, a
  // VACUUM FULL) costs 503s within the bound, not requests hung until the lock goes.
  const lookUp = async (connectorId: string) => {
    try {
      const [row] = await pgTransaction(
        db,
        (query) =>
          query<WebhookEventConnector>(
            `SELECT "accountId", "webhookSecretEnc" FROM "Connector" WHERE "id" = $1::uuid AND "deletedAt" IS NULL`,
            [connectorId],
          ),
        { statement_timeout: String(timeoutMs) },
      );
      return row ?? null;
    } catch (error) {
      throw storeFailure(error);
    }
  };

  const take = () => {
    let bytes = 0;
    let count = 0;
    while (count < waiting.length && count < maxBatch) {
      const next = waiting[count] as Pending;
      if (count > 0 && bytes + next.bytes > maxBatchBytes) break;
      bytes += next.bytes;
      count += 1;
    }
    waitingBytes -= bytes;
    return waiting.splice(0, count);
  };

  const pump = () => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const group = take();
      inFlight += 1;
      void write(group).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  const write = async (group: Pending[]): Promise<void> => {
    try {
      const stored = await insertRows(
        db,
        group.map((p) => p.row),
        timeoutMs,
      );
      for (const [i, p] of group.entries()) p.resolve(stored[i] as StoredEvent);
    } catch (error) {
      if (group.length === 1 || !isDataError(error)) {
        const failure = storeFailure(error);
        for (const p of group) p.reject(failure);
        return;
      }
      splitGroups += 1;
      const half = Math.ceil(group.length / 2);
      await write(group.slice(0, half));
      await write(group.slice(half));
    }
  };

  return {
    connector(connectorId, fresh = false) {
      const now = Date.now();
      const cached = connectors.get(connectorId);
      if (cached && cached.until > now && !fresh) return cached.value;
      // Forged deliveries each ask afresh: while one lookup runs, the others wait for it.
      const running = fresh ? freshLookups.get(connectorId) : undefined;
      if (running) return running;
      const value = lookUp(connectorId);
      if (fresh) {
        freshLookups.set(connectorId, value);
        const forget = () => freshLookups.get(connectorId) === value && freshLookups.delete(connectorId);
        value.then(forget, forget);
      }
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
      const bytes = Buffer.byteLength(row.payload);
      if (waiting.length >= maxWaiting || (waiting.length > 0 && waitingBytes + bytes > maxWaitingBytes))
        return Promise.reject(busy());
      return new Promise((resolve, reject) => {
        let settled = false;
        const pending: Pending = {
          row,
          bytes,
          resolve: (stored) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve(stored);
          },
          reject: (error) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            reject(error);
          },
        };
        const timer = setTimeout(() => {
          // Still waiting: it leaves the queue (and its bytes with it). Already in a statement:
          // answered now; the statement's own timeout ends it soon after.
          const at = waiting.indexOf(pending);
          if (at >= 0) {
            waiting.splice(at, 1);
            waitingBytes -= bytes;
          }
          pending.reject(busy());
        }, timeoutMs);
        waiting.push(pending);
        waitingBytes += bytes;
        pump();
      });
    },
    async recordRejection(rejected) {
      try {
        await pgTransaction(
          db,
          (query) =>
            query(
              `INSERT INTO "WebhookEvent" ("accountId", "connectorId", "eventKey", "eventName", "payload", "status", "reason")
               VALUES ($1::uuid, $2::uuid, NULL, $3, $4::jsonb, 'REJECTED', $5)`,
              [rejected.accountId, rejected.connectorId, rejected.eventName, rejected.payload, rejected.reason],
            ),
          { statement_timeout: String(timeoutMs) },
        );
      } catch (error) {
        throw storeFailure(error);
      }
    },
    stats: () => ({ waiting: waiting.length, waitingBytes, splitGroups }),
  };
}

const busy = () =>
  new DomainError("UNAVAILABLE", "Webhook events cannot be stored right now; deliver this event again shortly.", {
    retryable: true,
  });

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the rows, not the database. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^2[23]/.test(code);
}

/**
 * What a delivery is told and what is logged of a failed statement: the SQLSTATE and the
 * constraint, never Postgres's message or detail, which quote row values.
 */
function storeFailure(error: unknown): Error {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  if (typeof code === "string" && code.startsWith("22"))
    return invalid("body", `The webhook body cannot be stored (SQLSTATE ${code}); send it as valid UTF-8 JSON text.`);
  // Unreachable, restarting, or the statement cancelled by its timeout: worth a retry later.
  if (isDatabaseUnavailable(error) || code === "57014" || (typeof code === "string" && code.startsWith("40")))
    return busy();
  const where = typeof constraint === "string" ? ` (constraint ${constraint})` : "";
  return new Error(`webhook event not stored: SQLSTATE ${typeof code === "string" ? code : "unknown"}${where}`);
}

/** One INSERT for the rows (the first of each event key, in order), with their ids; a key stored before has inserted false. */
async function insertRows(db: Db, rows: WebhookEventRow[], timeoutMs: number): Promise<StoredEvent[]> {
  const firsts = new Map<string, WebhookEventRow>();
  for (const row of rows) if (!firsts.has(row.eventKey)) firsts.set(row.eventKey, row);
  const unique = [...firsts.values()];
  const values = [...COLUMNS.map((column) => unique.map((row) => row[column])), WEBHOOK_EVENTS_CHANNEL];
  // One NOTIFY per connector: a payload is limited to 8,000 bytes, a list of ids would pass it.
  const statement = `WITH input AS (
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
       SELECT pg_notify($8, c."connectorId") FROM (
         SELECT DISTINCT "connectorId"::text AS "connectorId" FROM inserted WHERE "status" = 'RECEIVED'
       ) c
     )
     SELECT i."id", i."eventKey", (SELECT count(*) FROM notified)::int AS "notified" FROM inserted i`;
  const known = await pgTransaction(
    db,
    async (query) => {
      const inserted = await query<{ id: string; eventKey: string }>(statement, values);
      const idByKey = new Map(inserted.map((row) => [row.eventKey, row.id]));
      const fresh = new Set(idByKey.keys());
      const repeated = unique.filter((row) => !fresh.has(row.eventKey)).map((row) => row.eventKey);
      if (repeated.length > 0) {
        const existing = await query<{ id: string; eventKey: string }>(
          `SELECT "id", "eventKey" FROM "WebhookEvent" WHERE "eventKey" = ANY($1::text[])`,
          [repeated],
        );
        for (const row of existing) idByKey.set(row.eventKey, row.id);
      }
      return { idByKey, fresh };
    },
    { statement_timeout: String(timeoutMs) },
  );
  // A key repeated within the group is inserted once: its first delivery is the one accepted.
  const answered = new Set<string>();
  return rows.map((row) => {
    const first = known.fresh.has(row.eventKey) && !answered.has(row.eventKey);
    answered.add(row.eventKey);
    return { eventId: known.idByKey.get(row.eventKey) ?? null, inserted: first };
  });
}
