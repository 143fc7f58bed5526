import type { Connector, Db } from "@gw/db";
import { type GotoClient, GotoNotFoundError } from "@gw/gotowebinar";
import { webhookCallbackUrl } from "./webhook-callback";
import { describeError, silentLog, type WebhookLog } from "./webhook-log";

export type RemoveWebhooksClient = Pick<
  GotoClient,
  "deleteInstancedSubscriptions" | "deleteUserSubscriptions" | "deleteWebhooks"
>;

export interface RemoveWebhookSubscriptionsOptions {
  db: Db;
  config: { http: { publicUrl: string } };
  gotoClient: RemoveWebhooksClient;
  connector: Pick<Connector, "id">;
  log?: WebhookLog;
}

export interface RemoveWebhookSubscriptionsResult {
  userSubscriptionKeys: string[];
  webhookKeys: string[];
  /** Why GoTo could not be cleaned up (the local records are then kept for a later try); null when done. */
  error: string | null;
}

/**
 * Stops GoTo delivering a connector's events (connector deleted or disabled): deletes the user
 * subscriptions and webhooks at its callback URL, and any recorded under an earlier PUBLIC_URL.
 * Never throws for a GoTo failure; call it before deleting the connector (it needs the tokens).
 */
export async function removeWebhookSubscriptions(
  options: RemoveWebhookSubscriptionsOptions,
): Promise<RemoveWebhookSubscriptionsResult> {
  const { db, config, gotoClient, connector } = options;
  const log = options.log ?? silentLog;
  const recorded = await db.webhookSubscription.findMany({ where: { connectorId: connector.id } });
  const userSubscriptionKeys = new Set<string>();
  const webhookKeys = new Set<string>();
  try {
    const deleted = await gotoClient.deleteInstancedSubscriptions({
      callbackUrlPrefix: webhookCallbackUrl(config.http.publicUrl, connector.id),
      deleteWebhooks: true,
    });
    for (const key of deleted.userSubscriptionKeys) userSubscriptionKeys.add(key);
    for (const key of deleted.webhookKeys) webhookKeys.add(key);
    const leftSubscriptions = recorded.flatMap((r) =>
      r.userSubscriptionKey && !userSubscriptionKeys.has(r.userSubscriptionKey) ? [r.userSubscriptionKey] : [],
    );
    const leftWebhooks = [...new Set(recorded.map((r) => r.webhookKey))].filter((key) => !webhookKeys.has(key));
    if (leftSubscriptions.length > 0) {
      await ignoreNotFound(gotoClient.deleteUserSubscriptions({ userSubscriptionKeys: leftSubscriptions }));
      for (const key of leftSubscriptions) userSubscriptionKeys.add(key);
    }
    if (leftWebhooks.length > 0) {
      await ignoreNotFound(gotoClient.deleteWebhooks(leftWebhooks));
      for (const key of leftWebhooks) webhookKeys.add(key);
    }
  } catch (error) {
    const reason = `Removing GoTo webhooks failed: ${describeError(error)}`;
    log.warn({ connectorId: connector.id, err: error }, "GoTo webhook removal failed");
    await db.connector.updateMany({
      where: { id: connector.id },
      data: { webhooksEnabled: false, webhooksError: reason.slice(0, 1000) },
    });
    return { userSubscriptionKeys: [...userSubscriptionKeys], webhookKeys: [...webhookKeys], error: reason };
  }
  await db.$transaction([
    db.webhookSubscription.deleteMany({ where: { connectorId: connector.id } }),
    db.connector.updateMany({ where: { id: connector.id }, data: { webhooksEnabled: false, webhooksError: null } }),
  ]);
  log.info(
    { connectorId: connector.id, subscriptions: userSubscriptionKeys.size, webhooks: webhookKeys.size },
    "GoTo webhooks removed",
  );
  return { userSubscriptionKeys: [...userSubscriptionKeys], webhookKeys: [...webhookKeys], error: null };
}

async function ignoreNotFound(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof GotoNotFoundError)) throw error;
  }
}
