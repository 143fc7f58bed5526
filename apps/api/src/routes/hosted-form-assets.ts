import { hostedFormParams as params } from "@gw/api-contract";
import { getFormLogo } from "@gw/domain/branding";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { renderEmbedScript } from "../views/embed-script";

/** What a hosted form page loads besides itself: the account's uploaded logo and the embed script. */
export const hostedFormAssetRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/f/:formId/logo",
      {
        schema: {
          tags: ["hosted forms"],
          summary: "The account's uploaded logo, as its hosted forms show it",
          description: "Versioned by `?v=` (a new upload gets a new address), so it is cached for a day.",
          params,
        },
      },
      async (request, reply) => {
        const form = await deps.hostedForms.load(request.params.formId);
        const logo = await getFormLogo({ db: deps.db, accountId: form.accountId });
        return reply
          .header("content-type", logo.contentType)
          .header("cache-control", "public, max-age=86400")
          .header("x-content-type-options", "nosniff")
          .header("content-security-policy", "default-src 'none'")
          .send(Buffer.from(logo.bytes));
      },
    );

    app.get(
      "/f/:formId/embed.js",
      {
        schema: {
          tags: ["hosted forms"],
          summary: "The script that embeds the form in another site",
          description:
            'Paste `<script src="<PUBLIC_URL>/f/:formId/embed.js" async></script>` where the form should appear: it adds an iframe of the form there, passes the page\'s address (as the referrer) and its UTM parameters, and sizes the frame to the form.',
          params,
        },
      },
      async (request, reply) => {
        const form = await deps.hostedForms.load(request.params.formId);
        return (
          reply
            .header("content-type", "text/javascript; charset=utf-8")
            .header("cache-control", "public, max-age=300")
            // Loaded by other sites' pages: that is what it is for.
            .header("cross-origin-resource-policy", "cross-origin")
            .send(renderEmbedScript(`${deps.config.http.publicUrl}/f/${form.id}`, form.name))
        );
      },
    );
  };
