import {
  defaultCampaignBody,
  defaultCampaignView,
  errorBody,
  redirectDomainsBody,
  redirectDomainsView,
  registrantSourceBody,
  registrantSourceView,
} from "@gw/api-contract";
import {
  getDefaultCampaign,
  getRedirectDomains,
  getRegistrantSourceTemplate,
  setDefaultCampaign,
  setRedirectDomains,
  setRegistrantSourceTemplate,
} from "@gw/domain/account-settings";
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

const tags = ["settings"];

/** Account settings: the domains hosted forms may redirect to, the registrant source template, the default campaign. */
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

    // A setting is read by anyone of the account and written by its admins.
    const setting = <View extends z.ZodType, Body extends z.ZodType>(spec: {
      path: string;
      summary: { get: string; put: string };
      view: View;
      body: Body;
      get: (accountId: string) => Promise<z.input<View>>;
      put: (accountId: string, body: z.output<Body>) => Promise<z.input<View>>;
    }) => {
      // Untyped registration: a generic schema is beyond the type provider's inference; the
      // schemas still validate the body and serialise (and check) the reply at run time.
      const untyped = app as unknown as FastifyInstance;
      untyped.get(
        spec.path,
        {
          preHandler: app.requireAuth,
          schema: { tags, summary: spec.summary.get, response: { 200: spec.view, 401: errorBody } },
        },
        async (request) => spec.get(authOf(request).accountId),
      );
      untyped.put(
        spec.path,
        {
          preHandler: app.requireAdmin,
          schema: {
            tags,
            summary: spec.summary.put,
            body: spec.body,
            response: { 200: spec.view, 400: errorBody, 401: errorBody, 403: errorBody },
          },
        },
        async (request) => spec.put(authOf(request).accountId, request.body as z.output<Body>),
      );
    };

    setting({
      path: "/api/settings/registrant-source",
      summary: {
        get: "How form registrations name their source to GoTo Webinar (the template over UTM parameters)",
        put: "Set the registrant source template (admins); null restores the default",
      },
      view: registrantSourceView,
      body: registrantSourceBody,
      get: (accountId) => getRegistrantSourceTemplate({ db: deps.db, accountId }),
      put: (accountId, body) => setRegistrantSourceTemplate({ db: deps.db, accountId, template: body.template }),
    });

    setting({
      path: "/api/settings/default-campaign",
      summary: {
        get: "The campaign of prospects a form creates when the form names none",
        put: "Set the account's default campaign for prospects forms create (admins)",
      },
      view: defaultCampaignView,
      body: defaultCampaignBody,
      get: (accountId) => getDefaultCampaign({ db: deps.db, accountId }),
      put: (accountId, body) => setDefaultCampaign({ db: deps.db, accountId, campaignId: body.campaignId }),
    });
  };
