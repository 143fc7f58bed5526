import { type Db, type PgQueryDb, pgQuery } from "@gw/db";
import { notFound } from "../errors/index";
import { getEndpoint } from "./manage-endpoints";

export interface ReplayDeliveriesOptions {
  db: Pick<Db, "outboundEndpoint"> & PgQueryDb;
  accountId: string;
  endpointId: string;
  /** One delivery; every failed one when absent. */
  deliveryId?: string;
  giveUpAfterMs: number;
}

/**
 * Queues deliveries again, now, with a fresh retry window and the same event id: one (any
 * status) or every FAILED one of the endpoint. They keep their place: an endpoint delivers
 * oldest first, so a replayed event goes ahead of newer ones. Returns how many were queued.
 */
export async function replayDeliveries(options: ReplayDeliveriesOptions): Promise<number> {
  // The account check reads one row (Prisma); the requeue is a set statement (pgQuery).
  await getEndpoint(options);
  const queued = await requeueDeliveries(options.db, options);
  if (options.deliveryId && queued === 0) throw notFound("Delivery", options.deliveryId);
  return queued;
}

async function requeueDeliveries(
  db: PgQueryDb,
  target: { endpointId: string; deliveryId?: string; giveUpAfterMs: number },
): Promise<number> {
  const [row] = await pgQuery<{ queued: number }>(
    db,
    `WITH queued AS (
       UPDATE "OutboundDelivery" SET "status" = 'PENDING', "attempts" = 0, "nextAttemptAt" = now(),
         "giveUpAt" = now() + make_interval(secs => $3::double precision / 1000)
       WHERE "endpointId" = $1::uuid AND ($2::bigint IS NULL AND "status" = 'FAILED' OR "id" = $2::bigint)
       RETURNING 1)
     SELECT count(*)::int AS "queued" FROM queued`,
    [target.endpointId, target.deliveryId ?? null, target.giveUpAfterMs],
  );
  return row?.queued ?? 0;
}
