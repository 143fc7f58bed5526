import type { Db } from "@gw/db";
import { DomainError, notFound } from "../errors/index";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequestSyncNowOptions {
  db: Pick<Db, "connector" | "webinar">;
  accountId: string;
  target: { connectorId: string } | { webinarId: string };
  now?: Date;
}

/** What the caller enqueues after this returns: the job the scheduler would run, with its id. */
export type SyncNowJob =
  | { job: "discover-webinars" | "backfill-connector"; connectorId: string }
  | { job: "sync-webinar"; webinarId: string; connectorId: string };

const notSyncing = (status: string, field: string) =>
  new DomainError(
    "PRECONDITION",
    status === "DISABLED"
      ? "The connector is disabled: enable it on the Connectors page, then sync."
      : status === "ERROR"
        ? "The connector needs attention: verify it again on the Connectors page, then sync."
        : "The connector is not verified yet: verify it on the Connectors page, then sync.",
    { field, value: status },
  );

/**
 * "Sync now": moves the work to now in Postgres first (so a lost Redis still runs it at the next
 * dispatcher tick) and says which job to enqueue. For a connector that is its discovery (or the
 * backfill still owed after verification) with every upcoming webinar's poll due at once, so the
 * discovery's follow-up enqueues them; for a webinar, its own sync (registrants, and attendance
 * once ended, whose schedule is left as planned). Same deterministic job ids as the scheduler's:
 * a sync already queued or running is not doubled.
 */
export async function requestSyncNow(options: RequestSyncNowOptions): Promise<SyncNowJob> {
  const { db, accountId } = options;
  const now = options.now ?? new Date();
  if ("connectorId" in options.target) {
    const { connectorId } = options.target;
    const connector = UUID.test(connectorId)
      ? await db.connector.findFirst({
          where: { id: connectorId, accountId, deletedAt: null },
          select: { id: true, status: true, backfillDueAt: true },
        })
      : null;
    if (!connector) throw notFound("Connector", connectorId);
    if (connector.status !== "VERIFIED") throw notSyncing(connector.status, "connectorId");
    const backfill = connector.backfillDueAt !== null;
    await db.connector.update({
      where: { id: connector.id },
      data: backfill ? { backfillDueAt: now } : { nextDiscoveryAt: now },
    });
    await db.webinar.updateMany({
      where: { connectorId: connector.id, status: { not: "CANCELLED" }, nextPollAt: { not: null } },
      data: { nextPollAt: now },
    });
    return { job: backfill ? "backfill-connector" : "discover-webinars", connectorId: connector.id };
  }

  const { webinarId } = options.target;
  const webinar = UUID.test(webinarId)
    ? await db.webinar.findFirst({
        where: { id: webinarId, accountId },
        select: {
          id: true,
          status: true,
          endsAt: true,
          connectorId: true,
          connector: { select: { status: true, deletedAt: true } },
        },
      })
    : null;
  if (!webinar) throw notFound("Webinar", webinarId);
  if (webinar.connector.deletedAt) {
    throw new DomainError("PRECONDITION", "The webinar's connector was deleted: nothing syncs it any more.", {
      field: "webinarId",
    });
  }
  if (webinar.connector.status !== "VERIFIED") throw notSyncing(webinar.connector.status, "webinarId");
  if (webinar.status === "CANCELLED") {
    throw new DomainError("PRECONDITION", "The webinar was cancelled in GoTo: there is nothing left to sync.", {
      field: "webinarId",
    });
  }
  if (webinar.endsAt > now) await db.webinar.update({ where: { id: webinar.id }, data: { nextPollAt: now } });
  return { job: "sync-webinar", webinarId: webinar.id, connectorId: webinar.connectorId };
}
