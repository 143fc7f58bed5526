import { createLogger } from "@gw/logger";
import { testConfig } from "@gw/testing";
import { buildApp } from "../app";
import { createApiDeps } from "../deps";

const config = testConfig({
  databaseUrl: "postgresql://postgres@127.0.0.1:5432/none",
  redisUrl: "redis://127.0.0.1:6379",
  redisPrefix: "dump",
  env: {},
});
const deps = createApiDeps(config, createLogger({ name: "dump", level: "silent", pretty: false }));
const app = await buildApp(deps);
await app.ready();
process.stdout.write(JSON.stringify(app.swagger(), null, 2));
await app.close();
await deps.close();
