import { getConnectorWebhooks } from "@gw/domain/webhook-subscriptions";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { createWebhookAbuseGuard } from "../plugins/webhook-abuse";
import { errorBody } from "./auth-schemas";

const statuses = ["RECEIVED", "APPLIED", "IGNORED", "REJECTED"] as const;

const view = z.object({
  enabled: z.boolean().describe("Whether GoTo delivers this connector's events"),
  reason: z
    .string()
    .nullable()
    .describe("Why not (PUBLIC_URL unreachable, setup failed, disabled); polling alone is then used"),
  callbackUrl: z.string(),
  subscriptions: z.array(
    z.object({
      eventName: z.string(),
      webhookKey: z.string(),
      userSubscriptionKey: z.string().nullable(),
      state: z.string(),
      createdAt: z.date(),
    }),
  ),
  last24h: z.object({ RECEIVED: z.number(), APPLIED: z.number(), IGNORED: z.number(), REJECTED: z.number() }),
  rejectedNotStored: z
    .number()
    .int()
    .describe(
      "Refused deliveries of the current hour counted but not recorded: past WEBHOOK_REJECTED_STORED_PER_HOUR a flood is only counted",
    ),
  deliveries: z.array(
    z.object({
      id: z.string(),
      eventName: z.string(),
      eventKey: z.string().nullable(),
      status: z.enum(statuses),
      reason: z.string().nullable().describe("Why it was rejected or ignored"),
      receivedAt: z.date(),
      appliedAt: z.date().nullable(),
    }),
  ),
});

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
          params: z.object({ id: z.uuid() }),
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50).describe("Deliveries to list, newest first"),
            status: z.enum(statuses).optional().describe("Only deliveries in this state"),
          }),
          response: { 200: view, 400: errorBody, 401: errorBody, 404: errorBody },
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
