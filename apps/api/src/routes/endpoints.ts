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
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

const deliveryParams = z.object({ id: z.uuid(), deliveryId: z.string().regex(/^\d{1,19}$/) });

/** Outbound events: an account's endpoints (Standard Webhooks), their delivery log and replay. */
export const endpointRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["outbound events"], errors }, (route, app) => {
    const { db } = deps;
    const { secretBox } = deps;
    const { allowPrivateUrls } = deps.config.outbound;
    const ref = (params: { id: string }, accountId: string) => ({ db, accountId, endpointId: params.id });
    const wake = (endpointId: string) =>
      enqueue(deps.queues, deliverEndpointJob, { endpointId, key: `a${Date.now()}` }).catch((error) =>
        // The sweeper delivers anyway within a few seconds.
        deps.log.warn({ err: error, endpointId }, "could not enqueue outbound delivery"),
      );

    route.get(
      "/api/endpoints/event-types",
      {
        summary: "The event types endpoints can receive",
        reply: z.object({ items: z.array(z.string()) }),
        errors: {},
      },
      async () => ({ items: [...EVENT_TYPES] }),
    );

    route.get(
      "/api/endpoints",
      {
        summary: "The account's endpoints",
        reply: outboundEndpointList,
      },
      async ({ accountId }) => ({ items: await listEndpoints({ db, accountId }) }),
    );

    route.post(
      "/api/endpoints",
      {
        preHandler: app.requireAdmin,
        summary: "Add an endpoint; the answer carries its whsec_ signing secret",
        body: endpointBody,
        reply: createdOutboundEndpoint,
        status: 201,
      },
      ({ accountId, body }) => createEndpoint({ db, secretBox, allowPrivateUrls, accountId, input: body }),
    );

    route.get(
      "/api/endpoints/:id",
      {
        summary: "One endpoint",
        params: idParams,
        reply: outboundEndpoint,
      },
      ({ accountId, params }) => getEndpoint(ref(params, accountId)),
    );

    route.get(
      "/api/endpoints/:id/secret",
      {
        preHandler: app.requireAdmin,
        summary: "The endpoint's signing secret (for the receiver's verification)",
        params: idParams,
        reply: endpointSecret,
      },
      async ({ accountId, params }) => ({ secret: await getEndpointSecret({ ...ref(params, accountId), secretBox }) }),
    );

    route.post(
      "/api/endpoints/:id/rotate-secret",
      {
        preHandler: app.requireAdmin,
        summary: "Replace the endpoint's signing secret; the answer carries the new one, used from the next delivery",
        params: idParams,
        reply: endpointSecret,
      },
      async ({ accountId, params }) => ({
        secret: await rotateEndpointSecret({ ...ref(params, accountId), secretBox }),
      }),
    );

    route.post(
      "/api/endpoints/:id/test",
      {
        preHandler: app.requireAdmin,
        summary: "Send a signed endpoint.test event now and answer how the receiver took it (not logged)",
        params: idParams,
        reply: endpointTestResult,
      },
      ({ accountId, params }) => sendTestEvent({ ...ref(params, accountId), secretBox, policy: deps.config.outbound }),
    );

    route.patch(
      "/api/endpoints/:id",
      {
        preHandler: app.requireAdmin,
        summary: "Change an endpoint; enabled: true turns a disabled one back on",
        params: idParams,
        body: endpointPatchBody,
        reply: outboundEndpoint,
      },
      async ({ accountId, params, body }) => {
        const updated = await updateEndpoint({ ...ref(params, accountId), allowPrivateUrls, input: body });
        if (updated.enabled) await wake(updated.id);
        return updated;
      },
    );

    route.noContent(
      "DELETE",
      "/api/endpoints/:id",
      {
        preHandler: app.requireAdmin,
        summary: "Delete an endpoint and its delivery log",
        params: idParams,
      },
      async ({ accountId, params }) => deleteEndpoint(ref(params, accountId)),
    );

    route.get(
      "/api/endpoints/:id/deliveries",
      {
        summary: "The endpoint's delivery log, newest first",
        params: idParams,
        querystring: z.object({ status: z.enum(OUTBOUND_DELIVERY_STATUSES).optional(), ...pageQuery }),
        reply: pageOf(outboundDelivery),
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
    route.post(
      "/api/endpoints/:id/deliveries/:deliveryId/replay",
      {
        summary: "Send one delivery again (same event id), in its place in the order",
        params: deliveryParams,
        reply: replayedDeliveries,
      },
      ({ accountId, params }) => replay(accountId, params.id, params.deliveryId),
    );

    route.post(
      "/api/endpoints/:id/deliveries/replay-failed",
      {
        summary: "Send every failed delivery of the endpoint again",
        params: idParams,
        reply: replayedDeliveries,
      },
      ({ accountId, params }) => replay(accountId, params.id),
    );
  });
