// The API process: config, logger, database, then HTTP. Nothing else reads process.env.
import { ConfigError, devSecretsRefusal, loadConfig } from "@gw/config";
import { prepareDatabase } from "@gw/db";
import { closeOnSignals, createLogger } from "@gw/logger";
import { buildApp } from "./app";
import { createApiDeps } from "./deps";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

const log = createLogger({ name: "api", level: config.logLevel });
const refusal = devSecretsRefusal(config);
if (refusal) {
  log.fatal(refusal);
  process.exit(1);
}
if (config.secrets.usingDevDefaults)
  log.warn("SECRET_KEYS / SESSION_SECRET not set: using development defaults (never in production)");

try {
  await prepareDatabase(config.databaseUrl, { migrate: config.migrateOnStart });
} catch (error) {
  log.fatal((error as Error).message);
  process.exit(1);
}

const deps = createApiDeps(config, log);
const app = await buildApp(deps);
// Listen for signals before listening on the port, so a SIGTERM during start-up closes cleanly.
closeOnSignals(log, async () => {
  await app.close(); // stops accepting, lets in-flight requests finish
  await deps.close();
});
await app.listen({ host: config.http.host, port: config.http.port });
log.info({ url: config.http.publicUrl, docs: `${config.http.publicUrl}/docs` }, "api listening");
