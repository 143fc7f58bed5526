import type { outboundEndpoint } from "@gw/api-contract";
import type { z } from "zod";

/** An outbound endpoint as admins see it (never its secret): exactly the API's. */
export type EndpointView = z.infer<typeof outboundEndpoint>;

export const ENDPOINT_VIEW_SELECT = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  disabledReason: true,
  disabledAt: true,
  failingSince: true,
  createdAt: true,
  updatedAt: true,
} as const;
