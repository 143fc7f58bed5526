import type { ClientContext } from "../context";
import type { PicklistEntry } from "../types/common";
import { listWebhooks } from "../webhooks/webhooks";

/** Picklist of the application's g2w webhooks. */
export async function selectWebhook(ctx: ClientContext): Promise<PicklistEntry[]> {
  const webhooks = await listWebhooks(ctx);
  return webhooks.map((w) => ({
    label: `${w.eventName} ${w.eventVersion} (${w.state}) → ${w.callbackUrl}`,
    key: w.webhookKey,
  }));
}
