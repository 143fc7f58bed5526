import type { FastifyContextConfig, FastifySchema } from "fastify";
import type { App } from "../app";

export interface RouteEntry {
  method: string;
  url: string;
  config: FastifyContextConfig;
  /** The route's Zod schemas (params, querystring, body, response), as given. */
  schema: FastifySchema | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route as registered (after each plugin's `onRoute` adjustments): what the security tests walk. */
    routeTable: RouteEntry[];
  }
}

/** Register first: routes added before it are not recorded. */
export function registerRouteTable(app: App) {
  const table: RouteEntry[] = [];
  app.decorate("routeTable", table);
  app.addHook("onRoute", (route) => {
    // Read lazily: hooks registered later (auth marks admin-only routes) may still replace the config.
    for (const method of [route.method].flat())
      table.push({
        method,
        url: route.url,
        get config() {
          return route.config ?? {};
        },
        get schema() {
          return route.schema;
        },
      });
  });
}
