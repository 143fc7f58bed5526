import { pruneWebhookEvents } from "@gw/domain/webhook-events";
import type { JobHandler } from "./types";

/** Periodic: settled webhook events past WEBHOOK_EVENT_RETENTION_DAYS (failed ones: the longer setting). */
export const handlePruneWebhookEvents: JobHandler<"prune-webhook-events"> = async (_payload, ctx) => {
  const { db, config } = ctx.deps;
  const result = await pruneWebhookEvents({
    db,
    retentionDays: config.webhooks.retentionDays,
    failedRetentionDays: config.webhooks.failedRetentionDays,
  });
  if (result.deleted > 0) ctx.log.info(result, "removed webhook events past their retention");
  return result;
};
