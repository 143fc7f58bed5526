import type { connectorWebhooks } from "@gw/api-contract";
import type { Db, WebhookEventStatus } from "@gw/db";
import type { z } from "zod";
import { notFound } from "../errors/index";
import { describeConnectorWebhooks } from "./describe-connector-webhooks";
import { type WebhookSettings, webhookCallbackUrl } from "./webhook-callback";

export interface GetConnectorWebhooksOptions {
  db: Pick<Db, "connector" | "webhookSubscription" | "webhookEvent">;
  config: WebhookSettings;
  accountId: string;
  connectorId: string;
  /** Recent deliveries to list, newest first (default 50, at most 200). */
  limit?: number;
  status?: WebhookEventStatus;
}

/** The API's answer but for the flood count, which the receiving side keeps (the route adds it). */
export type ConnectorWebhooksView = Omit<z.infer<typeof connectorWebhooks>, "rejectedNotStored">;

/** The admin's view of one connector's webhooks: subscriptions and what was delivered lately. */
export async function getConnectorWebhooks(options: GetConnectorWebhooksOptions): Promise<ConnectorWebhooksView> {
  const { db, config, accountId, connectorId } = options;
  const connector = await db.connector.findFirst({
    where: { id: connectorId, accountId },
    select: { id: true, status: true, webhooksEnabled: true, webhooksError: true },
  });
  if (!connector) throw notFound("Connector", connectorId);
  const since = new Date(Date.now() - 86_400_000);
  const [subscriptions, deliveries, counts] = await Promise.all([
    db.webhookSubscription.findMany({
      where: { connectorId },
      orderBy: { eventName: "asc" },
      select: { eventName: true, webhookKey: true, userSubscriptionKey: true, state: true, createdAt: true },
    }),
    db.webhookEvent.findMany({
      where: { connectorId, ...(options.status ? { status: options.status } : {}) },
      orderBy: { receivedAt: "desc" },
      take: Math.min(Math.max(options.limit ?? 50, 1), 200),
      select: {
        id: true,
        eventName: true,
        eventKey: true,
        status: true,
        reason: true,
        receivedAt: true,
        appliedAt: true,
      },
    }),
    db.webhookEvent.groupBy({
      by: ["status"],
      where: { connectorId, receivedAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const last24h: Record<WebhookEventStatus, number> = { RECEIVED: 0, APPLIED: 0, IGNORED: 0, REJECTED: 0 };
  for (const row of counts) last24h[row.status] = row._count._all;
  return {
    ...describeConnectorWebhooks({ connector, config }),
    callbackUrl: webhookCallbackUrl(config.http.publicUrl, connectorId),
    subscriptions,
    last24h,
    // Stored keys are scoped by connector ("<connectorId>:<GoTo's key>"); show GoTo's own.
    deliveries: deliveries.map((d) => ({
      ...d,
      eventKey: d.eventKey ? d.eventKey.slice(d.eventKey.indexOf(":") + 1) : null,
    })),
  };
}
