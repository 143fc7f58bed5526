import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { SimClock } from "./clock";
import type { SimContext } from "./context";
import { SimControl } from "./control/client";
import { registerControlRoutes } from "./control/routes";
import { FaultRegistry } from "./faults";
import { registerBodyParsers } from "./http/body";
import { registerErrorHandlers } from "./http/errors";
import { registerTrafficHooks } from "./http/hooks";
import { registerIdentityRoutes } from "./identity/routes";
import { newClient, registerAuthorizeRoutes } from "./oauth/authorize";
import { registerMetadataRoutes } from "./oauth/metadata";
import { registerTokenRoute } from "./oauth/token";
import { resolveSettings, type Settings, type SimOptions } from "./options";
import { RateLimiter } from "./rate-limit";
import { RequestLog } from "./request-log";
import { registerRestRoutes } from "./rest/routes";
import type { SimRuntime } from "./runtime";
import { createOrganizer } from "./state/organizers";
import { SimState } from "./state/store";
import { WebhookDispatcher } from "./webhooks/dispatcher";

export interface Sim {
  /** The Fastify app, not yet listening (use app.inject or app.listen). */
  app: FastifyInstance;
  /** Live settings, clock and state; `ctx.state` is replaced on reset. */
  ctx: SimContext;
  runtime: SimRuntime;
  reset(seed?: number): Promise<void>;
  close(): Promise<void>;
}

export interface RunningSim {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  control: SimControl;
  close(): Promise<void>;
  sim: Sim;
}

function freshState(settings: Settings, now: number, seed: number): SimState {
  const state = new SimState(seed);
  state.clients.set(settings.clientId, newClient(settings.clientId, settings.clientSecret, settings.redirectUris));
  const organizer = createOrganizer(state, now, {
    ...settings.defaultOrganizer,
    accountName: `${settings.defaultOrganizer.lastName} Account`,
  });
  state.defaultOrganizerKey = organizer.organizerKey;
  return state;
}

export async function createSim(options: SimOptions = {}): Promise<Sim> {
  const settings = resolveSettings(options);
  const initialSettings = structuredClone(settings);
  const clock = new SimClock(options.now, options.frozenClock);
  let ctx: SimContext;
  const dispatcher = new WebhookDispatcher(() => ctx);
  ctx = { settings, clock, state: freshState(settings, clock.now(), settings.seed), events: dispatcher };
  const log = new RequestLog();
  const faults = new FaultRegistry();
  const limiter = new RateLimiter(() => ctx.settings.rateLimitPerSecond);

  const runtime: SimRuntime = {
    ctx,
    log,
    faults,
    limiter,
    dispatcher,
    async reset(seed) {
      await dispatcher.stop();
      dispatcher.clear();
      faults.clear();
      faults.wakeAll();
      log.clear();
      limiter.reset();
      Object.assign(ctx.settings, structuredClone(initialSettings));
      ctx.clock = new SimClock(options.now, options.frozenClock);
      ctx.state = freshState(ctx.settings, ctx.clock.now(), seed ?? ctx.settings.seed);
    },
  };

  const app = Fastify({
    ...loggerOption(options.logger),
    bodyLimit: 20 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    forceCloseConnections: true,
  });
  await app.register(formbody);
  registerBodyParsers(app);
  registerErrorHandlers(app);
  registerTrafficHooks(app, {
    get ctx() {
      return ctx;
    },
    log,
    faults,
  });
  registerMetadataRoutes(app, ctx);
  registerAuthorizeRoutes(app, ctx);
  registerTokenRoute(app, ctx);
  registerIdentityRoutes(app, ctx, limiter);
  registerRestRoutes(app, ctx, limiter);
  registerControlRoutes(app, runtime);

  return {
    app,
    ctx,
    runtime,
    reset: (seed) => runtime.reset(seed),
    async close() {
      faults.wakeAll();
      await dispatcher.stop();
      await app.close();
    },
  };
}

/** Fastify takes logger settings as `logger` and a ready pino logger as `loggerInstance`. */
function loggerOption(
  logger: SimOptions["logger"],
): { logger: boolean | object } | { loggerInstance: FastifyBaseLogger } {
  const isInstance =
    typeof logger === "object" && logger !== null && typeof (logger as { child?: unknown }).child === "function";
  return isInstance ? { loggerInstance: logger as FastifyBaseLogger } : { logger: logger ?? false };
}

export async function startSim(options: SimOptions & { port?: number; host?: string } = {}): Promise<RunningSim> {
  const { port = 0, host = "127.0.0.1", ...simOptions } = options;
  const sim = await createSim(simOptions);
  await sim.app.listen({ port, host });
  const address = sim.app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${actualPort}`;
  return { url, control: new SimControl(url), close: () => sim.close(), sim };
}
