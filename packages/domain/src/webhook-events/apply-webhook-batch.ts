import { type Db, type PgQueryDb, pgQuery } from "@gw/db";
import { parseWebhookEvent, type RegistrantAddedEvent } from "@gw/gotowebinar";
import { emailKey } from "../prospects/normalize-email";
import { getScoringPoints } from "../scoring/get-scoring-rules";
import type { SyncWebinar } from "../sync/types";
import { upsertRegistrants } from "../sync/upsert-registrants";
import { registrantOfEvent } from "./apply-registrant-added";
import { hasSqlState, WEBHOOK_APPLY_LOCK } from "./apply-webhook-event";

export interface ApplyWebhookBatchOptions {
  db: Db;
  /** Whose waiting events: a connector, or any received event of it. */
  connectorId?: string;
  eventId?: string;
  /** Waiting events read at most per batch. Default 1000. */
  limit?: number;
  /**
   * Events applied at most (in the order read: each webinar's first waiting event, then each one's
   * second, and so on): a smaller batch to corner a poison event.
   */
  maxEvents?: number;
  now?: Date;
}

/**
 * Failures that say nothing about the events (a deadlock, a serialization failure, a lock or
 * statement timeout): the same batch can pass when tried again, so no event is a suspect. 25P02
 * (transaction aborted) is how a deadlock ends here: retryOnDeadlock's second try runs in the
 * transaction the deadlock aborted.
 */
const TRANSIENT_STATES = ["40P01", "40001", "55P03", "57014", "25P02"];

/** A batch that failed and was rolled back: the events it tried, in received order. */
export class WebhookBatchError extends Error {
  /** Whether it failed for a reason that trying again can fix (no poison event). */
  readonly transient: boolean;

  constructor(
    readonly eventIds: string[],
    cause: unknown,
  ) {
    super(
      `webhook batch of ${eventIds.length} events failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = "WebhookBatchError";
    this.transient = TRANSIENT_STATES.some((state) => hasSqlState(cause, state));
  }
}

export interface ApplyWebhookBatchResult {
  /** Events settled by this batch (APPLIED or IGNORED). */
  settled: number;
  /** Whether the event named by `eventId` was among them. */
  includesEvent: boolean;
  /** Waiting events the batch read and left (for the one-by-one path). */
  left: number;
  /** Whether it read as many waiting events as it may (more may wait). */
  full: boolean;
  /**
   * Of the events it read and left, those the one-by-one path may apply now: per webinar the
   * first (the one that held the rest back), and each event without a webinar. The rest of a
   * webinar waits for its head to settle, then comes back to a batch.
   */
  heads: string[];
  /** Another transaction held the connector's lock: nothing was read (it applies them). */
  busy?: boolean;
}

interface PendingRow {
  id: string;
  payload: string;
  /** Set aside (setWebhookEventAside): left to the one-by-one path, and its webinar's later events with it. */
  setAside: boolean;
  /** Its place in its webinar's waiting events (1: the first), and how many of them a batch reads at most. */
  rank: number;
  cap: number;
  /** Its webinar, when synced (json: times as text). */
  webinar: (Omit<BatchWebinar, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string }) | null;
}

interface BatchWebinar extends SyncWebinar {
  status: string;
}

/** An event's webinar as the waiting events are indexed (WebhookEvent_received_webinar_idx): no key, its own. */
const WEBINAR_OF = `COALESCE(e."payload"->>'webinarKey', e."id"::text)`;

const NOT_A_PROSPECT = "the registrant is not a prospect and this connector does not create prospects";

/**
 * Applies a connector's waiting registrant.added events together: per webinar one
 * upsertRegistrants (a handful of set-based statements however many people) and one UPDATE that
 * settles every event, in one transaction, so an event is applied and marked at once or not at
 * all (exactly once: only RECEIVED rows are taken, and they are locked while applied).
 *
 * Order per webinar: each webinar's events are taken in the order received, and for each webinar
 * only the run before its first event of another kind (or an unusual registrant.added: a
 * cancellation, a webinar not synced or cancelled, an event set aside) is batched; that event and
 * everything after it stay RECEIVED for the one-by-one path. One batch runs per connector at a time (an advisory lock), so two
 * batches never apply one webinar's events out of order.
 *
 * A failure rolls the whole batch back and throws a WebhookBatchError naming the events tried: the
 * caller narrows the batch (maxEvents) until the poison event is alone and sets it aside
 * (setWebhookEventAside): later batches, of any worker, leave it to the one-by-one path, so it
 * harms only itself.
 */
export async function applyWebhookBatch(options: ApplyWebhookBatchOptions): Promise<ApplyWebhookBatchResult> {
  const { db } = options;
  const now = options.now ?? new Date();
  const limit = options.limit ?? 1000;
  let connectorId = options.connectorId;
  if (!connectorId) {
    const [own] = await pgQuery<{ connectorId: string | null; status: string }>(
      db,
      `SELECT "connectorId", "status"::text AS "status" FROM "WebhookEvent" WHERE "id" = $1::uuid`,
      [options.eventId],
    );
    if (!own?.connectorId || own.status !== "RECEIVED")
      return { settled: 0, includesEvent: false, left: 0, full: false, heads: [] };
    connectorId = own.connectorId;
  }
  const maxEvents = options.maxEvents ?? limit;
  const tried: string[] = [];

  const work = db.$transaction(
    async (tx) => {
      // Round trips are what a batch waits for on a busy machine: the lock comes with the
      // connector, and each waiting event with its webinar (an event whose webinar is not found
      // here is not batched, so a key spelled differently only sends it the one-by-one way).
      // Another worker's batch (or a job) of this connector holds the lock: it applies what
      // waits, and the events it has not read notify every consumer again, so this one skips
      // rather than holding a connection and a transaction in the queue.
      const [locked] = await pgQuery<{
        locked: boolean;
        id: string | null;
        accountId: string;
        createProspects: boolean;
        campaignId: string | null;
      }>(
        tx,
        `SELECT l."locked", c."id", c."accountId", c."createProspects", c."campaignId"
         FROM (SELECT pg_try_advisory_xact_lock(${WEBHOOK_APPLY_LOCK}) AS "locked") AS l
         LEFT JOIN "Connector" c ON l."locked" AND c."id" = $1::uuid AND c."deletedAt" IS NULL AND c."status" <> 'DISABLED'`,
        [connectorId],
      );
      if (!locked?.locked) return { settled: 0, includesEvent: false, left: 0, full: false, heads: [], busy: true };
      const connector = locked.id ? { ...locked, id: locked.id } : undefined;
      if (!connector) {
        // Deleted or disabled: nothing to batch, and no order to keep (each is ignored alone).
        const waiting = await pgQuery<{ id: string }>(
          tx,
          `SELECT "id" FROM "WebhookEvent" WHERE "connectorId" = $1::uuid AND "status" = 'RECEIVED'
           ORDER BY "receivedAt", "id" LIMIT $2`,
          [connectorId, limit],
        );
        const heads = waiting.map((row) => row.id);
        return { settled: 0, includesEvent: false, left: heads.length, full: heads.length >= limit, heads };
      }
      // Per waiting webinar (an event without a webinar key is one of its own), its first events:
      // each webinar's first, then each one's second…, so a webinar with a long backlog behind an
      // event that waits for its job hides no other webinar's events, and a burst on one webinar
      // still fills the batch. The webinars are walked through the partial index of RECEIVED rows
      // one key after the next (at most `limit` of them), each read (and locked) up to its share
      // of the batch, so a batch reads about `limit` rows however long the backlog, each once.
      const pending = await pgQuery<PendingRow>(
        tx,
        `WITH RECURSIVE keys AS (
           SELECT 1 AS "n", (SELECT ${WEBINAR_OF} FROM "WebhookEvent" e
             WHERE e."status" = 'RECEIVED' AND e."connectorId" = $1::uuid ORDER BY 1 LIMIT 1) AS "key"
           UNION ALL
           SELECT k."n" + 1, (SELECT ${WEBINAR_OF} FROM "WebhookEvent" e
             WHERE e."status" = 'RECEIVED' AND e."connectorId" = $1::uuid AND ${WEBINAR_OF} > k."key" ORDER BY 1 LIMIT 1)
           FROM keys k WHERE k."key" IS NOT NULL AND k."n" < $2
         ), share AS (
           SELECT ceil($2::numeric / greatest(count(*), 1))::int AS "cap" FROM keys WHERE "key" IS NOT NULL
         ), pending AS (
           SELECT f.*, s."cap",
                  row_number() OVER (PARTITION BY k."key" ORDER BY f."receivedAt", f."id")::int AS "rank"
           FROM keys k CROSS JOIN share s
           CROSS JOIN LATERAL (
             SELECT e."id", e."receivedAt", e."payload", e."setAsideAt" FROM "WebhookEvent" e
             WHERE e."status" = 'RECEIVED' AND e."connectorId" = $1::uuid AND ${WEBINAR_OF} = k."key"
             ORDER BY e."receivedAt", e."id" LIMIT s."cap"
             FOR UPDATE SKIP LOCKED
           ) f
           WHERE k."key" IS NOT NULL
           ORDER BY "rank", f."receivedAt", f."id" LIMIT $2
         )
         SELECT p."id", p."payload"::text AS "payload", p."setAsideAt" IS NOT NULL AS "setAside", p."rank", p."cap",
                CASE WHEN w."id" IS NULL THEN NULL ELSE json_build_object(
                  'id', w."id", 'accountId', w."accountId", 'connectorId', w."connectorId", 'webinarKey', w."webinarKey",
                  'approvalType', w."approvalType", 'startsAt', w."startsAt", 'endsAt', w."endsAt", 'status', w."status") END
                  AS "webinar"
         FROM pending p
         LEFT JOIN "Webinar" w ON w."connectorId" = $1::uuid AND w."webinarKey" = p."payload"->>'webinarKey'
         ORDER BY p."rank", p."receivedAt", p."id"`,
        [connectorId, limit],
      );
      const events = pending.map((row) => ({ id: row.id, setAside: row.setAside, event: parseQuietly(row.payload) }));
      // More may wait: the batch is full, or a webinar gave all of its share.
      const full = pending.length >= limit || pending.some((row) => row.rank >= row.cap);
      const webinars = pending.flatMap((row) =>
        row.webinar
          ? [{ ...row.webinar, startsAt: new Date(row.webinar.startsAt), endsAt: new Date(row.webinar.endsAt) }]
          : [],
      );
      const webinarByKey = new Map(webinars.map((w) => [w.webinarKey, w]));

      // The leading run of plain registrant.added events of each webinar, in received order.
      const runs = new Map<string, { webinar: BatchWebinar; events: { id: string; event: RegistrantAddedEvent }[] }>();
      const stopped = new Set<string>();
      const heads: string[] = [];
      for (const { id, setAside, event } of events) {
        if (tried.length >= maxEvents) break;
        const key = event?.webinarKey;
        if (!key) heads.push(id);
        if (!key || stopped.has(key)) continue;
        const webinar = webinarByKey.get(key);
        const plain =
          !setAside &&
          event.eventName === "registrant.added" &&
          webinar !== undefined &&
          webinar.status !== "CANCELLED" &&
          (event.status ?? "").toUpperCase() !== "CANCELLED";
        if (!plain) {
          stopped.add(key);
          heads.push(id);
          continue;
        }
        const run = runs.get(key) ?? { webinar, events: [] };
        run.events.push({ id, event });
        runs.set(key, run);
        tried.push(id);
      }
      if (runs.size === 0) return { settled: 0, includesEvent: false, left: pending.length, full, heads };

      const points = await getScoringPoints({ db: tx, accountId: connector.accountId });
      const ids: string[] = [];
      const statuses: string[] = [];
      const reasons: (string | null)[] = [];
      for (const { webinar, events: run } of runs.values()) {
        const result = await upsertRegistrants({
          db: tx,
          webinar,
          connector,
          registrants: run.map(({ event }) => registrantOfEvent(event)),
          source: "WEBHOOK",
          complete: false,
          now,
          points,
        });
        for (const { id, event } of run) {
          const applied = !!event.email && result.prospectIdByEmail.has(emailKey(event.email));
          ids.push(id);
          statuses.push(applied ? "APPLIED" : "IGNORED");
          reasons.push(applied ? null : NOT_A_PROSPECT);
        }
      }
      await pgQuery(
        tx,
        `UPDATE "WebhookEvent" e SET "status" = u.status::"WebhookEventStatus", "reason" = u.reason,
           "appliedAt" = COALESCE($4::timestamptz, clock_timestamp())
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, status, reason)
         WHERE e."id" = u.id AND e."status" = 'RECEIVED'`,
        // Settled when written (a batch's transaction may have started long before): the stage
        // timings of bench/webhooks.ts read it.
        [ids, statuses, reasons, options.now ?? null],
      );
      return {
        settled: ids.length,
        includesEvent: options.eventId !== undefined && ids.includes(options.eventId),
        left: pending.length - ids.length,
        full,
        heads,
      };
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  try {
    return await work;
  } catch (error) {
    throw new WebhookBatchError(tried, error);
  }
}

/** The stored payload as text: parsed once, losslessly (GoTo's keys are 19-digit numbers). */
function parseQuietly(payload: string) {
  try {
    return parseWebhookEvent(payload);
  } catch {
    return undefined;
  }
}

/**
 * Marks a waiting event that fails a batch on its own: every batch after it, of any worker process
 * and after a restart, leaves it and its webinar's later events to its one-by-one job rather than
 * trying it again. Returns whether it was still waiting.
 */
export async function setWebhookEventAside(options: { db: PgQueryDb; eventId: string }): Promise<boolean> {
  const rows = await pgQuery<{ id: string }>(
    options.db,
    `UPDATE "WebhookEvent" SET "setAsideAt" = COALESCE("setAsideAt", clock_timestamp())
     WHERE "id" = $1::uuid AND "status" = 'RECEIVED' RETURNING "id"`,
    [options.eventId],
  );
  return rows.length > 0;
}
