import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SimContext } from "../context";
import { badRequest, notFound } from "../errors";
import { sendEmpty, sendJson } from "../http/reply";
import { EVENT_NAMES, type EventName, type UserSubscription, type Webhook } from "../state/types";
import { asObject } from "../state/webinar-input";
import { isoMillis, parseDateTime } from "../time";
import { probeCallbackUrl } from "../webhooks/probe";
import { authOf } from "./auth";
import { queryValue } from "./params";

type Item = Record<string, unknown>;

function arrayBody(body: unknown, what: string): unknown[] {
  if (!Array.isArray(body) || body.length === 0) throw badRequest(`The body must be a non-empty JSON array of ${what}`);
  return body;
}

function keyList(body: unknown, what: string): string[] {
  const items = arrayBody(body, what);
  return items.map((item, i) => {
    if (typeof item !== "string" || item === "") throw badRequest(`[${i}] must be a ${what} string`);
    return item;
  });
}

function parseState(value: unknown, name: string): "ACTIVE" | "INACTIVE" | undefined {
  if (value === undefined || value === null) return undefined;
  if (value !== "ACTIVE" && value !== "INACTIVE")
    throw badRequest(`${name} must be ACTIVE or INACTIVE, got ${JSON.stringify(value)}`);
  return value;
}

/** The spec's `product` query; AMP's code sends `productType` (§6 [CONFLICT]), so both work. */
function requireProduct(query: unknown): void {
  const product = queryValue(query, "product") ?? queryValue(query, "productType");
  if (product === undefined) throw badRequest("The query parameter product is required (product=g2w)");
  if (product !== "g2w") throw badRequest(`product must be g2w, got ${JSON.stringify(product)}`);
}

export function webhookView(w: Webhook): Item {
  return {
    callbackUrl: w.callbackUrl,
    eventName: w.eventName,
    eventVersion: w.eventVersion,
    product: w.product,
    webhookKey: w.webhookKey,
    state: w.state,
    createTime: isoMillis(w.createTime),
  };
}

export function subscriptionView(s: UserSubscription, w: Webhook | undefined): Item {
  return {
    callbackUrl: s.callbackUrl ?? w?.callbackUrl,
    eventName: w?.eventName,
    eventVersion: w?.eventVersion,
    product: w?.product ?? "g2w",
    webhookKey: s.webhookKey,
    userSubscriptionKey: s.userSubscriptionKey,
    userSubscriptionState: s.state,
    activationState: s.state === "ACTIVE" && w?.state === "ACTIVE" ? "ACTIVE" : "INACTIVE",
    createTime: isoMillis(s.createTime),
  };
}

/** Webhooks belong to the OAuth client (the application), subscriptions to client + user (§6). */
export function registerWebhookRoutes(api: FastifyInstance, ctx: SimContext): void {
  const requireHttps = () => ctx.settings.requireHttpsCallbacks;
  const ownWebhook = (request: FastifyRequest, key: unknown): Webhook => {
    const webhook = typeof key === "string" ? ctx.state.webhooks.get(key) : undefined;
    if (!webhook || webhook.clientId !== authOf(request).client.clientId) {
      throw notFound(`Webhook with key ${String(key)} not found`);
    }
    return webhook;
  };
  const ownSubscription = (request: FastifyRequest, key: unknown): UserSubscription => {
    const auth = authOf(request);
    const sub = typeof key === "string" ? ctx.state.subscriptions.get(key) : undefined;
    if (!sub || sub.clientId !== auth.client.clientId || sub.organizerKey !== auth.organizer.organizerKey) {
      throw notFound(`User subscription with key ${String(key)} not found`);
    }
    return sub;
  };

  api.post("/webhooks/secretkey", async (request, reply) => {
    const body = request.body === undefined ? {} : asObject(request.body);
    const now = ctx.clock.now();
    let validFrom = now;
    if (body.validFrom !== undefined) {
      const parsed = parseDateTime(body.validFrom);
      if (parsed === undefined)
        throw badRequest(`validFrom must be an ISO 8601 date-time, got ${JSON.stringify(body.validFrom)}`);
      validFrom = parsed;
    }
    const key = {
      id: ctx.state.secretKeys.length + 1,
      clientId: authOf(request).client.clientId,
      value: randomUUID(),
      validFrom,
    };
    ctx.state.secretKeys.push(key);
    return sendJson(reply, 200, { id: key.id, value: key.value, validFrom: isoMillis(key.validFrom) });
  });

  api.post("/webhooks", async (request, reply) => {
    const clientId = authOf(request).client.clientId;
    const items = arrayBody(request.body, "webhooks").map((raw, i) => {
      const item = asObject(raw, `[${i}]`);
      if (!EVENT_NAMES.includes(item.eventName as EventName)) {
        throw badRequest(
          `[${i}].eventName must be one of ${EVENT_NAMES.join(", ")}, got ${JSON.stringify(item.eventName)}`,
        );
      }
      if (item.eventVersion !== "1.0.0") throw badRequest(`[${i}].eventVersion must be 1.0.0`);
      if (item.product !== "g2w") throw badRequest(`[${i}].product must be g2w`);
      return item;
    });
    for (const item of items) await probeCallbackUrl(item.callbackUrl, requireHttps());
    const created = items.map((item) => {
      const webhook: Webhook = {
        webhookKey: ctx.state.random.uuid(),
        clientId,
        callbackUrl: item.callbackUrl as string,
        eventName: item.eventName as EventName,
        eventVersion: "1.0.0",
        product: "g2w",
        state: "INACTIVE",
        createTime: ctx.clock.now(),
      };
      ctx.state.webhooks.set(webhook.webhookKey, webhook);
      return webhook;
    });
    return sendJson(reply, 200, { _embedded: { webhooks: created.map(webhookView) } });
  });

  api.put("/webhooks", async (request, reply) => {
    const updates = arrayBody(request.body, "webhook updates").map((raw, i) => {
      const item = asObject(raw, `[${i}]`);
      return { webhook: ownWebhook(request, item.webhookKey), item, state: parseState(item.state, `[${i}].state`) };
    });
    for (const { webhook, item } of updates)
      await probeCallbackUrl(item.callbackUrl ?? webhook.callbackUrl, requireHttps());
    for (const { webhook, item, state } of updates) {
      if (typeof item.callbackUrl === "string") webhook.callbackUrl = item.callbackUrl;
      if (state) webhook.state = state;
    }
    return sendEmpty(reply, 204);
  });

  api.get("/webhooks", async (request, reply) => {
    requireProduct(request.query);
    const clientId = authOf(request).client.clientId;
    const webhooks = [...ctx.state.webhooks.values()].filter((w) => w.clientId === clientId);
    return sendJson(reply, 200, { _embedded: { webhooks: webhooks.map(webhookView) } });
  });

  api.get("/webhooks/:webhookKey", async (request, reply) => {
    const webhook = ownWebhook(request, (request.params as Item).webhookKey);
    return sendJson(reply, 200, webhookView(webhook));
  });

  // Unknown keys are skipped: deleting a webhook already deleted its subscriptions, and clients
  // (Pipedream, for one) delete both in turn.
  api.delete("/webhooks", async (request, reply) => {
    const clientId = authOf(request).client.clientId;
    for (const key of keyList(request.body, "webhookKey")) {
      const webhook = ctx.state.webhooks.get(key);
      if (!webhook || webhook.clientId !== clientId) continue;
      ctx.state.webhooks.delete(key);
      for (const [subKey, sub] of ctx.state.subscriptions)
        if (sub.webhookKey === key) ctx.state.subscriptions.delete(subKey);
    }
    return sendEmpty(reply, 202);
  });

  api.post("/userSubscriptions", async (request, reply) => {
    const auth = authOf(request);
    const items = arrayBody(request.body, "user subscriptions").map((raw, i) => {
      const item = asObject(raw, `[${i}]`);
      return {
        item,
        webhook: ownWebhook(request, item.webhookKey),
        state: parseState(item.userSubscriptionState, `[${i}].userSubscriptionState`),
      };
    });
    for (const { item, webhook } of items)
      await probeCallbackUrl(item.callbackUrl ?? webhook.callbackUrl, requireHttps());
    const created = items.map(({ item, webhook, state }) => {
      const sub: UserSubscription = {
        userSubscriptionKey: ctx.state.random.uuid(),
        webhookKey: webhook.webhookKey,
        organizerKey: auth.organizer.organizerKey,
        clientId: auth.client.clientId,
        callbackUrl: typeof item.callbackUrl === "string" ? item.callbackUrl : undefined,
        state: state ?? "ACTIVE",
        createTime: ctx.clock.now(),
      };
      ctx.state.subscriptions.set(sub.userSubscriptionKey, sub);
      return subscriptionView(sub, webhook);
    });
    return sendJson(reply, 200, { _embedded: { userSubscriptions: created } });
  });

  api.put("/userSubscriptions", async (request, reply) => {
    const updates = arrayBody(request.body, "user subscription updates").map((raw, i) => {
      const item = asObject(raw, `[${i}]`);
      const sub = ownSubscription(request, item.userSubscriptionKey);
      if (item.webhookKey !== undefined && item.webhookKey !== sub.webhookKey) {
        throw badRequest(`[${i}].webhookKey does not match the subscription's webhook`);
      }
      const state = parseState(item.userSubscriptionState, `[${i}].userSubscriptionState`);
      return { sub, item, state };
    });
    for (const { sub, item } of updates) {
      const webhook = ctx.state.webhooks.get(sub.webhookKey);
      await probeCallbackUrl(item.callbackUrl ?? sub.callbackUrl ?? webhook?.callbackUrl, requireHttps());
    }
    for (const { sub, item, state } of updates) {
      if (typeof item.callbackUrl === "string") sub.callbackUrl = item.callbackUrl;
      if (state) sub.state = state;
    }
    return sendEmpty(reply, 204);
  });

  api.get("/userSubscriptions", async (request, reply) => {
    const auth = authOf(request);
    const subs = [...ctx.state.subscriptions.values()].filter(
      (s) => s.clientId === auth.client.clientId && s.organizerKey === auth.organizer.organizerKey,
    );
    const views = subs.map((s) => subscriptionView(s, ctx.state.webhooks.get(s.webhookKey)));
    return sendJson(reply, 200, { _embedded: { userSubscriptions: views } });
  });

  api.get("/userSubscriptions/:userSubscriptionKey", async (request, reply) => {
    const sub = ownSubscription(request, (request.params as Item).userSubscriptionKey);
    return sendJson(reply, 200, subscriptionView(sub, ctx.state.webhooks.get(sub.webhookKey)));
  });

  api.delete("/userSubscriptions", async (request, reply) => {
    const auth = authOf(request);
    for (const key of keyList(request.body, "userSubscriptionKey")) {
      const sub = ctx.state.subscriptions.get(key);
      if (sub && sub.clientId === auth.client.clientId && sub.organizerKey === auth.organizer.organizerKey) {
        ctx.state.subscriptions.delete(key);
      }
    }
    return sendEmpty(reply, 202);
  });
}
