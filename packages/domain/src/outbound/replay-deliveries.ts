import { type Db, pgQuery } from "@gw/db";
import { notFound } from "../errors/index";
import { getEndpoint } from "./manage-endpoints";

/**
 * Queues deliveries again, now, with a fresh retry window and the same event id: one (any
 * status) or every FAILED one of the endpoint. They keep their place: an endpoint delivers
 * oldest first, so a replayed event goes ahead of newer ones. Returns how many were queued.
 */
export async function replayDeliveries(options: {
  db: Pick<Db, "outboundEndpoint" | "$queryRawUnsafe">;
  accountId: string;
  endpointId: string;
  /** One delivery; every failed one when absent. */
  deliveryId?: string;
  giveUpAfterMs: number;
}): Promise<number> {
  await getEndpoint(options);
  const rows = await pgQuery<{ id: string }>(
    options.db,
    `UPDATE "OutboundDelivery" SET "status" = 'PENDING', "attempts" = 0, "nextAttemptAt" = now(),
       "giveUpAt" = now() + make_interval(secs => $3::double precision / 1000)
     WHERE "endpointId" = $1::uuid AND ($2::bigint IS NULL AND "status" = 'FAILED' OR "id" = $2::bigint)
     RETURNING "id"::text AS id`,
    [options.endpointId, options.deliveryId ?? null, options.giveUpAfterMs],
  );
  if (options.deliveryId && rows.length === 0) throw notFound("Delivery", options.deliveryId);
  return rows.length;
}
