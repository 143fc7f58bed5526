import { signWebhook } from "@gw/webhook-signature";
import type { App } from "../src/app";

/** POSTs a body to a connector's webhook URL, signed as GoTo signs it (timestamped HMAC). */
export function deliverSigned(
  app: App,
  delivery: {
    connectorId: string;
    secret: string;
    body: string;
    timestamp?: number;
    headers?: Record<string, string>;
  },
) {
  const { connectorId, secret, body, timestamp, headers } = delivery;
  return app.inject({
    method: "POST",
    url: `/webhooks/goto/${connectorId}`,
    headers: {
      "content-type": "application/json",
      ...signWebhook({ scheme: "hmac-sha256-timestamp", secret, body, ...(timestamp ? { timestamp } : {}) }),
      ...headers,
    },
    payload: body,
  });
}
