import { errorBody, syncRunPage, syncRunsQuery } from "@gw/api-contract";
import { listSyncRuns } from "@gw/domain/sync";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

/** What each sync job did: for operators and the connector health page. */
export const syncRunRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    app.get(
      "/api/sync-runs",
      {
        schema: {
          tags: ["sync"],
          summary: "The account's sync runs, newest first (discovery, backfill, registrant and attendance syncs)",
          querystring: syncRunsQuery,
          response: {
            200: syncRunPage,
            400: errorBody,
            401: errorBody,
          },
        },
      },
      async (request) => listSyncRuns({ db: deps.db, accountId: authOf(request).accountId, ...request.query }),
    );
  };
