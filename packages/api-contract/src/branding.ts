import { z } from "zod";
import type { RequestOf, ResponseOf } from "./common";

const hex = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour as #rrggbb, like #1d4ed8");

/** Settings > Branding: how the account's hosted forms and thank-you pages look, and who may frame them. */
export const brandingView = z
  .object({
    logo: z
      .object({
        kind: z.enum(["url", "upload"]),
        url: z.string().describe("The image address the hosted pages use (an upload is served by this service)"),
        contentType: z.string().nullable().describe("The uploaded image's type; null for a URL"),
      })
      .nullable(),
    accentColor: z.string().nullable().describe("Buttons, links and the focus ring; null: the built-in blue"),
    backgroundColor: z.string().nullable().describe("The page behind the form; null: the built-in grey"),
    footerText: z.string().nullable(),
    frameAncestors: z
      .array(z.string())
      .describe("Origins that may show the forms in a frame (iframe embed); empty: any site"),
    limits: z.object({ logoMaxBytes: z.number().int(), logoTypes: z.array(z.string()) }),
  })
  .meta({ id: "FormBranding" });

export const brandingBody = z.object({
  logoUrl: z
    .url({ protocol: /^https$/, message: "must be an https URL of an image" })
    .max(2000)
    .nullish()
    .describe("An https image address; null removes a logo given by URL (an uploaded one is removed by DELETE)"),
  accentColor: hex
    .nullable()
    .describe("#rrggbb; white text on it and it as text on white need 4.5:1 contrast (WCAG AA); null: default"),
  backgroundColor: hex
    .nullable()
    .describe("#rrggbb; the footer's text (dark or white, whichever reads better) needs 4.5:1 on it; null: default"),
  footerText: z.string().trim().max(500).nullable().describe("Shown under the form and the thank-you message"),
  frameAncestors: z
    .array(z.string().trim().min(1).max(200))
    .max(20)
    .default([])
    .describe('Origins such as "https://www.example.com" or "https://*.example.com"; empty: any site may embed'),
});

export const brandingLogoBody = z.object({
  contentType: z.enum(["image/png", "image/jpeg", "image/gif", "image/webp"]),
  data: z.base64("must be the image's bytes in base64").max(400_000, "must be at most 256 KB (base64 of it)"),
});

export type FormBranding = ResponseOf<typeof brandingView>;
export type FormBrandingInput = RequestOf<typeof brandingBody>;
export type FormBrandingLogoInput = RequestOf<typeof brandingLogoBody>;
