// The API process: config, logger, database, then HTTP. Nothing else reads process.env.
import { closeOnSignals, startProcess } from "@gw/runtime";
import { buildApp } from "./app";
import { createApiDeps } from "./deps";

const { config, log } = await startProcess({ name: "api", listens: true });
const deps = createApiDeps(config, log);
const app = await buildApp(deps);
// Listen for signals before listening on the port, so a SIGTERM during start-up closes cleanly.
closeOnSignals(log, async () => {
  await app.close(); // stops accepting, lets in-flight requests finish
  await deps.close();
});
await app.listen({ host: config.http.host, port: config.http.port });
log.info({ url: config.http.publicUrl, docs: `${config.http.publicUrl}/docs` }, "api listening");
