import { z } from "zod";
import type { RequestOf, ResponseOf } from "./common";

export const role = z.enum(["ADMIN", "MARKETER"]);

export const currentUser = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role,
    operator: z
      .boolean()
      .describe("Runs this installation: may open the queue dashboard shared by every account (set by the CLI only)"),
  }),
  account: z.object({ id: z.uuid(), name: z.string() }),
  /** Echo in `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
});

export const loginBody = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export const csrfTokenResponse = z.object({ csrfToken: z.string() });

export type Role = z.infer<typeof role>;
export type CurrentUser = ResponseOf<typeof currentUser>;
export type LoginBody = RequestOf<typeof loginBody>;
