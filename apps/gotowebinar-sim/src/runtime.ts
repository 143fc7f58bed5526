import type { SimContext } from "./context";
import type { FaultRegistry } from "./faults";
import type { RateLimiter } from "./rate-limit";
import type { RequestLog } from "./request-log";
import type { WebhookDispatcher } from "./webhooks/dispatcher";

/** The live parts of one sim, as the control API needs them. */
export interface SimRuntime {
  ctx: SimContext;
  log: RequestLog;
  faults: FaultRegistry;
  limiter: RateLimiter;
  dispatcher: WebhookDispatcher;
  /** Back to a fresh state: default client and organizer, initial clock, no faults, logs or deliveries. */
  reset(seed?: number): Promise<void>;
}
