import { z } from "zod";
import type { ResponseOf } from "./common";

/** Admin > Settings: where hosted forms may send people after they submit. */
export const redirectDomainsView = z.object({
  domains: z
    .array(z.string())
    .describe(
      "Host names (each also covers its subdomains) a marketer may use as a form's thank-you redirect; an admin may set any https redirect, with a warning in the editor",
    ),
});

export const redirectDomainsBody = z.object({
  domains: z
    .array(z.string().trim().min(1).max(253))
    .max(50)
    .describe(
      'Domain names such as "example.com"; "https://www.example.com/" and "*.example.com" are reduced to the host',
    ),
});

export type RedirectDomains = ResponseOf<typeof redirectDomainsView>;

/** Admin > Settings: how a form registration's source is told to GoTo Webinar. */
export const registrantSourceView = z.object({
  template: z.string().describe("The template in use, e.g. {utm_source} / {utm_campaign}"),
  isDefault: z.boolean().describe("true while the account uses the built-in default"),
  defaultTemplate: z.string(),
  placeholders: z.array(z.string()).describe("What a template may use, each written as {name}"),
});

export const registrantSourceBody = z.object({
  template: z
    .string()
    .max(200)
    .nullable()
    .describe(
      "Placeholders {utm_source}, {utm_medium}, {utm_campaign}, {utm_term}, {utm_content}, {referrer}, {referrer_host}, {form}; null restores the default",
    ),
});

/** Admin > Settings: the campaign of prospects forms create when the form names none. */
export const defaultCampaignView = z.object({
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export const defaultCampaignBody = z.object({
  campaignId: z.uuid("must be a uuid").nullable().describe("A campaign of the account, or null for none"),
});

export type RegistrantSource = ResponseOf<typeof registrantSourceView>;
export type DefaultCampaign = ResponseOf<typeof defaultCampaignView>;
