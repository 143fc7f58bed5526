import { randomUUID } from "node:crypto";
import type { Db } from "@gw/db";
import { gotoKey, useAccountId, useTestDatabase } from "@gw/testing";

/** The polling settings the webhook tests apply events under. */
export const POLLING = {
  pollMinutes: { threeWeeksOrMore: 120, twoToThreeWeeks: 60, oneToTwoWeeks: 30, underOneWeek: 10 },
  attendanceDelaysMinutes: [15, 180, 1440],
};

/**
 * Stores GoTo webhook payloads as the receiver does, for the account; each one received a
 * millisecond after the one before, so that a batch applies them in the order stored.
 */
export function webhookEventStore(db: Db, accountId: string) {
  let received = Date.now();
  return async function storeEvent(connectorId: string, payload: Record<string, unknown>): Promise<string> {
    const eventKey = randomUUID();
    received += 1;
    const event = await db.webhookEvent.create({
      data: {
        accountId,
        connectorId,
        eventKey: `${connectorId}:${eventKey}`,
        eventName: String(payload.eventName),
        payload: { eventVersion: "1.0.0", product: "g2w", eventKey, ...payload },
        receivedAt: new Date(received),
      },
    });
    return event.id;
  };
}

/** A webhook test file's database, the account its tests share, and its events' store. */
export function useWebhookEventsDatabase(label: string) {
  const { db } = useTestDatabase(label);
  const accountId = useAccountId(db);
  return { db, accountId, storeEvent: webhookEventStore(db, accountId) };
}

/** A `registrant.added` payload for a new registrant of the webinar. */
export const registrantAdded = (webinarKey: string, email: string, extra: Record<string, unknown> = {}) => ({
  eventName: "registrant.added",
  webinarKey,
  registrantKey: gotoKey(),
  firstName: "Pat",
  lastName: "Doe",
  email,
  status: "APPROVED",
  responses: [],
  ...extra,
});

/**
 * Holds the connector's webhook lock (the one batches and jobs take) in a transaction of its own,
 * as another worker's batch would; resolves once held, with the function that lets it go.
 */
export async function holdWebhookLock(db: Db, connectorId: string): Promise<() => Promise<void>> {
  let release = () => {};
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holder = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('webhook-batch'), hashtext(${connectorId}))::text`;
      locked();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    { timeout: 30_000 },
  );
  await isLocked;
  return async () => {
    release();
    await holder;
  };
}
