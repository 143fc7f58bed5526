import type { Db } from "@gw/db";
import type { GotoLogger } from "@gw/gotowebinar";
import { notFound } from "../errors/index";
import { type RemoveWebhooksClient, removeWebhookSubscriptions } from "../webhook-subscriptions/index";
import { liveConnector } from "./connector-view";
import { getConnector } from "./get-connector";

export interface DeleteConnectorOptions {
  db: Db;
  config: { http: { publicUrl: string } };
  accountId: string;
  connectorId: string;
  /** A GoTo client with the connector's tokens (whatever its status), to remove its webhooks. */
  gotoClientFor: (connectorId: string) => Promise<RemoveWebhooksClient>;
  log?: GotoLogger;
  now?: Date;
}

/**
 * Deletes a connector for the admin: its GoTo webhook subscriptions are removed (when GoTo cannot
 * be reached the local delete still happens and the failure is logged), its tokens and secrets
 * are erased, and the row is hidden. Its webinars, registrations, activities and prospects stay:
 * they are the customer's data, and re-verifying the organizer in a new connector adopts them.
 */
export async function deleteConnector(
  options: DeleteConnectorOptions,
): Promise<{ webhooksRemoved: boolean; webhookError: string | null }> {
  const { db, accountId, connectorId } = options;
  await getConnector({ db, accountId, connectorId });
  const row = await db.connector.findUniqueOrThrow({
    where: { id: connectorId },
    select: { accessTokenEnc: true, organizerKey: true },
  });

  let webhookError: string | null = null;
  const hasSubscriptions = (await db.webhookSubscription.count({ where: { connectorId } })) > 0;
  if (row.accessTokenEnc && row.organizerKey) {
    try {
      const gotoClient = await options.gotoClientFor(connectorId);
      const removed = await removeWebhookSubscriptions({
        db,
        config: options.config,
        gotoClient,
        connector: { id: connectorId },
        ...(options.log ? { log: options.log } : {}),
      });
      webhookError = removed.error;
    } catch (error) {
      webhookError = `Could not reach GoTo to remove webhooks: ${error instanceof Error ? error.message : String(error)}`;
    }
  } else if (hasSubscriptions) {
    webhookError = "The connector holds no GoTo tokens, so its webhooks could not be removed at GoTo.";
  }
  if (webhookError)
    options.log?.warn({ connectorId, reason: webhookError }, "connector deleted without removing its GoTo webhooks");

  const deleted = await db.$transaction([
    db.oAuthState.deleteMany({ where: { connectorId } }),
    db.webhookSubscription.deleteMany({ where: { connectorId } }),
    db.connector.updateMany({
      where: liveConnector(accountId, connectorId),
      data: {
        deletedAt: options.now ?? new Date(),
        status: "DISABLED",
        accessTokenEnc: null,
        refreshTokenEnc: null,
        accessTokenExpiresAt: null,
        oauthClientSecretEnc: null,
        webhookSecretEnc: null,
        webhooksEnabled: false,
        nextDiscoveryAt: null,
        backfillDueAt: null,
      },
    }),
  ]);
  if (deleted[2].count === 0) throw notFound("Connector", connectorId);
  return { webhooksRemoved: webhookError === null, webhookError };
}
