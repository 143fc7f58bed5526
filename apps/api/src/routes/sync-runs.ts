import { errorBody, syncRunPage, syncRunsQuery } from "@gw/api-contract";
import { listSyncRuns } from "@gw/domain/sync";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { accountRoute } from "./account-route";

/** What each sync job did: for operators and the connector health page. */
export const syncRunRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/sync-runs",
        tags: ["sync"],
        summary: "The account's sync runs, newest first (discovery, backfill, registrant and attendance syncs)",
        querystring: syncRunsQuery,
        reply: syncRunPage,
        errors: { 400: errorBody, 401: errorBody },
      },
      async ({ accountId, query }) => listSyncRuns({ db: deps.db, accountId, ...query }),
    );
  };
