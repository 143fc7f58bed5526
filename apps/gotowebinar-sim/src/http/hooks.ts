import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SimContext } from "../context";
import { INVALID_TOKEN_BODY, INVALID_TOKEN_HEADERS } from "../errors";
import type { Fault, FaultRegistry } from "../faults";
import { pathKind, type RequestLog } from "../request-log";
import { isoMillis } from "../time";
import { sendJson } from "./reply";
import "./augment";

export function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q < 0 ? url : url.slice(0, q);
}

export function isControlPath(path: string): boolean {
  return path === "/_sim" || path.startsWith("/_sim/");
}

interface TrafficDeps {
  ctx: SimContext;
  log: RequestLog;
  faults: FaultRegistry;
}

/** Fault injection and the request log wrap every GoTo-facing route; /_sim/ is left alone. */
export function registerTrafficHooks(app: FastifyInstance, deps: TrafficDeps): void {
  app.decorateRequest("simStartedAt", 0);
  app.decorateRequest("simAuth", null);
  app.decorateRequest("simFault", null);
  app.decorateRequest("simRateLimited", false);
  const logged = new WeakSet<FastifyRequest>();

  const record = (request: FastifyRequest, status: number) => {
    const path = pathOf(request.url);
    if (isControlPath(path) || logged.has(request)) return;
    logged.add(request);
    const route = request.routeOptions?.url;
    deps.log.record({
      time: isoMillis(Date.now()),
      simTime: isoMillis(deps.ctx.clock.now()),
      method: request.method,
      path,
      query: { ...(request.query as Record<string, unknown>) },
      status,
      durationMs: Math.round(performance.now() - request.simStartedAt),
      kind: pathKind(path),
      route: route ? `${request.method} ${route}` : undefined,
      body: request.body,
      clientId: request.simAuth?.client.clientId,
      organizerKey: request.simAuth?.organizer.organizerKey,
      fault: request.simFault ?? undefined,
      rateLimited: request.simRateLimited || undefined,
    });
  };

  app.addHook("onRequest", async (request, reply) => {
    request.simStartedAt = performance.now();
    const path = pathOf(request.url);
    if (isControlPath(path)) return;
    const fault = deps.faults.take(request.method, path);
    if (!fault) return;
    request.simFault = fault.type;
    if (fault.type === "slow") {
      await deps.faults.sleep(fault.delayMs);
      return;
    }
    if (fault.type === "drop") {
      record(request, 0);
      reply.hijack();
      request.raw.socket?.destroy();
      return reply;
    }
    return sendFault(reply, fault, path);
  });

  app.addHook("onResponse", async (request, reply) => {
    record(request, reply.statusCode);
  });
}

function sendFault(reply: FastifyReply, fault: Fault, path: string): FastifyReply {
  if (fault.retryAfterSeconds !== undefined) reply.header("retry-after", String(fault.retryAfterSeconds));
  switch (fault.type) {
    case "429":
      return sendJson(reply, 429, { errorCode: "TooManyRequests" });
    case "500":
      return sendJson(reply, 500, {
        errorCode: "InternalServerError",
        description: "Internal server error (injected)",
      });
    case "503":
      return sendJson(reply, 503, { errorCode: "ServiceUnavailable", description: "Service unavailable (injected)" });
    default:
      return sendInvalidToken(reply, path);
  }
}

/** Each host answers a bad token its own way (§2.5, §7). */
export function sendInvalidToken(reply: FastifyReply, path: string): FastifyReply {
  const kind = pathKind(path);
  if (kind === "identity") {
    return reply
      .code(401)
      .header(
        "www-authenticate",
        'Bearer error="invalid_token", error_description="The access token is invalid or expired"',
      )
      .send();
  }
  if (kind === "admin") return sendJson(reply, 401, { errorCode: "not.authenticated", message: "Not authenticated" });
  if (kind === "oauth") return sendJson(reply, 400, { error: "invalid_grant", error_description: "invalid token" });
  return reply
    .code(403)
    .headers(INVALID_TOKEN_HEADERS)
    .header("content-type", "application/json")
    .send(INVALID_TOKEN_BODY);
}
