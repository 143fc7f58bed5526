import { campaignList, campaignsQuery, campaignView, createCampaignBody, errorBody } from "@gw/api-contract";
import { createCampaign, listCampaigns } from "@gw/domain/campaigns";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Campaigns, for the connector's "campaign for created prospects" picker. */
export const campaignRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["campaigns"], errors: { 400: errorBody, 401: errorBody }, check: "route" }, (route) => {
    route.get(
      "/api/campaigns",
      {
        summary: "The account's campaigns by name",
        querystring: campaignsQuery,
        reply: campaignList,
      },
      async ({ accountId, query }) => ({
        items: await listCampaigns({
          db: deps.db,
          accountId,
          limit: query.limit,
          ...(query.search ? { search: query.search } : {}),
        }),
      }),
    );

    route.post(
      "/api/campaigns",
      {
        summary: "Create a campaign",
        body: createCampaignBody,
        reply: campaignView,
        status: 201,
        errors: { 400: errorBody, 401: errorBody, 409: errorBody },
      },
      async ({ accountId, body }) => createCampaign({ db: deps.db, accountId, name: body.name }),
    );
  });
