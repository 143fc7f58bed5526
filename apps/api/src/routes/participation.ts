import { errorBody, errors, participationPage, participationQuery } from "@gw/api-contract";
import { listParticipation } from "@gw/domain/events";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** The participation feed: what a warehouse reads to stay in sync without webhooks. */
export const participationRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["participation"], errors }, (route) => {
    route.get(
      "/api/participation",
      {
        summary: "Every change of a prospect's webinar state, in order, paged by cursor",
        description:
          "Start without `since`, then pass each answer's `nextCursor` as `since`. While `hasMore` is true the next page is ready at once; otherwise poll again later with the same cursor. Pages never skip or repeat a change, even while syncs write. Changes are kept CHANGE_EVENT_RETENTION_DAYS (default 90) days: a cursor older than that is answered 410; start again without `since`.",
        querystring: participationQuery,
        reply: participationPage,
        errors: { ...errors, 410: errorBody },
      },
      async ({ accountId, query }) => listParticipation({ db: deps.db, accountId, ...query }),
    );
  });
