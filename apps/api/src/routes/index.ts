import type { App } from "../app";
import type { ApiDeps } from "../deps";
import { authRoutes } from "./auth";
import { healthRoutes } from "./health";
import { opsRoutes } from "./ops";
import { registerQueueDashboard } from "../plugins/queue-dashboard";

/** Every route module of the API; each domain adds one line here. */
export async function registerRoutes(app: App, deps: ApiDeps) {
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(opsRoutes(deps));
  await registerQueueDashboard(app, deps);
}
