import type { FastifyInstance } from "fastify";
import type { SimRuntime } from "../runtime";
import { registerAdminControlRoutes } from "./admin-routes";
import { registerWebhookControlRoutes } from "./webhook-routes";
import { registerWebinarControlRoutes } from "./webinar-routes";

/** The control API: JSON under /_sim/, no auth, never rate-limited, faulted or logged. */
export function registerControlRoutes(app: FastifyInstance, rt: SimRuntime): void {
  registerAdminControlRoutes(app, rt);
  registerWebinarControlRoutes(app, rt);
  registerWebhookControlRoutes(app, rt);
}
