import type { Connector } from "@gw/db";
import { type WebhookSettings, webhookAvailability } from "./webhook-callback";

export interface ConnectorWebhookState {
  enabled: boolean;
  /** Why not, in words an admin can act on; null when enabled. */
  reason: string | null;
}

/** Whether GoTo delivers this connector's events, and if not why: polling alone then keeps it fresh. */
export function describeConnectorWebhooks(options: {
  connector: Pick<Connector, "status" | "webhooksEnabled" | "webhooksError">;
  config: WebhookSettings;
}): ConnectorWebhookState {
  const { connector, config } = options;
  const availability = webhookAvailability(config);
  if (!availability.enabled) return { enabled: false, reason: availability.reason };
  if (connector.webhooksEnabled) return { enabled: true, reason: null };
  if (connector.webhooksError) return { enabled: false, reason: connector.webhooksError };
  if (connector.status === "DISABLED")
    return { enabled: false, reason: "The connector is disabled; its GoTo webhooks were removed." };
  return {
    enabled: false,
    reason: "GoTo webhooks are set up when the connector is verified; until then changes arrive by polling.",
  };
}
