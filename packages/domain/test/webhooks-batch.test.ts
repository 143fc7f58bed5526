import { randomUUID } from "node:crypto";
import { createConnector, createWebinar, withPoisonRegistrant } from "@gw/testing";
import { describe, expect, it } from "vitest";
import {
  applyWebhookBatch,
  applyWebhookEvent,
  setWebhookEventAside,
  WebhookBatchError,
} from "../src/webhook-events/index";
import {
  registrantAdded as added,
  holdWebhookLock,
  POLLING as polling,
  useWebhookEventsDatabase,
} from "./webhook-events-fixture";

const { db, accountId, storeEvent } = useWebhookEventsDatabase("webhooks_batch");

const statusOf = async (id: string) => (await db.webhookEvent.findUniqueOrThrow({ where: { id } })).status;

/** A webinar with two waiting events, the second of a registrant whose registration cannot be written. */
async function goodThenPoison(registrantKey: string) {
  const connector = await createConnector(db, { accountId, status: "VERIFIED" });
  const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
  const good = await storeEvent(connector.id, added(webinar.webinarKey, `good-${randomUUID()}@example.com`));
  const poison = await storeEvent(
    connector.id,
    added(webinar.webinarKey, `poison-${randomUUID()}@example.com`, { registrantKey }),
  );
  return { connector, webinar, good, poison };
}

describe("applyWebhookBatch", () => {
  it("applies a connector's waiting registrant.added events together, exactly once", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinars = [
      await createWebinar(db, { accountId, connectorId: connector.id }),
      await createWebinar(db, { accountId, connectorId: connector.id }),
    ];
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push(
        await storeEvent(connector.id, added(webinars[i % 2]!.webinarKey, `batch-${i}-${randomUUID()}@example.com`)),
      );
    }
    const result = await applyWebhookBatch({ db, eventId: ids[7]! });
    expect(result).toEqual({ settled: 40, includesEvent: true, left: 0, full: false, heads: [] });
    const events = await db.webhookEvent.findMany({ where: { id: { in: ids } } });
    expect(events.every((e) => e.status === "APPLIED" && e.appliedAt !== null)).toBe(true);
    const registrations = await db.webinarRegistration.count({
      where: { webinarId: { in: webinars.map((w) => w.id) } },
    });
    expect(registrations).toBe(40);
    const activities = await db.activity.count({ where: { webinarId: { in: webinars.map((w) => w.id) } } });
    const score = await db.prospect.aggregate({ where: { accountId }, _sum: { score: true } });

    // The events' own jobs, and a second batch, find them settled: nothing twice.
    for (const id of ids.slice(0, 5)) {
      expect(await applyWebhookEvent({ db, eventId: id, polling })).toEqual({ status: "SETTLED", reason: null });
    }
    expect(await applyWebhookBatch({ db, eventId: ids[0]! })).toMatchObject({ settled: 0, includesEvent: false });
    expect(await db.activity.count({ where: { webinarId: { in: webinars.map((w) => w.id) } } })).toBe(activities);
    expect((await db.prospect.aggregate({ where: { accountId }, _sum: { score: true } }))._sum.score).toBe(
      score._sum.score,
    );
  });

  it("keeps each webinar's order: nothing after an event it cannot batch is applied before it", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const other = await createWebinar(db, { accountId, connectorId: connector.id });
    const first = await storeEvent(connector.id, added(webinar.webinarKey, `first-${randomUUID()}@example.com`));
    const email = `changes-${randomUUID()}@example.com`;
    const cancelled = await storeEvent(connector.id, added(webinar.webinarKey, email, { status: "CANCELLED" }));
    const after = await storeEvent(connector.id, added(webinar.webinarKey, `after-${randomUUID()}@example.com`));
    const elsewhere = await storeEvent(connector.id, added(other.webinarKey, `other-${randomUUID()}@example.com`));

    // Only the event that held its webinar back is for the one-by-one path now.
    expect(await applyWebhookBatch({ db, eventId: after })).toEqual({
      settled: 2,
      includesEvent: false,
      left: 2,
      full: false,
      heads: [cancelled],
    });
    expect([
      await statusOf(first),
      await statusOf(cancelled),
      await statusOf(after),
      await statusOf(elsewhere),
    ]).toEqual(["APPLIED", "RECEIVED", "RECEIVED", "APPLIED"]);
    // Once the unusual event went its own way, the rest of the webinar follows in a batch.
    await applyWebhookEvent({ db, eventId: cancelled, polling });
    expect(await applyWebhookBatch({ db, eventId: after })).toMatchObject({ settled: 1, includesEvent: true });
    expect(await statusOf(after)).toBe("APPLIED");
  });

  it("applies at most maxEvents, each webinar's first before any one's second, and leaves an event set aside and the rest of its webinar waiting", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const other = await createWebinar(db, { accountId, connectorId: connector.id });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(await storeEvent(connector.id, added(webinar.webinarKey, `max-${i}-${randomUUID()}@example.com`)));
    const elsewhere = await storeEvent(connector.id, added(other.webinarKey, `else-${randomUUID()}@example.com`));

    // The other webinar's only event, received last, comes second: it waits behind no one.
    expect(await applyWebhookBatch({ db, connectorId: connector.id, maxEvents: 2 })).toMatchObject({ settled: 2 });
    expect([...(await Promise.all(ids.map(statusOf))), await statusOf(elsewhere)]).toEqual([
      "APPLIED",
      "RECEIVED",
      "RECEIVED",
      "RECEIVED",
      "RECEIVED",
      "RECEIVED",
      "APPLIED",
    ]);
    expect(await applyWebhookBatch({ db, connectorId: connector.id, maxEvents: 1 })).toMatchObject({ settled: 1 });
    expect(await statusOf(ids[1] as string)).toBe("APPLIED");
    expect(await setWebhookEventAside({ db, eventId: ids[3] as string })).toBe(true);
    const result = await applyWebhookBatch({ db, connectorId: connector.id });
    // The event set aside is its webinar's head: the two behind it wait for it.
    expect(result).toEqual({ settled: 1, includesEvent: false, left: 3, full: false, heads: [ids[3]] });
    expect(await Promise.all(ids.map(statusOf))).toEqual([
      "APPLIED",
      "APPLIED",
      "APPLIED",
      "RECEIVED",
      "RECEIVED",
      "RECEIVED",
    ]);
  });

  it("reads every waiting webinar's first events: a long backlog behind one webinar's waiting event hides no other webinar", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const stuck = await createWebinar(db, { accountId, connectorId: connector.id });
    const others = [
      await createWebinar(db, { accountId, connectorId: connector.id }),
      await createWebinar(db, { accountId, connectorId: connector.id }),
    ];
    // The stuck webinar's head cannot be batched (a cancellation, for its job), and more of its
    // events than a batch reads wait behind it; the other webinars' events arrive after them all.
    const head = await storeEvent(
      connector.id,
      added(stuck.webinarKey, `stuck-${randomUUID()}@example.com`, { status: "CANCELLED" }),
    );
    const received = Date.now() + 1_000;
    await db.webhookEvent.createMany({
      data: Array.from({ length: 30 }, (_, i) => {
        const eventKey = randomUUID();
        return {
          accountId,
          connectorId: connector.id,
          eventKey: `${connector.id}:${eventKey}`,
          eventName: "registrant.added",
          receivedAt: new Date(received + i),
          payload: { eventKey, ...added(stuck.webinarKey, `behind-${i}-${eventKey}@example.com`) },
        };
      }),
    });
    const late: string[] = [];
    for (const [i, other] of others.entries())
      late.push(
        await db.webhookEvent
          .create({
            data: {
              accountId,
              connectorId: connector.id,
              eventKey: `${connector.id}:${randomUUID()}`,
              eventName: "registrant.added",
              receivedAt: new Date(received + 100 + i),
              payload: added(other.webinarKey, `late-${i}-${randomUUID()}@example.com`),
            },
          })
          .then((row) => row.id),
      );

    const result = await applyWebhookBatch({ db, connectorId: connector.id, limit: 10 });
    expect(result).toMatchObject({ settled: 2, heads: [head], full: true });
    expect(await Promise.all(late.map(statusOf))).toEqual(["APPLIED", "APPLIED"]);
    expect(await statusOf(head)).toBe("RECEIVED");
    expect(await db.webhookEvent.count({ where: { connectorId: connector.id, status: "RECEIVED" } })).toBe(31);
  });

  it("names the events a failed batch tried, so the caller can narrow it to the poison one", async () => {
    const { connector, good, poison } = await goodThenPoison("999000998");
    await withPoisonRegistrant(db, "999000998", async () => {
      const failed = await applyWebhookBatch({ db, connectorId: connector.id }).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(WebhookBatchError);
      expect((failed as WebhookBatchError).eventIds).toEqual([good, poison]);
      expect(await applyWebhookBatch({ db, connectorId: connector.id, maxEvents: 1 })).toMatchObject({ settled: 1 });
      expect([await statusOf(good), await statusOf(poison)]).toEqual(["APPLIED", "RECEIVED"]);
    });
  });

  it("rolls a failing batch back whole, so each event can still be applied alone", async () => {
    const { webinar, good, poison } = await goodThenPoison("999000999");
    await withPoisonRegistrant(db, "999000999", async () => {
      await expect(applyWebhookBatch({ db, eventId: good })).rejects.toThrow(/poison registrant/);
      expect([await statusOf(good), await statusOf(poison)]).toEqual(["RECEIVED", "RECEIVED"]);
      expect(await db.webinarRegistration.count({ where: { webinarId: webinar.id } })).toBe(0);
      expect(await applyWebhookEvent({ db, eventId: good, polling })).toEqual({ status: "APPLIED", reason: null });
      await expect(applyWebhookEvent({ db, eventId: poison, polling })).rejects.toThrow(/poison registrant/);
    });
  });

  it("skips a connector whose lock another worker holds, at once, and applies its events once it is free", async () => {
    const connector = await createConnector(db, { accountId, status: "VERIFIED" });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const id = await storeEvent(connector.id, added(webinar.webinarKey, `locked-${randomUUID()}@example.com`));
    const release = await holdWebhookLock(db, connector.id);
    const started = Date.now();
    expect(await applyWebhookBatch({ db, connectorId: connector.id })).toMatchObject({ settled: 0, busy: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await statusOf(id)).toBe("RECEIVED");
    await release();
    expect(await applyWebhookBatch({ db, connectorId: connector.id })).toMatchObject({ settled: 1 });
  });
});
