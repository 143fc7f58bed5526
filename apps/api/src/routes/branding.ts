import { brandingBody, brandingLogoBody, brandingView, errorBody } from "@gw/api-contract";
import { deleteFormLogo, getFormBranding, getFormLogo, setFormLogo, updateFormBranding } from "@gw/domain/branding";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { accountPlugin } from "./account-routes";

const tags = ["settings"];

/**
 * Settings > Branding: the hosted forms' logo, colours, footer and the sites that may frame them.
 * Anyone of the account reads it (the form editor shows the embed rules); admins change it.
 */
export const brandingRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags, errors: { 400: errorBody, 401: errorBody, 403: errorBody }, check: "route" }, (route, app) => {
    const { db } = deps;
    route.get(
      "/api/settings/branding",
      {
        summary: "How the account's hosted forms look",
        reply: brandingView,
        errors: { 401: errorBody },
      },
      async ({ accountId }) => getFormBranding({ db, accountId }),
    );

    route.put(
      "/api/settings/branding",
      {
        preHandler: app.requireAdmin,
        summary: "Replace the hosted forms' branding (admins)",
        description:
          "Colours are refused (400, naming the field and the contrast found) when text on them would not meet WCAG AA (4.5:1). Leave `logoUrl` out to keep the logo as it is.",
        body: brandingBody,
        reply: brandingView,
      },
      async ({ accountId, body }) =>
        updateFormBranding({
          db,
          accountId,
          input: {
            ...(body.logoUrl !== undefined ? { logoUrl: body.logoUrl } : {}),
            accentColor: body.accentColor,
            backgroundColor: body.backgroundColor,
            footerText: body.footerText,
            frameAncestors: body.frameAncestors,
          },
        }),
    );

    route.put(
      "/api/settings/branding/logo",
      {
        preHandler: app.requireAdmin,
        summary: "Upload the hosted forms' logo (admins)",
        description:
          "PNG, JPEG, GIF or WebP up to 256 KB, as base64. The bytes must be the type declared (SVG is refused: it can carry script). Replaces a logo given by URL.",
        body: brandingLogoBody,
        reply: brandingView,
      },
      async ({ accountId, body }) =>
        setFormLogo({ db, accountId, contentType: body.contentType, bytes: Buffer.from(body.data, "base64") }),
    );

    route.delete(
      "/api/settings/branding/logo",
      {
        preHandler: app.requireAdmin,
        summary: "Remove the hosted forms' logo, uploaded or by URL (admins)",
        reply: brandingView,
      },
      async ({ accountId }) => deleteFormLogo({ db, accountId }),
    );

    // An image, not JSON: no success schema, so declared as a plain route.
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
  });
