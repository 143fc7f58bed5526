import { z } from "zod";
import type { ResponseOf } from "./common";

const requestStatus = z.enum(["PENDING", "SUCCEEDED", "FAILED"]);

export const registrationRequestView = z
  .object({
    id: z.uuid(),
    status: requestStatus,
    reason: z
      .string()
      .nullable()
      .describe(
        "Why it failed (GoTo's message, a closed webinar, 24 hours unreachable), or the last transient error while pending",
      ),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    giveUpAt: z.string(),
    registrantKey: z.string().nullable(),
    joinUrl: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    prospect: z.object({
      id: z.uuid(),
      email: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
    }),
    webinar: z.object({ id: z.uuid(), subject: z.string(), startsAt: z.string() }),
    formId: z.uuid().nullable(),
  })
  .meta({ id: "RegistrationRequest" });

export const registrationRequestsQuery = z.object({
  status: requestStatus.optional(),
  prospectId: z.uuid().optional(),
  webinarId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const registrationRequestList = z.object({
  requests: z.array(registrationRequestView),
  total: z.number().int(),
});
export const registrationRequestParams = z.object({ requestId: z.uuid() });

export type RegistrationRequest = ResponseOf<typeof registrationRequestView>;
export type RegistrationRequestList = ResponseOf<typeof registrationRequestList>;
