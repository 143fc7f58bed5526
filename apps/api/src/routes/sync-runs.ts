import { errorBody, syncRunPage, syncRunsQuery } from "@gw/api-contract";
import { listSyncRuns } from "@gw/domain/sync";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** What each sync job did: for operators and the connector health page. */
export const syncRunRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["sync"], errors: { 400: errorBody, 401: errorBody } }, (route) => {
    route.get(
      "/api/sync-runs",
      {
        summary: "The account's sync runs, newest first (discovery, backfill, registrant and attendance syncs)",
        querystring: syncRunsQuery,
        reply: syncRunPage,
      },
      async ({ accountId, query }) => listSyncRuns({ db: deps.db, accountId, ...query }),
    );
  });
