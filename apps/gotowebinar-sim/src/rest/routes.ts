import type { FastifyInstance } from "fastify";
import type { SimContext } from "../context";
import type { RateLimiter } from "../rate-limit";
import { registerTokenAuth } from "./auth";
import { registerExtraRoutes } from "./extras";
import { registerRegistrantRoutes } from "./registrants";
import { registerSessionRoutes } from "./sessions";
import { registerWebhookRoutes } from "./webhooks";
import { registerWebinarRoutes } from "./webinars";

export const REST_PREFIX = "/G2W/rest/v2";

export function registerRestRoutes(app: FastifyInstance, ctx: SimContext, limiter: RateLimiter): void {
  void app.register(
    async (api) => {
      registerTokenAuth(api, ctx, limiter);
      registerWebinarRoutes(api, ctx);
      registerRegistrantRoutes(api, ctx);
      registerSessionRoutes(api, ctx);
      registerWebhookRoutes(api, ctx);
      registerExtraRoutes(api, ctx);
    },
    { prefix: REST_PREFIX },
  );
}
