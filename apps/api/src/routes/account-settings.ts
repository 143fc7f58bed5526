import { errorBody, redirectDomainsBody, redirectDomainsView } from "@gw/api-contract";
import { getRedirectDomains, setRedirectDomains } from "@gw/domain/account-settings";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

const tags = ["settings"];

/** Account settings: the domains hosted forms may redirect to. */
export const accountSettingsRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/settings/redirect-domains",
      {
        preHandler: app.requireAuth,
        schema: {
          tags,
          summary: "The domains forms may send people to after they submit",
          response: { 200: redirectDomainsView, 401: errorBody },
        },
      },
      async (request) => ({ domains: await getRedirectDomains({ db: deps.db, accountId: authOf(request).accountId }) }),
    );

    app.put(
      "/api/settings/redirect-domains",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Replace the list of domains forms may redirect to (admins)",
          body: redirectDomainsBody,
          response: { 200: redirectDomainsView, 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (request) => ({
        domains: await setRedirectDomains({
          db: deps.db,
          accountId: authOf(request).accountId,
          domains: request.body.domains,
        }),
      }),
    );
  };
