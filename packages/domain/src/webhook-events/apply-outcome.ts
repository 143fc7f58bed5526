import { type Connector, type PgQueryDb, type Prisma, pgQuery } from "@gw/db";
import type { SyncWebinar } from "../sync/types";

/** What applying one event did. DEFERRED: it needs data another event or the sync brings first. */
export type ApplyOutcome =
  | { status: "APPLIED"; reason?: string }
  | { status: "IGNORED"; reason: string }
  | { status: "DEFERRED"; reason: string; discover?: boolean };

export type ApplyConnector = Pick<Connector, "id" | "accountId" | "createProspects" | "campaignId">;

export interface ApplyContext {
  /** The transaction the event is applied and settled in. */
  db: Prisma.TransactionClient;
  connector: ApplyConnector;
  now: Date;
}

/** What applying an event reads of its webinar: what the sync writes registrants with, and its schedule. */
export interface EventWebinar extends SyncWebinar {
  isOndemand: boolean;
  status: string;
  programId: string | null;
  nextPollAt: Date | null;
  attendanceSyncs: number;
}

export async function findEventWebinar(
  db: PgQueryDb,
  connectorId: string,
  webinarKey: string,
): Promise<EventWebinar | null> {
  const [webinar] = await pgQuery<EventWebinar>(
    db,
    `SELECT "id", "accountId", "connectorId", "webinarKey", "approvalType", "startsAt", "endsAt", "isOndemand",
            "status"::text AS "status", "programId", "nextPollAt", "attendanceSyncs"
     FROM "Webinar" WHERE "connectorId" = $1::uuid AND "webinarKey" = $2`,
    [connectorId, webinarKey],
  );
  return webinar ?? null;
}

/** A registrant event for a webinar not synced yet: wait for webinar.created or discovery. */
export const webinarNotSynced = (webinarKey: string): ApplyOutcome => ({
  status: "DEFERRED",
  reason: `webinar ${webinarKey} is not synced yet (discovery will bring it and its registrants)`,
  discover: true,
});
