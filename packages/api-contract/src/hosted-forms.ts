import { z } from "zod";
import type { ResponseOf } from "./common";

export const hostedFormParams = z.object({ formId: z.string().describe("The form's id") });
export const registrationState = z.enum(["registered", "pending", "failed"]);
export const hostedFormSubmission = z.record(z.string(), z.unknown()).optional();
export const hostedFormAccepted = z.object({
  status: z.literal("accepted"),
  message: z.string().describe("The form's thank-you message"),
  redirectUrl: z.string().optional().describe("Where a browser would be sent instead of the message"),
  registrations: z
    .array(
      z.object({
        status: registrationState,
        joinUrl: z
          .string()
          .nullable()
          .optional()
          .describe("The registrant's own join link GoTo returned; null while the registration is on its way"),
        calendar: z
          .object({
            ics: z.string().describe("An iCalendar file of every session (with the join link once GoTo gave it)"),
            google: z.string().describe("Opens Google Calendar with the first session filled in"),
            outlook: z.string().describe("Opens Outlook.com with the first session filled in"),
          })
          .optional(),
      }),
    )
    .optional()
    .describe(
      "One per webinar the form registers for: registered (GoTo Webinar has the registrant and sends its confirmation e-mail), failed (refused; an admin sees why under failed registrations), or pending (still on its way, retried until it goes through). Absent when the form registers for nothing or the person was not registered (filtered prospect).",
    ),
});

export const hostedFormCalendarQuery = z.object({
  registration: z.string().max(100).optional().describe("The registration id the thank-you page links with"),
});

export type RegistrationState = z.infer<typeof registrationState>;
export type HostedFormAccepted = ResponseOf<typeof hostedFormAccepted>;
