import { loadConfig } from "@gw/config";
import { createLogger } from "@gw/logger";
import type { OpenAPIV3_1 } from "openapi-types";
import { buildApp } from "./app";
import { createApiDeps } from "./deps";

/**
 * The OpenAPI document the API serves at `/docs/json`, built in-process from the route table:
 * no server, no request. Database and Redis are only pointed at (nothing is queried while the
 * routes register), so it runs where neither is up. The SDK's types are generated from it.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIV3_1.Document> {
  // Built-in defaults on purpose: the document must not vary with the machine that builds it.
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", MIGRATE_ON_START: "false" });
  const deps = createApiDeps(config, createLogger({ name: "openapi", level: "silent", pretty: false }));
  const app = await buildApp(deps);
  try {
    await app.ready();
    return structuredClone(app.swagger()) as OpenAPIV3_1.Document;
  } finally {
    await app.close();
    await deps.close();
  }
}
