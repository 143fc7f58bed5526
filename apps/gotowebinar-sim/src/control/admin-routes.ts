import type { FastifyInstance } from "fastify";
import { badRequest, notFound } from "../errors";
import type { FaultSpec } from "../faults";
import { sendJson } from "../http/reply";
import { newClient } from "../oauth/authorize";
import { type Settings, validateSettings } from "../options";
import type { SimRuntime } from "../runtime";
import { createOrganizer } from "../state/organizers";
import { issueAccessToken, issueRefreshToken, tokenResponseBody } from "../state/tokens";
import { asObject } from "../state/webinar-input";
import { isoMillis, parseDateTime } from "../time";
import type {
  CreateClientRequest,
  CreateOrganizerRequest,
  IssueTokenRequest,
  SetClockRequest,
  SettingsPatch,
} from "./types";
import { organizerInfo } from "./views";

const PATCHABLE: Array<keyof SettingsPatch> = [
  "accessTokenTtlSeconds",
  "refreshMode",
  "refreshTokenTtlSeconds",
  "includeKeysInTokenResponse",
  "rateLimitPerSecond",
  "signatureScheme",
  "autoApprove",
  "webhookRetryDelaysMs",
  "duplicateWebhookDeliveries",
  "requireHttpsCallbacks",
  "registrantAcceptMode",
  "omitEmptyEmbedded",
];

function publicSettings(s: Settings): Omit<Settings, "clientSecret"> {
  const { clientSecret: _secret, ...rest } = s;
  return rest;
}

/** Reset, settings, organizers, OAuth clients, clock, faults, tokens and traffic records. */
export function registerAdminControlRoutes(app: FastifyInstance, rt: SimRuntime): void {
  const ctx = rt.ctx;

  app.post("/_sim/reset", async (request, reply) => {
    const body = request.body === undefined ? {} : asObject(request.body);
    await rt.reset(body.seed === undefined ? undefined : Number(body.seed));
    return sendJson(reply, 200, { ok: true, defaultOrganizerKey: ctx.state.defaultOrganizerKey });
  });

  app.get("/_sim/settings", async (_request, reply) => sendJson(reply, 200, publicSettings(ctx.settings)));

  app.patch("/_sim/settings", async (request, reply) => {
    const patch = asObject(request.body);
    for (const name of Object.keys(patch)) {
      if (!PATCHABLE.includes(name as keyof SettingsPatch)) throw badRequest(`${name} cannot be changed at run time`);
    }
    const next = { ...ctx.settings, ...patch } as Settings;
    validateSettings(next);
    Object.assign(ctx.settings, patch);
    return sendJson(reply, 200, publicSettings(ctx.settings));
  });

  app.get("/_sim/organizers", async (_request, reply) =>
    sendJson(reply, 200, [...ctx.state.organizers.values()].map(organizerInfo)),
  );

  app.post("/_sim/organizers", async (request, reply) => {
    const body = asObject(request.body) as unknown as CreateOrganizerRequest;
    const organizer = createOrganizer(ctx.state, ctx.clock.now(), body);
    return sendJson(reply, 201, organizerInfo(organizer));
  });

  app.get("/_sim/clients", async (_request, reply) =>
    sendJson(
      reply,
      200,
      [...ctx.state.clients.values()].map((c) => ({
        clientId: c.clientId,
        name: c.name,
        redirectUris: c.redirectUris,
        scope: c.scope,
      })),
    ),
  );

  app.post("/_sim/clients", async (request, reply) => {
    const body = asObject(request.body) as unknown as CreateClientRequest;
    if (typeof body.clientId !== "string" || !body.clientId) throw badRequest("clientId is required");
    if (typeof body.clientSecret !== "string" || !body.clientSecret) throw badRequest("clientSecret is required");
    if (ctx.state.clients.has(body.clientId)) throw badRequest(`client ${body.clientId} already exists`);
    const client = newClient(body.clientId, body.clientSecret, body.redirectUris ?? [], body.name);
    ctx.state.clients.set(client.clientId, client);
    return sendJson(reply, 201, {
      clientId: client.clientId,
      name: client.name,
      redirectUris: client.redirectUris,
      scope: client.scope,
    });
  });

  const clockState = () => ({ now: isoMillis(ctx.clock.now()), frozen: ctx.clock.frozen });
  app.get("/_sim/clock", async (_request, reply) => sendJson(reply, 200, clockState()));
  app.post("/_sim/clock", async (request, reply) => {
    const body = asObject(request.body) as SetClockRequest;
    if (body.now !== undefined) {
      const now = parseDateTime(body.now);
      if (now === undefined) throw badRequest(`now must be an ISO 8601 date-time, got ${JSON.stringify(body.now)}`);
      ctx.clock.set(now);
    }
    if (body.advanceMs !== undefined) {
      if (typeof body.advanceMs !== "number" || !Number.isFinite(body.advanceMs))
        throw badRequest("advanceMs must be a number");
      ctx.clock.advance(body.advanceMs);
    }
    if (body.frozen !== undefined) ctx.clock.freeze(body.frozen === true);
    return sendJson(reply, 200, clockState());
  });

  app.get("/_sim/faults", async (_request, reply) => sendJson(reply, 200, rt.faults.list()));
  app.post("/_sim/faults", async (request, reply) => {
    const fault = rt.faults.add(asObject(request.body) as unknown as FaultSpec);
    return sendJson(reply, 201, fault);
  });
  app.delete("/_sim/faults", async (_request, reply) => {
    rt.faults.clear();
    return sendJson(reply, 200, { ok: true });
  });

  app.post("/_sim/tokens", async (request, reply) => {
    const body = (request.body === undefined ? {} : asObject(request.body)) as IssueTokenRequest;
    const organizer = ctx.state.organizers.get(body.organizerKey ?? ctx.state.defaultOrganizerKey);
    if (!organizer) throw notFound(`unknown organizerKey ${body.organizerKey}`);
    const client = ctx.state.clients.get(body.clientId ?? ctx.settings.clientId);
    if (!client) throw notFound(`unknown clientId ${body.clientId}`);
    const scope = body.scope ?? client.scope;
    const access = issueAccessToken(ctx, client, organizer.organizerKey, scope);
    const refresh = issueRefreshToken(ctx, client, organizer.organizerKey, scope);
    return sendJson(reply, 201, tokenResponseBody(ctx, access, refresh, organizer));
  });

  app.post("/_sim/tokens/expire", async (request, reply) => {
    const body = request.body === undefined ? {} : asObject(request.body);
    const expiredAt = ctx.clock.now() - 1;
    let count = 0;
    for (const token of ctx.state.accessTokens.values()) {
      if (body.organizerKey !== undefined && token.organizerKey !== body.organizerKey) continue;
      if (token.expiresAt > expiredAt) {
        token.expiresAt = expiredAt;
        count++;
      }
    }
    return sendJson(reply, 200, { expired: count });
  });

  app.post("/_sim/tokens/revoke", async (request, reply) => {
    const body = request.body === undefined ? {} : asObject(request.body);
    const matches = (t: { organizerKey: string; clientId: string }) =>
      (body.organizerKey === undefined || t.organizerKey === body.organizerKey) &&
      (body.clientId === undefined || t.clientId === body.clientId);
    let refreshTokens = 0;
    let accessTokens = 0;
    for (const token of ctx.state.refreshTokens.values()) {
      if (matches(token) && !token.revoked) {
        token.revoked = true;
        refreshTokens++;
      }
    }
    if (body.accessTokens === true) {
      for (const token of ctx.state.accessTokens.values()) {
        if (matches(token) && !token.revoked) {
          token.revoked = true;
          accessTokens++;
        }
      }
    }
    return sendJson(reply, 200, { refreshTokens, accessTokens });
  });

  app.get("/_sim/requests", async (request, reply) => {
    const since = (request.query as Record<string, string | undefined>).since;
    return sendJson(reply, 200, rt.log.list(since));
  });
  app.delete("/_sim/requests", async (_request, reply) => {
    rt.log.clear();
    return sendJson(reply, 200, { ok: true });
  });
  app.get("/_sim/stats", async (_request, reply) => sendJson(reply, 200, rt.log.stats()));

  app.get("/_sim/emails", async (_request, reply) =>
    sendJson(
      reply,
      200,
      ctx.state.emails.map((e) => ({ ...e, time: isoMillis(e.time) })),
    ),
  );
}
