import type { FastifyInstance } from "fastify";
import { sendJson } from "../http/reply";
import { subscriptionView, webhookView } from "../rest/webhooks";
import type { SimRuntime } from "../runtime";
import { isoMillis } from "../time";

const IDLE_TIMEOUT_MS = 30_000;

export function registerWebhookControlRoutes(app: FastifyInstance, rt: SimRuntime): void {
  const ctx = rt.ctx;

  app.get("/_sim/webhooks", async (_request, reply) =>
    sendJson(reply, 200, {
      secretKeys: ctx.state.secretKeys.map((k) => ({
        id: k.id,
        clientId: k.clientId,
        validFrom: isoMillis(k.validFrom),
      })),
      webhooks: [...ctx.state.webhooks.values()].map((w) => ({ ...webhookView(w), clientId: w.clientId })),
      userSubscriptions: [...ctx.state.subscriptions.values()].map((s) => ({
        ...subscriptionView(s, ctx.state.webhooks.get(s.webhookKey)),
        organizerKey: s.organizerKey,
        clientId: s.clientId,
      })),
    }),
  );

  app.get("/_sim/webhooks/deliveries", async (_request, reply) => sendJson(reply, 200, rt.dispatcher.list()));

  app.delete("/_sim/webhooks/deliveries", async (_request, reply) => {
    rt.dispatcher.clear();
    return sendJson(reply, 200, { ok: true });
  });

  /** Waits until every delivery has succeeded or run out of retries (bounded). */
  app.post("/_sim/webhooks/idle", async (_request, reply) => {
    await Promise.race([rt.dispatcher.idle(), new Promise((r) => setTimeout(r, IDLE_TIMEOUT_MS).unref())]);
    return sendJson(reply, 200, rt.dispatcher.list());
  });
}
