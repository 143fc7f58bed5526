import type { Connector, Prisma, Webinar } from "@gw/db";

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

export async function findEventWebinar(
  db: Pick<Prisma.TransactionClient, "$queryRaw">,
  connectorId: string,
  webinarKey: string,
): Promise<Webinar | null> {
  const [webinar] = await db.$queryRaw<Webinar[]>`
    SELECT * FROM "Webinar" WHERE "connectorId" = ${connectorId}::uuid AND "webinarKey" = ${webinarKey}`;
  return webinar ?? null;
}

/** A registrant event for a webinar not synced yet: wait for webinar.created or discovery. */
export const webinarNotSynced = (webinarKey: string): ApplyOutcome => ({
  status: "DEFERRED",
  reason: `webinar ${webinarKey} is not synced yet (discovery will bring it and its registrants)`,
  discover: true,
});
