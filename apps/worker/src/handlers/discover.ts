import { discoverAndEnqueue } from "./sync-support";
import type { JobHandler } from "./types";

/** Discovery of one connector's webinars; new and changed ones are synced at once, not at the next tick. */
export const handleDiscoverWebinars: JobHandler<"discover-webinars"> = (payload, ctx) =>
  discoverAndEnqueue(ctx, payload, { mode: "discovery", logMessage: "discovered webinars" });
