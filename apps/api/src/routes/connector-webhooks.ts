import { connectorWebhooks, connectorWebhooksParams, connectorWebhooksQuery, errorBody } from "@gw/api-contract";
import { getConnectorWebhooks } from "@gw/domain/webhook-subscriptions";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { createWebhookAbuseGuard } from "../plugins/webhook-abuse";

/** The admin's view of a connector's GoTo webhooks: subscriptions and recent deliveries. */
export const connectorWebhookRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = createWebhookAbuseGuard(deps.redis, deps.config.redis.prefix, deps.config.webhooks);
    app.get(
      "/api/connectors/:id/webhooks",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["connectors", "webhooks"],
          security: [{ session: [] }],
          summary:
            "A connector's GoTo webhook subscriptions and recent deliveries (received, applied, ignored, rejected and why)",
          params: connectorWebhooksParams,
          querystring: connectorWebhooksQuery,
          response: { 200: connectorWebhooks, 400: errorBody, 401: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const webhooks = await getConnectorWebhooks({
          db: deps.db,
          config: deps.config,
          accountId: authOf(request).accountId,
          connectorId: request.params.id,
          limit: request.query.limit,
          ...(request.query.status ? { status: request.query.status } : {}),
        });
        return { ...webhooks, rejectedNotStored: await guard.notStored(request.params.id) };
      },
    );
  };
