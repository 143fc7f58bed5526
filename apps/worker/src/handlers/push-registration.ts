import { createConnectorGotoClient } from "@gw/domain/connectors";
import { pushRegistration } from "@gw/domain/forms";
import type { GotoClient } from "@gw/gotowebinar";
import { enqueue, pushRegistrationJob } from "@gw/queues";
import type { JobHandler } from "./types";

const CLIENT_TTL_MS = 60_000;
const clients = new Map<string, { client: Promise<GotoClient>; expiresAt: number }>();

/**
 * The connector's GoTo client, kept for a minute: a burst of registrations then costs one GoTo
 * request each and no connector read. Safe because the push re-reads the connector's status from
 * Postgres on every attempt, and a token refreshed by another process is picked up through the
 * client's own refresh-on-refusal (which re-reads the row under the connector lock).
 */
function cachedClient(connectorId: string, create: () => Promise<GotoClient>): Promise<GotoClient> {
  const now = Date.now();
  const cached = clients.get(connectorId);
  if (cached && cached.expiresAt > now) return cached.client;
  const client = create();
  clients.set(connectorId, { client, expiresAt: now + CLIENT_TTL_MS });
  client.catch(() => clients.delete(connectorId));
  return client;
}

/**
 * One attempt of a form registration: the domain claims the request row, makes the single GoTo
 * call and records the outcome in Postgres. A transient failure is rescheduled here as the next
 * attempt's job (delayed to the row's nextAttemptAt); if that enqueue is lost, the sweeper
 * re-adds it from the row.
 */
export const handlePushRegistration: JobHandler<"push-registration"> = async (payload, ctx) => {
  const { db, config, queues, secretBox } = ctx.deps;
  const result = await pushRegistration({
    db,
    requestId: payload.requestId,
    attempt: payload.attempt,
    getGotoClient: (connectorId) =>
      cachedClient(connectorId, () => createConnectorGotoClient({ db, config, secretBox, connectorId })),
    backoff: { baseMs: config.registrations.retryBaseMs, maxMs: config.registrations.retryMaxMs },
    giveUpAfterMs: config.registrations.giveUpAfterMs,
    leaseMs: config.registrations.leaseMs,
    signal: ctx.signal,
    log: ctx.log,
  });
  if (result.outcome === "retry") {
    const delayMs = Math.max(1, result.nextAttemptAt.getTime() - Date.now());
    try {
      await enqueue(
        queues,
        pushRegistrationJob,
        { requestId: payload.requestId, attempt: result.attempt },
        { requestId: ctx.requestId, delayMs },
      );
    } catch (error) {
      ctx.log.warn(
        { err: error, requestId: payload.requestId },
        "could not schedule the next attempt; the sweeper will",
      );
    }
  }
  return result;
};
