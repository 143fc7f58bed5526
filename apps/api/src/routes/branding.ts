import { brandingBody, brandingLogoBody, brandingView, errorBody } from "@gw/api-contract";
import { deleteFormLogo, getFormBranding, getFormLogo, setFormLogo, updateFormBranding } from "@gw/domain/branding";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

const tags = ["settings"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

/**
 * Settings > Branding: the hosted forms' logo, colours, footer and the sites that may frame them.
 * Anyone of the account reads it (the form editor shows the embed rules); admins change it.
 */
export const brandingRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    app.get(
      "/api/settings/branding",
      {
        preHandler: app.requireAuth,
        schema: {
          tags,
          summary: "How the account's hosted forms look",
          response: { 200: brandingView, 401: errorBody },
        },
      },
      async (request) => getFormBranding({ db, accountId: authOf(request).accountId }),
    );

    app.put(
      "/api/settings/branding",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Replace the hosted forms' branding (admins)",
          description:
            "Colours are refused (400, naming the field and the contrast found) when text on them would not meet WCAG AA (4.5:1). Leave `logoUrl` out to keep the logo as it is.",
          body: brandingBody,
          response: { 200: brandingView, ...errors },
        },
      },
      async (request) =>
        updateFormBranding({
          db,
          accountId: authOf(request).accountId,
          input: {
            ...(request.body.logoUrl !== undefined ? { logoUrl: request.body.logoUrl } : {}),
            accentColor: request.body.accentColor,
            backgroundColor: request.body.backgroundColor,
            footerText: request.body.footerText,
            frameAncestors: request.body.frameAncestors,
          },
        }),
    );

    app.put(
      "/api/settings/branding/logo",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Upload the hosted forms' logo (admins)",
          description:
            "PNG, JPEG, GIF or WebP up to 256 KB, as base64. The bytes must be the type declared (SVG is refused: it can carry script). Replaces a logo given by URL.",
          body: brandingLogoBody,
          response: { 200: brandingView, ...errors },
        },
      },
      async (request) =>
        setFormLogo({
          db,
          accountId: authOf(request).accountId,
          contentType: request.body.contentType,
          bytes: Buffer.from(request.body.data, "base64"),
        }),
    );

    app.delete(
      "/api/settings/branding/logo",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Remove the hosted forms' logo, uploaded or by URL (admins)",
          response: { 200: brandingView, ...errors },
        },
      },
      async (request) => deleteFormLogo({ db, accountId: authOf(request).accountId }),
    );

    app.get(
      "/api/settings/branding/logo",
      {
        preHandler: app.requireAuth,
        schema: {
          tags,
          summary: "The uploaded logo's image (for the settings page)",
          response: { 401: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        const logo = await getFormLogo({ db, accountId: authOf(request).accountId });
        return (
          reply
            .header("content-type", logo.contentType)
            .header("x-content-type-options", "nosniff")
            // An image, not a JSON body: the 200 has no schema to check it against.
            .send(Buffer.from(logo.bytes) as never)
        );
      },
    );
  };
