import { randomUUID } from "node:crypto";
import type { WebhookEventStatus } from "@gw/db";
import { createAccount, createConnector, useTestDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { pruneWebhookEvents } from "../src/webhook-events/index";

const { db } = useTestDatabase("webhooks_retention");

const DAY = 86_400_000;

describe("pruneWebhookEvents", () => {
  it("removes applied events after the retention, failed ones after the longer one, never received ones", async () => {
    const account = await createAccount(db);
    const connector = await createConnector(db, { accountId: account.id });
    const now = new Date();
    const event = async (status: WebhookEventStatus, ageDays: number) =>
      (
        await db.webhookEvent.create({
          data: {
            accountId: account.id,
            connectorId: connector.id,
            eventKey: randomUUID(),
            eventName: "registrant.added",
            payload: {},
            status,
            receivedAt: new Date(now.getTime() - ageDays * DAY),
          },
        })
      ).id;
    const oldApplied = await Promise.all(Array.from({ length: 7 }, () => event("APPLIED", 31)));
    const keep = [
      await event("APPLIED", 29),
      await event("IGNORED", 31),
      await event("REJECTED", 60),
      await event("RECEIVED", 400),
    ];
    const oldFailed = [await event("IGNORED", 91), await event("REJECTED", 120)];

    // Batches of 3: the run goes on until a batch comes back short.
    const result = await pruneWebhookEvents({ db, retentionDays: 30, failedRetentionDays: 90, batchSize: 3, now });
    expect(result).toEqual({ deleted: 9 });
    const left = (await db.webhookEvent.findMany({ where: { connectorId: connector.id }, select: { id: true } })).map(
      (e) => e.id,
    );
    expect(left.sort()).toEqual([...keep].sort());
    expect(left.some((id) => [...oldApplied, ...oldFailed].includes(id))).toBe(false);
  });
});
