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
import { accountRoute, noContentRoute } from "./account-route";

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
    const ref = (params: { id: string }, accountId: string) => ({ db, accountId, endpointId: params.id });
    const wake = (endpointId: string) =>
      enqueue(deps.queues, deliverEndpointJob, { endpointId, key: `a${Date.now()}` }).catch((error) =>
        // The sweeper delivers anyway within a few seconds.
        deps.log.warn({ err: error, endpointId }, "could not enqueue outbound delivery"),
      );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/endpoints/event-types",
        tags,
        summary: "The event types endpoints can receive",
        reply: z.object({ items: z.array(z.string()) }),
        errors: {},
      },
      async () => ({ items: [...EVENT_TYPES] }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/endpoints",
        tags,
        summary: "The account's endpoints",
        reply: outboundEndpointList,
        errors,
      },
      async ({ accountId }) => ({ items: await listEndpoints({ db, accountId }) }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/endpoints",
        preHandler: app.requireAdmin,
        tags,
        summary: "Add an endpoint; the answer carries its whsec_ signing secret",
        body: endpointBody,
        reply: createdOutboundEndpoint,
        status: 201,
        errors,
      },
      ({ accountId, body }) => createEndpoint({ db, secretBox, allowPrivateUrls, accountId, input: body }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/endpoints/:id",
        tags,
        summary: "One endpoint",
        params: idParams,
        reply: outboundEndpoint,
        errors,
      },
      ({ accountId, params }) => getEndpoint(ref(params, accountId)),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/endpoints/:id/secret",
        preHandler: app.requireAdmin,
        tags,
        summary: "The endpoint's signing secret (for the receiver's verification)",
        params: idParams,
        reply: endpointSecret,
        errors,
      },
      async ({ accountId, params }) => ({ secret: await getEndpointSecret({ ...ref(params, accountId), secretBox }) }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/endpoints/:id/rotate-secret",
        preHandler: app.requireAdmin,
        tags,
        summary: "Replace the endpoint's signing secret; the answer carries the new one, used from the next delivery",
        params: idParams,
        reply: endpointSecret,
        errors,
      },
      async ({ accountId, params }) => ({
        secret: await rotateEndpointSecret({ ...ref(params, accountId), secretBox }),
      }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/endpoints/:id/test",
        preHandler: app.requireAdmin,
        tags,
        summary: "Send a signed endpoint.test event now and answer how the receiver took it (not logged)",
        params: idParams,
        reply: endpointTestResult,
        errors,
      },
      ({ accountId, params }) => sendTestEvent({ ...ref(params, accountId), secretBox, policy: deps.config.outbound }),
    );

    accountRoute(
      app,
      {
        method: "PATCH",
        url: "/api/endpoints/:id",
        preHandler: app.requireAdmin,
        tags,
        summary: "Change an endpoint; enabled: true turns a disabled one back on",
        params: idParams,
        body: endpointPatchBody,
        reply: outboundEndpoint,
        errors,
      },
      async ({ accountId, params, body }) => {
        const updated = await updateEndpoint({ ...ref(params, accountId), allowPrivateUrls, input: body });
        if (updated.enabled) await wake(updated.id);
        return updated;
      },
    );

    noContentRoute(
      app,
      {
        method: "DELETE",
        url: "/api/endpoints/:id",
        preHandler: app.requireAdmin,
        tags,
        summary: "Delete an endpoint and its delivery log",
        params: idParams,
        errors,
      },
      async ({ accountId, params }) => deleteEndpoint(ref(params, accountId)),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/endpoints/:id/deliveries",
        tags,
        summary: "The endpoint's delivery log, newest first",
        params: idParams,
        querystring: z.object({ status: z.enum(OUTBOUND_DELIVERY_STATUSES).optional(), ...pageQuery }),
        reply: pageOf(outboundDelivery),
        errors,
      },
      ({ accountId, params, query }) => listDeliveries({ db, accountId, endpointId: params.id, ...query }),
    );

    // One delivery, or every failed one of the endpoint, queued again and the endpoint woken.
    const replay = async (accountId: string, endpointId: string, deliveryId?: string) => {
      const count = await replayDeliveries({
        db,
        accountId,
        endpointId,
        deliveryId,
        giveUpAfterMs: deps.config.outbound.giveUpAfterMs,
      });
      if (count > 0) await wake(endpointId);
      return { replayed: count };
    };
    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/endpoints/:id/deliveries/:deliveryId/replay",
        tags,
        summary: "Send one delivery again (same event id), in its place in the order",
        params: deliveryParams,
        reply: replayedDeliveries,
        errors,
      },
      ({ accountId, params }) => replay(accountId, params.id, params.deliveryId),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/endpoints/:id/deliveries/replay-failed",
        tags,
        summary: "Send every failed delivery of the endpoint again",
        params: idParams,
        reply: replayedDeliveries,
        errors,
      },
      ({ accountId, params }) => replay(accountId, params.id),
    );
  };
