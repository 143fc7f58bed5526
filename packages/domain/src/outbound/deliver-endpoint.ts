import { type PgQueryDb, pgQuery } from "@gw/db";
import { type RegistrationBackoff, registrationBackoffMs } from "../forms/registration-backoff";
import type { SecretBox } from "../security/secret-box";
import { type OutboundHttpPolicy, type SendResult, sendWebhook } from "./send-webhook";

export interface DeliverEndpointOptions {
  db: PgQueryDb;
  secretBox: SecretBox;
  endpointId: string;
  policy: OutboundHttpPolicy;
  backoff: RegistrationBackoff;
  /** An endpoint whose deliveries all failed for this long is disabled with a notice. */
  disableAfterMs: number;
  /** How long a worker holds the endpoint between renewals. */
  leaseMs?: number;
  /** Stop after this many deliveries (the job is re-enqueued for the rest). */
  maxDeliveries?: number;
  send?: (options: Parameters<typeof sendWebhook>[0]) => Promise<SendResult>;
}

export interface DeliverEndpointResult {
  /** Another worker holds the endpoint: it delivers. */
  busy: boolean;
  delivered: number;
  failed: number;
  /** The head delivery waits for a retry at this time: schedule the next run then. */
  retryAt: Date | null;
  /** Stopped at maxDeliveries with more due: run again at once. */
  more: boolean;
  disabled: boolean;
}

interface Head {
  id: string;
  eventId: string;
  payload: unknown;
  attempts: number;
  nextAttemptAt: Date;
  giveUpAt: Date;
}

const BATCH = 100;

/**
 * Delivers an endpoint's pending events one at a time, oldest first (ordering by occurrence): a
 * failed head waits for its retry and holds back the ones behind it, until it succeeds or its
 * retry window ends (then it is FAILED and the next goes). One worker per endpoint, by a lease
 * in Postgres; releasing it re-checks for work, so an event queued while the lease was held is
 * never left for the sweeper alone.
 */
export async function deliverEndpoint(options: DeliverEndpointOptions): Promise<DeliverEndpointResult> {
  const { db, endpointId, policy } = options;
  const leaseMs = options.leaseMs ?? Math.max(30_000, policy.timeoutMs * 3);
  const maxDeliveries = options.maxDeliveries ?? 5_000;
  const send = options.send ?? sendWebhook;
  const result: DeliverEndpointResult = {
    busy: false,
    delivered: 0,
    failed: 0,
    retryAt: null,
    more: false,
    disabled: false,
  };

  const claim = () =>
    pgQuery<{ url: string; secretEnc: string }>(
      db,
      `UPDATE "OutboundEndpoint" SET "leaseUntil" = now() + make_interval(secs => $2::double precision / 1000)
       WHERE "id" = $1::uuid AND "enabled" AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
       RETURNING "url", "secretEnc"`,
      [endpointId, leaseMs],
    );
  const release = () =>
    pgQuery(db, `UPDATE "OutboundEndpoint" SET "leaseUntil" = NULL WHERE "id" = $1::uuid`, [endpointId]);
  const dueWork = async () =>
    (
      await pgQuery<{ due: boolean }>(
        db,
        `SELECT EXISTS (SELECT 1 FROM "OutboundDelivery" d JOIN "OutboundEndpoint" e ON e."id" = d."endpointId"
           WHERE d."endpointId" = $1::uuid AND d."status" = 'PENDING' AND d."nextAttemptAt" <= now() AND e."enabled") AS due`,
        [endpointId],
      )
    )[0]?.due === true;

  // Successes are recorded a batch at a time (one statement, not one per event); a crash before
  // that sends them again, which at-least-once allows (same event id).
  const delivered: { id: string; statusCode: number; latencyMs: number }[] = [];
  async function flushDelivered() {
    if (delivered.length === 0) return;
    const batch = delivered.splice(0);
    await pgQuery(
      db,
      `WITH d AS (
         UPDATE "OutboundDelivery" o SET "status" = 'DELIVERED', "attempts" = o."attempts" + 1, "lastStatusCode" = i.status_code,
           "lastLatencyMs" = i.latency_ms, "lastError" = NULL, "lastAttemptAt" = now(), "deliveredAt" = now()
         FROM unnest($1::bigint[], $2::int[], $3::int[]) AS i(id, status_code, latency_ms)
         WHERE o."id" = i.id RETURNING 1)
       UPDATE "OutboundEndpoint" SET "failingSince" = NULL, "leaseUntil" = now() + make_interval(secs => $5::double precision / 1000)
       WHERE "id" = $4::uuid AND EXISTS (SELECT 1 FROM d)`,
      [batch.map((d) => d.id), batch.map((d) => d.statusCode), batch.map((d) => d.latencyMs), endpointId, leaseMs],
    );
  }

  for (;;) {
    const [endpoint] = await claim();
    if (!endpoint) {
      result.busy = result.delivered === 0 && result.failed === 0;
      return result;
    }
    const secret = options.secretBox.decrypt(endpoint.secretEnc);
    const stop = await deliverWhileDue(endpoint.url, secret).finally(flushDelivered);
    await release();
    if (stop === "retry" || stop === "disabled" || stop === "more") return result;
    // Idle: anything queued while we held the lease is ours to deliver (its job found us busy).
    if (!(await dueWork())) return result;
  }

  async function deliverWhileDue(url: string, secret: string): Promise<"idle" | "retry" | "disabled" | "more"> {
    for (;;) {
      const heads = await pgQuery<Head>(
        db,
        `SELECT "id"::text AS "id", "eventId", "payload", "attempts", "nextAttemptAt", "giveUpAt"
         FROM "OutboundDelivery" d WHERE d."endpointId" = $1::uuid AND d."status" = 'PENDING' ORDER BY d."id" LIMIT $2`,
        [endpointId, BATCH],
      );
      if (heads.length === 0) return "idle";
      for (const head of heads) {
        if (head.nextAttemptAt.getTime() > Date.now()) {
          result.retryAt = head.nextAttemptAt;
          return "retry";
        }
        if (result.delivered + result.failed >= maxDeliveries) {
          result.more = true;
          return "more";
        }
        const sent = await send({ url, secret, eventId: head.eventId, body: JSON.stringify(head.payload), policy });
        if (sent.ok) {
          delivered.push({ id: head.id, statusCode: sent.statusCode ?? 0, latencyMs: sent.latencyMs });
          result.delivered++;
          if (delivered.length >= 20) await flushDelivered(); // also renews the lease
          continue;
        }
        await flushDelivered();
        const attempts = head.attempts + 1;
        const retryAt = new Date(Date.now() + registrationBackoffMs(attempts, options.backoff));
        const givesUp = retryAt.getTime() > head.giveUpAt.getTime();
        const [endpoint] = await pgQuery<{ enabled: boolean }>(
          db,
          `WITH d AS (
             UPDATE "OutboundDelivery" SET "status" = $2::"OutboundDeliveryStatus", "attempts" = $3, "lastStatusCode" = $4,
               "lastLatencyMs" = $5, "lastError" = $6, "lastAttemptAt" = now(), "nextAttemptAt" = $7
             WHERE "id" = $1::bigint RETURNING "endpointId")
           UPDATE "OutboundEndpoint" e SET
             "failingSince" = COALESCE(e."failingSince", now()),
             "enabled" = NOT (COALESCE(e."failingSince", now()) <= now() - make_interval(secs => $8::double precision / 1000)),
             "disabledAt" = CASE WHEN COALESCE(e."failingSince", now()) <= now() - make_interval(secs => $8::double precision / 1000) THEN now() ELSE e."disabledAt" END,
             "disabledReason" = CASE WHEN COALESCE(e."failingSince", now()) <= now() - make_interval(secs => $8::double precision / 1000)
               THEN 'Disabled on ' || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC: every delivery failed since '
                 || to_char(e."failingSince" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC (last: ' || left($6, 200) || '). Fix the receiver, enable the endpoint again and replay the failed deliveries.'
               ELSE e."disabledReason" END
           WHERE e."id" = (SELECT "endpointId" FROM d)
           RETURNING e."enabled"`,
          [
            head.id,
            givesUp ? "FAILED" : "PENDING",
            attempts,
            sent.statusCode,
            sent.latencyMs,
            sent.error ?? "failed",
            retryAt,
            options.disableAfterMs,
          ],
        );
        if (endpoint && !endpoint.enabled) {
          result.disabled = true;
          return "disabled";
        }
        if (givesUp) {
          result.failed++;
          continue;
        }
        result.retryAt = retryAt;
        return "retry";
      }
      await flushDelivered();
    }
  }
}
