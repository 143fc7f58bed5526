import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { ApiDeps } from "./deps";
import { registerAuth } from "./plugins/auth";
import { registerErrorHandler } from "./plugins/error-handler";
import { registerMetrics } from "./plugins/metrics";
import { registerOpenApi } from "./plugins/openapi";
import { registerRouteTable } from "./plugins/route-table";
import { registerSafeText } from "./plugins/safe-text";
import { registerSecurityHeaders } from "./plugins/security-headers";
import { registerWeb } from "./plugins/web";
import { registerRoutes } from "./routes";

/** The app as every route module sees it: Zod schemas drive types, validation and OpenAPI. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A hop count trusts that many proxies next to us (Fastify's types take it as a function). */
const trustProxyOption = (setting: boolean | number | string[]) =>
  typeof setting === "number" ? (_address: string, hop: number) => hop < setting : setting;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The whole HTTP app, without listening: tests drive it with `inject` or a real port. */
export async function buildApp(deps: ApiDeps, options: { webDistDir?: string } = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // One id per request, taken from a proxy's header when sane, carried into enqueued jobs.
    genReqId: (req) => {
      const header = req.headers["x-request-id"];
      return typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
    },
    trustProxy: trustProxyOption(deps.config.http.trustProxy),
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerErrorHandler(app);
  // Before any route: both watch routes being added.
  registerRouteTable(app);
  registerMetrics(app, deps);
  await registerSecurityHeaders(app, { https: deps.config.http.secureCookies });
  await app.register(formbody);
  await registerOpenApi(app, deps.config.http.publicUrl);
  await registerAuth(app, deps);
  registerSafeText(app);
  await registerRoutes(app, deps);
  await registerWeb(app, options.webDistDir ? { distDir: options.webDistDir } : {});
  return app;
}
