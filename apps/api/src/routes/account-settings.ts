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
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Account settings: the domains hosted forms may redirect to, the registrant source template, the default campaign. */
export const accountSettingsRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["settings"], errors: { 401: errorBody }, check: "route" }, (route, app) => {
    // A setting is read by anyone of the account and written by its admins.
    const setting = <View extends z.ZodType, Body extends z.ZodType>(spec: {
      path: string;
      summary: { get: string; put: string };
      view: View;
      body: Body;
      get: (accountId: string) => Promise<z.input<View>>;
      put: (accountId: string, body: z.output<Body>) => Promise<z.input<View>>;
    }) => {
      route.get(spec.path, { summary: spec.summary.get, reply: spec.view }, ({ accountId }) => spec.get(accountId));
      route.put(
        spec.path,
        {
          preHandler: app.requireAdmin,
          summary: spec.summary.put,
          body: spec.body,
          reply: spec.view,
          errors: { 400: errorBody, 401: errorBody, 403: errorBody },
        },
        ({ accountId, body }) => spec.put(accountId, body as z.output<Body>),
      );
    };

    setting({
      path: "/api/settings/redirect-domains",
      summary: {
        get: "The domains forms may send people to after they submit",
        put: "Replace the list of domains forms may redirect to (admins)",
      },
      view: redirectDomainsView,
      body: redirectDomainsBody,
      get: async (accountId) => ({ domains: await getRedirectDomains({ db: deps.db, accountId }) }),
      put: async (accountId, body) => ({
        domains: await setRedirectDomains({ db: deps.db, accountId, domains: body.domains }),
      }),
    });

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
  });
