import {
  createdOutboundEndpoint,
  EVENT_TYPES,
  endpointBody,
  endpointPatchBody,
  endpointSecret,
  endpointTestResult,
  errors,
  idParams,
  OUTBOUND_DELIVERY_STATUSES,
  outboundDelivery,
  outboundEndpoint,
  outboundEndpointList,
  pageOf,
  pageQuery,
  replayedDeliveries,
} from "@gw/api-contract";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  getEndpointSecret,
  listDeliveries,
  listEndpoints,
  replayDeliveries,
  rotateEndpointSecret,
  sendTestEvent,
  updateEndpoint,
} from "@gw/domain/outbound";
import { deliverEndpointJob, enqueue } from "@gw/queues";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

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
          response: { 200: outboundEndpointList, ...errors },
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
          response: { 201: createdOutboundEndpoint, ...errors },
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
      { schema: { tags, summary: "One endpoint", params: idParams, response: { 200: outboundEndpoint, ...errors } } },
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
          response: { 200: endpointSecret, ...errors },
        },
      },
      async (request) => ({
        secret: await getEndpointSecret({ ...ref(request, authOf(request).accountId), secretBox }),
      }),
    );

    app.post(
      "/api/endpoints/:id/rotate-secret",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Replace the endpoint's signing secret; the answer carries the new one, used from the next delivery",
          params: idParams,
          response: { 200: endpointSecret, ...errors },
        },
      },
      async (request) => ({
        secret: await rotateEndpointSecret({ ...ref(request, authOf(request).accountId), secretBox }),
      }),
    );

    app.post(
      "/api/endpoints/:id/test",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Send a signed endpoint.test event now and answer how the receiver took it (not logged)",
          params: idParams,
          response: { 200: endpointTestResult, ...errors },
        },
      },
      async (request) =>
        sendTestEvent({ ...ref(request, authOf(request).accountId), secretBox, policy: deps.config.outbound }),
    );

    app.patch(
      "/api/endpoints/:id",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Change an endpoint; enabled: true turns a disabled one back on",
          params: idParams,
          body: endpointPatchBody,
          response: { 200: outboundEndpoint, ...errors },
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
          querystring: z.object({ status: z.enum(OUTBOUND_DELIVERY_STATUSES).optional(), ...pageQuery }),
          response: { 200: pageOf(outboundDelivery), ...errors },
        },
      },
      async (request) =>
        listDeliveries({ db, accountId: authOf(request).accountId, endpointId: request.params.id, ...request.query }),
    );

    const replayed = replayedDeliveries;
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
