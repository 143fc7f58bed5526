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
