import { discoverAndEnqueue } from "./sync-support";
import type { JobHandler } from "./types";

/** The backfill after first verification: discovery plus every past webinar of the lookback window. */
export const handleBackfillConnector: JobHandler<"backfill-connector"> = (payload, ctx) =>
  discoverAndEnqueue(ctx, payload, { mode: "backfill", logMessage: "backfilled connector", limit: 100_000 });
