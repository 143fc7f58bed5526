import { z } from "zod";
import type { ResponseOf } from "./common";

export const liveness = z.object({ status: z.literal("ok") });
const check = z.object({ ok: z.boolean(), detail: z.string().optional() });
export const readiness = z.object({
  status: z.enum(["ready", "not ready"]),
  checks: z.object({ postgres: check, redis: check, migrations: check }),
});

export type Readiness = ResponseOf<typeof readiness>;
