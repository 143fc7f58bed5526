import { type Db, pgQuery } from "@gw/db";
import {
  CHANGE_EVENT_SELECT,
  type ChangeEventRow,
  toChangeEventView,
  VISIBLE_HORIZON,
} from "../events/change-event-view";

export interface FanOutOptions {
  db: Pick<Db, "$transaction">;
  /** A delivery is retried until this long after it was queued. */
  giveUpAfterMs: number;
  batchSize?: number;
}

export interface FanOutResult {
  /** Changes read from the log. */
  changes: number;
  deliveries: number;
  /** Endpoints that got new deliveries: deliver to them now. */
  endpointIds: string[];
  /** The last change id taken (names the delivery jobs). */
  lastChangeId: string | null;
  hasMore: boolean;
}

const CURSOR = "outbound";

interface EndpointRow {
  id: string;
  accountId: string;
  eventTypes: string[];
}

/**
 * Turns new changes of the log into deliveries, one per enabled endpoint that wants the type, in
 * log order (so a delivery's id orders it within its endpoint). One reader at a time (advisory
 * lock); the cursor moves in the same transaction as the deliveries it wrote, so a crash either
 * wrote both or neither. Like the feed, only changes of ended transactions are taken.
 */
export async function fanOutChangeEvents(options: FanOutOptions): Promise<FanOutResult> {
  const batchSize = options.batchSize ?? 500;
  return options.db.$transaction(
    async (tx) => {
      await pgQuery(tx, `SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext('outbound-fan-out'))) l`, []);
      const [cursor] = await pgQuery<{ txid: string; lastId: string }>(
        tx,
        `SELECT "txid"::text AS "txid", "lastId"::text AS "lastId" FROM "ChangeCursor" WHERE "name" = $1`,
        [CURSOR],
      );
      const rows = await pgQuery<ChangeEventRow>(
        tx,
        `SELECT ${CHANGE_EVENT_SELECT}
         WHERE (c."txid", c."id") > ($1::bigint, $2::bigint)
           AND c."txid" < ${VISIBLE_HORIZON}
         ORDER BY c."txid", c."id"
         LIMIT $3`,
        [cursor?.txid ?? "0", cursor?.lastId ?? "0", batchSize + 1],
      );
      const batch = rows.slice(0, batchSize);
      const last = batch.at(-1);
      const result: FanOutResult = {
        changes: batch.length,
        deliveries: 0,
        endpointIds: [],
        lastChangeId: last?.id ?? null,
        hasMore: rows.length > batchSize,
      };
      if (!last) return result;

      const accounts = [...new Set(batch.map((row) => row.account_id))];
      const endpoints = await pgQuery<EndpointRow>(
        tx,
        `SELECT "id", "accountId", "eventTypes" FROM "OutboundEndpoint"
         WHERE "enabled" AND "accountId" = ANY($1::uuid[]) ORDER BY "createdAt"`,
        [accounts],
      );
      const deliveries: {
        endpointId: string;
        changeId: string;
        eventId: string;
        type: string;
        payload: string;
        prospectId: string | null;
      }[] = [];
      for (const row of batch) {
        const wanting = endpoints.filter(
          (e) => e.accountId === row.account_id && (e.eventTypes.length === 0 || e.eventTypes.includes(row.type)),
        );
        if (wanting.length === 0) continue;
        const view = toChangeEventView(row);
        // Standard Webhooks' payload shape: type, timestamp, data.
        const payload = JSON.stringify({ type: view.type, timestamp: view.occurredAt.toISOString(), data: view });
        for (const endpoint of wanting)
          deliveries.push({
            endpointId: endpoint.id,
            changeId: row.id,
            eventId: view.id,
            type: row.type,
            payload,
            prospectId: row.prospect_id,
          });
      }
      if (deliveries.length > 0) {
        await pgQuery(
          tx,
          `INSERT INTO "OutboundDelivery" ("endpointId", "changeEventId", "eventId", "type", "payload", "prospectId", "giveUpAt")
           SELECT endpoint_id, change_id, event_id, type, payload, prospect_id, now() + make_interval(secs => $7::double precision / 1000)
           FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[], $6::uuid[])
             WITH ORDINALITY AS t(endpoint_id, change_id, event_id, type, payload, prospect_id, n)
           ORDER BY n
           ON CONFLICT ("endpointId", "changeEventId") DO NOTHING`,
          [
            deliveries.map((d) => d.endpointId),
            deliveries.map((d) => d.changeId),
            deliveries.map((d) => d.eventId),
            deliveries.map((d) => d.type),
            deliveries.map((d) => d.payload),
            deliveries.map((d) => d.prospectId),
            options.giveUpAfterMs,
          ],
        );
      }
      await pgQuery(
        tx,
        `INSERT INTO "ChangeCursor" ("name", "txid", "lastId", "updatedAt") VALUES ($1, $2::bigint, $3::bigint, now())
         ON CONFLICT ("name") DO UPDATE SET "txid" = EXCLUDED."txid", "lastId" = EXCLUDED."lastId", "updatedAt" = now()`,
        [CURSOR, last.txid, last.id],
      );
      result.deliveries = deliveries.length;
      result.endpointIds = [...new Set(deliveries.map((d) => d.endpointId))];
      return result;
    },
    { timeout: 60_000 },
  );
}
