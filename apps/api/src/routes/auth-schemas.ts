import { z } from "zod";

/** The common error body (see plugins/error-handler.ts), for OpenAPI responses. */
export const errorBody = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    message: z.string(),
    reqId: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe("The common error body");

export const currentUser = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(["ADMIN", "MARKETER"]),
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
