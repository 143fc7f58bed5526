import { z } from "zod";
import type { ResponseOf } from "./common";

export const queueHealth = z.object({
  name: z.string(),
  waiting: z.number().int(),
  active: z.number().int(),
  delayed: z.number().int(),
  failed: z.number().int(),
  completed: z.number().int(),
  paused: z.boolean(),
});

export const opsQueues = z.object({ queues: z.array(queueHealth), dashboardPath: z.string() });

export const opsInfo = z.object({
  publicUrl: z.string(),
  webhooks: z.object({ reachable: z.boolean(), reason: z.string().nullable() }),
});

export type QueueHealth = ResponseOf<typeof queueHealth>;
export type OpsQueues = ResponseOf<typeof opsQueues>;
export type OpsInfo = ResponseOf<typeof opsInfo>;
