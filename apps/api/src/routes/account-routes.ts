import type { noContent } from "@gw/api-contract";
import type { preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { type AccountRouteInput, type AccountRouteSpec, accountRoute, noContentRoute } from "./account-route";
import { type CsvExport, csvRoute } from "./csv-reply";

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];
type Schema = z.ZodType | undefined;
type Method = AccountRouteSpec<z.ZodType, undefined, undefined, undefined>["method"];
type Errors = AccountRouteSpec<z.ZodType, undefined, undefined, undefined>["errors"];

/** What the routes of one plugin have in common; a route's own spec overrides any of it. */
export interface RouteDefaults {
  tags: string[];
  /** The error replies of a route that lists none of its own. */
  errors: Errors;
  /** The guard of a route that names none (`app.requireAuth` where the plugin has no auth hook). */
  preHandler?: preHandlerAsyncHookHandler;
}

/** A route's spec less what the verb, the URL and the plugin's defaults already say. */
export type RouteSpec<S> = Omit<S, "method" | "url" | "tags" | "errors"> & { tags?: string[]; errors?: Errors };

type Declare = <
  Reply extends z.ZodType,
  Params extends Schema = undefined,
  Query extends Schema = undefined,
  Body extends Schema = undefined,
>(
  url: string,
  spec: RouteSpec<AccountRouteSpec<Reply, Params, Query, Body>>,
  handler: (input: AccountRouteInput<Params, Query, Body>) => Promise<z.input<Reply>>,
) => void;

type NoContentSpec<Params extends Schema, Query extends Schema, Body extends Schema> = RouteSpec<
  Omit<AccountRouteSpec<typeof noContent, Params, Query, Body>, "reply" | "status">
>;

type DeclareNoContent = <
  Params extends Schema = undefined,
  Query extends Schema = undefined,
  Body extends Schema = undefined,
>(
  method: Method,
  url: string,
  spec: NoContentSpec<Params, Query, Body>,
  handler: (input: AccountRouteInput<Params, Query, Body>) => Promise<unknown>,
) => void;

type DeclareCsv = <Params extends Schema = undefined, Query extends Schema = undefined>(
  url: string,
  spec: RouteSpec<Omit<AccountRouteSpec<z.ZodString, Params, Query, undefined>, "status" | "produces">>,
  handler: (input: AccountRouteInput<Params, Query, undefined>) => Promise<CsvExport> | CsvExport,
) => void;

export interface AccountRoutes {
  get: Declare;
  post: Declare;
  put: Declare;
  patch: Declare;
  delete: Declare;
  /** Answers 204, no body, once the handler is done (deletes, pauses). */
  noContent: DeclareNoContent;
  /** A GET that streams the handler's export as a CSV download. */
  csv: DeclareCsv;
}

/**
 * Declares account routes (`accountRoute`'s specs) with what a plugin's routes share said once,
 * so that each route states only its URL, summary, schemas and what differs from the defaults.
 */
export function accountRoutes(app: ZodApp, defaults: RouteDefaults): AccountRoutes {
  // The spec's checks are in the signatures above; inside, every verb passes it on the same way.
  type AnySpec = AccountRouteSpec<z.ZodType, Schema, Schema, Schema>;
  type AnyHandler = (input: AccountRouteInput<Schema, Schema, Schema>) => Promise<never>;
  const full = (method: Method, url: string, spec: object) => ({ method, url, ...defaults, ...spec }) as AnySpec;
  const verb =
    (method: Method): Declare =>
    (url, spec, handler) =>
      accountRoute(app, full(method, url, spec), handler as AnyHandler);
  const noContent: DeclareNoContent = (method, url, spec, handler) =>
    noContentRoute(app, full(method, url, spec), handler as AnyHandler);
  return {
    get: verb("GET"),
    post: verb("POST"),
    put: verb("PUT"),
    patch: verb("PATCH"),
    delete: verb("DELETE"),
    noContent,
    csv: (url, spec, handler) => csvRoute(app, full("GET", url, spec) as never, handler as never),
  };
}

/** What a plugin's routes share, and where the caller's session (or API token) is checked. */
export interface PluginDefaults extends Omit<RouteDefaults, "preHandler"> {
  /**
   * "request" (the default): in an onRequest hook, so a caller without one gets 401 before the body
   * is read. "route": in each route's preHandler, after validation (`app.requireAuth` unless the
   * spec names another guard), for plugins with login-free or plain routes too.
   */
  check?: "request" | "route";
}

/** A plugin of account routes: `declare` adds them through `route`, with the plugin's defaults. */
export function accountPlugin(
  defaults: PluginDefaults,
  declare: (route: AccountRoutes, app: ZodApp) => void | Promise<void>,
): FastifyPluginAsyncZod {
  const { check = "request", ...shared } = defaults;
  return async (app) => {
    if (check === "request") app.addHook("onRequest", app.requireAuth);
    await declare(accountRoutes(app, check === "request" ? shared : { ...shared, preHandler: app.requireAuth }), app);
  };
}
