import { errors, idParams, pageOf, pageQuery } from "@gw/api-contract";
import { EVENT_TYPES } from "@gw/domain/events";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  getEndpointSecret,
  listDeliveries,
  listEndpoints,
  replayDeliveries,
  updateEndpoint,
} from "@gw/domain/outbound";
import { deliverEndpointJob, enqueue } from "@gw/queues";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

const endpoint = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()).describe("the types it receives; empty: all"),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().describe("why it was disabled: the notice to act on"),
    disabledAt: z.date().nullable(),
    failingSince: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "OutboundEndpoint" });

const delivery = z
  .object({
    id: z.string(),
    eventId: z.string().describe("the webhook-id header: the same on every attempt and replay"),
    type: z.string(),
    status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastAttemptAt: z.date().nullable(),
    nextAttemptAt: z.date().nullable(),
    deliveredAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "OutboundDelivery" });

const endpointBody = z.object({
  url: z.string().max(2000).describe("https:// address of the receiver"),
  description: z.string().max(500).nullable().optional(),
  eventTypes: z.array(z.string().max(100)).max(50).optional().describe("event types to receive; empty or absent: all"),
});
const deliveryParams = z.object({ id: z.uuid(), deliveryId: z.string().regex(/^\d{1,19}$/) });

/** Outbound events: an account's endpoints (Standard Webhooks), their delivery log and replay. */
export const endpointRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const tags = ["outbound events"];
    const { db } = deps;
    const { secretBox } = deps;
    const { allowPrivateUrls } = deps.config.outbound;
    const ref = (request: { params: { id: string } }, accountId: string) => ({
      db,
      accountId,
      endpointId: request.params.id,
    });
    const wake = (endpointId: string) =>
      enqueue(deps.queues, deliverEndpointJob, { endpointId, key: `a${Date.now()}` }).catch((error) =>
        // The sweeper delivers anyway within a few seconds.
        deps.log.warn({ err: error, endpointId }, "could not enqueue outbound delivery"),
      );

    app.get(
      "/api/endpoints/event-types",
      {
        schema: {
          tags,
          summary: "The event types endpoints can receive",
          response: { 200: z.object({ items: z.array(z.string()) }) },
        },
      },
      async () => ({ items: [...EVENT_TYPES] }),
    );

    app.get(
      "/api/endpoints",
      {
        schema: {
          tags,
          summary: "The account's endpoints",
          response: { 200: z.object({ items: z.array(endpoint) }), ...errors },
        },
      },
      async (request) => ({ items: await listEndpoints({ db, accountId: authOf(request).accountId }) }),
    );

    app.post(
      "/api/endpoints",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Add an endpoint; the answer carries its whsec_ signing secret",
          body: endpointBody,
          response: { 201: endpoint.extend({ secret: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await createEndpoint({
            db,
            secretBox,
            allowPrivateUrls,
            accountId: authOf(request).accountId,
            input: request.body,
          }),
        ),
    );

    app.get(
      "/api/endpoints/:id",
      { schema: { tags, summary: "One endpoint", params: idParams, response: { 200: endpoint, ...errors } } },
      async (request) => getEndpoint(ref(request, authOf(request).accountId)),
    );

    app.get(
      "/api/endpoints/:id/secret",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "The endpoint's signing secret (for the receiver's verification)",
          params: idParams,
          response: { 200: z.object({ secret: z.string() }), ...errors },
        },
      },
      async (request) => ({
        secret: await getEndpointSecret({ ...ref(request, authOf(request).accountId), secretBox }),
      }),
    );

    app.patch(
      "/api/endpoints/:id",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Change an endpoint; enabled: true turns a disabled one back on",
          params: idParams,
          body: endpointBody.partial().extend({ enabled: z.boolean().optional() }),
          response: { 200: endpoint, ...errors },
        },
      },
      async (request) => {
        const updated = await updateEndpoint({
          ...ref(request, authOf(request).accountId),
          allowPrivateUrls,
          input: request.body,
        });
        if (updated.enabled) await wake(updated.id);
        return updated;
      },
    );

    app.delete(
      "/api/endpoints/:id",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Delete an endpoint and its delivery log",
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteEndpoint(ref(request, authOf(request).accountId));
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/endpoints/:id/deliveries",
      {
        schema: {
          tags,
          summary: "The endpoint's delivery log, newest first",
          params: idParams,
          querystring: z.object({ status: z.enum(["PENDING", "DELIVERED", "FAILED"]).optional(), ...pageQuery }),
          response: { 200: pageOf(delivery), ...errors },
        },
      },
      async (request) =>
        listDeliveries({ db, accountId: authOf(request).accountId, endpointId: request.params.id, ...request.query }),
    );

    const replayed = z.object({ replayed: z.number().int() });
    app.post(
      "/api/endpoints/:id/deliveries/:deliveryId/replay",
      {
        schema: {
          tags,
          summary: "Send one delivery again (same event id), in its place in the order",
          params: deliveryParams,
          response: { 200: replayed, ...errors },
        },
      },
      async (request) => {
        const count = await replayDeliveries({
          db,
          accountId: authOf(request).accountId,
          endpointId: request.params.id,
          deliveryId: request.params.deliveryId,
          giveUpAfterMs: deps.config.outbound.giveUpAfterMs,
        });
        await wake(request.params.id);
        return { replayed: count };
      },
    );

    app.post(
      "/api/endpoints/:id/deliveries/replay-failed",
      {
        schema: {
          tags,
          summary: "Send every failed delivery of the endpoint again",
          params: idParams,
          response: { 200: replayed, ...errors },
        },
      },
      async (request) => {
        const count = await replayDeliveries({
          db,
          accountId: authOf(request).accountId,
          endpointId: request.params.id,
          giveUpAfterMs: deps.config.outbound.giveUpAfterMs,
        });
        if (count > 0) await wake(request.params.id);
        return { replayed: count };
      },
    );
  };
