import type { Db } from "@gw/db";
import type { SecretBox } from "../security/index";
import { type EnsureWebhooksClient, ensureWebhookSubscriptions } from "./ensure-webhook-subscriptions";
import { type RemoveWebhooksClient, removeWebhookSubscriptions } from "./remove-webhook-subscriptions";
import type { WebhookSettings } from "./webhook-callback";
import { describeError, silentLog, type WebhookLog } from "./webhook-log";

export interface RefreshConnectorWebhooksOptions {
  db: Db;
  config: WebhookSettings;
  secretBox: SecretBox;
  connectorId: string;
  /** A GoTo client with the connector's tokens, whatever its status (disabling still reaches GoTo). */
  gotoClientFor: (connectorId: string) => Promise<EnsureWebhooksClient & RemoveWebhooksClient>;
  log?: WebhookLog;
}

/**
 * Brings GoTo's subscriptions in line with the connector after a verification, enable or
 * disable: a VERIFIED connector is subscribed (idempotently), a DISABLED one unsubscribed. Never
 * throws: webhooks are an accelerator and polling the safety net, so a GoTo failure here is
 * recorded on the connector and logged, and the admin's action still succeeds.
 */
export async function refreshConnectorWebhooks(options: RefreshConnectorWebhooksOptions): Promise<void> {
  const { db, config, connectorId } = options;
  const log = options.log ?? silentLog;
  try {
    const connector = await db.connector.findUnique({
      where: { id: connectorId },
      select: { id: true, status: true, deletedAt: true, webhooksEnabled: true },
    });
    if (!connector || connector.deletedAt) return;
    if (connector.status === "VERIFIED") {
      const gotoClient = await options.gotoClientFor(connectorId);
      await ensureWebhookSubscriptions({
        db,
        config,
        gotoClient,
        connector,
        secretBox: options.secretBox,
        log,
      });
    } else if (connector.status === "DISABLED") {
      const subscribed =
        connector.webhooksEnabled || (await db.webhookSubscription.count({ where: { connectorId } })) > 0;
      if (!subscribed) return;
      const gotoClient = await options.gotoClientFor(connectorId);
      await removeWebhookSubscriptions({ db, config, gotoClient, connector, log });
    }
  } catch (error) {
    log.warn({ connectorId, err: error, reason: describeError(error) }, "GoTo webhooks not updated; polling remains");
  }
}
